// The programmes module's public face for other modules (allocations, documents, reports).
export { Programme, initProgrammeModels } from './programmes.model.js';
export { toProgrammeDto, type ProgrammeDto } from './programmes.schema.js';
export { findProgramme } from './programmes.service.js';
export { programmeProgress, type ProgrammeProgress } from './programmes.progress.js';
