// What the training routes accept, and the wire shapes they return (server/shared/training.ts).
import Joi from 'joi';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';
import { invalid } from '../../lib/parse.js';
import { mayAccess, MANAGERS, type Role } from '../auth/index.js';
import {
  COURSE_MODES,
  type AttendanceInput,
  type CourseDto,
  type CourseInput,
  type CoursePatch,
  type CourseSessionDto,
  type EnrolmentDto,
} from '../../shared/index.js';
import type { Course, CourseSession, Enrolment } from './training.model.js';

export type { CourseInput, CoursePatch, AttendanceInput };

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). */
export const isoDay = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}$/, { name: 'date.pattern' })
  .message('{{#label}} must be a date like 2026-01-01')
  .custom((v: string, h) =>
    new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v
      ? v
      : invalid(h, 'date.invalid', '{{#label}} is not a day of the calendar'),
  );

const dateOrder = (v: { startsOn?: string; endsOn?: string }, h: Joi.CustomHelpers) =>
  v.startsOn && v.endsOn && v.endsOn < v.startsOn
    ? invalid(h, 'dateRange.order', 'endsOn must not be before startsOn', { start: 'startsOn', end: 'endsOn' })
    : v;

const text = (max: number) => Joi.string().trim().min(1).max(max);
const courseKeys = {
  titleAr: text(200),
  titleEn: text(200),
  hours: Joi.number().integer().min(1).max(1000),
  mode: Joi.string().valid(...COURSE_MODES),
  siteId: Joi.number().integer().positive().allow(null),
  location: Joi.string().trim().max(300).allow('', null),
  trainer: text(200),
  capacity: Joi.number().integer().min(1).max(10_000),
  startsOn: isoDay,
  endsOn: isoDay,
};

/** POST /api/courses: every field but location; a course at a site names the site, an online one none. */
export const courseInput = Joi.object<CourseInput>({
  ...courseKeys,
  titleAr: courseKeys.titleAr.required(),
  titleEn: courseKeys.titleEn.required(),
  hours: courseKeys.hours.required(),
  mode: courseKeys.mode.required(),
  siteId: Joi.when('mode', {
    is: 'site',
    then: Joi.number().integer().positive().required(),
    otherwise: Joi.valid(null).messages({ 'any.only': '{{#label}} must be empty for an online course' }),
  }),
  trainer: courseKeys.trainer.required(),
  capacity: courseKeys.capacity.required(),
  startsOn: courseKeys.startsOn.required(),
  endsOn: courseKeys.endsOn.required(),
}).custom(dateOrder);

/** PATCH /api/courses/:id: what is sent replaces what was there; the rules across fields are checked after merging. */
export const coursePatch = Joi.object<CoursePatch>(courseKeys).min(1).custom(dateOrder);

export type CourseListQuery = PageQuery;
export const courseListQuery = Joi.object<CourseListQuery>({ ...pageQueryKeys });

export const sessionInput = Joi.object<{ date: string }>({ date: isoDay.required() });

export const sessionParams = Joi.object<{ id: number; sessionId: number }>({
  id: Joi.number().integer().positive().required(),
  sessionId: Joi.number().integer().positive().required(),
});

export const enrolmentInput = Joi.object<{ beneficiaryId: number }>({
  beneficiaryId: Joi.number().integer().positive().required(),
});

/** The enrolments present at a session (the others are absent); each at most once. */
export const attendanceInput = Joi.object<AttendanceInput>({
  present: Joi.array().items(Joi.number().integer().positive()).unique().max(10_000).required(),
});

/** Who sees trainees' names: the managers (as for beneficiaries; technicians and viewers get them redacted). */
export const seesNames = (role: Role): boolean => mayAccess(MANAGERS, role);

export const toSessionDto = (s: CourseSession, present: readonly number[]): CourseSessionDto => ({
  id: s.id,
  courseId: s.courseId,
  date: s.date,
  attendanceTaken: s.attendanceTakenAt != null,
  presentCount: present.length,
  present: [...present],
});

/** What a course's DTO needs besides its row: its sessions, counts by status and the attendance it asks for. */
export interface CourseFacts {
  sessions: CourseSessionDto[];
  counts: Record<EnrolmentDto['status'], number>;
  attendanceThreshold: number;
}

export const toCourseDto = (c: Course, facts: CourseFacts): CourseDto => ({
  id: c.id,
  titleAr: c.titleAr,
  titleEn: c.titleEn,
  hours: c.hours,
  mode: c.mode,
  siteId: c.siteId ?? null,
  location: c.location ?? null,
  trainer: c.trainer,
  capacity: c.capacity,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  attendanceThreshold: facts.attendanceThreshold,
  sessions: facts.sessions,
  enrolled: facts.counts.enrolled,
  waitlisted: facts.counts.waitlisted,
  completed: facts.counts.completed,
  dropped: facts.counts.dropped,
  createdAt: new Date(c.createdAt).toISOString(),
});

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

/** The name and the certificate code only for the roles that see beneficiaries whole (managers). */
export const toEnrolmentDto = (e: Enrolment, name: string | null, sessionsHeld: number, role: Role): EnrolmentDto => ({
  id: e.id,
  courseId: e.courseId,
  beneficiaryId: e.beneficiaryId,
  beneficiaryName: seesNames(role) ? name : null,
  status: e.status,
  traineeCode: e.traineeCode,
  sessionsAttended: e.sessionsAttended,
  sessionsHeld,
  attendancePercent: e.attendancePercent,
  // As for a handover's certificate: the code opens the public verification page (the trainee's initials).
  certificateCode: seesNames(role) ? (e.certificateCode ?? null) : null,
  completedAt: iso(e.completedAt),
  createdAt: iso(e.createdAt)!,
});
