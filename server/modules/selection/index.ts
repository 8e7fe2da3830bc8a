// Selection per programme (spec §14): committee scores, a programme's waiting list and its public application form.
// Owns committee_scores and programme_applications; reads programmes and ranks through the beneficiaries module.
export { associateSelectionModels, initSelectionModels } from './selection.model.js';
export type { CommitteeScore, ProgrammeApplication } from './selection.model.js';
