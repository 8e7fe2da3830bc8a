// Backup and restore round trip through the real command line (`npm run db:backup` / `db:restore` run
// server/cli/cli.ts): data built through the API, backed up from the suite's database, restored into a fresh
// empty one (another SQLite file, or another MariaDB database) with its own data folder. The restored database
// must hold the same rows per table (on the same dialect: the same checksums), the same uploads, and chains
// that verify. Restore must refuse a non-empty database and a backup made under another PII key.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { config } from '../../server/config.js';
import { getSequelize } from '../../server/db/sequelize.js';
import { allRoutes } from '../../server/routes.js';
import { createBeneficiary } from '../beneficiaries/helpers.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { act, intake, readyDevice } from '../helpers/workshop.js';
import { testDir } from '../env.js';
import { truncateAll } from '../setup.js';
import { rowCounts, snapshot, type Snapshot } from '../security/data-snapshot.js';
import { deviceWithNwipeDrives, storedFiles } from '../security/upload-helpers.js';
import { fixture } from '../helpers/fixtures.js';
import { operatorEnv, runCli, tempDataDir } from '../helpers/processes.js';
import { freshTargetDb, mysqlReachable, type TargetDb } from './target-db.js';

interface CliResult {
  code: number | null;
  out: string;
}

function cli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const log = path.join(testDir, `server-cli-${process.pid}.log`);
  return runCli(args, operatorEnv({ LOG_LEVEL: 'warn', LOG_FILE: log, PII_KEY: config.piiKey, ...env }));
}

/** Donations, devices with events at several stages, an nwipe log as evidence, and a beneficiary when that module is mounted. */
async function buildData(): Promise<void> {
  const { token } = await signIn('admin');
  const device = await deviceWithNwipeDrives(token);
  await api()
    .post(`/api/devices/${device.id}/sanitizations`)
    .set(bearer(token))
    .attach('file', fixture('nwipe', 'all-erased-two-drives.log'), 'nwipe.log')
    .expect(201);
  await readyDevice(token);
  const d = await intake(token);
  await act(token, d, { action: 'triage', needsRepair: true, disposition: 'reuse', findings: 'Keyboard: ك missing' });
  if (allRoutes.some((r) => r.method === 'post' && r.path === '/api/beneficiaries')) await createBeneficiary(token);
}

const filesWithContent = (dir: string) =>
  storedFiles(dir).map((f) => `${f}:${fs.readFileSync(path.join(dir, f)).length}`);

describe('backup and restore (npm run db:backup / db:restore)', function () {
  this.timeout(120_000);
  let backupDir: string;
  let target: TargetDb;
  let backedUp: CliResult;
  let source: { snapshot: Snapshot; counts: Record<string, number>; uploads: string[] };

  // Everything about the source is captured here: the root beforeEach empties the suite's tables before each test.
  before(async () => {
    await truncateAll();
    await buildData();
    source = {
      snapshot: await snapshot(getSequelize()),
      counts: await rowCounts(getSequelize()),
      uploads: filesWithContent(config.upload.dir),
    };
    backupDir = path.join(tempDataDir('backup'), 'b1');
    backedUp = await cli(['backup', backupDir], { DATA_DIR: config.dataDir, DATABASE_URL: config.db.url });
    target = await freshTargetDb('restore', 'nimah_restore_test');
  });
  after(async () => {
    await target.close();
    fs.rmSync(path.dirname(backupDir), { recursive: true, force: true });
  });

  it('writes a manifest (version, migrations, tables, row counts), one NDJSON file per table and the uploads', async () => {
    expect(backedUp.code, backedUp.out).to.equal(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest).to.include({ format: 'nimah-backup/1', appVersion: '0.1.0', dialect: config.db.dialect });
    expect(manifest.migrations.length).to.be.greaterThan(5);
    expect(
      Object.fromEntries(manifest.tables.map((t: { name: string; rows: number }) => [t.name, t.rows])),
    ).to.deep.equal(source.counts);
    expect(source.counts.device_events).to.be.greaterThan(5);
    for (const t of manifest.tables)
      expect(fs.existsSync(path.join(backupDir, 'tables', `${t.name}.ndjson`)), t.name).to.equal(true);
    expect(filesWithContent(path.join(backupDir, 'uploads'))).to.deep.equal(source.uploads);
    expect(manifest.uploads.files).to.be.greaterThan(0);
  });

  it('writes the backup readable by its owner only: folders 0700, files 0600 (tables, uploads, manifest)', () => {
    const wrong: string[] = [];
    const walk = (dir: string) => {
      if ((fs.statSync(dir).mode & 0o777) !== 0o700)
        wrong.push(`${dir} ${(fs.statSync(dir).mode & 0o777).toString(8)}`);
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if ((fs.statSync(full).mode & 0o777) !== 0o600)
          wrong.push(`${full} ${(fs.statSync(full).mode & 0o777).toString(8)}`);
      }
    };
    walk(backupDir);
    expect(fs.readdirSync(path.join(backupDir, 'uploads'), { recursive: true }).length).to.be.greaterThan(0);
    expect(wrong).to.deep.equal([]);
  });

  it('refuses to restore under another PII key (the next test finds the database still empty)', async () => {
    const res = await cli(['restore', backupDir], { ...target.env, PII_KEY: 'ab'.repeat(32) });
    expect(res.code).to.equal(1);
    expect(res.out).to.contain('another PII key');
  });

  it('restores into an empty database: the same rows in every table, the same uploads, and every hash chain verifies', async () => {
    const res = await cli(['restore', backupDir], target.env);
    expect(res.code, res.out).to.equal(0);
    expect(res.out).to.match(/hash chains: ok \(\d+ devices, \d+ events\)/);
    expect(await snapshot(target.open())).to.deep.equal(source.snapshot);
    expect(filesWithContent(path.join(target.dataDir, 'uploads'))).to.deep.equal(source.uploads);
  });

  it('refuses to restore into a database that is not empty', async () => {
    const res = await cli(['restore', backupDir], target.env);
    expect(res.code).to.equal(1);
    expect(res.out).to.contain('not empty');
  });

  it('carries the backup to the other dialect and back without changing a row (the SQLite ↔ MariaDB migration path)', async function () {
    // Part of the MariaDB run (SQLite needs no server); on SQLite only with CROSS_DIALECT=1 and a server at hand.
    const mysqlServer = process.env.CROSS_DIALECT_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
    const onMysql = config.db.dialect === 'mysql';
    if (!onMysql && !(process.env.CROSS_DIALECT === '1' && (await mysqlReachable(mysqlServer)))) this.skip();
    const other = onMysql
      ? await freshTargetDb('xdialect', '', { sqlite: true })
      : await freshTargetDb('xdialect', 'nimah_xdialect_test', { mysqlServer });
    const home = await freshTargetDb('xdialect-back', 'nimah_xdialect_back_test');
    try {
      const there = await cli(['restore', backupDir], other.env);
      expect(there.code, there.out).to.equal(0);
      const secondBackup = path.join(path.dirname(backupDir), `b2-from-${other.dialect}`);
      const dumped = await cli(['backup', secondBackup], other.env);
      expect(dumped.code, dumped.out).to.equal(0);
      const back = await cli(['restore', secondBackup], home.env);
      expect(back.code, back.out).to.equal(0);
      expect(back.out).to.match(/hash chains: ok \(\d+ devices, \d+ events\)/);
      expect(await snapshot(home.open())).to.deep.equal(source.snapshot);
    } finally {
      await other.close();
      await home.close();
    }
  });
});
