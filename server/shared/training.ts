// Training courses, their sessions, enrolments and attendance (spec §14, server/modules/training).

export const COURSE_MODES = ['site', 'online'] as const;
export type CourseMode = (typeof COURSE_MODES)[number];
/** `waitlisted`: enrolled after the course was full; moved up to `enrolled` when a place frees (a drop). */
export const ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'completed', 'dropped'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
/** The attendance a programme asks for when it sets none (percent of the course's sessions). */
export const DEFAULT_ATTENDANCE_THRESHOLD = 75;

export interface CourseInput {
  titleAr: string;
  titleEn: string;
  hours: number;
  mode: CourseMode;
  /** A site of the charity's (mode `site`); null when online. */
  siteId?: number | null;
  /** Free text: the hall, the address or the meeting link's name. */
  location?: string | null;
  trainer: string;
  capacity: number;
  startsOn: string;
  endsOn: string;
}
export type CoursePatch = Partial<CourseInput>;

export interface CourseSessionDto {
  id: number;
  courseId: number;
  /** YYYY-MM-DD */
  date: string;
  /** Whether attendance was taken for this session (a PUT …/attendance happened). */
  attendanceTaken: boolean;
  presentCount: number;
  /** The enrolments marked present (ids, ascending): the attendance sheet opens with them ticked. */
  present: number[];
}

export interface CourseDto {
  id: number;
  titleAr: string;
  titleEn: string;
  hours: number;
  mode: CourseMode;
  siteId: number | null;
  location: string | null;
  trainer: string;
  capacity: number;
  startsOn: string;
  endsOn: string;
  /** The attendance needed to complete (percent): the threshold of the programme that requires this course, else 75. */
  attendanceThreshold: number;
  sessions: CourseSessionDto[];
  /** Counts by enrolment status. */
  enrolled: number;
  waitlisted: number;
  completed: number;
  dropped: number;
  createdAt: string;
}

export interface EnrolmentDto {
  id: number;
  courseId: number;
  beneficiaryId: number;
  /** The trainee's name; null for roles that see beneficiaries redacted. */
  beneficiaryName: string | null;
  status: EnrolmentStatus;
  /** The code printed on the trainee's card (scanned when taking attendance), e.g. TR-2026-0042. */
  traineeCode: string;
  sessionsAttended: number;
  sessionsHeld: number;
  /** sessionsAttended / the course's sessions, in percent, rounded down. */
  attendancePercent: number;
  /** Set once completed: the training certificate's code, verifiable at /verify/<code>. */
  certificateCode: string | null;
  completedAt: string | null;
  createdAt: string;
}

/** GET /api/courses/:id: the course with its enrolments (every status), by status then name. */
export interface CourseDetailDto extends CourseDto {
  enrolments: EnrolmentDto[];
}

/** PUT /api/courses/:id/sessions/:sessionId/attendance: the enrolments present (the rest are absent). */
export interface AttendanceInput {
  present: number[];
}

/** The details of a 409 TRAINING_REQUIRED: which course, and how much attendance is still missing. */
export interface TrainingRequiredDetails {
  courseId: number;
  courseTitleAr: string;
  courseTitleEn: string;
  /** Null when the beneficiary is not enrolled in the course. */
  enrolmentId: number | null;
  attendancePercent: number;
  attendanceThreshold: number;
  /** Sessions still to attend to reach the threshold (over the course's sessions), 0 when only completion is pending. */
  sessionsMissing: number;
}
