// Issue 17 points 3 and 6 (spec §12): webhook endpoints, the events each one subscribes to, and the log of every
// delivery attempt (server/modules/webhooks/).
// - webhook_endpoints: the signing secret is kept encrypted under the PII key (lib/pii.ts, bound to its row), with its
//   last four characters apart so that reads can show it masked without decrypting. `consecutive_failures` counts
//   failed attempts since the last success; at WEBHOOK_DISABLE_AFTER the endpoint is disabled with a reason.
// - webhook_subscriptions: one row per (event, endpoint). Its primary key starts with the event, so "which enabled
//   endpoints want donation.received" (asked on every lifecycle action) is one index range, empty when nobody
//   subscribed.
// - webhook_deliveries: one row per attempt, read per endpoint newest first.
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

const INDEXES: Array<[string, string, string[]]> = [
  ['webhook_subscriptions', 'webhook_subscriptions_endpoint', ['endpoint_id']],
  ['webhook_deliveries', 'webhook_deliveries_endpoint_time', ['endpoint_id', 'created_at']],
];

export const up: Migration = async ({ context: q }) => {
  const tables = (await q.showAllTables()).map((t) =>
    typeof t === 'string' ? t : (t as { tableName: string }).tableName,
  );
  if (!tables.includes('webhook_endpoints')) {
    await q.createTable('webhook_endpoints', {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      url: { type: DataTypes.STRING(2048), allowNull: false },
      secret_encrypted: { type: DataTypes.STRING(512), allowNull: false },
      secret_hint: { type: DataTypes.STRING(8), allowNull: false },
      enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      consecutive_failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      disabled_at: { type: DataTypes.DATE(3), allowNull: true },
      disabled_reason: { type: DataTypes.STRING(500), allowNull: true },
      created_by: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } },
      created_at: { type: DataTypes.DATE(3), allowNull: false },
      updated_at: { type: DataTypes.DATE(3), allowNull: false },
    });
  }
  if (!tables.includes('webhook_subscriptions')) {
    await q.createTable('webhook_subscriptions', {
      event: { type: DataTypes.STRING(64), allowNull: false, primaryKey: true },
      endpoint_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        primaryKey: true,
        references: { model: 'webhook_endpoints', key: 'id' },
        onDelete: 'CASCADE',
      },
    });
  }
  if (!tables.includes('webhook_deliveries')) {
    await q.createTable('webhook_deliveries', {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      endpoint_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'webhook_endpoints', key: 'id' },
        onDelete: 'CASCADE',
      },
      outbox_message_id: { type: DataTypes.INTEGER, allowNull: false },
      event: { type: DataTypes.STRING(64), allowNull: false },
      attempt: { type: DataTypes.INTEGER, allowNull: false },
      status_code: { type: DataTypes.INTEGER, allowNull: true },
      latency_ms: { type: DataTypes.INTEGER, allowNull: false },
      error: { type: DataTypes.STRING(500), allowNull: true },
      created_at: { type: DataTypes.DATE(3), allowNull: false },
    });
  }
  for (const [table, name, fields] of INDEXES) {
    const indexes = (await q.showIndex(table)) as { name: string }[];
    if (!indexes.some((i) => i.name === name)) await q.addIndex(table, fields, { name });
  }
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable('webhook_deliveries');
  await q.dropTable('webhook_subscriptions');
  await q.dropTable('webhook_endpoints');
};
