// Wire shapes shared with the web client, one file per resource. Pure: no imports from server code, so the client
// build never pulls server modules. The client reaches them through client/src/api/types.ts.
export * from './common.js';
export * from './users.js';
export * from './donations.js';
export * from './devices.js';
export * from './workshop.js';
export * from './beneficiaries.js';
export * from './allocations.js';
export * from './regions.js';
export * from './cities.js';
export * from './regional-reports.js';
export * from './impact.js';
export * from './outbox.js';
export * from './webhooks.js';
export * from './batches.js';
export * from './training.js';
export * from './connectivity.js';
export * from './selection.js';
export * from './setup.js';
