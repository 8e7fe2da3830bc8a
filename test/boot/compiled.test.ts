// `npm start` runs the compiled server (dist/server/main.js) under plain node, no tsx: it must find its migrations,
// fonts and client from dist/, and accept a database that tsx migrated (same migration names, nothing re-run).
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  buildServer,
  freePort,
  operatorEnv,
  root,
  spawnNode,
  tempDataDir,
  waitForHealth,
  type NodeProcess,
} from '../helpers/processes.js';
import { pathToFileURL } from 'node:url';
import sqlite3 from 'sqlite3';

const ADMIN = { email: 'first@nimah.test', password: 'first-admin-password' };

/** A fresh data folder with its SQLite file named explicitly, so a developer's .env cannot redirect it. */
function freshEnv(): Record<string, string> {
  const dataDir = tempDataDir('compiled');
  return operatorEnv({
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${path.join(dataDir, 'nimah.sqlite')}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
}

function startCompiled(env: Record<string, string>): NodeProcess {
  return spawnNode(['dist/server/main.js'], env);
}

/** SIGTERM and the exit code: 0 when the server closed cleanly. */
async function stop(server: NodeProcess): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}

function migrationNames(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
      if (err) reject(err);
    });
    db.all<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name', (err, rows) => {
      db.close();
      if (err) reject(err);
      else resolve(rows.map((r) => r.name));
    });
  });
}

describe('compiled server (npm start)', function () {
  this.timeout(60_000);
  const sourceMigrations = fs
    .readdirSync(path.join(root, 'migrations'))
    .filter((f) => f.endsWith('.ts'))
    .sort();

  before(function () {
    this.timeout(120_000);
    // What `npm start` runs before node dist/server/main.js: compiles only when dist/ is missing or stale.
    buildServer({ quiet: true });
  });

  it('finds the project root (client/dist, server/assets/fonts) and its migrations from dist/server as from server/', async () => {
    const fromDist = (await import(
      pathToFileURL(path.join(root, 'dist', 'server', 'paths.js')).href
    )) as typeof import('../../server/paths.js');
    const fromSource = await import('../../server/paths.js');
    expect({ ...fromDist }).to.deep.equal({
      compiled: true,
      projectRoot: root,
      codeRoot: path.join(root, 'dist'),
      codeExt: '.js',
    });
    expect({ ...fromSource }).to.deep.equal({ compiled: false, projectRoot: root, codeRoot: root, codeExt: '.ts' });
  });

  it('when started on an empty data folder, migrates under the .ts names, creates the first admin and renders a PDF with the fonts', async () => {
    const env = freshEnv();
    const port = await freePort();
    const server = startCompiled({ ...env, PORT: String(port) });
    try {
      const health = await waitForHealth(`http://127.0.0.1:${port}`, { server, timeoutMs: 20_000, everyMs: 150 });
      expect(health.status, server.output()).to.equal(200);
      expect(await health.json()).to.deep.equal({ status: 'ok', database: 'sqlite', version: '0.1.0' });
      expect(await migrationNames(path.join(env.DATA_DIR, 'nimah.sqlite'))).to.deep.equal(sourceMigrations);

      const call = (method: string, url: string, token?: string, body?: unknown) =>
        fetch(`http://127.0.0.1:${port}${url}`, {
          method,
          headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const login = await call('POST', '/api/auth/login', undefined, ADMIN);
      expect(login.status).to.equal(200);
      const { token } = (await login.json()) as { token: string };
      // The cheapest PDF: one label of one device (pdf.fonts.ts reads server/assets/fonts from the project root).
      const donor = (await (
        await call('POST', '/api/donors', token, { kind: 'company', name: 'شركة الخليج للتقنية' })
      ).json()) as { id: number };
      const donation = (await (
        await call('POST', '/api/donations', token, { donorId: donor.id, channel: 'drop_off' })
      ).json()) as { id: number };
      const device = await call('POST', `/api/donations/${donation.id}/devices`, token, {
        type: 'laptop',
        manufacturer: 'Lenovo',
        model: 'ThinkPad T480',
        serialNumber: 'PF000001',
        drives: [],
      });
      expect(device.status, await device.clone().text()).to.equal(201);
      const label = await call(
        'GET',
        `/api/labels.pdf?deviceIds=${((await device.json()) as { id: number }).id}`,
        token,
      );
      expect(label.status, server.output()).to.equal(200);
      expect(label.headers.get('content-type')).to.equal('application/pdf');
      expect(
        Buffer.from(await label.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).to.equal('%PDF-');
      expect(await stop(server)).to.equal(0);
    } finally {
      server.child.kill('SIGKILL'); // only when an assertion above failed: the server is still running
    }
  });

  it('when the database was migrated under tsx (npm run db:migrate), runs no migration again', async () => {
    const env = freshEnv();
    const file = path.join(env.DATA_DIR, 'nimah.sqlite');
    execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/cli.ts', 'migrate'], {
      cwd: root,
      env,
      stdio: 'pipe',
    });
    const before = await migrationNames(file);
    expect(before).to.deep.equal(sourceMigrations);

    const port = await freePort();
    const server = startCompiled({ ...env, PORT: String(port) });
    try {
      expect(
        (await waitForHealth(`http://127.0.0.1:${port}`, { server, timeoutMs: 20_000, everyMs: 150 })).status,
        server.output(),
      ).to.equal(200);
      expect(await migrationNames(file)).to.deep.equal(before);
      expect(server.output()).not.to.contain('db.migrated');
      expect(await stop(server)).to.equal(0);
    } finally {
      server.child.kill('SIGKILL'); // only when an assertion above failed: the server is still running
    }
  });
});
