import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

// Sign-in throttling by counter rows (server/modules/auth/auth.throttle.ts): one row per (account, address) pair, per
// address and per account, each counting the failed tries of its current window (failures) and the tries being
// checked right now (pending). A try is taken from the row by one conditional UPDATE before the password is checked,
// so parallel guesses cannot share a count. Rows of the address scope have email '' and rows of the account scope
// have ip '' (not NULL: a unique index treats NULLs as distinct).
export const up: Migration = async ({ context: q }) => {
  await q.createTable('login_throttles', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    email: { type: DataTypes.STRING(254), allowNull: false },
    ip: { type: DataTypes.STRING(64), allowNull: false },
    scope: { type: DataTypes.STRING(8), allowNull: false },
    failures: { type: DataTypes.INTEGER, allowNull: false },
    pending: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    window_start: { type: DataTypes.DATE(3), allowNull: false },
  });
  // Email first: an admin clearing a user's lockout finds every row of that account by this index's prefix.
  await q.addIndex('login_throttles', ['email', 'ip', 'scope'], { name: 'login_throttles_bucket', unique: true });
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable('login_throttles');
};
