// Database access: one lazily created Sequelize instance (MySQL/MariaDB or SQLite), and withTransaction(),
// the only way the application writes.
import fs from 'node:fs';
import path from 'node:path';
import { Sequelize, Transaction } from 'sequelize';
import { config } from '../config.js';

let instance: Sequelize | undefined;

export function getSequelize(): Sequelize {
  if (!instance) instance = config.db.dialect === 'sqlite' ? createSqlite(config.db.storage) : createMysql(config.db.url);
  return instance;
}

export const isSqlite = (): boolean => config.db.dialect === 'sqlite';

interface MysqlField { type: string; string(): string | null }

/**
 * Dates as Sequelize reads them, without its cost: the session's time_zone is '+00:00', so a DATETIME is UTC wall
 * time. Sequelize's own cast looks the zone up in moment-timezone for every value, 10 % of a 100-row list's CPU.
 * DATE (DATEONLY) stays a 'YYYY-MM-DD' string as in Sequelize; every other type is mysql2's own cast.
 */
function castUtcDates(field: MysqlField, next: () => unknown): unknown {
  if (field.type === 'DATETIME' || field.type === 'TIMESTAMP') {
    const text = field.string();
    return text === null ? null : new Date(`${text.replace(' ', 'T')}Z`);
  }
  if (field.type === 'DATE') return field.string();
  return next();
}

function createMysql(url: string): Sequelize {
  return new Sequelize(url.replace(/^mariadb:/, 'mysql:'), {
    dialect: 'mysql',
    logging: false,
    timezone: '+00:00',
    define: { underscored: true },
    pool: { max: config.db.poolMax, min: 0, idle: 10_000, acquire: 30_000 },
    // multipleStatements: a page's SELECTs go in one round trip (db/select-batch.ts). Every statement is built with
    // bound replacements, never by pasting input into SQL (see docs/security.md).
    dialectOptions: { decimalNumbers: true, charset: 'utf8mb4', multipleStatements: true, typeCast: castUtcDates },
  });
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
    getConnection(options?: unknown): Promise<{ configure(option: 'busyTimeout', ms: number): void; __nimah?: boolean }>;
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
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.close();
  }
}

// SQLite has a single writer. Concurrent BEGIN IMMEDIATEs on separate connections fail with SQLITE_BUSY,
// so write transactions are chained one after another inside the process. MySQL runs them concurrently.
let sqliteQueue: Promise<unknown> = Promise.resolve();

export function withTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
  const sequelize = getSequelize();
  if (!isSqlite()) return sequelize.transaction(work);
  const run = sqliteQueue.then(() => sequelize.transaction(work));
  sqliteQueue = run.catch(() => undefined);
  return run;
}

export async function closeSequelize(): Promise<void> {
  if (instance) {
    const closing = instance;
    instance = undefined;
    await closing.close();
  }
}
