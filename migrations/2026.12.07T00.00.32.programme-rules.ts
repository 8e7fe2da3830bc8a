// Issue 19 (spec §14): what a programme asks of its beneficiaries.
// - training: `requires_training` with the course (`course_id`, no foreign key here: the courses table comes with the
//   training migration, and a programme is checked against it when patched) and the attendance it asks for (percent);
// - selection: `eligibility` and `weights` as JSON text (null = open / the country's defaults), whether a committee
//   scores applicants, and whether the public application form is open.
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes, type ModelAttributeColumnOptions, type QueryInterface } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

const PROGRAMME_COLUMNS: Array<[string, ModelAttributeColumnOptions]> = [
  ['requires_training', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false }],
  ['course_id', { type: DataTypes.INTEGER, allowNull: true }],
  ['attendance_threshold', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 75 }],
  ['eligibility', { type: DataTypes.TEXT, allowNull: true }],
  ['weights', { type: DataTypes.TEXT, allowNull: true }],
  ['committee_scoring', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false }],
  ['applications_open', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false }],
];

async function addColumns(q: QueryInterface, table: string, columns: Array<[string, ModelAttributeColumnOptions]>) {
  const existing = await q.describeTable(table);
  for (const [name, spec] of columns) if (!existing[name]) await q.addColumn(table, name, spec);
}

// SQLite's own DROP COLUMN (3.35+) keeps the table's indexes; Sequelize's removeColumn would copy the table.
async function removeColumns(q: QueryInterface, table: string, columns: Array<[string, unknown]>): Promise<void> {
  const existing = await q.describeTable(table);
  for (const [name] of [...columns].reverse()) {
    if (!existing[name]) continue;
    if (q.sequelize.getDialect() === 'sqlite') await q.sequelize.query(`ALTER TABLE "${table}" DROP COLUMN "${name}"`);
    else await q.removeColumn(table, name);
  }
}

export const up: Migration = async ({ context: q }) => {
  await addColumns(q, 'programmes', PROGRAMME_COLUMNS);
  const indexes = (await q.showIndex('programmes')) as Array<{ name: string }>;
  if (!indexes.some((i) => i.name === 'programmes_course_id')) await q.addIndex('programmes', ['course_id']);
};

export const down: Migration = async ({ context: q }) => {
  const indexes = (await q.showIndex('programmes')) as Array<{ name: string }>;
  if (indexes.some((i) => i.name === 'programmes_course_id')) await q.removeIndex('programmes', 'programmes_course_id');
  await removeColumns(q, 'programmes', PROGRAMME_COLUMNS);
};
