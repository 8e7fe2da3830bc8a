// Donor receipts: an unguessable token for the donor's secret link (/receipts/<token>) and the sequential receipt
// number, assigned the first time a receipt is issued. MySQL commits each DDL statement on its own, so every step
// checks whether it already ran: a migration stopped half-way can simply run again.
import { randomBytes } from 'node:crypto';
import { DataTypes, QueryTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

// 32 random bytes = 256 bits, 43 base64url characters. Written out here rather than imported, so that this
// migration keeps doing what it did when the application code changes.
const newToken = (): string => randomBytes(32).toString('base64url');
const BATCH = 500;

async function addMissingColumns(q: QueryInterface): Promise<void> {
  const columns = await q.describeTable('donations');
  if (!columns.receipt_token)
    await q.addColumn('donations', 'receipt_token', { type: DataTypes.STRING(64), allowNull: true });
  if (!columns.receipt_number)
    await q.addColumn('donations', 'receipt_number', { type: DataTypes.STRING(20), allowNull: true });
}

async function fillTokens(q: QueryInterface): Promise<void> {
  for (;;) {
    const rows = await q.sequelize.query<{ id: number }>(
      'SELECT id FROM donations WHERE receipt_token IS NULL ORDER BY id LIMIT :limit',
      { replacements: { limit: BATCH }, type: QueryTypes.SELECT },
    );
    for (const { id } of rows) {
      await q.sequelize.query('UPDATE donations SET receipt_token = :token WHERE id = :id AND receipt_token IS NULL', {
        replacements: { token: newToken(), id },
      });
    }
    if (rows.length < BATCH) return;
  }
}

async function addUniqueIndex(q: QueryInterface, column: string, name: string): Promise<void> {
  const indexes = (await q.showIndex('donations')) as { name: string }[];
  if (!indexes.some((i) => i.name === name)) await q.addIndex('donations', [column], { name, unique: true });
}

export const up: Migration = async ({ context: q }) => {
  await addMissingColumns(q);
  await fillTokens(q);
  // Both columns stay nullable in the table (receipt numbers come later; old rows may be written by tools that
  // predate tokens); the model gives every new donation a token. NULLs never collide in a UNIQUE index.
  await addUniqueIndex(q, 'receipt_token', 'donations_receipt_token');
  await addUniqueIndex(q, 'receipt_number', 'donations_receipt_number');
};

export const down: Migration = async ({ context: q }) => {
  await q.removeIndex('donations', 'donations_receipt_number');
  await q.removeIndex('donations', 'donations_receipt_token');
  await q.removeColumn('donations', 'receipt_number');
  await q.removeColumn('donations', 'receipt_token');
};
