// Logical, dialect-neutral backups: a folder with manifest.json, one NDJSON file per table and a copy of the
// uploads. Rows are read in primary-key batches inside one read transaction (a consistent snapshot, flat memory)
// and written with values in neutral form (ISO times, booleans, base64 bytes), so a SQLite backup restores into
// MySQL/MariaDB and back. The manifest is written last: a folder without one is an unfinished backup.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { QueryTypes, Transaction, type Sequelize } from 'sequelize';

export const BACKUP_FORMAT = 'nimah-backup/1';
const BATCH = 1000;
const INSERT_BATCH = 500;
/**
 * Not backed up: umzug's bookkeeping (the manifest lists the migrations, and restore rebuilds it by migrating), and
 * counters that only mean something in the running moment: the public rate limits' windows and the replica
 * monitor's heartbeats (a restored database starts with none, as a fresh one does).
 */
const META_TABLES = ['schema_migrations', 'seeder_meta', 'SequelizeMeta', 'rate_limit_hits', 'replica_heartbeats'];
/** A backup holds every name, phone and document: readable by the account that made it, and nobody else. */
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

type Kind = 'datetime' | 'date' | 'boolean' | 'bytes' | 'plain';
export interface TableManifest {
  name: string;
  rows: number;
  file: string;
  primaryKey: string[];
  columns: Record<string, Kind>;
}
export interface BackupManifest {
  format: string;
  appVersion: string;
  createdAt: string;
  dialect: string;
  migrations: string[];
  seeders: string[];
  /** HMAC of a constant under the PII key: restore refuses a different key, which could not read the data. */
  piiKeyCheck: string;
  tables: TableManifest[];
  uploads: { files: number; bytes: number };
}
export interface BackupContext {
  sequelize: Sequelize;
  uploadDir: string;
  appVersion: string;
  piiKeyCheck: string;
}
export interface RestoreContext extends BackupContext {
  /** Migrates the empty target up to (and including) `last`; refuses names the code does not know. */
  migrateTo(names: string[]): Promise<void>;
  logSeeders(names: string[]): Promise<void>;
}

const q = (s: Sequelize, name: string) => s.getQueryInterface().quoteIdentifier(name);

function kindOf(type: string): Kind {
  if (/^(DATETIME|TIMESTAMP)/i.test(type)) return 'datetime';
  if (/^DATE$/i.test(type)) return 'date';
  if (/^(TINYINT\(1\)|BOOLEAN)/i.test(type)) return 'boolean';
  if (/BLOB|BINARY/i.test(type)) return 'bytes';
  return 'plain';
}

export async function listDataTables(s: Sequelize): Promise<string[]> {
  const sql =
    s.getDialect() === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'";
  const rows = await s.query<{ name: string }>(sql, { type: QueryTypes.SELECT });
  return rows
    .map((r) => r.name)
    .filter((n) => !META_TABLES.includes(n))
    .sort();
}

async function tableMeta(s: Sequelize, table: string): Promise<Pick<TableManifest, 'primaryKey' | 'columns'>> {
  const cols = await s.getQueryInterface().describeTable(table);
  const columns = Object.fromEntries(Object.entries(cols).map(([name, c]) => [name, kindOf(c.type)]));
  return { primaryKey: Object.keys(cols).filter((c) => cols[c].primaryKey), columns };
}

/** SQLite keeps times as text ("2026-11-25 21:55:30.532 +00:00"), MySQL as DATETIME(3): both become ISO. */
function toIso(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  const text = String(v)
    .trim()
    .replace(' ', 'T')
    .replace(/ ?([+-]\d\d:?\d\d|Z)$/, '$1');
  // A time without a zone was written in UTC (the connection's time zone in both dialects).
  const date = new Date(/([+-]\d\d:?\d\d|Z)$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`not a time: ${text}`);
  return date.toISOString();
}

function encode(row: Record<string, unknown>, columns: Record<string, Kind>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [c, v] of Object.entries(row)) {
    const kind = columns[c];
    if (v === null || v === undefined) out[c] = null;
    else if (kind === 'datetime') out[c] = toIso(v);
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a date column holds the driver's text or Date
    else if (kind === 'date') out[c] = v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
    else if (kind === 'boolean') out[c] = Boolean(Number(v));
    else if (Buffer.isBuffer(v)) out[c] = { $base64: v.toString('base64') };
    else out[c] = v;
  }
  return out;
}

