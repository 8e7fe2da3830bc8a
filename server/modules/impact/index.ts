// The impact module: the public, opt-in impact figures (spec §11), aggregate counts by region and month read from
// the figures module. Routes: impact.routes.ts.
export { publicImpact } from './impact.service.js';
