// The SELECTs of one page in ONE round trip on MySQL/MariaDB (a multi-statement query), and as separate statements
// on SQLite, where a statement is a function call, not a round trip. On MySQL each round trip costs the server more
// CPU than the rows it brings (docs/performance.md).
import { QueryTypes, type Model, type ModelStatic } from 'sequelize';
import { getSequelize, isSqlite } from './sequelize.js';

export type Row = Record<string, unknown>;

/** A mysql2 connection as Sequelize's pool hands it out (callback API). */
interface MysqlConnection {
  query(options: { sql: string; values: Record<string, unknown>; namedPlaceholders: true }, callback: (error: Error | null, result: unknown) => void): void;
}

/**
 * Runs SQL on a connection of Sequelize's own pool straight through mysql2, which binds `:name` placeholders itself.
 * Sequelize's query layer (a stack trace captured per query, replacement parsing of the whole text, result
 * formatting) was a tenth of a page request's CPU. A primary ('write') connection: the device page is read right
 * after an action and must show it (docs/scaling.md).
 */
async function mysqlQuery(sql: string, values: Record<string, unknown>): Promise<unknown> {
  const manager = getSequelize().connectionManager;
  const connection = (await manager.getConnection({ type: 'write' })) as MysqlConnection;
  try {
    return await new Promise((resolve, reject) => {
      connection.query({ sql, values, namedPlaceholders: true }, (error, result) => (error ? reject(error) : resolve(result)));
    });
  } finally {
    manager.releaseConnection(connection);
  }
}

/** Runs `statements` (each one SELECT, sharing `replacements`) and returns their rows in the same order. */
export async function selectBatch(statements: string[], replacements: Record<string, unknown>): Promise<Row[][]> {
  if (isSqlite()) {
    return Promise.all(statements.map((sql) => getSequelize().query<Row>(sql, { replacements, type: QueryTypes.SELECT })));
  }
  const result = await mysqlQuery(statements.join(';\n'), replacements);
  return (statements.length === 1 ? [result] : result) as Row[][];
}

/** The rows of one SELECT: one round trip, through the same lean path as a batch. */
export async function selectRows<T = Row>(sql: string, replacements: Record<string, unknown>): Promise<T[]> {
  const [rows] = await selectBatch([sql], replacements);
  return rows as T[];
}

/**
 * SQL built on first use (the models must be initialised before `columnsOf` can read them), then reused: the text of
 * a page's statements is the same for every request.
 */
export function sqlOnce(build: () => string): () => string {
  let sql: string | undefined;
  return () => (sql ??= build());
}

const columnLists = new Map<string, string>();

/**
 * `t.device_id AS deviceId, …`: a model's columns under its attribute names (as `raw: true` reads them), each name
 * after `prefix` when given (to tell two tables apart in one row), leaving out the attributes in `except`.
 */
export function columnsOf(model: ModelStatic<Model>, alias: string, options: { prefix?: string; except?: readonly string[] } = {}): string {
  const { prefix = '', except = [] } = options;
  const key = `${model.name}:${alias}:${prefix}:${except.join(',')}`;
  let list = columnLists.get(key);
  if (!list) {
    const quote = (name: string) => getSequelize().getQueryInterface().quoteIdentifier(name);
    list = Object.entries(model.getAttributes()).filter(([name]) => !except.includes(name))
      .map(([name, def]) => `${alias}.${quote(def.field ?? name)} AS ${quote(prefix + name)}`).join(', ');
    columnLists.set(key, list);
  }
  return list;
}

/** The attributes `columnsOf(model, alias, { prefix })` put in `row`, without the prefix. */
export function unprefixed(row: Row, model: ModelStatic<Model>, prefix: string): Row {
  const out: Row = {};
  for (const name of Object.keys(model.getAttributes())) if (prefix + name in row) out[name] = row[prefix + name];
  return out;
}