/** Times are written as text in each dialect's own format, with milliseconds (MySQL's Date escaping drops them). */
function decode(row: Record<string, unknown>, columns: Record<string, Kind>, dialect: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [c, v] of Object.entries(row)) {
    if (v !== null && columns[c] === 'datetime') {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a datetime column holds the driver's text or Date
      const iso = new Date(String(v)).toISOString().replace('T', ' ').replace('Z', '');
      out[c] = dialect === 'sqlite' ? `${iso} +00:00` : iso;
    } else if (v && typeof v === 'object' && '$base64' in v)
      out[c] = Buffer.from(String((v as { $base64: string }).$base64), 'base64');
    else out[c] = v;
  }
  return out;
}

async function dumpTable(s: Sequelize, table: string, file: string, transaction: Transaction): Promise<TableManifest> {
  const meta = await tableMeta(s, table);
  const out = fs.createWriteStream(file, { mode: PRIVATE_FILE });
  const [key] = meta.primaryKey;
  const single = meta.primaryKey.length === 1;
  const order = (meta.primaryKey.length ? meta.primaryKey : Object.keys(meta.columns)).map((c) => q(s, c)).join(', ');
  let rows = 0;
  let last: unknown;
  for (;;) {
    // Keyset paging on a one-column key (flat cost at any depth); offset paging otherwise.
    const where = single && last !== undefined ? `WHERE ${q(s, key)} > :last` : '';
    const page = single ? '' : ` OFFSET ${rows}`;
    const batch = await s.query<Record<string, unknown>>(
      `SELECT * FROM ${q(s, table)} ${where} ORDER BY ${order} LIMIT ${BATCH}${page}`,
      { type: QueryTypes.SELECT, replacements: { last }, transaction },
    );
    for (const row of batch) {
      if (!out.write(`${JSON.stringify(encode(row, meta.columns))}\n`)) await once(out, 'drain');
    }
    rows += batch.length;
    if (batch.length < BATCH) break;
    last = batch[batch.length - 1][key];
  }
  out.end();
  await once(out, 'finish');
  return { name: table, rows, file: path.basename(file), ...meta };
}

async function names(s: Sequelize, table: string, transaction?: Transaction): Promise<string[]> {
  const all = await listAllTables(s);
  if (!all.includes(table)) return [];
  const rows = await s.query<{ name: string }>(`SELECT name FROM ${q(s, table)} ORDER BY name`, {
    type: QueryTypes.SELECT,
    transaction,
  });
  return rows.map((r) => r.name);
}

async function listAllTables(s: Sequelize): Promise<string[]> {
  const sql =
    s.getDialect() === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table'"
      : 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()';
  return (await s.query<{ name: string }>(sql, { type: QueryTypes.SELECT })).map((r) => r.name);
}

/** Copies content-addressed files, checking that each is still named by its sha256. */
async function copyUploads(
  from: string,
  to: string,
  modes: { file: number; dir?: number },
): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  if (!fs.existsSync(from)) return { files, bytes };
  for (const rel of (await fsp.readdir(from, { recursive: true })).sort()) {
    const source = path.join(from, rel);
    if (!(await fsp.stat(source)).isFile()) continue;
    const data = await fsp.readFile(source);
    if (createHash('sha256').update(data).digest('hex') !== path.basename(rel))
      throw new Error(`upload ${rel} does not match its sha256 name`);
    await fsp.mkdir(path.dirname(path.join(to, rel)), { recursive: true, mode: modes.dir });
    await fsp.writeFile(path.join(to, rel), data, { mode: modes.file });
    files += 1;
    bytes += data.length;
  }
  return { files, bytes };
}

