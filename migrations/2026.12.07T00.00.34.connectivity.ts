// Issue 19 point 3 (spec §14): connectivity bundles (server/modules/connectivity/).
// - sponsors: who gives SIM data bundles;
// - bundle_lots: a delivery of `received` bundles of one kind (operator, data, validity) from a sponsor, and how many
//   are `remaining`. Data is kept in whole megabytes (1 GB = 1000 MB), so sums are exact integers on both engines
//   (SQLite stores DECIMAL as a binary float). `remaining` never goes below 0: the handover takes one with a
//   conditional decrement, and a CHECK constraint (SQLite and MariaDB ≥ 10.2 enforce it) is the last line;
//   Sequelize's createTable cannot write a CHECK, so this table is created by its own statement per dialect;
// - bundle_assignments: the bundle given with a device at handover, one per allocation, with the SIM's ICCID or
//   number encrypted (lib/pii.ts, bound to the allocation id) and its last 4 digits, and the facts the report groups
//   on, fixed at that moment: the beneficiary's region and the month of the handover.
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';
import { type Indexes, addIndexes, tableNames } from '../server/db/migration-steps.js';

const userRef = { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } };

const INDEXES: Indexes = [
  ['bundle_lots', 'bundle_lots_sponsor', ['sponsor_id', 'id'], false],
  ['bundle_assignments', 'bundle_assignments_allocation', ['allocation_id'], true],
  ['bundle_assignments', 'bundle_assignments_lot', ['lot_id'], false],
  // The report: per month, sponsor and region, the bundles and megabytes (covering: no row is read).
  ['bundle_assignments', 'bundle_assignments_report', ['month', 'sponsor_id', 'region_code', 'data_mb'], false],
];

async function createLots(q: QueryInterface): Promise<void> {
  const sqlite = q.sequelize.getDialect() === 'sqlite';
  const id = sqlite ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY';
  const time = sqlite ? 'DATETIME' : 'DATETIME(3)';
  const quote = (name: string) => q.quoteIdentifier(name);
  await q.sequelize.query(
    `CREATE TABLE IF NOT EXISTS ${quote('bundle_lots')} (
       ${quote('id')} ${id},
       ${quote('sponsor_id')} INTEGER NOT NULL,
       ${quote('operator')} VARCHAR(100) NOT NULL,
       ${quote('data_mb')} INTEGER NOT NULL,
       ${quote('validity_days')} INTEGER NOT NULL,
       ${quote('received')} INTEGER NOT NULL,
       ${quote('remaining')} INTEGER NOT NULL,
       ${quote('created_by')} INTEGER NULL,
       ${quote('created_at')} ${time} NOT NULL,
       ${quote('updated_at')} ${time} NOT NULL,
       FOREIGN KEY (${quote('sponsor_id')}) REFERENCES ${quote('sponsors')} (${quote('id')}),
       FOREIGN KEY (${quote('created_by')}) REFERENCES ${quote('users')} (${quote('id')}),
       CONSTRAINT ${quote('bundle_lots_stock')} CHECK (${quote('remaining')} >= 0 AND ${quote('remaining')} <= ${quote('received')}),
       CONSTRAINT ${quote('bundle_lots_positive')} CHECK (${quote('data_mb')} > 0 AND ${quote('validity_days')} > 0 AND ${quote('received')} > 0)
     )`,
  );
}

export const up: Migration = async ({ context: q }) => {
  let tables = await tableNames(q);
  if (!tables.includes('sponsors')) {
    await q.createTable('sponsors', {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(200), allowNull: false },
      name_latin: { type: DataTypes.STRING(200), allowNull: true },
      contact_person: { type: DataTypes.STRING(200), allowNull: true },
      phone: { type: DataTypes.STRING(40), allowNull: true },
      created_by: userRef,
      created_at: { type: DataTypes.DATE(3), allowNull: false },
      updated_at: { type: DataTypes.DATE(3), allowNull: false },
    });
  }
  await createLots(q);
  tables = await tableNames(q);
  if (!tables.includes('bundle_assignments')) {
    await q.createTable('bundle_assignments', {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      allocation_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'allocations', key: 'id' } },
      lot_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'bundle_lots', key: 'id' } },
      sponsor_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'sponsors', key: 'id' } },
      device_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'devices', key: 'id' } },
      iccid_encrypted: { type: DataTypes.TEXT, allowNull: false },
      iccid_last4: { type: DataTypes.CHAR(4), allowNull: false },
      data_mb: { type: DataTypes.INTEGER, allowNull: false },
      validity_days: { type: DataTypes.INTEGER, allowNull: false },
      region_code: { type: DataTypes.STRING(8), allowNull: false, defaultValue: '' },
      month: { type: DataTypes.CHAR(7), allowNull: false },
      created_by: userRef,
      created_at: { type: DataTypes.DATE(3), allowNull: false },
    });
  }
  await addIndexes(q, INDEXES);
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable('bundle_assignments');
  await q.dropTable('bundle_lots');
  await q.dropTable('sponsors');
};
