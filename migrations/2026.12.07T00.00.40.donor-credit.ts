// Issue 20 point 8: a handover certificate thanks the donor by name only when the donor agreed to it
// (donors.credit_on_certificates, false unless set: a donor is anonymous on a family's certificate by default).
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';
import { addColumns, removeColumns } from '../server/db/migration-steps.js';

const DONOR_COLUMNS: Array<[string, ModelAttributeColumnOptions]> = [
  ['credit_on_certificates', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false }],
];

export const up: Migration = async ({ context: q }) => addColumns(q, 'donors', DONOR_COLUMNS);
export const down: Migration = async ({ context: q }) => removeColumns(q, 'donors', DONOR_COLUMNS);