export async function backup(dir: string, ctx: BackupContext): Promise<BackupManifest> {
  if (fs.existsSync(dir) && (await fsp.readdir(dir)).length)
    throw new Error(`${dir} is not empty; choose a new folder`);
  // mkdir's mode only applies to folders it creates, so an empty folder named by the operator is tightened too.
  await fsp.mkdir(path.join(dir, 'tables'), { recursive: true, mode: PRIVATE_DIR });
  await fsp.chmod(dir, PRIVATE_DIR);
  const s = ctx.sequelize;
  // One read transaction: every table is read from the same moment (SQLite WAL and InnoDB give a snapshot).
  const options =
    s.getDialect() === 'sqlite'
      ? { type: Transaction.TYPES.DEFERRED }
      : { isolationLevel: Transaction.ISOLATION_LEVELS.REPEATABLE_READ };
  const manifest = await s.transaction(options, async (transaction) => {
    const migrations = await names(s, 'schema_migrations', transaction);
    const seeders = await names(s, 'seeder_meta', transaction);
    const tables: TableManifest[] = [];
    for (const t of await listDataTables(s))
      tables.push(await dumpTable(s, t, path.join(dir, 'tables', `${t}.ndjson`), transaction));
    return { migrations, seeders, tables };
  });
  const uploads = await copyUploads(ctx.uploadDir, path.join(dir, 'uploads'), { file: PRIVATE_FILE, dir: PRIVATE_DIR });
  const full: BackupManifest = {
    format: BACKUP_FORMAT,
    appVersion: ctx.appVersion,
    createdAt: new Date().toISOString(),
    dialect: s.getDialect(),
    piiKeyCheck: ctx.piiKeyCheck,
    ...manifest,
    uploads,
  };
  await fsp.writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(full, null, 2)}\n`, { mode: PRIVATE_FILE });
  return full;
}

/** Parents before children, so that the order is right even where a dialect checks keys row by row. */
async function foreignKeyOrder(s: Sequelize, tables: string[]): Promise<string[]> {
  const parents = new Map<string, string[]>();
  for (const t of tables) {
    const refs = (await s.getQueryInterface().getForeignKeyReferencesForTable(t)) as { referencedTableName?: string }[];
    parents.set(
      t,
      refs.map((r) => r.referencedTableName ?? '').filter((p) => p && p !== t && tables.includes(p)),
    );
  }
  const done: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (done.includes(t) || seen.has(t)) return; // a cycle is broken here; checks are off or deferred anyway
    seen.add(t);
    for (const p of parents.get(t) ?? []) visit(p, seen);
    done.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return done;
}

async function loadTable(s: Sequelize, dir: string, table: TableManifest, transaction: Transaction): Promise<number> {
  const lines = readline.createInterface({
    input: fs.createReadStream(path.join(dir, 'tables', table.file)),
    crlfDelay: Infinity,
  });
  let batch: Record<string, unknown>[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length) await s.getQueryInterface().bulkInsert(table.name, batch, { transaction });
    rows += batch.length;
    batch = [];
  };
  for await (const line of lines) {
    if (!line) continue;
    batch.push(decode(JSON.parse(line) as Record<string, unknown>, table.columns, s.getDialect()));
    if (batch.length >= INSERT_BATCH) await flush();
  }
  await flush();
  if (rows !== table.rows)
    throw new Error(`${table.name}: the backup holds ${rows} rows, its manifest says ${table.rows}`);
  return rows;
}

async function assertEmpty(s: Sequelize): Promise<void> {
  for (const t of await listDataTables(s)) {
    const [{ n }] = await s.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${q(s, t)}`, { type: QueryTypes.SELECT });
    if (Number(n) > 0)
      throw new Error(`the database is not empty (${t} has ${n} rows); restore needs an empty database`);
  }
}

/** SQLite: one transaction, foreign keys checked at commit. MySQL: one transaction per table, checks off meanwhile. */
async function loadAll(s: Sequelize, dir: string, tables: TableManifest[]): Promise<void> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const order = (
    await foreignKeyOrder(
      s,
      tables.map((t) => t.name),
    )
  ).map((n) => byName.get(n)!);
  if (s.getDialect() === 'sqlite') {
    await s.transaction(async (transaction) => {
      await s.query('PRAGMA defer_foreign_keys = ON', { transaction });
      for (const t of order) await loadTable(s, dir, t, transaction);
    });
    return;
  }
  const loaded: string[] = [];
  try {
    for (const t of order) {
      await s.transaction(async (transaction) => {
        await s.query('SET FOREIGN_KEY_CHECKS = 0', { transaction });
        await loadTable(s, dir, t, transaction);
        await s.query('SET FOREIGN_KEY_CHECKS = 1', { transaction });
      });
      loaded.push(t.name);
    }
  } catch (err) {
    // Leave the database empty again, so that a corrected restore can run.
    await s.transaction(async (transaction) => {
      await s.query('SET FOREIGN_KEY_CHECKS = 0', { transaction });
      for (const name of loaded) await s.query(`DELETE FROM ${q(s, name)}`, { transaction });
      await s.query('SET FOREIGN_KEY_CHECKS = 1', { transaction });
    });
    throw err;
  }
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${dir} has no manifest.json: not a backup, or an unfinished one`);
  const manifest = JSON.parse(await fsp.readFile(file, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new Error(`${dir} is a ${manifest.format} backup; this version reads ${BACKUP_FORMAT}`);
  return manifest;
}

export async function restore(dir: string, ctx: RestoreContext): Promise<BackupManifest> {
  const manifest = await readManifest(dir);
  if (manifest.piiKeyCheck !== ctx.piiKeyCheck) {
    throw new Error(
      'this backup was made with another PII key: set PII_KEY (or copy pii.key) to that key first, or its personal data stays unreadable',
    );
  }
  const s = ctx.sequelize;
  await assertEmpty(s);
  await ctx.migrateTo(manifest.migrations);
  await assertEmpty(s);
  await loadAll(s, dir, manifest.tables);
  await ctx.logSeeders(manifest.seeders);
  await copyUploads(path.join(dir, 'uploads'), ctx.uploadDir, { file: 0o640 });
  return manifest;
}
