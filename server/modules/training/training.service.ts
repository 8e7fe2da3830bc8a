// Courses and their sessions: create, list, read with enrolments, patch, add a session. One transaction per write,
// the course's row locked first (every write to a course's enrolments starts there, so they queue per course).
import { Op, type Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, UnprocessableError, ValidationError, type FieldError } from '../../lib/errors.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import type { Actor, Role } from '../auth/index.js';
import { siteExists } from '../sites/index.js';
import { ENROLMENT_STATUSES, type CourseDetailDto, type CourseDto, type CourseSessionDto } from '../../shared/index.js';
import { recomputeAttendance } from './training.attendance.js';
import { fillPlaces } from './training.enrolments.js';
import { Course, CourseSession, Enrolment } from './training.model.js';
import { factsOf, loadCourse, namesOf } from './training.read.js';
import {
  seesNames,
  toCourseDto,
  toEnrolmentDto,
  toSessionDto,
  type CourseInput,
  type CourseListQuery,
  type CoursePatch,
} from './training.schema.js';

const fieldError = (path: string, message: string, type: string, context?: Record<string, unknown>): FieldError => ({
  path,
  message,
  type,
  ...(context ? { context } : {}),
});

/** 422 REFERENCE_NOT_FOUND when the site named does not exist (as for a donation's site). */
async function assertSite(siteId: number | null | undefined, transaction: Transaction): Promise<void> {
  if (siteId != null && !(await siteExists(siteId, transaction)))
    throw new UnprocessableError('REFERENCE_NOT_FOUND', `Site ${siteId} does not exist`, [
      { path: 'siteId', message: 'does not exist' },
    ]);
}

export async function courseDto(course: Course, transaction?: Transaction): Promise<CourseDto> {
  return toCourseDto(course, (await factsOf([course], transaction)).get(course.id)!);
}

export async function createCourse(input: CourseInput, actor: Actor): Promise<CourseDto> {
  const course = await withTransaction(async (transaction) => {
    await assertSite(input.siteId, transaction);
    return Course.create(
      {
        titleAr: input.titleAr,
        titleEn: input.titleEn,
        hours: input.hours,
        mode: input.mode,
        siteId: input.mode === 'site' ? (input.siteId ?? null) : null,
        location: input.location || null,
        trainer: input.trainer,
        capacity: input.capacity,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdBy: actor.id,
      },
      { transaction },
    );
  });
  return courseDto(course);
}

