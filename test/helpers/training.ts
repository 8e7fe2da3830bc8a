// Training courses for tests (spec §14), built over the API: a course, its sessions, trainees enrolled, attendance.
import { expect } from 'chai';
import { api, bearer } from './api.js';
import { createBeneficiary } from './beneficiaries.js';
import { Enrolment } from '../../server/modules/training/training.model.js';
import type { CourseDto, CourseSessionDto, EnrolmentDto } from '../../server/shared/index.js';

export const COURSE_TITLE_AR = 'أساسيات الحاسب والتجارة الإلكترونية';
export const COURSE_TITLE_EN = 'Computer Basics and E-commerce';

/** A valid course body: online, 12 hours, 20 places, through November 2026 (in the past: attendance may be taken). */
export function courseBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    titleAr: COURSE_TITLE_AR,
    titleEn: COURSE_TITLE_EN,
    hours: 12,
    mode: 'online',
    location: 'Zoom',
    trainer: 'م. سارة القحطاني',
    capacity: 20,
    startsOn: '2026-11-01',
    endsOn: '2026-11-30',
    ...fields,
  };
}

export async function createCourse(token: string, fields: Record<string, unknown> = {}): Promise<CourseDto> {
  const res = await api().post('/api/courses').set(bearer(token)).send(courseBody(fields));
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body as CourseDto;
}

/** One session per date, in order. */
export async function addSessions(token: string, courseId: number, dates: string[]): Promise<CourseSessionDto[]> {
  const sessions: CourseSessionDto[] = [];
  for (const date of dates) {
    const res = await api().post(`/api/courses/${courseId}/sessions`).set(bearer(token)).send({ date });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    sessions.push(res.body as CourseSessionDto);
  }
  return sessions;
}

/** Four sessions in November 2026. */
export const FOUR_DATES = ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24'];

export async function enrol(token: string, courseId: number, beneficiaryId: number): Promise<EnrolmentDto> {
  const res = await api().post(`/api/courses/${courseId}/enrolments`).set(bearer(token)).send({ beneficiaryId });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body as EnrolmentDto;
}

/** A verified family enrolled in the course; `name` lets a test find it in a PDF or a page. */
export async function enrolNew(
  token: string,
  courseId: number,
  name?: string,
): Promise<EnrolmentDto & { name: string }> {
  const b = await createBeneficiary(token, name ? { name } : {});
  return { ...(await enrol(token, courseId, b.id)), name: b.name };
}

export function attendance(token: string, courseId: number, sessionId: number, present: number[]) {
  return api().put(`/api/courses/${courseId}/sessions/${sessionId}/attendance`).set(bearer(token)).send({ present });
}

export async function markPresent(
  token: string,
  courseId: number,
  sessionId: number,
  present: number[],
): Promise<CourseSessionDto> {
  const res = await attendance(token, courseId, sessionId, present);
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return res.body as CourseSessionDto;
}

/** The stored enrolment row, to check what a route wrote. */
export async function storedEnrolment(id: number): Promise<Enrolment> {
  const row = await Enrolment.findByPk(id);
  expect(row, `enrolment ${id}`).to.not.equal(null);
  return row!;
}

/**
 * A trainee who completed a four-session course by attending three (75 %): the course, the sessions, the enrolment
 * as completed. `token` must be a manager's.
 */
export async function completedTrainee(
  token: string,
  name = 'سارة أحمد العتيبي',
  courseFields: Record<string, unknown> = {},
): Promise<{ course: CourseDto; sessions: CourseSessionDto[]; enrolment: EnrolmentDto; name: string }> {
  const course = await createCourse(token, courseFields);
  const sessions = await addSessions(token, course.id, FOUR_DATES);
  const trainee = await enrolNew(token, course.id, name);
  for (const s of sessions.slice(0, 3)) await markPresent(token, course.id, s.id, [trainee.id]);
  const res = await api().get(`/api/enrolments/${trainee.id}`).set(bearer(token)).expect(200);
  expect(res.body.status).to.equal('completed');
  return { course, sessions, enrolment: res.body as EnrolmentDto, name };
}
