// Issue 17 point 4, SMS / WhatsApp to families (spec §12).
// - beneficiaries: whether the family agreed to be contacted (`contact_consent`, false until a manager records a
//   yes), on which channel (sms | whatsapp), in which language when they asked for one (ar | fr | en; null = the
//   country's default), and who recorded the answer and when (a withdrawal is recorded the same way).
// - allocations: the handover appointment (when, at which site, what to bring), who set it and when, and
//   `appointment_version`, counted up on every change: a reminder names the version it was written for and is not
//   sent once the appointment has changed.
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';
import { addColumns, removeColumns } from '../server/db/migration-steps.js';

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

export const up: Migration = async ({ context: q }) => {
  await addColumns(q, 'beneficiaries', BENEFICIARY_COLUMNS);
  await addColumns(q, 'allocations', ALLOCATION_COLUMNS);
};

export const down: Migration = async ({ context: q }) => {
  await removeColumns(q, 'allocations', ALLOCATION_COLUMNS);
  await removeColumns(q, 'beneficiaries', BENEFICIARY_COLUMNS);
};
