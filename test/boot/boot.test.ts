// Starts the real server process (as `npm start` does) on a fresh SQLite file and a fresh data folder.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import {
  freePort,
  operatorEnv,
  spawnNode,
  tempDataDir,
  waitForHealth,
  type NodeProcess,
} from '../helpers/processes.js';

function startServer(env: Record<string, string>): NodeProcess {
  // Only the variables a real operator would set: nothing from the test environment leaks in.
  return spawnNode(['--import', 'tsx', 'server/main.ts'], operatorEnv({ LOG_LEVEL: 'info', ...env }));
}

describe('server start', function () {
  this.timeout(60_000);

  it('when started on an empty data folder, migrates SQLite, creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD and serves /api/health', async () => {
    const dataDir = tempDataDir('boot');
    const port = await freePort();
    const server = startServer({
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: 'first@nimah.test',
      ADMIN_PASSWORD: 'first-admin-password',
    });
    try {
      const health = await waitForHealth(`http://127.0.0.1:${port}`, { server, timeoutMs: 20_000, everyMs: 150 });
      expect(health.status).to.equal(200);
      expect(await health.json()).to.deep.equal({ status: 'ok', database: 'sqlite', version: '0.1.0' });
      expect(fs.existsSync(path.join(dataDir, 'nimah.sqlite'))).to.equal(true);
      expect(fs.existsSync(path.join(dataDir, 'pii.key'))).to.equal(true);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'first@nimah.test', password: 'first-admin-password' }),
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
    const server = startServer({ PORT: 'not-a-port', DATA_DIR: tempDataDir('boot') });
    expect(await server.exited).to.equal(1);
    expect(server.output()).to.contain('"PORT" must be a number');
  });

  it('when NODE_ENV=production and PII_KEY is missing, refuses to start', async () => {
    const server = startServer({
      NODE_ENV: 'production',
      PORT: String(await freePort()),
      DATA_DIR: tempDataDir('boot'),
    });
    expect(await server.exited).to.equal(1);
    expect(server.output()).to.contain('PII_KEY is required');
  });
});
