import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

export const up: Migration = async ({ context: q }) => {
  await q.createTable('sites', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    code: { type: DataTypes.STRING(32), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    name_latin: { type: DataTypes.STRING(200), allowNull: true },
    city: { type: DataTypes.STRING(100), allowNull: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  // Named counters (asset tags, donation codes per year). Incremented inside the caller's transaction,
  // so numbers are unique under concurrency and a rolled-back intake leaves no gap.
  await q.createTable('sequences', {
    name: { type: DataTypes.STRING(64), primaryKey: true },
    value: { type: DataTypes.BIGINT, allowNull: false },
  });
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable('sequences');
  await q.dropTable('sites');
};
