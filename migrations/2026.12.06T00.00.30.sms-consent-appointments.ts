// Issue 17 point 4, SMS / WhatsApp to families (spec §12).
// - beneficiaries: whether the family agreed to be contacted (`contact_consent`, false until a manager records a
//   yes), on which channel (sms | whatsapp), in which language when they asked for one (ar | fr | en; null = the
//   country's default), and who recorded the answer and when (a withdrawal is recorded the same way).
// - allocations: the handover appointment (when, at which site, what to bring), who set it and when, and
//   `appointment_version`, counted up on every change: a reminder names the version it was written for and is not
//   sent once the appointment has changed.
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes, type ModelAttributeColumnOptions, type QueryInterface } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

const userRef = { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } };

const BENEFICIARY_COLUMNS: Array<[string, ModelAttributeColumnOptions]> = [
  ['contact_consent', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false }],
  ['contact_consent_channel', { type: DataTypes.STRING(16), allowNull: true }],
  ['contact_language', { type: DataTypes.STRING(8), allowNull: true }],
  ['contact_consent_by', userRef],
  ['contact_consent_at', { type: DataTypes.DATE(3), allowNull: true }],
];

const ALLOCATION_COLUMNS: Array<[string, ModelAttributeColumnOptions]> = [
  ['appointment_at', { type: DataTypes.DATE(3), allowNull: true }],
  ['appointment_site_id', { type: DataTypes.INTEGER, allowNull: true, references: { model: 'sites', key: 'id' } }],
  ['appointment_bring', { type: DataTypes.STRING(300), allowNull: true }],
  ['appointment_version', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }],
  ['appointment_set_by', userRef],
  ['appointment_set_at', { type: DataTypes.DATE(3), allowNull: true }],
];

async function addColumns(
  q: QueryInterface,
  table: string,
  columns: Array<[string, ModelAttributeColumnOptions]>,
): Promise<void> {
  const existing = await q.describeTable(table);
  for (const [name, spec] of columns) if (!existing[name]) await q.addColumn(table, name, spec);
}

// On SQLite, Sequelize's removeColumn copies the table and loses its indexes; SQLite's own DROP COLUMN (3.35+) keeps
// them.
async function removeColumns(q: QueryInterface, table: string, columns: Array<[string, unknown]>): Promise<void> {
  const existing = await q.describeTable(table);
  for (const [name] of [...columns].reverse()) {
    if (!existing[name]) continue;
    if (q.sequelize.getDialect() === 'sqlite') await q.sequelize.query(`ALTER TABLE "${table}" DROP COLUMN "${name}"`);
    else await q.removeColumn(table, name);
  }
}

export const up: Migration = async ({ context: q }) => {
  await addColumns(q, 'beneficiaries', BENEFICIARY_COLUMNS);
  await addColumns(q, 'allocations', ALLOCATION_COLUMNS);
};

export const down: Migration = async ({ context: q }) => {
  await removeColumns(q, 'allocations', ALLOCATION_COLUMNS);
  await removeColumns(q, 'beneficiaries', BENEFICIARY_COLUMNS);
};
