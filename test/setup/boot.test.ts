// The setup as a real server process runs it (issue 22): the link at start, the token required from another
// address (the machine's own non-loopback address, a real remote socket) and behind a proxy (TRUST_PROXY), the
// link not shown again once set up, and unattended installs (ADMIN_EMAIL/ADMIN_PASSWORD, CHARITY_*, COUNTRY).
import os from 'node:os';
import { expect } from 'chai';
import { operatorEnv, startServer, tempDataDir, type Server } from '../helpers/processes.js';
import { ADMIN_PASSWORD, setupBody } from './helpers.js';

const LINK = /http:\/\/nimah\.test\/setup\?token=([0-9a-f]{40})/;

/** An address of this machine that is not loopback, when it has one: requests to it arrive from a non-local socket. */
const outsideAddress = (): string | undefined =>
  Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/setup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('setup: the server process', function () {
  this.timeout(90_000);
  let server: Server | undefined;
  afterEach(async function () {
    await server?.stop();
    server = undefined;
  });

  it('prints the link; another address needs the token; it is not printed again once set up', async function () {
    const dataDir = tempDataDir('setup');
    const env = operatorEnv({ LOG_LEVEL: 'info', DATA_DIR: dataDir, PUBLIC_URL: 'http://nimah.test' });
    server = await startServer(env);
    const token = LINK.exec(server.output())?.[1];
    expect(token, server.output()).to.be.a('string');
    expect(server.stdout()).to.contain('Open this link to set it up');
    const local = await (await fetch(`${server.base}/api/setup`)).json();
    expect(local.tokenRequired).to.equal(false);

    const outside = outsideAddress();
    if (outside) {
      const base = `http://${outside}:${server.port}`;
      expect((await (await fetch(`${base}/api/setup`)).json()).tokenRequired).to.equal(true);
      const refused = await post(base, setupBody(undefined));
      expect(refused.status).to.equal(403);
      expect((await refused.json()).error.code).to.equal('SETUP_TOKEN_INVALID');
      expect((await post(base, setupBody('f'.repeat(40)))).status).to.equal(403);
      expect((await post(base, setupBody(token))).status).to.equal(201);
    } else {
      expect((await post(server.base, setupBody(token))).status).to.equal(201);
    }
    expect((await post(server.base, setupBody(token))).status).to.equal(409);
    await server.stop();

    server = await startServer(env);
    expect(server.output()).not.to.match(/setup\?token=/);
    const login = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@hope.example', password: ADMIN_PASSWORD }),
    });
    expect(login.status).to.equal(200);
  });

  it('behind a proxy (TRUST_PROXY) even a loopback request needs the token', async function () {
    server = await startServer(
      operatorEnv({
        LOG_LEVEL: 'info',
        DATA_DIR: tempDataDir('setup'),
        PUBLIC_URL: 'http://nimah.test',
        TRUST_PROXY: 'loopback',
      }),
    );
    const token = LINK.exec(server.output())![1];
    expect((await (await fetch(`${server.base}/api/setup`)).json()).tokenRequired).to.equal(true);
    expect((await post(server.base, setupBody(undefined))).status).to.equal(403);
    expect((await post(server.base, setupBody(token), { 'X-Forwarded-For': '198.51.100.7' })).status).to.equal(201);
  });

  it('an unattended install (ADMIN_*, CHARITY_*, COUNTRY) skips the setup: no link, 409, the charity stored', async function () {
    server = await startServer(
      operatorEnv({
        LOG_LEVEL: 'info',
        DATA_DIR: tempDataDir('setup'),
        ADMIN_EMAIL: 'first@nimah.test',
        ADMIN_PASSWORD: 'first-admin-password',
        CHARITY_NAME: 'جمعية الأطلس',
        CHARITY_NAME_LATIN: 'Association Atlas',
        CHARITY_LICENCE: 'MA-77',
        COUNTRY: 'MA',
      }),
    );
    expect(server.output()).not.to.match(/setup\?token=/);
    expect((await fetch(`${server.base}/api/setup`)).status).to.equal(409);
    const login = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'first@nimah.test', password: 'first-admin-password' }),
    });
    const { token } = await login.json();
    const settings = await (
      await fetch(`${server.base}/api/settings`, { headers: { Authorization: `Bearer ${token}` } })
    ).json();
    expect(settings).to.include({
      charityName: 'جمعية الأطلس',
      charityNameLatin: 'Association Atlas',
      charityLicence: 'MA-77',
      country: 'MA',
    });
  });
});
