import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

// How many tries of a counter have ended (never reset): a sign-in waiting for a counter full of pending tries sees
// from it that they are ending, even when a waiter takes each freed place before it can look
// (server/modules/auth/auth.throttle.ts).
export const up: Migration = async ({ context: q }) => {
  await q.addColumn('login_throttles', 'settled', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
};

export const down: Migration = async ({ context: q }) => {
  await q.removeColumn('login_throttles', 'settled');
};
