// Runs LAST and reads every log line the suite produced: the suite's LOG_FILE (in-process app) and the logs of
// the servers that test/reliability spawned (server-*.log in the same temp folder). No line may hold a password
// used by the tests, a session token (a 43-character base64url run: 32 random bytes), or a national ID (10 digits
// starting with 1 or 2). Why the name: mocha sorts spec files by path (lookup-files.js sorts with localeCompare)
// and runs them in that order in one process, and "test/zz-…" sorts after every "test/<folder>/…" file, so this
// sees the logs of the whole run. Run alone, it first makes the requests whose secrets must not be logged.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { config } from '../server/config.js';
import { allRoutes } from '../server/routes.js';
import { testDir } from './env.js';
import { api, bearer } from './helpers/api.js';
import { createUser, TEST_PASSWORD } from './helpers/factories.js';
import { ADMIN } from './reliability/server-process.js';
import { createBeneficiary } from './beneficiaries/helpers.js';

const TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/;
// Delimited by non-alphanumerics, so that digits inside a request id (a UUID's hex) do not count.
const NATIONAL_ID = /(?<![0-9A-Za-z])[12][0-9]{9}(?![0-9A-Za-z])/;
const SECRET_KEY = /"[^"]*(password|token|secret|authorization|cookie|nationalId)[^"]*":\s*"[^"]+"/i;

/** Every password literal in the test sources (`password: '…'`, `PASSWORD = '…'`) long enough to be unambiguous. */
function testPasswords(): string[] {
  const files = (fs.readdirSync(import.meta.dirname, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  const found = new Set([TEST_PASSWORD, ADMIN.password]);
  for (const f of files) {
    const text = fs.readFileSync(path.join(import.meta.dirname, f), 'utf8');
    for (const m of text.matchAll(/(?:password|PASSWORD)\s*[:=]\s*'([^']{8,})'/g)) found.add(m[1]);
  }
  return [...found];
}

const show = (hits: { file: string; line: string }[], re?: RegExp) =>
  hits.slice(0, 5).map(({ file, line }) => `${file}: ${re ? `${re.exec(line)?.[0]} in ` : ''}${line.slice(0, 300)}`);

function logLines(): { file: string; line: string }[] {
  const files = [
    config.logFile,
    ...fs
      .readdirSync(testDir)
      .filter((f) => /^server-.*\.log$/.test(f))
      .map((f) => path.join(testDir, f)),
  ];
  return files
    .filter((f) => fs.existsSync(f))
    .flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => ({ file: path.basename(file), line })),
    );
}

describe('logs (runs last): no secrets or personal data in any log line', () => {
  before(async function () {
    this.timeout(30_000);
    // Requests that carry each kind of secret, so the scan is meaningful even when this file runs alone.
    const user = await createUser('admin');
    const login = await api().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    await api()
      .post('/api/auth/login')
      .send({ email: user.email, password: `${TEST_PASSWORD}!` })
      .expect(401);
    await api().get('/api/auth/me').set(bearer(login.body.token)).expect(200);
    await api()
      .get('/api/auth/me')
      .set(bearer('A'.repeat(43)))
      .expect(401);
    if (allRoutes.some((r) => r.method === 'post' && r.path === '/api/beneficiaries')) {
      await createBeneficiary(login.body.token);
    }
    await new Promise((r) => setTimeout(r, 300)); // let the file transport flush
  });

  it('finds log lines to scan at all', () => {
    expect(logLines().length).to.be.greaterThan(0);
  });

  it('finds none of the test passwords', () => {
    const passwords = testPasswords();
    const hits = logLines().filter(({ line }) => passwords.some((p) => line.includes(p)));
    expect(show(hits)).to.deep.equal([]);
  });

  it('finds no session token (43-character base64url run) and no field named like a secret', () => {
    expect(
      show(
        logLines().filter(({ line }) => TOKEN.test(line)),
        TOKEN,
      ),
    ).to.deep.equal([]);
    expect(
      show(
        logLines().filter(({ line }) => SECRET_KEY.test(line)),
        SECRET_KEY,
      ),
    ).to.deep.equal([]);
  });

  it('finds no national ID (10 digits starting with 1 or 2)', () => {
    expect(
      show(
        logLines().filter(({ line }) => NATIONAL_ID.test(line)),
        NATIONAL_ID,
      ),
    ).to.deep.equal([]);
  });
});
