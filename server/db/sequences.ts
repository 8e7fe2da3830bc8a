// Named counters kept in the database (asset tags, donation and receipt numbers). The increment runs inside
// the caller's transaction as one upsert: MySQL holds the row lock until commit, SQLite has one writer, so
// values never collide, a rolled-back intake leaves no gap, and the first use of a name needs no extra step.
import { QueryTypes, type Transaction } from 'sequelize';
import { getSequelize, isSqlite } from './sequelize.js';

/** Reserves `count` consecutive values; returns the first. */
export async function reserveSequenceValues(name: string, count: number, transaction: Transaction): Promise<number> {
  const sequelize = getSequelize();
  const upsert = isSqlite()
    ? 'INSERT INTO sequences (name, value) VALUES (:name, :count) ON CONFLICT(name) DO UPDATE SET value = value + :count'
    : 'INSERT INTO sequences (name, value) VALUES (:name, :count) ON DUPLICATE KEY UPDATE value = value + :count';
  await sequelize.query(upsert, { replacements: { name, count }, transaction });
  const [row] = await sequelize.query<{ value: number | string }>('SELECT value FROM sequences WHERE name = :name', {
    replacements: { name },
    transaction,
    type: QueryTypes.SELECT,
  });
  return Number(row.value) - count + 1;
}

export function nextSequenceValue(name: string, transaction: Transaction): Promise<number> {
  return reserveSequenceValues(name, 1, transaction);
}
