// Issue 21, point 1: two `npm start` instances on one database, as behind a load balancer (TRUST_PROXY=1, the
// client's address in X-Forwarded-For). A public rate limit is one count over both (server/lib/rate-limit-store.ts),
// and a session ended through one instance is refused by the other within SESSION_CACHE_MS
// (server/modules/auth/auth.sessions.ts). Real processes of the compiled server, on the suite's dialect.
import { expect } from 'chai';
import { SESSION_CACHE_MS } from '../../server/modules/auth/auth.sessions.js';
import { buildServer } from '../helpers/processes.js';
import { call, signInAdmin, startServer, stop, type ServerProcess } from './server-process.js';
import { freshTargetDb, type TargetDb } from './target-db.js';

const LIMIT = 10;
/** Room for a request's own time on a loaded machine, on top of the documented bound. */
const MARGIN_MS = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two instances on one database', function () {
  this.timeout(60_000);
  let db: TargetDb;
  let a: ServerProcess;
  let b: ServerProcess;

  // Started once for the file (each test uses its own client address or account): a fresh database of the target,
  // separate from the suite's own, which the root hooks empty before each test.
  before(async function () {
    this.timeout(240_000);
    buildServer({ quiet: true });
    db = await freshTargetDb('instances', 'nimah_instances_test');
    const env = {
      ...db.env,
      PII_KEY: process.env.PII_KEY!,
      TRUST_PROXY: '1',
      PUBLIC_RATE_LIMIT_PER_15MIN: String(LIMIT),
    };
    [a, b] = await Promise.all([
      startServer(env, { entry: 'compiled', health: { timeoutMs: 90_000 } }),
      startServer(env, { entry: 'compiled', health: { timeoutMs: 90_000 } }),
    ]);
  });

  after(async () => {
    await Promise.all([a, b].filter(Boolean).map((s) => stop(s)));
    await db?.close();
  });

  /** A pledge with its honeypot filled (refused with 400, nothing stored), from `address`, through `server`. */
  async function pledge(server: ServerProcess, address: string): Promise<number> {
    const res = await fetch(`${server.base}/api/public/pledges`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
      body: JSON.stringify({ website: 'x' }),
    });
    await res.arrayBuffer();
    return res.status;
  }

  describe('public rate limits', () => {
    it(`when one address's requests alternate between the instances, the ${LIMIT + 1}th meets 429, as on one instance`, async () => {
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 2; i += 1) statuses.push(await pledge(i % 2 === 0 ? a : b, '203.0.113.1'));
      expect(statuses).to.deep.equal([...Array<number>(LIMIT).fill(400), 429, 429]);
      expect(await pledge(a, '203.0.113.2'), 'another address has its own count').to.equal(400);
    });

    it(`when ${3 * LIMIT} requests of one address arrive at once on both instances, exactly ${LIMIT} get through`, async () => {
      const statuses = await Promise.all(
        Array.from({ length: 3 * LIMIT }, (_, i) => pledge(i % 2 === 0 ? a : b, '203.0.113.3')),
      );
      expect(statuses.filter((s) => s !== 429)).to.deep.equal(Array<number>(LIMIT).fill(400));
      const [row] = await db.select<{ hits: number | string }>(
        "SELECT hits FROM rate_limit_hits WHERE `key` LIKE 'pledge:%203.0.113.3'",
      );
      expect(Number(row.hits), 'every request counted in the one shared row').to.equal(3 * LIMIT);
    });
  });

  describe('sessions', () => {
    /**
     * Runs `revoke` (through A), then asks B with `token` until B refuses it; returns how long after `revoke` ended
     * B first answered 401. Every answer before that must be a 200 (never an error), and the ones after a 401.
     */
    async function refusedByB(token: string, revoke: () => Promise<number>): Promise<number> {
      expect(await revoke(), 'the revocation through A').to.be.oneOf([200, 204]);
      const revokedAt = Date.now();
      for (;;) {
        const status = (await call(b.base, token, 'GET', '/api/auth/me')).status;
        const after = Date.now() - revokedAt;
        if (status === 401) {
          for (let i = 0; i < 3; i += 1)
            expect((await call(b.base, token, 'GET', '/api/auth/me')).status).to.equal(401);
          return after;
        }
        expect(status).to.equal(200);
        if (after > SESSION_CACHE_MS + 10 * MARGIN_MS) return after; // fails the caller's bound, with the figure
        await sleep(100);
      }
    }

    it(`when a user signs out through A, B refuses the session within SESSION_CACHE_MS (${SESSION_CACHE_MS} ms)`, async () => {
      const token = await signInAdmin(a.base);
      // B reads the session (and keeps it for up to SESSION_CACHE_MS): the case the bound is about.
      expect((await call(b.base, token, 'GET', '/api/auth/me')).status).to.equal(200);
      const after = await refusedByB(token, async () => (await call(a.base, token, 'POST', '/api/auth/logout')).status);
      expect(after).to.be.at.most(SESSION_CACHE_MS + MARGIN_MS);
      expect((await call(a.base, token, 'GET', '/api/auth/me')).status, 'A refuses it at once').to.equal(401);
    });

    it('when an admin deactivates a user through A, B refuses the user within SESSION_CACHE_MS', async () => {
      const admin = await signInAdmin(a.base);
      const user = { email: `tech-${Date.now()}@nimah.test`, password: 'technician-password-2026' };
      const created = await call<{ id: number }>(a.base, admin, 'POST', '/api/users', {
        ...user,
        name: 'فنية الورشة',
        role: 'technician',
      });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      const login = await call<{ token: string }>(a.base, null, 'POST', '/api/auth/login', user);
      expect(login.status).to.equal(200);
      expect((await call(b.base, login.body.token, 'GET', '/api/auth/me')).status).to.equal(200);
      const after = await refusedByB(
        login.body.token,
        async () => (await call(a.base, admin, 'PATCH', `/api/users/${created.body.id}`, { active: false })).status,
      );
      expect(after).to.be.at.most(SESSION_CACHE_MS + MARGIN_MS);
    });
  });
});
