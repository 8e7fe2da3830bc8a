// Starts the real server process (as `npm start` does) on a fresh SQLite file and a fresh data folder.
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';

const root = path.resolve(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let out = '';
  // Only the variables a real operator would set: nothing from the test environment leaks in.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root, env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NODE_ENV: 'development', LOG_LEVEL: 'info', ...env },
  });
  child.stdout!.on('data', (d) => { out += String(d); });
  child.stderr!.on('data', (d) => { out += String(d); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForHealth(port: number, ms = 20_000): Promise<Response> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(`http://127.0.0.1:${port}/api/health`);
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

describe('server start', function () {
  this.timeout(60_000);

  it('when started on an empty data folder, migrates SQLite, creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD and serves /api/health', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimah-boot-'));
    const port = await freePort();
    const server = startServer({ PORT: String(port), DATA_DIR: dataDir, ADMIN_EMAIL: 'first@nimah.test', ADMIN_PASSWORD: 'first-admin-password' });
    try {
      const health = await waitForHealth(port);
      expect(health.status).to.equal(200);
      expect(await health.json()).to.deep.equal({ status: 'ok', database: 'sqlite', version: '0.1.0' });
      expect(fs.existsSync(path.join(dataDir, 'nimah.sqlite'))).to.equal(true);
      expect(fs.existsSync(path.join(dataDir, 'pii.key'))).to.equal(true);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'first@nimah.test', password: 'first-admin-password' }),
      });
      expect(login.status).to.equal(200);
      expect((await login.json()).user.role).to.equal('admin');
      expect(server.output()).not.to.contain('first-admin-password');
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).to.equal(0);
    }
  });

  it('when a variable is wrong, stops with a message naming it', async () => {
    const server = startServer({ PORT: 'not-a-port', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'nimah-boot-')) });
    expect(await server.exited).to.equal(1);
    expect(server.output()).to.contain('"PORT" must be a number');
  });

  it('when NODE_ENV=production and PII_KEY is missing, refuses to start', async () => {
    const server = startServer({ NODE_ENV: 'production', PORT: String(await freePort()), DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'nimah-boot-')) });
    expect(await server.exited).to.equal(1);
    expect(server.output()).to.contain('PII_KEY is required');
  });
});
