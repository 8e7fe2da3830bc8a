// The programmes module's public face for other modules (allocations, documents, reports).
export { initProgrammeModels } from './programmes.model.js';
export type { Programme } from './programmes.model.js';
export {
  allProgrammes,
  courseAttendanceThresholds,
  programmeExists,
  programmeNameOf,
  programmeNamesOf,
  trainingRuleOf,
} from './programmes.queries.js';
export { eligibilityOf, programmeInput, toProgrammeDto, weightsOf, type ProgrammeDto } from './programmes.schema.js';
export { createProgrammeIn, findProgramme } from './programmes.service.js';
export { programmeProgress, type ProgrammeProgress } from './programmes.progress.js';
