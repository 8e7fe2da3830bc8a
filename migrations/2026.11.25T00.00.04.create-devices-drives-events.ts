import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

export const up: Migration = async ({ context: q }) => {
  await q.createTable('devices', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    asset_tag: { type: DataTypes.STRING(24), allowNull: false, unique: true },
    donation_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'donations', key: 'id' } },
    site_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'sites', key: 'id' } },
    type: { type: DataTypes.STRING(16), allowNull: false },
    manufacturer: { type: DataTypes.STRING(100), allowNull: true },
    model: { type: DataTypes.STRING(150), allowNull: true },
    serial_number: { type: DataTypes.STRING(100), allowNull: true },
    // Upper-case serial without spaces or hyphens: what a scan is compared with.
    serial_key: { type: DataTypes.STRING(100), allowNull: true },
    cpu: { type: DataTypes.STRING(200), allowNull: true },
    ram_gb: { type: DataTypes.FLOAT, allowNull: true },
    storage_summary: { type: DataTypes.STRING(200), allowNull: true },
    screen_inches: { type: DataTypes.FLOAT, allowNull: true },
    battery_health: { type: DataTypes.INTEGER, allowNull: true },
    status: { type: DataTypes.STRING(16), allowNull: false },
    disposition: { type: DataTypes.STRING(16), allowNull: true },
    grade: { type: DataTypes.STRING(1), allowNull: true },
    r2_function: { type: DataTypes.STRING(2), allowNull: true },
    r2_cosmetic: { type: DataTypes.STRING(2), allowNull: true },
    os: { type: DataTypes.STRING(100), allowNull: true },
    licence: { type: DataTypes.STRING(32), allowNull: true },
    windows11_eligible: { type: DataTypes.BOOLEAN, allowNull: true },
    notes: { type: DataTypes.TEXT, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    // Hash and number of the newest event: anchors the chain, so deleting the last events is detected too.
    last_event_seq: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    last_event_hash: { type: DataTypes.CHAR(64), allowNull: true },
    status_changed_at: { type: DataTypes.DATE(3), allowNull: false },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('devices', ['status', 'status_changed_at'], { name: 'devices_status_changed' });
  await q.addIndex('devices', ['donation_id', 'status'], { name: 'devices_donation_status' });
  await q.addIndex('devices', ['serial_key'], { name: 'devices_serial_key' });
  await q.addIndex('devices', ['site_id', 'status'], { name: 'devices_site_status' });
  await q.addIndex('devices', ['type', 'status'], { name: 'devices_type_status' });
  await q.addIndex('devices', ['created_at'], { name: 'devices_created_at' });

  await q.createTable('drives', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    device_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'devices', key: 'id' },
      onDelete: 'CASCADE',
    },
    serial_number: { type: DataTypes.STRING(100), allowNull: false },
    serial_key: { type: DataTypes.STRING(100), allowNull: false },
    model: { type: DataTypes.STRING(150), allowNull: true },
    media_type: { type: DataTypes.STRING(8), allowNull: false, defaultValue: 'other' },
    capacity_bytes: { type: DataTypes.BIGINT, allowNull: true },
    smart_passed: { type: DataTypes.BOOLEAN, allowNull: true },
    power_on_hours: { type: DataTypes.INTEGER, allowNull: true },
    reallocated_sectors: { type: DataTypes.INTEGER, allowNull: true },
    pending_sectors: { type: DataTypes.INTEGER, allowNull: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('drives', ['device_id', 'serial_key'], { name: 'drives_device_serial', unique: true });
  await q.addIndex('drives', ['serial_key'], { name: 'drives_serial_key' });

  // Append-only history; each row's hash covers the previous row's hash (per device).
  await q.createTable('device_events', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    device_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'devices', key: 'id' },
      onDelete: 'CASCADE',
    },
    seq: { type: DataTypes.INTEGER, allowNull: false },
    type: { type: DataTypes.STRING(32), allowNull: false },
    actor_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } },
    from_status: { type: DataTypes.STRING(16), allowNull: true },
    to_status: { type: DataTypes.STRING(16), allowNull: true },
    payload: { type: DataTypes.TEXT, allowNull: false },
    prev_hash: { type: DataTypes.CHAR(64), allowNull: true },
    hash: { type: DataTypes.CHAR(64), allowNull: false },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await q.addIndex('device_events', ['device_id', 'seq'], { name: 'device_events_device_seq', unique: true });
  await q.addIndex('device_events', ['device_id', 'created_at'], { name: 'device_events_device_time' });
  await q.addIndex('device_events', ['type', 'created_at'], { name: 'device_events_type_time' });
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable('device_events');
  await q.dropTable('drives');
  await q.dropTable('devices');
};