/** The courses, the latest to start first. */
export async function listCourses(q: CourseListQuery): Promise<Page<CourseDto>> {
  const { rows, count } = await Course.findAndCountAll({
    order: [
      ['startsOn', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  const facts = await factsOf(rows);
  return {
    items: rows.map((c) => toCourseDto(c, facts.get(c.id)!)),
    total: count,
    page: q.page,
    pageSize: q.pageSize,
  };
}

const STATUS_ORDER = new Map(ENROLMENT_STATUSES.map((s, i) => [s, i]));

/**
 * The course with every enrolment, by status (enrolled, waitlisted, completed, dropped) then name. For the roles that
 * see trainees redacted, names are neither sent nor used for the order (by trainee code instead).
 */
export async function readCourse(id: number, role: Role): Promise<CourseDetailDto> {
  const course = await loadCourse(id);
  const [dto, enrolments] = await Promise.all([courseDto(course), Enrolment.findAll({ where: { courseId: id } })]);
  const names = seesNames(role) ? await namesOf(enrolments.map((e) => e.beneficiaryId)) : new Map<number, string>();
  const nameOf = (beneficiaryId: number) => names.get(beneficiaryId) ?? '';
  enrolments.sort(
    (a, b) =>
      STATUS_ORDER.get(a.status)! - STATUS_ORDER.get(b.status)! ||
      (seesNames(role) ? nameOf(a.beneficiaryId).localeCompare(nameOf(b.beneficiaryId), 'ar') : 0) ||
      a.traineeCode.localeCompare(b.traineeCode),
  );
  const held = dto.sessions.length;
  return {
    ...dto,
    enrolments: enrolments.map((e) => toEnrolmentDto(e, names.get(e.beneficiaryId) ?? null, held, role)),
  };
}

/**
 * PATCH: the merged course must still hold together. Each refusal is a 400 naming its field: dates in order, no
 * session outside the new dates, a site for a course at a site (none online), no fewer places than trainees holding
 * one. More places move the waiting list up, in the same transaction.
 */
export async function patchCourse(id: number, patch: CoursePatch): Promise<CourseDto> {
  const course = await withTransaction(async (transaction) => {
    const course = await loadCourse(id, transaction, true);
    const siteGiven = patch.siteId !== undefined;
    course.set(patch);
    if (patch.location !== undefined) course.location = patch.location || null;
    if (course.mode === 'online') {
      if (siteGiven && patch.siteId != null)
        throw new ValidationError('Request is invalid', [
          fieldError('siteId', 'siteId must be empty for an online course', 'any.only'),
        ]);
      course.siteId = null;
    } else if (course.siteId == null) {
      throw new ValidationError('Request is invalid', [
        fieldError('siteId', 'A course at a site names its site', 'any.required'),
      ]);
    }
    const errors: FieldError[] = [];
    if (course.endsOn < course.startsOn)
      errors.push(
        fieldError('endsOn', 'endsOn must not be before startsOn', 'dateRange.order', {
          start: 'startsOn',
          end: 'endsOn',
        }),
      );
    const outside = await CourseSession.findAll({
      where: { courseId: id, [Op.or]: [{ date: { [Op.lt]: course.startsOn } }, { date: { [Op.gt]: course.endsOn } }] },
      attributes: ['date'],
      order: [['date', 'ASC']],
      transaction,
    });
    if (outside.length && !errors.length) {
      const before = outside.some((s) => s.date < course.startsOn);
      errors.push(
        fieldError(
          before ? 'startsOn' : 'endsOn',
          `The course has sessions outside these dates (${outside.map((s) => s.date).join(', ')})`,
          'dateRange.sessionsOutside',
          { dates: outside.map((s) => s.date) },
        ),
      );
    }
    const taken = await Enrolment.count({
      where: { courseId: id, status: ['enrolled', 'completed'] },
      transaction,
    });
    if (course.capacity < taken)
      errors.push(
        fieldError('capacity', `capacity must be at least ${taken}: the trainees holding a place`, 'number.min', {
          limit: taken,
        }),
      );
    if (errors.length) throw new ValidationError('Request is invalid', errors);
    await assertSite(siteGiven ? course.siteId : null, transaction);
    await course.save({ transaction });
    await fillPlaces(course, transaction);
    return course;
  });
  return courseDto(course);
}

/** A session on `date`: within the course's dates (400 on `date`), one per day (409 DUPLICATE_SESSION). */
export async function addSession(courseId: number, date: string): Promise<CourseSessionDto> {
  const session = await withTransaction(async (transaction) => {
    const course = await loadCourse(courseId, transaction, true);
    if (date < course.startsOn || date > course.endsOn)
      throw new ValidationError('Request is invalid', [
        fieldError(
          'date',
          `date must be within the course's dates (${course.startsOn} to ${course.endsOn})`,
          'date.outsideCourse',
          {
            min: course.startsOn,
            max: course.endsOn,
          },
        ),
      ]);
    const existing = await CourseSession.findOne({ where: { courseId, date }, transaction });
    if (existing)
      throw new ConflictError('DUPLICATE_SESSION', `The course already has a session on ${date}`, {
        sessionId: existing.id,
      });
    const session = await CourseSession.create({ courseId, date }, { transaction });
    // One more session lowers every trainee's percent: counted again now, so that what is stored stays true.
    await recomputeAttendance(course, transaction);
    return session;
  });
  return toSessionDto(session, []);
}
