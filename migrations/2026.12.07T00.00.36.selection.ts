// Issue 19 point 5 (spec §14): selection per programme.
// - beneficiaries.birth_date: a person's date of birth (a programme's age range is checked against it); personal data.
// - committee_scores: a programme's committee score of one beneficiary (0–10 in halves), who gave it and when; one
//   row per programme and beneficiary, replaced when the committee scores again.
// - programme_applications: a beneficiary's application to a programme through its public form, with the reference
//   the applicant quotes (AP-2026-000001) and why they apply; one per programme and beneficiary.
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';
import { type Indexes, addIndexes, tableNames } from '../server/db/migration-steps.js';

const ref = (model: string, allowNull = false) => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model, key: 'id' },
});

const INDEXES: Indexes = [
  // Upsert of one score; the scores of a programme (its waiting list) by the leading column.
  ['committee_scores', 'committee_scores_programme_beneficiary', ['programme_id', 'beneficiary_id'], true],
  // The duplicate check of an application; a programme's applications by the leading column.
  ['programme_applications', 'programme_applications_programme_beneficiary', ['programme_id', 'beneficiary_id'], true],
  ['programme_applications', 'programme_applications_reference', ['reference'], true],
];

export const up: Migration = async ({ context: q }) => {
  const columns = await q.describeTable('beneficiaries');
  if (!columns.birth_date)
    await q.addColumn('beneficiaries', 'birth_date', { type: DataTypes.DATEONLY, allowNull: true });
  const tables = await tableNames(q);
  if (!tables.includes('committee_scores'))
    await q.createTable('committee_scores', {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      programme_id: ref('programmes'),
      beneficiary_id: ref('beneficiaries'),
      score: { type: DataTypes.DECIMAL(3, 1), allowNull: false },
      note: { type: DataTypes.TEXT, allowNull: true },
      scored_by: ref('users'),
      scored_at: { type: DataTypes.DATE(3), allowNull: false },
    });
  if (!tables.includes('programme_applications'))
    await q.createTable('programme_applications', {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      programme_id: ref('programmes'),
      beneficiary_id: ref('beneficiaries'),
      reference: { type: DataTypes.STRING(20), allowNull: false },
      motivation: { type: DataTypes.TEXT, allowNull: true },
      created_at: { type: DataTypes.DATE(3), allowNull: false },
    });
  await addIndexes(q, INDEXES);
};

export const down: Migration = async ({ context: q }) => {
  const tables = await tableNames(q);
  if (tables.includes('programme_applications')) await q.dropTable('programme_applications');
  if (tables.includes('committee_scores')) await q.dropTable('committee_scores');
  const columns = await q.describeTable('beneficiaries');
  if (!columns.birth_date) return;
  // SQLite's own DROP COLUMN (3.35+) keeps the table's indexes; Sequelize's removeColumn would copy the table.
  if (q.sequelize.getDialect() === 'sqlite')
    await q.sequelize.query('ALTER TABLE "beneficiaries" DROP COLUMN "birth_date"');
  else await q.removeColumn('beneficiaries', 'birth_date');
};
