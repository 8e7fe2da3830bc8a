// Issue 17 point 1: the transactional outbox (server/modules/outbox/). A message row is written by the transaction
// that makes the change it reports; a worker claims due rows, sends each through its channel (email, webhook, sms)
// and marks it sent, or schedules the next try, or moves it to the dead letters after the last one.
// `idempotency_key` is unique: enqueueing the same key twice keeps one row, and receivers dedupe on it.
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

const TABLE = 'outbox_messages';

const INDEXES: Array<[string, string[], boolean]> = [
  ['outbox_messages_key', ['idempotency_key'], true],
  // The worker's claim: per channel, due rows in order, read (and locked) only as far as it takes them.
  ['outbox_messages_claim', ['channel', 'status', 'next_attempt_at', 'id'], false],
  // The admin screen's counts by status.
  ['outbox_messages_status', ['status'], false],
  ['outbox_messages_channel_status', ['channel', 'status', 'id'], false],
];

export const up: Migration = async ({ context: q }) => {
  const tables = (await q.showAllTables()).map((t) =>
    typeof t === 'string' ? t : (t as { tableName: string }).tableName,
  );
  if (!tables.includes(TABLE)) {
    await q.createTable(TABLE, {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      channel: { type: DataTypes.STRING(16), allowNull: false },
      topic: { type: DataTypes.STRING(64), allowNull: false },
      idempotency_key: { type: DataTypes.STRING(191), allowNull: false },
      recipient: { type: DataTypes.STRING(255), allowNull: false },
      payload: { type: DataTypes.TEXT, allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'pending' },
      attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      next_attempt_at: { type: DataTypes.DATE(3), allowNull: false },
      lease_owner: { type: DataTypes.STRING(64), allowNull: true },
      lease_until: { type: DataTypes.DATE(3), allowNull: true },
      last_error: { type: DataTypes.STRING(1000), allowNull: true },
      sent_at: { type: DataTypes.DATE(3), allowNull: true },
      created_at: { type: DataTypes.DATE(3), allowNull: false },
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
