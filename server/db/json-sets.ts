// A page made of several lists (a device with its drives, history, wipes and files) read in ONE statement: each
// list is a JSON array built by a sub-select. On MySQL every statement is a round trip that costs the server more
// CPU than the rows themselves (docs/performance.md); this keeps a page to one.
import type { Model, ModelStatic } from 'sequelize';
import { getSequelize, isSqlite } from './sequelize.js';

/** One list of a page: rows of `model` read from `from` (a FROM clause whose rows are aliased `t`). */
export interface JsonSet {
  model: ModelStatic<Model>;
  /** e.g. `(SELECT s.* FROM sanitizations s WHERE s.device_id = :id) t`; replacements are the page query's. */
  from: string;
  /** Extra keys beyond the model's attributes: key → SQL expression over `t`. */
  extra?: Record<string, string>;
}

/** `(SELECT JSON array of JSON_OBJECT(attribute, column, …) FROM …)`: an array of rows keyed by attribute name. */
export function jsonSetSql(set: JsonSet): string {
  const quote = (name: string) => getSequelize().getQueryInterface().quoteIdentifier(name);
  const pairs = Object.entries(set.model.getAttributes()).map(([attribute, def]) => `'${attribute}', t.${quote(def.field ?? attribute)}`);
  for (const [key, expression] of Object.entries(set.extra ?? {})) pairs.push(`'${key}', ${expression}`);
  // The same aggregate under two names; COALESCE because MySQL's is NULL over no rows. MariaDB builds it with
  // GROUP_CONCAT, hence the session's group_concat_max_len raised in sequelize.ts.
  const aggregate = isSqlite() ? 'json_group_array' : 'JSON_ARRAYAGG';
  return `(SELECT COALESCE(${aggregate}(JSON_OBJECT(${pairs.join(', ')})), '[]') FROM ${set.from})`;
}

const SQL_DATE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d{1,3})?\d*\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** A date as the database wrote it inside JSON ('2026-11-25 10:00:00.000', SQLite adds ' +00:00'); stored in UTC. */
function sqlDate(text: string): Date | string {
  const m = SQL_DATE.exec(text);
  return m ? new Date(`${m[1]}T${m[2]}${m[3] ?? ''}${m[4] ?? 'Z'}`) : text;
}

const dateAttributes = new WeakMap<ModelStatic<Model>, string[]>();

function datesOf(model: ModelStatic<Model>): string[] {
  let names = dateAttributes.get(model);
  if (!names) {
    names = Object.entries(model.getAttributes()).filter(([, def]) => (def.type as { key?: string }).key === 'DATE').map(([name]) => name);
    dateAttributes.set(model, names);
  }
  return names;
}

/**
 * The rows of a JSON set column, as plain rows like `raw: true` gives (dates as Date; booleans stay 0/1, which the
 * DTO mappers accept). MariaDB and SQLite hand the array over as text, MySQL 8 as parsed JSON.
 */
export function readJsonSet<T>(value: unknown, model: ModelStatic<Model>): T[] {
  const rows = (typeof value === 'string' ? JSON.parse(value) : value ?? []) as Record<string, unknown>[];
  const dates = datesOf(model);
  for (const row of rows) {
    for (const name of dates) if (typeof row[name] === 'string') row[name] = sqlDate(row[name]);
  }
  return rows as T[];
}
