// Page reads straight through mysql2 on MySQL/MariaDB (a prepared statement, or a batch of SELECTs in one round
// trip), and through Sequelize on SQLite, where a statement is a function call, not a round trip. On MySQL each
// statement and round trip costs the database more CPU than the rows it brings (docs/performance.md).
import { QueryTypes, type Model, type ModelStatic } from 'sequelize';
import { getSequelize, isSqlite } from './sequelize.js';
import { withPrimaryFallback } from './replica-routing.js';

export type Row = Record<string, unknown>;

type Callback = (error: Error | null, result: unknown) => void;
type Statement = { sql: string; values: Record<string, unknown>; namedPlaceholders: true };

/** A mysql2 connection as Sequelize's pool hands it out (callback API). */
interface MysqlConnection {
  query(options: Statement, callback: Callback): void;
  execute(options: Statement, callback: Callback): void;
}

/**
 * Runs SQL on a connection of Sequelize's own pool straight through mysql2, which binds `:name` placeholders itself.
 * Sequelize's query layer (a stack trace captured per query, replacement parsing of the whole text, result
 * formatting) was a tenth of a page request's CPU. A primary connection unless the request reads from replicas
 * (db/replicas.ts): the device page is read right after an action and must show it (docs/scaling.md).
 */
function onMysql(how: 'query' | 'execute', sql: string, values: Record<string, unknown>): Promise<unknown> {
  return withPrimaryFallback(() => onConnection(how, sql, values));
}

async function onConnection(how: 'query' | 'execute', sql: string, values: Record<string, unknown>): Promise<unknown> {
  const manager = getSequelize().connectionManager;
  // 'SELECT': db/sequelize.ts's routeReads() picks the pool (the primary's, unless readingReplicas()).
  const connection = (await manager.getConnection({ type: 'SELECT' as 'read' })) as MysqlConnection;
  try {
    return await new Promise((resolve, reject) => {
      connection[how]({ sql, values, namedPlaceholders: true }, (error, result) =>
        error ? reject(error) : resolve(result),
      );
    });
  } finally {
    manager.releaseConnection(connection);
  }
}

/**
 * Runs `statements` (each one SELECT, sharing `replacements`) and returns their rows in the same order: on MySQL in
 * one round trip, as one multi-statement text query.
 */
export async function selectBatch(statements: string[], replacements: Record<string, unknown>): Promise<Row[][]> {
  if (isSqlite()) {
    return Promise.all(
      statements.map((sql) => getSequelize().query<Row>(sql, { replacements, type: QueryTypes.SELECT })),
    );
  }
  const result = await onMysql('query', statements.join(';\n'), replacements);
  return (statements.length === 1 ? [result] : result) as Row[][];
}

/**
 * The rows of one SELECT. On MySQL a server-side prepared statement: mysql2 keeps it per connection (at most
 * `maxPreparedStatements`, db/sequelize.ts), so MariaDB parses and resolves the text once per connection instead of
 * on every request, and rows travel in the binary protocol. `sql` must be a fixed text, values only as `:name`.
 */
export async function selectRows<T = Row>(sql: string, replacements: Record<string, unknown>): Promise<T[]> {
  if (isSqlite()) return getSequelize().query<T & object>(sql, { replacements, type: QueryTypes.SELECT });
  return (await onMysql('execute', sql, replacements)) as T[];
}

/**
 * SQL built on first use (the models must be initialised before `columnsOf` can read them), then reused: the text of
 * a page's statements is the same for every request.
 */
export function sqlOnce(build: () => string): () => string {
  let sql: string | undefined;
  return () => (sql ??= build());
}

const columnLists = new Map<string, string[]>();
type ColumnOptions = { prefix?: string; except?: readonly string[] };

/**
 * `t.device_id AS deviceId`, …: a model's columns under its attribute names (as `raw: true` reads them), each name
 * after `prefix` when given (to tell two tables apart in one row), leaving out the attributes in `except`.
 * With `alias` null, `NULL AS deviceId`, …: the same names without values, for a branch of a UNION that has none.
 */
export function selectList(model: ModelStatic<Model>, alias: string | null, options: ColumnOptions = {}): string[] {
  const { prefix = '', except = [] } = options;
  const key = `${model.name}:${alias}:${prefix}:${except.join(',')}`;
  let list = columnLists.get(key);
  if (!list) {
    const quote = (name: string) => getSequelize().getQueryInterface().quoteIdentifier(name);
    list = Object.entries(model.getAttributes())
      .filter(([name]) => !except.includes(name))
      .map(
        ([name, def]) =>
          `${alias === null ? 'NULL' : `${alias}.${quote(def.field ?? name)}`} AS ${quote(prefix + name)}`,
      );
    columnLists.set(key, list);
  }
  return list;
}

/** `selectList` as one comma-separated string, for a SELECT. */
export function columnsOf(model: ModelStatic<Model>, alias: string, options: ColumnOptions = {}): string {
  return selectList(model, alias, options).join(', ');
}

const prefixedNames = new Map<string, [string, string][]>();

/** The attributes `columnsOf(model, alias, { prefix })` put in `row`, without the prefix. */
export function unprefixed(row: Row, model: ModelStatic<Model>, prefix: string): Row {
  const key = `${model.name}:${prefix}`;
  let names = prefixedNames.get(key);
  if (!names) {
    names = Object.keys(model.getAttributes()).map((name) => [prefix + name, name]);
    prefixedNames.set(key, names);
  }
  const out: Row = {};
  for (const [column, name] of names) if (column in row) out[name] = row[column];
  return out;
}
