export { Programme, initProgrammeModels } from './programmes.model.js';
export { programmeRoutes, toProgrammeDto } from './programmes.routes.js';
export { programmeProgress, type ProgrammeProgress } from './programmes.progress.js';
