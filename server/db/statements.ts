// Statements of a hot write path, run inside the caller's transaction. On MySQL/MariaDB they go straight to the
// transaction's own mysql2 connection as prepared statements; on SQLite through Sequelize, where a statement is a
// function call, not a round trip. Sequelize's query layer (an Error captured per query for its stack, replacement
// parsing of the whole text, option cloning, result formatting) cost more CPU than a lifecycle action's statements
// themselves (docs/performance.md, round 6). Values are bound, never pasted into the text.
import { QueryTypes, type Transaction } from 'sequelize';
import { getSequelize, isSqlite, withTransaction } from './sequelize.js';

type Callback = (error: Error | null, result: unknown) => void;

/** The mysql2 connection a Sequelize transaction holds (Sequelize sets `transaction.connection` when it starts). */
interface TransactionConnection {
  execute(options: { sql: string; values: unknown[] }, callback: Callback): void;
}

function connectionOf(transaction: Transaction): TransactionConnection {
  const connection = (transaction as unknown as { connection?: TransactionConnection }).connection;
  if (!connection) throw new Error('statements: the transaction has no connection (not started, or finished)');
  return connection;
}

function execute(transaction: Transaction, sql: string, values: unknown[]): Promise<unknown> {
  const connection = connectionOf(transaction);
  return new Promise((resolve, reject) => {
    connection.execute({ sql, values }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * Runs one INSERT, UPDATE or DELETE with `?` placeholders and returns the rows it changed. No value may be
 * undefined (mysql2 refuses it): pass null.
 */
export async function writeIn(transaction: Transaction, sql: string, values: unknown[]): Promise<number> {
  if (isSqlite()) {
    return getSequelize().query(sql, { replacements: values, type: QueryTypes.BULKUPDATE, transaction });
  }
  return ((await execute(transaction, sql, values)) as { affectedRows: number }).affectedRows;
}

/**
 * The rows of one SELECT with `?` placeholders. Column values come as the driver reads them: on SQLite a DATETIME is
 * a string and a BOOLEAN 0/1, so a caller that needs Dates or booleans converts them.
 */
export async function selectIn<T extends object>(
  transaction: Transaction,
  sql: string,
  values: unknown[],
): Promise<T[]> {
  if (isSqlite()) return getSequelize().query<T>(sql, { replacements: values, type: QueryTypes.SELECT, transaction });
  return (await execute(transaction, sql, values)) as T[];
}

/** What MySQL/MariaDB answers to a write: the rows it changed, and LAST_INSERT_ID() as the statement left it. */
export interface WriteResult {
  affectedRows: number;
  insertId: number;
}

/**
 * One INSERT, UPDATE or DELETE on MySQL/MariaDB that needs no transaction around it (it is one statement, atomic on
 * its own): a single autocommitted round trip on a pooled primary connection instead of three (START, the
 * statement, COMMIT), as a prepared statement. Returns the driver's answer whole.
 */
export async function writeAloneOnMysql(sql: string, values: unknown[]): Promise<WriteResult> {
  const manager = getSequelize().connectionManager;
  const connection = (await manager.getConnection({ type: 'write' })) as unknown as TransactionConnection;
  try {
    return await new Promise<WriteResult>((resolve, reject) => {
      connection.execute({ sql, values }, (error, r) => (error ? reject(error) : resolve(r as WriteResult)));
    });
  } finally {
    manager.releaseConnection(connection);
  }
}

/**
 * One INSERT, UPDATE or DELETE that needs no transaction around it: on MySQL/MariaDB through writeAloneOnMysql(), on
 * SQLite inside the write queue. Returns the rows it changed.
 */
export async function writeAlone(sql: string, values: unknown[]): Promise<number> {
  if (isSqlite()) return withTransaction((t) => writeIn(t, sql, values));
  return (await writeAloneOnMysql(sql, values)).affectedRows;
}
