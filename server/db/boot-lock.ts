// The boot lock: one process at a time migrates the schema and creates the first admin, so that any number of
// instances can start at once on an empty database (docs/scaling.md). The others wait, then find nothing pending.
// - MySQL/MariaDB: GET_LOCK on a dedicated connection, outside Sequelize's pool (the work inside needs the pool's
//   connections, and a pool of one would otherwise wait for itself). The server releases a named lock when its
//   connection ends, so a process that dies while holding it blocks no one.
// - SQLite: an exclusive transaction on a small lock database next to the data file (`<file>.boot-lock`): SQLite's own
//   file lock, which the operating system drops when the holder dies. Not on the data file itself, whose migration
//   needs to write it.
import mysql from 'mysql2/promise';
import sqlite3 from 'sqlite3';
import { config } from '../config.js';
import { logger } from '../lib/logger.js';

/** How long a starting process waits for another one's migrations before it gives up (and fails its start). */
const WAIT_MS = 10 * 60_000;

/** The lock's name: per database, since GET_LOCK names are server-wide and one server can hold several databases. */
function mysqlLockName(url: URL): string {
  const name = `nimah_boot:${decodeURIComponent(url.pathname.slice(1))}`;
  return name.length <= 64 ? name : name.slice(0, 64); // MySQL's limit on lock names
}

async function withMysqlLock<T>(work: () => Promise<T>): Promise<T> {
  const url = new URL(config.db.url.replace(/^mariadb:/, 'mysql:'));
  const name = mysqlLockName(url);
  const connection = await mysql.createConnection({ uri: url.toString() });
  try {
    const [[row]] = await connection.query<mysql.RowDataPacket[]>('SELECT GET_LOCK(?, ?) AS got', [
      name,
      Math.ceil(WAIT_MS / 1000),
    ]);
    if (Number(row.got) !== 1) throw new Error(`boot lock ${name}: another process held it for ${WAIT_MS / 1000} s`);
    try {
      return await work();
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [name]);
    }
  } finally {
    await connection.end();
  }
}

const run = (db: sqlite3.Database, sql: string): Promise<void> =>
  new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));

async function withSqliteLock<T>(work: () => Promise<T>): Promise<T> {
  const file = `${config.db.storage}.boot-lock`;
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(opened)));
  });
  try {
    // SQLite waits for a busy lock up to the busy timeout, checking again every few ms.
    db.configure('busyTimeout', WAIT_MS);
    await run(db, 'CREATE TABLE IF NOT EXISTS boot_lock (held_by INTEGER)');
    await run(db, 'BEGIN EXCLUSIVE');
    try {
      return await work();
    } finally {
      await run(db, 'ROLLBACK');
    }
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** Runs `work` while no other process of this database runs its own (migrations, the first admin). */
export async function withBootLock<T>(work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result =
    config.db.dialect === 'mysql'
      ? await withMysqlLock(work)
      : config.db.storage === ':memory:'
        ? await work() // a private in-memory database: no other process can open it
        : await withSqliteLock(work);
  logger.debug('db.boot_lock', { heldOrWaitedMs: Date.now() - started });
  return result;
}
