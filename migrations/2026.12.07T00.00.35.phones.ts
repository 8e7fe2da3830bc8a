// Issue 19 (spec §14): phones and tablets (docs/phones.md).
// - devices.imei: 15 Latin digits, Luhn-checked by the application; unique where set (NULLs do not collide on either
//   engine), so one phone is taken in once.
// - sanitizations: a phone has no drive to wipe. Its factory reset with encryption (NIST SP 800-88 purge by
//   cryptographic erase) is one record of the device: `drive_id` becomes nullable (on SQLite by rebuilding the
//   table, the documented way to drop a NOT NULL there), and the record says whether encryption was verified on
//   and which OS version did the reset.
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes, type ModelAttributeColumnOptions, type QueryInterface } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';
import {
  type Indexes,
  addColumns,
  addIndexes,
  dropNotNullSqlite,
  removeColumns,
  removeIndexes,
} from '../server/db/migration-steps.js';

type Columns = Array<[string, ModelAttributeColumnOptions]>;

const DEVICE_COLUMNS: Columns = [['imei', { type: DataTypes.STRING(15), allowNull: true }]];
const SANITIZATION_COLUMNS: Columns = [
  ['encryption_verified', { type: DataTypes.BOOLEAN, allowNull: true }],
  ['os_version', { type: DataTypes.STRING(100), allowNull: true }],
];
const INDEXES: Indexes = [['devices', 'devices_imei', ['imei'], true]];

async function driveIdNullable(q: QueryInterface): Promise<void> {
  if (q.sequelize.getDialect() === 'sqlite') return dropNotNullSqlite(q, 'sanitizations', ['drive_id']);
  const columns = await q.describeTable('sanitizations');
  if (columns.drive_id.allowNull) return;
  // The foreign key to drives stays: MODIFY keeps the column's type, only the NULL changes.
  await q.sequelize.query('ALTER TABLE `sanitizations` MODIFY `drive_id` INTEGER NULL');
}

export const up: Migration = async ({ context: q }) => {
  await addColumns(q, 'devices', DEVICE_COLUMNS);
  await driveIdNullable(q);
  await addColumns(q, 'sanitizations', SANITIZATION_COLUMNS);
  await addIndexes(q, INDEXES);
};

export const down: Migration = async ({ context: q }) => {
  await removeIndexes(q, INDEXES);
  await removeColumns(q, 'sanitizations', SANITIZATION_COLUMNS);
  await removeColumns(q, 'devices', DEVICE_COLUMNS);
  // drive_id stays nullable: a phone's device-level records would have no drive to put back.
};
