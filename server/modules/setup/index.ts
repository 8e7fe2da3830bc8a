// The setup module (issue 22): the one-time setup while no user exists, and the demo data it may load.
export { announceSetup, storeConfiguredCharity } from './setup.service.js';
