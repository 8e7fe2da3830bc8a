// Issue 18 (spec §13): institutions as recipients, batch allocation, partner custody, handover accessories.
// - users.partner_id: the organisation of a `partner` user.
// - beneficiaries: an institution has no national ID, household or income, so those columns become nullable (on
//   SQLite by rebuilding the table, the documented way to drop a NOT NULL there); its own columns are added.
//   `registration_number` is unique where set (NULLs do not collide on either engine).
// - devices: whose custody a device is in (a partner), since when, through which batch.
// - allocation_batches: one row per batch; allocations.batch_id ties an institution's per-device allocations to it.
// - allocations and batches: the accessories handed over (a comma list of charger, bag, mouse, other) and a note.
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes, type ModelAttributeColumnOptions, type QueryInterface } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';
import { addColumns, dropNotNullSqlite } from '../server/db/migration-steps.js';

const userRef = { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } };
const partnerRef = { type: DataTypes.INTEGER, allowNull: true, references: { model: 'partners', key: 'id' } };
type Columns = Array<[string, ModelAttributeColumnOptions]>;

const USER_COLUMNS: Columns = [['partner_id', partnerRef]];
const BENEFICIARY_COLUMNS: Columns = [
  ['institution_type', { type: DataTypes.STRING(24), allowNull: true }],
  ['registration_number', { type: DataTypes.STRING(50), allowNull: true }],
  ['contact_person', { type: DataTypes.STRING(200), allowNull: true }],
  ['requested_devices', { type: DataTypes.INTEGER, allowNull: true }],
  ['justification', { type: DataTypes.TEXT, allowNull: true }],
];
const DEVICE_COLUMNS: Columns = [
  ['custody_partner_id', partnerRef],
  ['custody_since', { type: DataTypes.DATE(3), allowNull: true }],
  ['custody_batch_id', { type: DataTypes.INTEGER, allowNull: true }],
];
const ALLOCATION_COLUMNS: Columns = [
  ['batch_id', { type: DataTypes.INTEGER, allowNull: true }],
  ['accessories', { type: DataTypes.STRING(64), allowNull: true }],
  ['accessories_note', { type: DataTypes.STRING(300), allowNull: true }],
];
/** The family-only columns an institution leaves empty. */
const NOW_NULLABLE: Array<[string, string]> = [
  ['national_id_encrypted', 'TEXT'],
  ['national_id_hash', 'CHAR(64)'],
  ['national_id_last4', 'VARCHAR(4)'],
  ['household_size', 'INTEGER'],
  ['monthly_income', 'DECIMAL(12,2)'],
];
const INDEXES: Array<[string, string, string[], boolean]> = [
  ['beneficiaries', 'beneficiaries_registration_number', ['registration_number'], true],
  ['beneficiaries', 'beneficiaries_kind_status_created', ['kind', 'status', 'created_at'], false],
  ['devices', 'devices_custody_partner', ['custody_partner_id', 'id'], false],
  ['allocations', 'allocations_batch', ['batch_id'], false],
  ['allocation_batches', 'allocation_batches_status_id', ['status', 'id'], false],
  ['users', 'users_partner', ['partner_id'], false],
  // Devices an institution received so far (the institutions' list, the beneficiary page).
  ['figure_handover_facts', 'figure_handover_facts_beneficiary', ['beneficiary_id'], false],
];

async function dropNotNull(q: QueryInterface): Promise<void> {
  if (q.sequelize.getDialect() === 'sqlite')
    return dropNotNullSqlite(
      q,
      'beneficiaries',
      NOW_NULLABLE.map(([c]) => c),
    );
  const modify = NOW_NULLABLE.map(([c, type]) => `MODIFY \`${c}\` ${type} NULL`).join(', ');
  await q.sequelize.query(`ALTER TABLE \`beneficiaries\` ${modify}`);
}

export const up: Migration = async ({ context: q }) => {
  await addColumns(q, 'users', USER_COLUMNS);
  await dropNotNull(q);
  await addColumns(q, 'beneficiaries', BENEFICIARY_COLUMNS);
  await addColumns(q, 'devices', DEVICE_COLUMNS);
  await addColumns(q, 'allocations', ALLOCATION_COLUMNS);
  const tables = (await q.showAllTables()).map((t) =>
    typeof t === 'string' ? t : (t as { tableName: string }).tableName,
  );
  if (!tables.includes('allocation_batches')) {
    await q.createTable('allocation_batches', {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      code: { type: DataTypes.STRING(16), allowNull: false, unique: true },
      status: { type: DataTypes.STRING(12), allowNull: false },
      recipient_kind: { type: DataTypes.STRING(12), allowNull: false },
      beneficiary_id: {
        type: DataTypes.INTEGER,
        allowNull: true,
        references: { model: 'beneficiaries', key: 'id' },
      },
      partner_id: partnerRef,
      programme_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'programmes', key: 'id' } },
      device_ids: { type: DataTypes.TEXT, allowNull: false },
      device_count: { type: DataTypes.INTEGER, allowNull: false },
      note: { type: DataTypes.STRING(500), allowNull: true },
      received_by: { type: DataTypes.STRING(200), allowNull: true },
      signature_sha256: { type: DataTypes.CHAR(64), allowNull: true },
      signature_type: { type: DataTypes.STRING(16), allowNull: true },
      certificate_code: { type: DataTypes.STRING(16), allowNull: true, unique: true },
      accessories: { type: DataTypes.STRING(64), allowNull: true },
      accessories_note: { type: DataTypes.STRING(300), allowNull: true },
      cancel_reason: { type: DataTypes.STRING(500), allowNull: true },
      handed_over_at: { type: DataTypes.DATE(3), allowNull: true },
      handed_over_by: userRef,
      created_by: userRef,
      created_at: { type: DataTypes.DATE(3), allowNull: false },
      updated_at: { type: DataTypes.DATE(3), allowNull: false },
    });
  }
  for (const [table, name, fields, unique] of INDEXES) {
    const indexes = (await q.showIndex(table)) as { name: string }[];
    if (!indexes.some((i) => i.name === name)) await q.addIndex(table, fields, { name, unique });
  }
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable('allocation_batches');
  for (const [table, name] of INDEXES)
    if (table !== 'allocation_batches') await q.removeIndex(table, name).catch(() => undefined);
  const drop = async (table: string, columns: Columns) => {
    const existing = await q.describeTable(table);
    for (const [name] of [...columns].reverse()) {
      if (!existing[name]) continue;
      if (q.sequelize.getDialect() === 'sqlite')
        await q.sequelize.query(`ALTER TABLE "${table}" DROP COLUMN "${name}"`);
      else await q.removeColumn(table, name);
    }
  };
  await drop('allocations', ALLOCATION_COLUMNS);
  await drop('devices', DEVICE_COLUMNS);
  await drop('beneficiaries', BENEFICIARY_COLUMNS);
  await drop('users', USER_COLUMNS);
  // The family-only columns stay nullable: institutions' rows would have no values to put back.
};
