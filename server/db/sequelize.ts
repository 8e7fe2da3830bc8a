// Database access: one lazily created Sequelize instance (MySQL/MariaDB or SQLite), and withTransaction(),
// the only way the application writes.
import fs from 'node:fs';
import path from 'node:path';
import { Sequelize, Transaction } from 'sequelize';
import { config } from '../config.js';
import { logger } from '../lib/logger.js';
import { replicaChosen, replicaFailed, withPrimaryFallback } from './replica-routing.js';

let instance: Sequelize | undefined;

export function getSequelize(): Sequelize {
  if (!instance)
    instance = config.db.dialect === 'sqlite' ? createSqlite(config.db.storage) : createMysql(config.db.url);
  return instance;
}

export const isSqlite = (): boolean => config.db.dialect === 'sqlite';

function createMysql(url: string): Sequelize {
  const sequelize = new Sequelize(url.replace(/^mariadb:/, 'mysql:'), {
    dialect: 'mysql',
    // Read replicas (DATABASE_REPLICA_URLS): Sequelize keeps a second pool, of connections to them, and would send
    // every SELECT outside a transaction there; routeReads() below makes the primary the default instead.
    ...(config.db.replicaUrls.length ? { replication: { read: config.db.replicaUrls.map(readerOf), write: {} } } : {}),
    logging: false,
    timezone: '+00:00',
    define: { underscored: true },
    pool: { max: config.db.poolMax, min: 0, idle: 10_000, acquire: 30_000 },
    // multipleStatements: the intake queue's SELECTs go in one round trip (selectBatch in db/select-batch.ts). Every statement is built with
    // bound replacements, never by pasting input into SQL (see docs/security.md). maxPreparedStatements: pages read
    // by prepared statements of a few fixed texts; mysql2 would keep up to 16,000 per connection, each holding
    // memory in MariaDB, should a varying text slip in.
    // timezone 'Z' (mysql2 only; Sequelize keeps '+00:00' for the session and its own SQL): the same instant as
    // '+00:00', but mysql2 then builds dates from their parts instead of formatting and re-parsing a string.
    // typeCast true: mysql2 reads dates itself, as UTC, DATE (DATEONLY) as a
    // 'YYYY-MM-DD' string like Sequelize. Sequelize's own cast, a JavaScript call per value that looks the zone up in
    // moment-timezone every time, was a quarter of the CPU mysql2 spends reading a page (docs/performance.md).
    dialectOptions: {
      decimalNumbers: true,
      charset: 'utf8mb4',
      multipleStatements: true,
      maxPreparedStatements: 64,
      typeCast: true,
      dateStrings: ['DATE'],
      timezone: 'Z',
    },
  });
  if (config.db.replicaUrls.length) routeReads(sequelize);
  return sequelize;
}

/** A replica URL as Sequelize's `replication.read` entries take it. */
function readerOf(url: string) {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    username: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
  };
}

type PoolOptions = { type?: string; useMaster?: boolean; transaction?: unknown };

/**
 * The one place a read is sent to a replica (db/replicas.ts decides which): every connection Sequelize takes from
 * its pools comes through here, and so do the page reads that bypass its query layer (db/select-batch.ts). A SELECT
 * gets a replica connection only inside readingReplicas() while the replicas are fit; anything else, and a SELECT
 * whose replica connection cannot be had, gets a primary one. A query that then fails on its replica connection is
 * run again on the primary (withPrimaryFallback).
 */
function routeReads(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as {
    getConnection(options?: PoolOptions): Promise<unknown>;
  };
  const getConnection = manager.getConnection.bind(manager);
  manager.getConnection = async (options: PoolOptions = {}) => {
    if (options.type !== 'SELECT' || !replicaChosen()) return getConnection({ ...options, useMaster: true });
    try {
      return await getConnection({ ...options, useMaster: false });
    } catch (err) {
      replicaFailed(err);
      return getConnection({ ...options, useMaster: true });
    }
  };
  const query = sequelize.query.bind(sequelize) as (sql: unknown, options?: PoolOptions) => Promise<unknown>;
  (sequelize as unknown as { query: typeof query }).query = (sql, options) =>
    options?.transaction || options?.type !== 'SELECT'
      ? query(sql, options)
      : withPrimaryFallback(() => query(sql, options));
}

