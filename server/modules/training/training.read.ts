// The reads behind the course and enrolment DTOs, a few queries whatever the number of courses on a page: sessions
// with how many were present, enrolments counted by status, the attendance each course asks for, trainees' names.
import { col, fn, type Transaction } from 'sequelize';
import { NotFoundError } from '../../lib/errors.js';
import { certificateBeneficiariesOf } from '../beneficiaries/index.js';
import { courseAttendanceThresholds } from '../programmes/index.js';
import { DEFAULT_ATTENDANCE_THRESHOLD, ENROLMENT_STATUSES, type EnrolmentStatus } from '../../shared/index.js';
import { Attendance, Course, CourseSession, Enrolment } from './training.model.js';
import { toSessionDto, type CourseFacts } from './training.schema.js';

/** Course `id` read (and locked, inside a write transaction), or a 404. */
export async function loadCourse(id: number, transaction?: Transaction, lock = false): Promise<Course> {
  const course = await Course.findByPk(id, {
    transaction,
    lock: lock && transaction ? transaction.LOCK.UPDATE : undefined,
  });
  if (!course) throw new NotFoundError(`Course ${id} not found`);
  return course;
}

/** The attendance course `id` asks for: the highest threshold of the programmes naming it, else 75 %. */
export async function thresholdOf(courseId: number, transaction?: Transaction): Promise<number> {
  return (await courseAttendanceThresholds([courseId], transaction)).get(courseId) ?? DEFAULT_ATTENDANCE_THRESHOLD;
}

/** How many sessions course `id` has: the denominator of every attendance percent. */
export function sessionCountOf(courseId: number, transaction?: Transaction): Promise<number> {
  return CourseSession.count({ where: { courseId }, transaction });
}

const zeroCounts = (): Record<EnrolmentStatus, number> =>
  Object.fromEntries(ENROLMENT_STATUSES.map((s) => [s, 0])) as Record<EnrolmentStatus, number>;

/** Sessions (by date, with how many were present), counts by status and the threshold of each course, by course id. */
export async function factsOf(
  courses: readonly Course[],
  transaction?: Transaction,
): Promise<Map<number, CourseFacts>> {
  const ids = courses.map((c) => c.id);
  const facts = new Map<number, CourseFacts>(
    ids.map((id) => [id, { sessions: [], counts: zeroCounts(), attendanceThreshold: DEFAULT_ATTENDANCE_THRESHOLD }]),
  );
  if (!ids.length) return facts;
  const [sessions, counts, thresholds] = await Promise.all([
    CourseSession.findAll({ where: { courseId: ids }, order: [['date', 'ASC']], transaction }),
    Enrolment.findAll({
      where: { courseId: ids },
      attributes: ['courseId', 'status', [fn('COUNT', col('id')), 'n']],
      group: ['courseId', 'status'],
      raw: true,
      transaction,
    }) as unknown as Promise<{ courseId: number; status: EnrolmentStatus; n: number | string }[]>,
    courseAttendanceThresholds(ids, transaction),
  ]);
  const present = await presentOf(
    sessions.map((s) => s.id),
    transaction,
  );
  for (const s of sessions) facts.get(s.courseId)!.sessions.push(toSessionDto(s, present.get(s.id) ?? []));
  for (const row of counts) {
    const f = facts.get(Number(row.courseId))!;
    if (row.status in f.counts) f.counts[row.status] = Number(row.n);
  }
  for (const [courseId, threshold] of thresholds) facts.get(courseId)!.attendanceThreshold = threshold;
  return facts;
}

/** The enrolments present at each session, in one query (a sheet taken again starts from who was there). */
async function presentOf(sessionIds: number[], transaction?: Transaction): Promise<Map<number, number[]>> {
  const present = new Map<number, number[]>();
  if (!sessionIds.length) return present;
  const rows = (await Attendance.findAll({
    where: { sessionId: sessionIds },
    attributes: ['sessionId', 'enrolmentId'],
    order: [['enrolmentId', 'ASC']],
    raw: true,
    transaction,
  })) as unknown as { sessionId: number; enrolmentId: number }[];
  for (const r of rows) {
    const ids = present.get(Number(r.sessionId)) ?? [];
    ids.push(Number(r.enrolmentId));
    present.set(Number(r.sessionId), ids);
  }
  return present;
}

/** The names of the given beneficiaries (only ever asked for the roles that see them). */
export async function namesOf(beneficiaryIds: readonly number[]): Promise<Map<number, string>> {
  if (!beneficiaryIds.length) return new Map();
  return new Map((await certificateBeneficiariesOf(beneficiaryIds)).map((b) => [b.id, b.name]));
}
