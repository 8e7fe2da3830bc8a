// The workshop module: lifecycle actions' side rows (parts, disposals, verification samples), work queues.
// The device routes call act(); other modules use only what is exported here.
export { initWorkshopModels } from './workshop.model.js';
export type { Part, Disposal, VerificationSample } from './workshop.model.js';
export { latestPassedSample } from './workshop.queries.js';
export { act } from './workshop.actions.js';
export { parseWorkshopAction } from './workshop.schema.js';
