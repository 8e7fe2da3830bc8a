// The database command line behind `npm run db:migrate | db:migrate:down | db:seed | db:reset | db:backup | db:restore`
// and `npm run pii:rotate | regions:unmapped`.
// Prints a short summary to stdout; on failure prints the reason to stderr and exits with 1 (2 for bad usage).
// Modules are imported inside main() so that an invalid configuration is reported as a message, not a stack.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { QueryTypes } from 'sequelize';
import { SequelizeStorage } from 'umzug';

const COMMANDS = ['migrate', 'down', 'seed', 'reset', 'backup', 'restore', 'pii-rotate', 'regions-unmapped'] as const;
type Command = (typeof COMMANDS)[number];

const USAGE =
  'usage: tsx server/cli/cli.ts <migrate | down | seed | reset | backup [dir] | restore <dir> | pii-rotate | regions-unmapped> [--force]\n' +
  '  migrate  apply pending migrations\n  down     revert the last migration\n' +
  '  seed     run pending seeders (demo data)\n  reset    drop every table, then migrate and seed\n' +
  '  backup   write every table and the uploads to a new folder (default DATA_DIR/backups/<time>)\n' +
  '  restore  load a backup folder into an EMPTY database and copy its uploads back\n' +
  '  pii-rotate [batch]  re-encrypt personal data under PII_KEY (old keys in PII_KEYS_OLD), 500 rows a batch\n' +
  '  regions-unmapped  list the rows whose free-text region or city names no region (table, id, text)\n' +
  '  --force  allow seed and reset when NODE_ENV=production\n';

// Demo data brings accounts with a published password, and reset destroys everything: neither belongs in
// production unless the operator says so explicitly.
const DANGEROUS_IN_PRODUCTION: readonly Command[] = ['seed', 'reset'];

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function loadDb() {
  const [{ config }, sequelize, umzug, { initModels }, { preparePiiKey }, { verifyChains }, backups, { piiHash }, pkg] =
    await Promise.all([
      import('../config.js'),
      import('../db/sequelize.js'),
      import('../db/umzug.js'),
      import('../models.js'),
      import('../lib/pii-key.js'),
      import('../modules/devices/index.js'),
      import('../db/backup.js'),
      import('../lib/pii.js'),
      import('../../package.json', { with: { type: 'json' } }),
    ]);
  return {
    config,
    ...sequelize,
    ...umzug,
    initModels,
    preparePiiKey,
    verifyChains,
    backups,
    piiHash,
    appVersion: pkg.default.version,
  };
}
type Db = Awaited<ReturnType<typeof loadDb>>;

/** Where the command runs, without the password a DATABASE_URL may carry. */
function describeTarget(db: Db): string {
  if (db.config.db.dialect === 'sqlite') return `sqlite ${db.config.db.storage}`;
  const url = new URL(db.config.db.url.replace(/^mariadb:/, 'mysql:'));
  return `mysql ${url.hostname}:${url.port || 3306}${url.pathname}`;
}

const names = (list: { name: string }[]): string => list.map((m) => m.name.replace(/\.ts$/, '')).join(', ');

async function migrate(db: Db): Promise<void> {
  // The lock a starting server takes too: a release step may run while instances boot (db/boot-lock.ts).
  const applied = await db.withBootLock(() => db.createMigrator().up());
  say(applied.length ? `migrated: ${applied.length} applied (${names(applied)})` : 'migrated: nothing pending');
}

async function down(db: Db): Promise<void> {
  const reverted = await db.createMigrator().down();
  say(reverted.length ? `reverted: ${names(reverted)}` : 'reverted: nothing (no migration applied)');
}

async function seed(db: Db): Promise<void> {
  const pending = await db.createMigrator().pending();
  if (pending.length && !db.config.db.migrateOnBoot) {
    throw new Error(`${pending.length} migration(s) pending; run npm run db:migrate first`);
  }
  if (pending.length) await migrate(db);
  const ran = await db.createSeeder().up();
  say(ran.length ? `seeded: ${names(ran)}` : 'seeded: nothing pending (seeder_meta lists every seeder)');
  await summarise(db);
}

