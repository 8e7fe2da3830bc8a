// Issue 19 (spec §14): training courses (server/modules/training).
// - courses: title in Arabic and English, hours, at a site of the charity's or online, trainer, capacity, dates;
// - course_sessions: one row per day the course meets (unique per course and date), and when attendance was taken;
// - enrolments: a beneficiary in a course (unique per course and beneficiary), status enrolled | waitlisted |
//   completed | dropped, the trainee's card code (unique), the attendance counted at the last attendance taken, and
//   once completed the training certificate's code (unique where set: NULLs do not collide on either engine);
// - attendances: who was present at which session (unique per session and enrolment); absent = no row.
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';
import { type Indexes, addIndexes, tableNames } from '../server/db/migration-steps.js';

const userRef = { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } };
const stamps = {
  created_at: { type: DataTypes.DATE(3), allowNull: false },
  updated_at: { type: DataTypes.DATE(3), allowNull: false },
};

const TABLES: Array<[string, Record<string, ModelAttributeColumnOptions>]> = [
  [
    'courses',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      title_ar: { type: DataTypes.STRING(200), allowNull: false },
      title_en: { type: DataTypes.STRING(200), allowNull: false },
      hours: { type: DataTypes.INTEGER, allowNull: false },
      mode: { type: DataTypes.STRING(8), allowNull: false },
      site_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'sites', key: 'id' } },
      location: { type: DataTypes.STRING(300), allowNull: true },
      trainer: { type: DataTypes.STRING(200), allowNull: false },
      capacity: { type: DataTypes.INTEGER, allowNull: false },
      starts_on: { type: DataTypes.DATEONLY, allowNull: false },
      ends_on: { type: DataTypes.DATEONLY, allowNull: false },
      created_by: userRef,
      ...stamps,
    },
  ],
  [
    'course_sessions',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      course_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'courses', key: 'id' } },
      date: { type: DataTypes.DATEONLY, allowNull: false },
      attendance_taken_at: { type: DataTypes.DATE(3), allowNull: true },
      attendance_taken_by: userRef,
      ...stamps,
    },
  ],
  [
    'enrolments',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      course_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'courses', key: 'id' } },
      beneficiary_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'beneficiaries', key: 'id' } },
      status: { type: DataTypes.STRING(12), allowNull: false },
      trainee_code: { type: DataTypes.STRING(16), allowNull: false },
      sessions_attended: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      attendance_percent: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      certificate_code: { type: DataTypes.STRING(24), allowNull: true },
      completed_at: { type: DataTypes.DATE(3), allowNull: true },
      waitlisted_at: { type: DataTypes.DATE(3), allowNull: true },
      dropped_at: { type: DataTypes.DATE(3), allowNull: true },
      enrolled_by: userRef,
      ...stamps,
    },
  ],
  [
    'attendances',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      session_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'course_sessions', key: 'id' } },
      enrolment_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'enrolments', key: 'id' } },
      created_at: { type: DataTypes.DATE(3), allowNull: false },
    },
  ],
];

const INDEXES: Indexes = [
  // The list of courses, newest first.
  ['courses', 'courses_starts_on_id', ['starts_on', 'id'], false],
  ['course_sessions', 'course_sessions_course_date', ['course_id', 'date'], true],
  ['enrolments', 'enrolments_course_beneficiary', ['course_id', 'beneficiary_id'], true],
  ['enrolments', 'enrolments_trainee_code', ['trainee_code'], true],
  ['enrolments', 'enrolments_certificate_code', ['certificate_code'], true],
  // Places taken (enrolled + completed) and the waiting list in the order it moves up.
  ['enrolments', 'enrolments_course_status_waitlisted', ['course_id', 'status', 'waitlisted_at'], false],
  // A beneficiary's enrolments (the handover gate reads by course and beneficiary: the unique index above).
  ['enrolments', 'enrolments_beneficiary', ['beneficiary_id'], false],
  ['attendances', 'attendances_session_enrolment', ['session_id', 'enrolment_id'], true],
  ['attendances', 'attendances_enrolment', ['enrolment_id'], false],
];

export const up: Migration = async ({ context: q }) => {
  const existing = await tableNames(q);
  for (const [table, columns] of TABLES) if (!existing.includes(table)) await q.createTable(table, columns);
  await addIndexes(q, INDEXES);
};

export const down: Migration = async ({ context: q }) => {
  const existing = await tableNames(q);
  // Children first: attendances → enrolments, sessions → courses.
  for (const [table] of [...TABLES].reverse()) if (existing.includes(table)) await q.dropTable(table);
};
