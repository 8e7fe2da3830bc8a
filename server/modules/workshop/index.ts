export { workshopRoutes } from './workshop.routes.js';
export { initWorkshopModels, Part, Disposal, VerificationSample } from './workshop.model.js';
