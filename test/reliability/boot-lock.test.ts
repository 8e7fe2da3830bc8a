// Issue 21, point 1: `npm start` instances are interchangeable, so ten of them may start at once on an empty
// database. The boot lock (server/db/boot-lock.ts) lets one migrate and create the first admin while the others wait;
// they then find nothing pending. Real processes of the compiled server, on the suite's dialect (a fresh MariaDB
// database, or one SQLite file that all ten open).
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { testDir } from '../env.js';
import { buildServer, root } from '../helpers/processes.js';
import { ADMIN, call, signInAdmin, startServer, stop, type ServerProcess } from './server-process.js';
import { freshTargetDb, type TargetDb } from './target-db.js';

const INSTANCES = 10;

const migrationFiles = (): string[] =>
  fs
    .readdirSync(path.join(root, 'migrations'))
    .filter((f) => f.endsWith('.ts'))
    .sort();

/** How many lines of the log files name `event` (the logger writes one JSON object per line). */
const linesNaming = (files: string[], event: string): number =>
  files
    .filter((f) => fs.existsSync(f))
    .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n'))
    .filter((line) => line.includes(`"${event}"`)).length;

describe('boot lock: ten instances started at once on an empty database', function () {
  this.timeout(150_000);
  let db: TargetDb;
  let servers: ServerProcess[] = [];

  before(function () {
    this.timeout(180_000);
    buildServer({ quiet: true }); // `npm start` runs the compiled server; compiled only when dist/ is stale
  });

  beforeEach(async () => {
    db = await freshTargetDb('boot-lock', 'nimah_boot_lock_test');
  });

  afterEach(async () => {
    await Promise.all(servers.map((s) => stop(s)));
    servers = [];
    await db.close();
  });

  it('all ten serve /api/health, schema_migrations lists each migration once, and exactly one admin exists', async () => {
    const logs = Array.from({ length: INSTANCES }, (_, i) => path.join(testDir, `boot-lock-${process.pid}-${i}.log`));
    const started = await Promise.allSettled(
      logs.map((logFile) =>
        startServer(
          // The same PII_KEY on every instance, as docs/scaling.md asks (otherwise each would make its own).
          { ...db.env, PII_KEY: process.env.PII_KEY!, LOG_FILE: logFile },
          // Ten processes at once on two cores: each is slow to start, none may fail.
          { entry: 'compiled', health: { timeoutMs: 120_000 } },
        ),
      ),
    );
    servers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failures = started.flatMap((r) => (r.status === 'rejected' ? [String(r.reason).slice(0, 2000)] : []));
    expect(failures, 'every instance started').to.deep.equal([]);
    expect(servers).to.have.length(INSTANCES);

    const applied = await db.select<{ name: string; n: number | string }>(
      'SELECT name, COUNT(*) AS n FROM schema_migrations GROUP BY name ORDER BY name',
    );
    expect(applied.map((r) => r.name)).to.deep.equal(migrationFiles());
    expect(
      applied.filter((r) => Number(r.n) !== 1),
      'no migration recorded twice',
    ).to.deep.equal([]);
    expect(await db.select<{ email: string; role: string }>('SELECT email, role FROM users')).to.deep.equal([
      { email: ADMIN.email, role: 'admin' },
    ]);
    expect(linesNaming(logs, 'db.migrated'), 'one instance migrated').to.equal(1);
    expect(linesNaming(logs, 'auth.first_admin_created'), 'one instance created the admin').to.equal(1);
    // And every instance works on the schema the first one made: each knows the admin's session.
    const token = await signInAdmin(servers[0].base);
    for (const server of servers) expect((await call(server.base, token, 'GET', '/api/auth/me')).status).to.equal(200);
  });
});
