// The workshop module: lifecycle actions' side rows (parts, disposals, verification samples), work queues.
// The device routes call act(); other modules use only what is exported here.
export { initWorkshopModels, Part, Disposal, VerificationSample } from './workshop.model.js';
export { act } from './workshop.actions.js';
export { parseWorkshopAction } from './workshop.schema.js';
