// Receipt numbers used to be given by the first GET of a receipt; now the first intake gives them
// (server/modules/donations/donations.receipt.ts). Donations that already hold devices but were never viewed get
// their number here, oldest receipt first, from the same per-year sequence (`receipt:<year>`), so numbers given
// later continue it. One transaction per donation and only rows still without a number: safe to run again.
import { QueryTypes, type QueryInterface, type Transaction } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

interface Pending {
  id: number;
  at: Date | string;
}

// Written out here rather than imported, so that this migration keeps doing what it did when the code changes.
const format = (year: number, n: number): string => `RC-${year}-${String(n).padStart(4, '0')}`;
const yearOf = (at: Date | string): number =>
  at instanceof Date ? at.getUTCFullYear() : Number(String(at).slice(0, 4));

async function nextValue(q: QueryInterface, name: string, transaction: Transaction): Promise<number> {
  const upsert =
    q.sequelize.getDialect() === 'sqlite'
      ? 'INSERT INTO sequences (name, value) VALUES (:name, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1'
      : 'INSERT INTO sequences (name, value) VALUES (:name, 1) ON DUPLICATE KEY UPDATE value = value + 1';
  await q.sequelize.query(upsert, { replacements: { name }, transaction });
  const [row] = await q.sequelize.query<{ value: number | string }>('SELECT value FROM sequences WHERE name = :name', {
    replacements: { name },
    transaction,
    type: QueryTypes.SELECT,
  });
  return Number(row.value);
}

export const up: Migration = async ({ context: q }) => {
  const pending = await q.sequelize.query<Pending>(
    `SELECT d.id AS id, COALESCE(d.received_at, d.created_at) AS at FROM donations d
      WHERE d.receipt_number IS NULL AND EXISTS (SELECT 1 FROM devices v WHERE v.donation_id = d.id)
      ORDER BY COALESCE(d.received_at, d.created_at), d.id`,
    { type: QueryTypes.SELECT },
  );
  for (const { id, at } of pending) {
    await q.sequelize.transaction(async (transaction) => {
      const year = yearOf(at);
      const number = format(year, await nextValue(q, `receipt:${year}`, transaction));
      await q.sequelize.query(
        'UPDATE donations SET receipt_number = :number WHERE id = :id AND receipt_number IS NULL',
        { replacements: { number, id }, transaction },
      );
    });
  }
};

// A number once issued may have been printed and handed to a donor: going down leaves it in place.
export const down: Migration = async () => undefined;
