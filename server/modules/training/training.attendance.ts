// Attendance and completion. PUT …/sessions/:sessionId/attendance replaces who was present at that session; then,
// in the same transaction, every enrolment of the course is counted again: attendancePercent = floor(100 × sessions
// attended / the course's sessions). An `enrolled` trainee at or above the course's threshold (the highest of the
// programmes naming the course, else 75 %) is `completed` and gets the training certificate's code. Completed stays
// completed, whatever later attendance says.
import { col, fn, type Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError, UnprocessableError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { charityTimeZone } from '../../lib/time-zone.js';
import type { Actor } from '../auth/index.js';
import { newTrainingCertificateCode } from './training.codes.js';
import { Attendance, CourseSession, Enrolment, type Course } from './training.model.js';
import { loadCourse, sessionCountOf, thresholdOf } from './training.read.js';
import { toSessionDto } from './training.schema.js';
import type { CourseSessionDto } from '../../shared/index.js';

/** Today in the charity's time zone, YYYY-MM-DD (en-CA formats dates that way). */
export function charityToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: charityTimeZone() }).format(now);
}

/** floor(100 × attended / sessions), 0 for a course without sessions. */
export const percentOf = (attended: number, sessions: number): number =>
  sessions > 0 ? Math.floor((100 * attended) / sessions) : 0;

/**
 * Counts every enrolment of `course` (its row locked by the caller) again and completes those who reached the
 * threshold; returns the enrolments completed now.
 */
export async function recomputeAttendance(course: Course, transaction: Transaction): Promise<Enrolment[]> {
  const [sessions, threshold, enrolments] = await Promise.all([
    sessionCountOf(course.id, transaction),
    thresholdOf(course.id, transaction),
    Enrolment.findAll({ where: { courseId: course.id }, transaction, lock: transaction.LOCK.UPDATE }),
  ]);
  if (!enrolments.length) return [];
  const rows = (await Attendance.findAll({
    where: { enrolmentId: enrolments.map((e) => e.id) },
    attributes: ['enrolmentId', [fn('COUNT', col('id')), 'n']],
    group: ['enrolmentId'],
    raw: true,
    transaction,
  })) as unknown as { enrolmentId: number; n: number | string }[];
  const attended = new Map(rows.map((r) => [Number(r.enrolmentId), Number(r.n)]));
  const completed: Enrolment[] = [];
  const now = new Date();
  for (const e of enrolments) {
    const sessionsAttended = attended.get(e.id) ?? 0;
    const attendancePercent = percentOf(sessionsAttended, sessions);
    e.set({ sessionsAttended, attendancePercent });
    if (e.status === 'enrolled' && sessions > 0 && attendancePercent >= threshold) {
      e.set({ status: 'completed', completedAt: now, certificateCode: newTrainingCertificateCode(now) });
      completed.push(e);
    }
    if (e.changed()) await e.save({ transaction });
  }
  return completed;
}

function notPresentable(path: string, message: string) {
  return { path, message };
}

/**
 * PUT /api/courses/:id/sessions/:sessionId/attendance { present }: the session's attendance becomes exactly
 * `present`. Each id must be an enrolment of this course (422 ENROLMENT_NOT_IN_COURSE naming `present.N`) that
 * holds a place (422 ENROLMENT_NOT_ACTIVE for a waitlisted or dropped one); a session after today has not been
 * held yet (422 SESSION_NOT_HELD_YET).
 */
export async function takeAttendance(
  courseId: number,
  sessionId: number,
  present: readonly number[],
  actor: Actor,
): Promise<CourseSessionDto> {
  const { session, completed } = await withTransaction(async (transaction) => {
    const course = await loadCourse(courseId, transaction, true);
    const session = await CourseSession.findOne({
      where: { id: sessionId, courseId },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!session) throw new NotFoundError(`Course ${courseId} has no session ${sessionId}`);
    if (session.date > charityToday())
      throw new UnprocessableError('SESSION_NOT_HELD_YET', `The session of ${session.date} has not taken place yet`, {
        date: session.date,
      });
    const enrolments = new Map(
      (await Enrolment.findAll({ where: { courseId }, attributes: ['id', 'status'], transaction })).map((e) => [
        e.id,
        e,
      ]),
    );
    const outside = present.flatMap((id, i) =>
      enrolments.has(id) ? [] : [notPresentable(`present.${i}`, `Enrolment ${id} is not in this course`)],
    );
    if (outside.length)
      throw new UnprocessableError('ENROLMENT_NOT_IN_COURSE', 'Some enrolments are not in this course', outside);
    const inactive = present.flatMap((id, i) => {
      const status = enrolments.get(id)!.status;
      return status === 'enrolled' || status === 'completed'
        ? []
        : [notPresentable(`present.${i}`, `Enrolment ${id} is ${status}: it holds no place in the course`)];
    });
    if (inactive.length)
      throw new UnprocessableError(
        'ENROLMENT_NOT_ACTIVE',
        'Only trainees holding a place may be marked present',
        inactive,
      );
    await Attendance.destroy({ where: { sessionId }, transaction });
    if (present.length)
      await Attendance.bulkCreate(
        present.map((enrolmentId) => ({ sessionId, enrolmentId })),
        { transaction },
      );
    await session.update({ attendanceTakenAt: new Date(), attendanceTakenBy: actor.id }, { transaction });
    return { session, completed: await recomputeAttendance(course, transaction) };
  });
  logger.info('training.attendance_taken', {
    courseId,
    sessionId,
    present: present.length,
    completed: completed.map((e) => e.id),
    actorId: actor.id,
  });
  return toSessionDto(
    session,
    [...present].sort((a, b) => a - b),
  );
}