async function listTables(db: Db): Promise<string[]> {
  const sql = db.isSqlite()
    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'";
  const rows = await db.getSequelize().query<{ name: string }>(sql, { type: QueryTypes.SELECT });
  return rows.map((r) => r.name);
}

/** Drops every table, the umzug meta tables included. Foreign key checks are off meanwhile, so order does not matter. */
async function dropAllTables(db: Db): Promise<number> {
  const sequelize = db.getSequelize();
  const tables = await listTables(db);
  if (db.isSqlite()) {
    // Queries outside a transaction share one SQLite connection, so the pragma holds for the drops.
    await sequelize.query('PRAGMA foreign_keys = OFF');
    try {
      for (const t of tables) await sequelize.query(`DROP TABLE IF EXISTS "${t}"`);
    } finally {
      await sequelize.query('PRAGMA foreign_keys = ON');
    }
    return tables.length;
  }
  // FOREIGN_KEY_CHECKS is per connection: the transaction pins one connection for the SET and the drops
  // (each DROP commits implicitly, which is harmless here).
  await sequelize.transaction(async (transaction) => {
    await sequelize.query('SET FOREIGN_KEY_CHECKS = 0', { transaction });
    try {
      for (const t of tables) await sequelize.query(`DROP TABLE IF EXISTS \`${t}\``, { transaction });
    } finally {
      await sequelize.query('SET FOREIGN_KEY_CHECKS = 1', { transaction });
    }
  });
  return tables.length;
}

async function reset(db: Db): Promise<void> {
  say(`dropped: ${await dropAllTables(db)} tables`);
  await migrate(db);
  const ran = await db.createSeeder().up();
  say(`seeded: ${ran.length ? names(ran) : 'no seeders found'}`);
  await summarise(db);
}

const COUNTED = ['users', 'sites', 'donors', 'donations', 'devices', 'drives', 'device_events'];

