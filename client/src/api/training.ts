// The routes of training courses and of a programme's rules and waiting list (spec §14), declared once like those of
// endpoints.ts, in a module of their own: only the course and programme screens (lazy chunks) import it, so the first
// screen's JavaScript does not carry them (the technician's landing screen is at its 200 KB budget,
// scripts/bundle-size.mjs). Programme reads are keyed under endpoints.ts's `keys.programmes`, so that what already
// refreshes the programmes (a new programme, an allocation) refreshes these too.
import type { QueryKey } from '@tanstack/react-query';
import { keys, read } from './endpoints';
import { api, type QueryValue } from './http';
import type {
  AttendanceInput,
  CommitteeScoreDto,
  CommitteeScoreInput,
  CourseDetailDto,
  CourseDto,
  CourseInput,
  CoursePatch,
  CourseSessionDto,
  EnrolmentDto,
  Page,
  ProgrammeDto,
  ProgrammePatch,
  ProgrammeWaitlistDto,
} from './types';

type Query = Record<string, QueryValue>;
const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });
const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });

export const trainingKeys = {
  courses: ['courses'],
  enrolments: ['enrolments'],
} as const satisfies Record<string, QueryKey>;

/**
 * What a course write (a session, an enrolment, attendance) changes: the course and its enrolments, and the
 * programmes (a completed course lets a programme that requires it hand over; its waiting list may change).
 */
export const COURSE_CHANGES: readonly QueryKey[] = [trainingKeys.courses, trainingKeys.enrolments, keys.programmes];
/** A programme's rules change its waiting list and the attendance its course asks for. */
export const PROGRAMME_CHANGES: readonly QueryKey[] = [keys.programmes, keys.waitlist, trainingKeys.courses];

export const training = {
  courses: {
    list: (q: Query) => read<Page<CourseDto>>(trainingKeys.courses, '/api/courses', q),
    get: (id: number) => read<CourseDetailDto>(trainingKeys.courses, `/api/courses/${id}`),
    create: (input: CourseInput) => post<CourseDto>('/api/courses', input),
    update: (id: number, body: CoursePatch) => patch<CourseDto>(`/api/courses/${id}`, body),
    addSession: (id: number, date: string) => post<CourseSessionDto>(`/api/courses/${id}/sessions`, { date }),
    enrol: (id: number, beneficiaryId: number) =>
      post<EnrolmentDto>(`/api/courses/${id}/enrolments`, { beneficiaryId }),
    /** The enrolments present at the session; the others are absent (sent again, it replaces what was taken). */
    attendance: (id: number, sessionId: number, body: AttendanceInput) =>
      put<unknown>(`/api/courses/${id}/sessions/${sessionId}/attendance`, body),
    /** Link (a PDF the browser opens with the session cookie): a card per trainee with the Code128 of its code. */
    cardsUrl: (id: number) => `/api/courses/${id}/cards.pdf`,
  },
  enrolments: {
    get: (id: number) => read<EnrolmentDto>(trainingKeys.enrolments, `/api/enrolments/${id}`),
    drop: (id: number) => post<EnrolmentDto>(`/api/enrolments/${id}/drop`),
    /** Link: the training certificate, once the enrolment is completed. */
    certificateUrl: (id: number) => `/api/enrolments/${id}/certificate.pdf`,
  },
  programmes: {
    get: (id: number) => read<ProgrammeDto>(keys.programmes, `/api/programmes/${id}`),
    update: (id: number, body: ProgrammePatch) => patch<ProgrammeDto>(`/api/programmes/${id}`, body),
    waitlist: (id: number, q: Query) =>
      read<ProgrammeWaitlistDto>(keys.programmes, `/api/programmes/${id}/waitlist`, q),
    scoreCommittee: (id: number, beneficiaryId: number, body: CommitteeScoreInput) =>
      put<CommitteeScoreDto>(`/api/programmes/${id}/committee-scores/${beneficiaryId}`, body),
  },
};
