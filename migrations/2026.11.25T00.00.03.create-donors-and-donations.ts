import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

export const up: Migration = async ({ context: q }) => {
  await q.createTable('donors', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    kind: { type: DataTypes.STRING(16), allowNull: false },
    name: { type: DataTypes.STRING(200), allowNull: false },
    name_latin: { type: DataTypes.STRING(200), allowNull: true },
    contact_person: { type: DataTypes.STRING(200), allowNull: true },
    email: { type: DataTypes.STRING(254), allowNull: true },
    phone: { type: DataTypes.STRING(20), allowNull: true },
    city: { type: DataTypes.STRING(100), allowNull: true },
    cr_number: { type: DataTypes.STRING(32), allowNull: true },
    preferred_language: { type: DataTypes.STRING(2), allowNull: false, defaultValue: 'ar' },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('donors', ['name'], { name: 'donors_name' });
  await q.createTable('donations', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    code: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    donor_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'donors', key: 'id' } },
    channel: { type: DataTypes.STRING(16), allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false },
    expected_count: { type: DataTypes.INTEGER, allowNull: true },
    received_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    site_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'sites', key: 'id' } },
    notes: { type: DataTypes.TEXT, allowNull: true },
    pledge_items: { type: DataTypes.TEXT, allowNull: true },
    preferred_pickup_date: { type: DataTypes.DATEONLY, allowNull: true },
    scheduled_pickup_date: { type: DataTypes.DATEONLY, allowNull: true },
    received_at: { type: DataTypes.DATE(3), allowNull: true },
    manifest_file: { type: DataTypes.STRING(80), allowNull: true },
    created_by: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('donations', ['donor_id'], { name: 'donations_donor_id' });
  await q.addIndex('donations', ['status', 'created_at'], { name: 'donations_status_created' });
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable('donations');
  await q.dropTable('donors');
};
