// Named counters kept in the database (asset tags, donation codes). The increment runs inside the caller's
// transaction: MySQL holds the row lock until commit, SQLite has one writer, so values never collide and a
// rolled-back intake leaves no gap.
import { QueryTypes, type Transaction } from 'sequelize';
import { getSequelize, isSqlite } from './sequelize.js';

const known = new Set<string>();

async function ensureRow(name: string, transaction: Transaction): Promise<void> {
  if (known.has(name)) return;
  const sequelize = getSequelize();
  if (isSqlite()) {
    await sequelize.query('INSERT OR IGNORE INTO sequences (name, value) VALUES (:name, 0)', { replacements: { name }, transaction });
  } else {
    // Outside the caller's transaction (autocommit): creating the row inside concurrent transactions would
    // make them deadlock on the gap lock.
    await sequelize.query('INSERT IGNORE INTO sequences (name, value) VALUES (:name, 0)', { replacements: { name } });
    known.add(name);
  }
}

export function nextSequenceValue(name: string, transaction: Transaction): Promise<number> {
  return reserveSequenceValues(name, 1, transaction);
}

/** Forget cached names (tests empty the table between cases). */
export function resetSequenceCache(): void {
  known.clear();
}

/** Reserves `count` consecutive values; returns the first. */
export async function reserveSequenceValues(name: string, count: number, transaction: Transaction): Promise<number> {
  const sequelize = getSequelize();
  await ensureRow(name, transaction);
  await sequelize.query('UPDATE sequences SET value = value + :count WHERE name = :name', { replacements: { name, count }, transaction });
  const [row] = await sequelize.query<{ value: number | string }>('SELECT value FROM sequences WHERE name = :name',
    { replacements: { name }, transaction, type: QueryTypes.SELECT });
  return Number(row.value) - count + 1;
}