async function summarise(db: Db): Promise<void> {
  const counts: string[] = [];
  for (const table of COUNTED) {
    const [row] = await db
      .getSequelize()
      .query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`, { type: QueryTypes.SELECT });
    counts.push(`${Number(row.n)} ${table.replace('_', ' ')}`);
  }
  say(`database now holds: ${counts.join(', ')}`);
  const chains = await db.verifyChains();
  if (!chains.ok)
    throw new Error(
      `hash chains broken on ${chains.broken.length} link(s), first: device ${chains.broken[0].deviceId}: ${chains.broken[0].reason}`,
    );
  say(`hash chains: ok (${chains.devicesChecked} devices, ${chains.eventsChecked} events)`);
}

/** piiKeyCheck tells whether a backup was made under the same PII key, without revealing anything about the key. */
const backupContext = (db: Db) => ({
  sequelize: db.getSequelize(),
  uploadDir: db.config.upload.dir,
  appVersion: db.appVersion,
  piiKeyCheck: db.piiHash('nimah:backup-key-check'),
});

async function backup(db: Db, dir?: string): Promise<void> {
  const target = path.resolve(
    dir ?? path.join(db.config.dataDir, 'backups', `nimah-${new Date().toISOString().replace(/[:.]/g, '-')}`),
  );
  const m = await db.backups.backup(target, backupContext(db));
  const rows = m.tables.reduce((n, t) => n + t.rows, 0);
  say(
    `backed up: ${m.tables.length} tables, ${rows} rows, ${m.uploads.files} uploads (${m.uploads.bytes} bytes), ${m.migrations.length} migrations, to ${target}`,
  );
}

/** Migrates the empty target to exactly the backup's migrations: none unknown to this version, none beyond them. */
async function migrateTo(db: Db, wanted: string[]): Promise<void> {
  const migrator = db.createMigrator();
  const executed = (await migrator.executed()).map((x) => x.name);
  const pending = (await migrator.pending()).map((x) => x.name);
  const unknown = wanted.filter((n) => !executed.includes(n) && !pending.includes(n));
  if (unknown.length) throw new Error(`the backup needs migrations this version does not have: ${unknown.join(', ')}`);
  const extra = executed.filter((n) => !wanted.includes(n));
  if (extra.length) throw new Error(`the database has migrations the backup does not: ${extra.join(', ')}`);
  const needed = pending.filter((n) => wanted.includes(n));
  if (needed.length) await migrator.up({ migrations: needed });
}

async function restore(db: Db, dir?: string): Promise<void> {
  if (!dir) throw new Error('name the backup folder: restore <dir>');
  const m = await db.backups.restore(path.resolve(dir), {
    ...backupContext(db),
    migrateTo: (wanted) => migrateTo(db, wanted),
    logSeeders: async (seeders) => {
      const storage = new SequelizeStorage({
        sequelize: db.getSequelize(),
        tableName: 'seeder_meta',
        modelName: 'seeder_meta',
      });
      for (const name of seeders) await storage.logMigration({ name });
    },
  });
  say(
    `restored: ${m.tables.length} tables, ${m.tables.reduce((n, t) => n + t.rows, 0)} rows, ${m.uploads.files} uploads, from a ${m.dialect} backup of ${m.createdAt}`,
  );
  await summarise(db);
}

async function piiRotate(_db: Db, batch?: string): Promise<void> {
  const { rotatePii } = await import('./pii-rotate.js');
  const size = batch === undefined ? undefined : Number(batch);
  if (size !== undefined && !(Number.isInteger(size) && size > 0))
    throw new Error('the batch size must be a positive whole number');
  let failed = 0;
  for (const c of await rotatePii(size)) {
    say(
      `${c.table}.${c.column}: ${c.scanned} rows, ${c.rotated} re-encrypted, ${c.current} already current, ${c.changedMeanwhile} changed meanwhile, ${c.failed} unreadable`,
    );
    failed += c.failed;
  }
  // Rows written meanwhile by a server still on the old key stay behind; a second run picks them up.
  if (failed)
    throw new Error(
      `${failed} value(s) could not be decrypted with PII_KEY or PII_KEYS_OLD; they were left as they are`,
    );
}

async function regionsUnmapped(): Promise<void> {
  const { unmappedRows } = await import('./regions-unmapped.js');
  const rows = await unmappedRows();
  say('table\tid\tfree text');
  for (const r of rows) say(`${r.table}\t${r.id}\t${r.text}`);
  say(`unmapped: ${rows.length} row(s)`);
}

const RUN: Readonly<Record<Command, (db: Db, arg?: string) => Promise<void>>> = {
  migrate,
  down,
  seed,
  reset,
  backup,
  restore,
  'pii-rotate': piiRotate,
  'regions-unmapped': regionsUnmapped,
};

async function main(argv: string[]): Promise<number> {
  const command = argv[2] as Command;
  if (!COMMANDS.includes(command)) {
    process.stderr.write(`${argv[2] ? `unknown command "${argv[2]}"\n` : ''}${USAGE}`);
    return 2;
  }
  const started = performance.now();
  let db: Db | undefined;
  try {
    db = await loadDb();
    if (db.config.env === 'production' && DANGEROUS_IN_PRODUCTION.includes(command) && !argv.includes('--force')) {
      throw new Error(
        `refusing to ${command} with NODE_ENV=production (demo accounts, or dropped tables); add --force if you mean it`,
      );
    }
    await db.preparePiiKey();
    await db.ensureDatabaseExists();
    db.initModels();
    say(`db:${command} on ${describeTarget(db)}`);
    await RUN[command](
      db,
      argv.slice(3).find((a) => !a.startsWith('--')),
    );
    say(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (err) {
    process.stderr.write(`db:${command} failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await db?.closeSequelize().catch(() => undefined);
  }
}

process.exitCode = await main(process.argv);
