import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

// Functions, not shared objects: Sequelize may write into a column definition it is given.
const id = () => ({ type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true });
const deviceRef = () => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  references: { model: 'devices', key: 'id' },
  onDelete: 'CASCADE',
});
const userRef = () => ({ type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } });
const at = () => ({ type: DataTypes.DATE(3), allowNull: false });

export const up: Migration = async ({ context: q }) => {
  // One row per drive and run (NIST SP 800-88); failed and aborted runs are kept and do not count.
  await q.createTable('sanitizations', {
    id: id(),
    device_id: deviceRef(),
    drive_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'drives', key: 'id' },
      onDelete: 'CASCADE',
    },
    method: { type: DataTypes.STRING(8), allowNull: false },
    technique: { type: DataTypes.STRING(24), allowNull: false },
    tool: { type: DataTypes.STRING(100), allowNull: false },
    passes: { type: DataTypes.INTEGER, allowNull: true },
    verification: { type: DataTypes.STRING(12), allowNull: false },
    result: { type: DataTypes.STRING(8), allowNull: false },
    started_at: { type: DataTypes.DATE(3), allowNull: true },
    finished_at: { type: DataTypes.DATE(3), allowNull: true },
    operator_id: userRef(),
    verifier_id: userRef(),
    source: { type: DataTypes.STRING(16), allowNull: false },
    evidence_sha256: { type: DataTypes.CHAR(64), allowNull: true },
    notes: { type: DataTypes.TEXT, allowNull: true },
    created_at: at(),
  });
  await q.addIndex('sanitizations', ['drive_id', 'result'], { name: 'sanitizations_drive_result' });
  await q.addIndex('sanitizations', ['device_id'], { name: 'sanitizations_device' });

  // Uploaded evidence and reports, stored under their sha256 (the file itself is never modified).
  await q.createTable('device_files', {
    id: id(),
    device_id: deviceRef(),
    kind: { type: DataTypes.STRING(24), allowNull: false },
    format: { type: DataTypes.STRING(24), allowNull: true },
    sha256: { type: DataTypes.CHAR(64), allowNull: false },
    size_bytes: { type: DataTypes.INTEGER, allowNull: false },
    original_name: { type: DataTypes.STRING(255), allowNull: true },
    uploaded_by: userRef(),
    created_at: at(),
  });
  await q.addIndex('device_files', ['device_id', 'kind'], { name: 'device_files_device_kind' });

  await q.createTable('parts', {
    id: id(),
    type: { type: DataTypes.STRING(32), allowNull: false },
    serial_number: { type: DataTypes.STRING(100), allowNull: true },
    description: { type: DataTypes.STRING(200), allowNull: true },
    status: { type: DataTypes.STRING(12), allowNull: false },
    source_device_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'devices', key: 'id' } },
    used_in_device_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'devices', key: 'id' } },
    created_at: at(),
    updated_at: at(),
  });
  await q.addIndex('parts', ['status', 'type'], { name: 'parts_status_type' });

  await q.createTable('disposals', {
    id: id(),
    device_id: deviceRef(),
    kind: { type: DataTypes.STRING(12), allowNull: false },
    recycler: { type: DataTypes.STRING(200), allowNull: true },
    weight_kg: { type: DataTypes.FLOAT, allowNull: true },
    certificate_ref: { type: DataTypes.STRING(100), allowNull: true },
    created_by: userRef(),
    created_at: at(),
  });
  await q.addIndex('disposals', ['device_id'], { name: 'disposals_device' });

  // R2: a share of logically wiped devices is re-checked by someone other than the operator.
  await q.createTable('verification_samples', {
    id: id(),
    device_id: deviceRef(),
    operator_id: userRef(),
    status: { type: DataTypes.STRING(12), allowNull: false },
    verifier_id: userRef(),
    verified_at: { type: DataTypes.DATE(3), allowNull: true },
    notes: { type: DataTypes.TEXT, allowNull: true },
    created_at: at(),
  });
  await q.addIndex('verification_samples', ['status', 'created_at'], { name: 'verification_samples_status' });

  await q.createTable('settings', {
    key: { type: DataTypes.STRING(64), primaryKey: true },
    value: { type: DataTypes.TEXT, allowNull: false },
    updated_at: at(),
  });
};

export const down: Migration = async ({ context: q }) => {
  for (const t of ['settings', 'verification_samples', 'disposals', 'parts', 'device_files', 'sanitizations'])
    await q.dropTable(t);
};
