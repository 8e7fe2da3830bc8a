// The read model's counter tables, and the one dialect-specific statement that adds to them (an upsert).
import { QueryTypes, type Transaction } from 'sequelize';
import { getSequelize, isSqlite } from '../../db/sequelize.js';
import { writeIn } from '../../db/statements.js';

export const COUNTERS = {
  figure_devices: { keys: ['status', 'site_id', 'type', 'intake_month'], measures: ['n'] },
  figure_sites: { keys: ['site_id'], measures: ['drives_sanitized', 'recycled_kg'] },
  figure_handovers: {
    keys: ['month', 'programme_id', 'beneficiary_kind', 'partner_id', 'region_code', 'site_id'],
    measures: ['handovers', 'served'],
  },
} as const;

/**
 * A record `s` that sanitized its medium: counted and passed, and not a factory reset nobody saw encryption on for
 * (docs/phones.md: that is no purge). The writers (figures.record.ts) and the rebuild must agree.
 */
export const COUNTS_AS_SANITIZED =
  "s.state = 'counted' AND s.result = 'passed' AND COALESCE(s.encryption_verified, 1) = 1";
/** The media `s` rows sanitized: each drive once, and a phone's or tablet's own storage (no drive) once per device. */
export const MEDIA_SANITIZED =
  'COUNT(DISTINCT s.drive_id) + COUNT(DISTINCT CASE WHEN s.drive_id IS NULL THEN s.device_id END)';

export type CounterTable = keyof typeof COUNTERS;
/** The order in which a transaction updates the counter tables (always the same: no lock-order cycle). */
export const COUNTER_TABLES = Object.keys(COUNTERS) as CounterTable[];

export type KeyValue = string | number;
export interface CounterRow {
  key: KeyValue[];
  values: number[];
}

/** 'YYYY-MM' of an instant, in UTC (SQLite hands DATETIMEs back as text, MariaDB as a Date). */
export function monthOf(at: Date | string): string {
  return (at instanceof Date ? at : new Date(at)).toISOString().slice(0, 7);
}

/** Adds `values` to each row's measures, creating the row when missing. One statement, rows in key order. */
export async function addToCounters(table: CounterTable, rows: CounterRow[], transaction: Transaction): Promise<void> {
  if (!rows.length) return;
  const { keys, measures } = COUNTERS[table];
  const columns = [...keys, ...measures];
  const replacements: KeyValue[] = [];
  const tuples = rows.map((r) => {
    replacements.push(...r.key, ...r.values);
    return `(${columns.map(() => '?').join(', ')})`;
  });
  const update = isSqlite()
    ? `ON CONFLICT(${keys.join(', ')}) DO UPDATE SET ${measures.map((m) => `${m} = ${m} + excluded.${m}`).join(', ')}`
    : `ON DUPLICATE KEY UPDATE ${measures.map((m) => `${m} = ${m} + VALUES(${m})`).join(', ')}`;
  await writeIn(
    transaction,
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${update}`,
    replacements,
  );
}

/**
 * Sets rows to exactly `values` (the rebuild's repair): rows that `exists` are deleted first, then all are written
 * anew, 500 to a statement (SQLite binds at most 32,766 values to one).
 */
export async function setCounters(
  table: CounterTable,
  rows: CounterRow[],
  exists: (row: CounterRow) => boolean,
  transaction: Transaction,
): Promise<void> {
  const where = COUNTERS[table].keys.map((k) => `${k} = ?`).join(' AND ');
  for (const r of rows.filter(exists))
    await getSequelize().query(`DELETE FROM ${table} WHERE ${where}`, { replacements: r.key, transaction });
  for (let i = 0; i < rows.length; i += 500) await addToCounters(table, rows.slice(i, i + 500), transaction);
}

export const select = <T extends object>(
  sql: string,
  replacements: Record<string, unknown> | unknown[] = {},
  transaction?: Transaction,
): Promise<T[]> => getSequelize().query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });

/** An SQL expression giving 'YYYY-MM' of a DATETIME column, in either dialect (values are stored in UTC). */
export const monthSql = (column: string): string =>
  isSqlite() ? `substr(${column}, 1, 7)` : `DATE_FORMAT(${column}, '%Y-%m')`;

/** Seconds between two DATETIME columns, in either dialect. */
export const secondsSql = (from: string, to: string): string =>
  isSqlite()
    ? `((julianday(${to}) - julianday(${from})) * 86400.0)`
    : `(TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) / 1000000.0)`;
