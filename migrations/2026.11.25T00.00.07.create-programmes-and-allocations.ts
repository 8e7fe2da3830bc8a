import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

const at = () => ({ type: DataTypes.DATE(3), allowNull: false });
const userRef = () => ({ type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } });

export const up: Migration = async ({ context: q }) => {
  await q.createTable('programmes', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    name: { type: DataTypes.STRING(200), allowNull: false, unique: true },
    name_latin: { type: DataTypes.STRING(200), allowNull: true },
    target_families: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    target_students: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    starts_on: { type: DataTypes.DATEONLY, allowNull: true },
    ends_on: { type: DataTypes.DATEONLY, allowNull: true },
    created_at: at(),
    updated_at: at(),
  });
  await q.createTable('allocations', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    device_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'devices', key: 'id' } },
    beneficiary_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'beneficiaries', key: 'id' } },
    programme_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'programmes', key: 'id' } },
    status: { type: DataTypes.STRING(12), allowNull: false },
    // Where the beneficiary stood before this allocation, so a cancellation puts them back.
    beneficiary_prev_status: { type: DataTypes.STRING(16), allowNull: false },
    override_reason: { type: DataTypes.STRING(500), allowNull: true },
    cancel_reason: { type: DataTypes.STRING(500), allowNull: true },
    received_by: { type: DataTypes.STRING(200), allowNull: true },
    signature_sha256: { type: DataTypes.CHAR(64), allowNull: true },
    signature_type: { type: DataTypes.STRING(16), allowNull: true },
    certificate_code: { type: DataTypes.STRING(16), allowNull: true, unique: true },
    handed_over_at: { type: DataTypes.DATE(3), allowNull: true },
    allocated_by: userRef(),
    handed_over_by: userRef(),
    created_at: at(),
    updated_at: at(),
  });
  await q.addIndex('allocations', ['device_id', 'status'], { name: 'allocations_device_status' });
  await q.addIndex('allocations', ['beneficiary_id', 'programme_id', 'status'], {
    name: 'allocations_beneficiary_programme',
  });
  await q.addIndex('allocations', ['programme_id', 'status', 'handed_over_at'], {
    name: 'allocations_programme_handover',
  });
  await q.addIndex('allocations', ['status', 'handed_over_at'], { name: 'allocations_status_handover' });
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable('allocations');
  await q.dropTable('programmes');
};