function createSqlite(storage: string): Sequelize {
  if (storage !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(storage)), { recursive: true });
  const sequelize = new Sequelize({
    dialect: 'sqlite',
    storage,
    logging: false,
    define: { underscored: true },
    // Sequelize opens one sqlite3 connection per transaction; IMMEDIATE takes the write lock at BEGIN,
    // so a read-then-write transaction waits instead of failing half-way with SQLITE_BUSY.
    transactionType: Transaction.TYPES.IMMEDIATE,
  });
  // Sequelize's sqlite dialect has no afterConnect hook: give every new connection a busy timeout here,
  // so readers outside the write queue wait for a commit rather than erroring.
  const manager = sequelize.connectionManager as unknown as {
    getConnection(
      options?: unknown,
    ): Promise<{ configure(option: 'busyTimeout', ms: number): void; __nimah?: boolean }>;
  };
  const getConnection = manager.getConnection.bind(manager);
  manager.getConnection = async (options?: unknown) => {
    const connection = await getConnection(options);
    if (!connection.__nimah) {
      connection.configure('busyTimeout', 15_000);
      connection.__nimah = true;
    }
    return connection;
  };
  return sequelize;
}

/** Create the MySQL database named in DATABASE_URL when it is missing (SQLite creates its file itself). */
export async function ensureDatabaseExists(): Promise<void> {
  if (config.db.dialect !== 'mysql') {
    if (config.db.storage !== ':memory:') await getSequelize().query('PRAGMA journal_mode=WAL');
    return;
  }
  const url = new URL(config.db.url.replace(/^mariadb:/, 'mysql:'));
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL must name a database, e.g. mysql://root@127.0.0.1:3306/nimah');
  url.pathname = '/';
  const admin = new Sequelize(url.toString(), { dialect: 'mysql', logging: false });
  try {
    await admin.query(
      `CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await admin.close();
  }
}

// SQLite has a single writer. Concurrent BEGIN IMMEDIATEs on separate connections fail with SQLITE_BUSY,
// so write transactions are chained one after another inside the process. MySQL runs them concurrently.
let sqliteQueue: Promise<unknown> = Promise.resolve();

// Work a use case asks to run as the LAST statements of its transaction, just before commit (the figures' counter
// updates, server/modules/figures/): rows many transactions update are then locked for the shortest time, and
// always after every other lock the transaction takes, so they cannot be part of a lock-order cycle.
const finishers = new WeakMap<Transaction, Array<() => Promise<void>>>();

/**
 * Runs `work` at the end of `transaction` when withTransaction() opened it (before its commit, inside it), and
 * returns true; returns false for another transaction, whose owner must then run the work at once itself.
 */
export function beforeCommit(transaction: Transaction, work: () => Promise<void>): boolean {
  const list = finishers.get(transaction);
  if (!list) return false;
  list.push(work);
  return true;
}

export function withTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
  const sequelize = getSequelize();
  const managed = async (transaction: Transaction) => {
    const list: Array<() => Promise<void>> = [];
    finishers.set(transaction, list);
    const result = await work(transaction);
    // A finisher may add another (it does not here, but nothing is lost if one does).
    for (let i = 0; i < list.length; i += 1) await list[i]();
    return result;
  };
  if (!isSqlite()) return retryDeadlocks(() => sequelize.transaction(managed));
  const run = sqliteQueue.then(() => sequelize.transaction(managed));
  sqliteQueue = run.catch(() => undefined);
  return run;
}

/**
 * InnoDB breaks a deadlock by rolling one of the transactions back whole (ER_LOCK_DEADLOCK, 1213), and MySQL's
 * manual asks applications to run it again. Two status changes of different devices can deadlock on the gap locks
 * of the `devices (status, id)` index when their entries move into the same gap (seen in the crash test's 8 workers);
 * the victim is re-run here from the start, a few ms later, instead of answering 503. Safe because a use case's
 * writes all happen in its transaction (effects that cannot roll back come after the commit), and bounded.
 */
export const DEADLOCK_ATTEMPTS = 4;

/** A deadlock as Sequelize wraps it (`parent`), or as mysql2 raises it (db/statements.ts runs some statements direct). */
export function isDeadlock(err: unknown): boolean {
  type DriverError = { errno?: number; code?: string };
  const e = err as (DriverError & { parent?: DriverError }) | undefined;
  return [e?.parent, e].some((x) => x?.errno === 1213 || x?.code === 'ER_LOCK_DEADLOCK');
}

async function retryDeadlocks<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(err)) throw err;
      logger.warn('db.deadlock_retried', { attempt });
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 10 * attempt));
    }
  }
}

export async function closeSequelize(): Promise<void> {
  if (instance) {
    const closing = instance;
    instance = undefined;
    await closing.close();
  }
}
