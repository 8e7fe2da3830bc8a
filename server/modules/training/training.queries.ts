// Reads of training rows for other modules: the programmes' check of a course id, the handover gate (allocations),
// and what the documents print (the training certificate, the trainee cards, the public verification page).
import type { Transaction } from 'sequelize';
import type { TrainingRequiredDetails } from '../../shared/index.js';
import { normaliseTrainingCertificateCode } from './training.codes.js';
import { Course, CourseSession, Enrolment } from './training.model.js';

/** Whether course `id` exists (read inside the caller's transaction). */
export async function courseExists(id: number, transaction?: Transaction): Promise<boolean> {
  return (await Course.count({ where: { id }, transaction })) > 0;
}

/** What a programme says about training (its row's fields). */
export interface TrainingRule {
  requiresTraining: boolean;
  courseId: number | null;
  attendanceThreshold: number;
}

/**
 * The handover gate (spec §14): null when `programme` requires no training or `beneficiaryId` completed its course;
 * otherwise what is missing, for a 409 TRAINING_REQUIRED. `sessionsMissing` is how many more of the course's sessions
 * they must attend to reach the programme's threshold (0 when they reached it and only completion is pending).
 */
export async function trainingGateFor(
  beneficiaryId: number,
  programme: TrainingRule,
  transaction?: Transaction,
): Promise<TrainingRequiredDetails | null> {
  if (!programme.requiresTraining || programme.courseId == null) return null;
  const courseId = programme.courseId;
  const [course, enrolment, sessions] = await Promise.all([
    Course.findByPk(courseId, { attributes: ['id', 'titleAr', 'titleEn'], transaction }),
    Enrolment.findOne({ where: { courseId, beneficiaryId }, transaction }),
    CourseSession.count({ where: { courseId }, transaction }),
  ]);
  if (enrolment?.status === 'completed') return null;
  const holds = enrolment && enrolment.status !== 'dropped' ? enrolment : null;
  const attended = holds?.sessionsAttended ?? 0;
  // floor(100 × a / s) ≥ t exactly when a ≥ ceil(t × s / 100).
  const needed = Math.ceil((programme.attendanceThreshold * sessions) / 100);
  return {
    courseId,
    courseTitleAr: course?.titleAr ?? '',
    courseTitleEn: course?.titleEn ?? '',
    enrolmentId: holds?.id ?? null,
    attendancePercent: holds?.attendancePercent ?? 0,
    attendanceThreshold: programme.attendanceThreshold,
    sessionsMissing: Math.max(0, needed - attended),
  };
}

/** A course as documents print it. */
export interface CourseFacts {
  id: number;
  titleAr: string;
  titleEn: string;
  hours: number;
  mode: Course['mode'];
  siteId: number | null;
  location: string | null;
  trainer: string;
  startsOn: string;
  endsOn: string;
}

/** An enrolment as documents print it. */
export interface EnrolmentFacts {
  id: number;
  beneficiaryId: number;
  status: Enrolment['status'];
  traineeCode: string;
  sessionsAttended: number;
  attendancePercent: number;
  certificateCode: string | null;
  completedAt: Date | null;
}

const courseFacts = (c: Course): CourseFacts => ({
  id: c.id,
  titleAr: c.titleAr,
  titleEn: c.titleEn,
  hours: c.hours,
  mode: c.mode,
  siteId: c.siteId ?? null,
  location: c.location ?? null,
  trainer: c.trainer,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
});

const enrolmentFacts = (e: Enrolment): EnrolmentFacts => ({
  id: e.id,
  beneficiaryId: e.beneficiaryId,
  status: e.status,
  traineeCode: e.traineeCode,
  sessionsAttended: e.sessionsAttended,
  attendancePercent: e.attendancePercent,
  certificateCode: e.certificateCode ?? null,
  completedAt: e.completedAt ? new Date(e.completedAt) : null,
});

/** Enrolment `id` with its course and the course's number of sessions, or null. */
export async function enrolmentWithCourse(
  id: number,
): Promise<{ enrolment: EnrolmentFacts; course: CourseFacts; sessions: number } | null> {
  const enrolment = await Enrolment.findByPk(id);
  if (!enrolment) return null;
  const [course, sessions] = await Promise.all([
    Course.findByPk(enrolment.courseId),
    CourseSession.count({ where: { courseId: enrolment.courseId } }),
  ]);
  return { enrolment: enrolmentFacts(enrolment), course: courseFacts(course!), sessions };
}

/** The completed enrolment whose training certificate carries `code` (as scanned or typed), with its course; or null. */
export async function completedByCertificateCode(
  rawCode: string,
): Promise<{ enrolment: EnrolmentFacts; course: CourseFacts } | null> {
  const code = normaliseTrainingCertificateCode(rawCode);
  if (!code) return null;
  const enrolment = await Enrolment.findOne({ where: { certificateCode: code, status: 'completed' } });
  if (!enrolment) return null;
  const course = await Course.findByPk(enrolment.courseId);
  return { enrolment: enrolmentFacts(enrolment), course: courseFacts(course!) };
}

/** Course `id` and the trainees holding a place in it (enrolled or completed), by trainee code; null for no course. */
export async function courseTrainees(id: number): Promise<{ course: CourseFacts; trainees: EnrolmentFacts[] } | null> {
  const course = await Course.findByPk(id);
  if (!course) return null;
  const trainees = await Enrolment.findAll({
    where: { courseId: id, status: ['enrolled', 'completed'] },
    order: [['traineeCode', 'ASC']],
  });
  return { course: courseFacts(course), trainees: trainees.map(enrolmentFacts) };
}
