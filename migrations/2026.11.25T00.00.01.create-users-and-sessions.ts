import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

export const up: Migration = async ({ context: q }) => {
  await q.createTable('users', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    email: { type: DataTypes.STRING(254), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    role: { type: DataTypes.STRING(16), allowNull: false },
    password_hash: { type: DataTypes.STRING(255), allowNull: false },
    language: { type: DataTypes.STRING(2), allowNull: false, defaultValue: 'ar' },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    last_login_at: { type: DataTypes.DATE(3), allowNull: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.createTable('sessions', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    user_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'users', key: 'id' },
      onDelete: 'CASCADE',
    },
    token_hash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
    expires_at: { type: DataTypes.DATE(3), allowNull: false },
    revoked_at: { type: DataTypes.DATE(3), allowNull: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('sessions', ['user_id'], { name: 'sessions_user_id' });
  await q.createTable('login_attempts', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    email: { type: DataTypes.STRING(254), allowNull: false },
    ip: { type: DataTypes.STRING(64), allowNull: false },
    succeeded: { type: DataTypes.BOOLEAN, allowNull: false },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('login_attempts', ['email', 'created_at'], { name: 'login_attempts_email_time' });
  await q.addIndex('login_attempts', ['ip', 'created_at'], { name: 'login_attempts_ip_time' });
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable('login_attempts');
  await q.dropTable('sessions');
  await q.dropTable('users');
};
