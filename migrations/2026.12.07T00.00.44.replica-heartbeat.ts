// Issue 21: how far behind the primary a read replica is (server/db/replicas.ts). Every instance upserts its own
// row on the primary about twice a second with its own clock in milliseconds, then reads that row on each replica:
// the oldest beat a replica does not show yet dates the oldest write it has not applied. One row per running
// instance; rows of instances gone for a day are deleted by the others.
import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';
import { tableNames } from '../server/db/migration-steps.js';

export const up: Migration = async ({ context: q }) => {
  if ((await tableNames(q)).includes('replica_heartbeats')) return;
  await q.createTable('replica_heartbeats', {
    instance: { type: DataTypes.STRING(64), primaryKey: true },
    beat_ms: { type: DataTypes.BIGINT, allowNull: false },
  });
};

export const down: Migration = async ({ context: q }) => {
  if ((await tableNames(q)).includes('replica_heartbeats')) await q.dropTable('replica_heartbeats');
};
