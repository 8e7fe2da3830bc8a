import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

// The public rate limits' counters (server/lib/rate-limit-store.ts), shared by every instance: one row per limiter
// and client address, holding the hits of its current window. window_start is milliseconds since the epoch (a plain
// integer on both engines, so the counting statement can do arithmetic on it); the index lets housekeeping find the
// rows whose window has ended.
export const up: Migration = async ({ context: q }) => {
  await q.createTable('rate_limit_hits', {
    key: { type: DataTypes.STRING(191), primaryKey: true, allowNull: false },
    window_start: { type: DataTypes.BIGINT, allowNull: false },
    hits: { type: DataTypes.INTEGER, allowNull: false },
  });
  await q.addIndex('rate_limit_hits', ['window_start'], { name: 'rate_limit_hits_window_start' });
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable('rate_limit_hits');
};
