// Issue 16 point 7: checkpoints of the device history's verification (server/modules/devices/devices.audit.ts).
// One row per recorded verification: an incremental check that passed (POST /api/audit/verify), or a full
// re-verification run as a background job (POST /api/audit/verify/full), whose row is also its progress and result.
// `through_event_id`: every event with an id up to it was verified (and had committed) when the row was written.
// `running_guard` is 1 while a full job runs and NULL otherwise: its unique index lets only one job run at a time,
// whichever server instance starts it (NULLs do not collide, on SQLite as on MariaDB).
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

const TABLE = 'audit_checkpoints';

const INDEXES: Array<[string, string[], boolean]> = [
  ['audit_checkpoints_running_guard', ['running_guard'], true],
  // The latest passed checkpoint (state, ok, through_event_id) and the latest job of a kind (kind, id).
  ['audit_checkpoints_state_ok_through', ['state', 'ok', 'through_event_id'], false],
  ['audit_checkpoints_kind', ['kind', 'id'], false],
];

export const up: Migration = async ({ context: q }) => {
  const tables = (await q.showAllTables()).map((t) =>
    typeof t === 'string' ? t : (t as { tableName: string }).tableName,
  );
  if (!tables.includes(TABLE)) {
    await q.createTable(TABLE, {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      kind: { type: DataTypes.STRING(12), allowNull: false },
      state: { type: DataTypes.STRING(12), allowNull: false },
      running_guard: { type: DataTypes.INTEGER, allowNull: true },
      from_event_id: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      through_event_id: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      events_checked: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      events_total: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      devices_checked: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      ok: { type: DataTypes.BOOLEAN, allowNull: true },
      broken_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      broken: { type: DataTypes.TEXT, allowNull: true },
      error: { type: DataTypes.STRING(500), allowNull: true },
      created_by: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } },
      started_at: { type: DataTypes.DATE(3), allowNull: false },
      finished_at: { type: DataTypes.DATE(3), allowNull: true },
      updated_at: { type: DataTypes.DATE(3), allowNull: false },
    });
  }
  const indexes = (await q.showIndex(TABLE)) as { name: string }[];
  for (const [name, fields, unique] of INDEXES) {
    if (!indexes.some((i) => i.name === name)) await q.addIndex(TABLE, fields, { name, unique });
  }
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable(TABLE);
};
