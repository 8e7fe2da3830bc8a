// Issue 19 (spec §14): what a programme asks of its beneficiaries.
// - training: `requires_training` with the course (`course_id`, no foreign key here: the courses table comes with the
//   training migration, and a programme is checked against it when patched) and the attendance it asks for (percent);
// - selection: `eligibility` and `weights` as JSON text (null = open / the country's defaults), whether a committee
//   scores applicants, and whether the public application form is open.
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';
import { addColumns, addIndexes, type Indexes, removeColumns, removeIndexes } from '../server/db/migration-steps.js';

const PROGRAMME_COLUMNS: Array<[string, ModelAttributeColumnOptions]> = [
  ['requires_training', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false }],
  ['course_id', { type: DataTypes.INTEGER, allowNull: true }],
  ['attendance_threshold', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 75 }],
  ['eligibility', { type: DataTypes.TEXT, allowNull: true }],
  ['weights', { type: DataTypes.TEXT, allowNull: true }],
  ['committee_scoring', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false }],
  ['applications_open', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false }],
];

const INDEXES: Indexes = [['programmes', 'programmes_course_id', ['course_id'], false]];

export const up: Migration = async ({ context: q }) => {
  await addColumns(q, 'programmes', PROGRAMME_COLUMNS);
  await addIndexes(q, INDEXES);
};

export const down: Migration = async ({ context: q }) => {
  await removeIndexes(q, INDEXES);
  await removeColumns(q, 'programmes', PROGRAMME_COLUMNS);
};
