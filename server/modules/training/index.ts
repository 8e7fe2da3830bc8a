// The training module (spec §14: courses, sessions, enrolments, attendance): its public face for other modules.
// Programmes check a course id with courseExists(); the handover asks trainingGateFor(); documents print the
// training certificate, the trainee cards and the verification page from the reads below. Nobody else writes its rows.
export { initTrainingModels } from './training.model.js';
export type { Course, CourseSession, Enrolment, Attendance } from './training.model.js';
export {
  courseExists,
  courseTrainees,
  completedByCertificateCode,
  enrolmentWithCourse,
  trainingGateFor,
  type CourseFacts,
  type EnrolmentFacts,
  type TrainingRule,
} from './training.queries.js';
export { normaliseTrainingCertificateCode } from './training.codes.js';
