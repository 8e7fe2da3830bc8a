// Issue 19 point 2: an admin may hand a device over although the programme's training is not completed; the reason,
// who and when are kept on the allocation (and in the device's hash-chained history, by the handover event).
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';
import { addColumns, removeColumns } from '../server/db/migration-steps.js';

const ALLOCATION_COLUMNS: Array<[string, ModelAttributeColumnOptions]> = [
  ['training_override_reason', { type: DataTypes.STRING(500), allowNull: true }],
  ['training_override_by', { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } }],
];

export const up: Migration = async ({ context: q }) => addColumns(q, 'allocations', ALLOCATION_COLUMNS);
export const down: Migration = async ({ context: q }) => removeColumns(q, 'allocations', ALLOCATION_COLUMNS);
