// Sends well over 1,000 malformed requests across EVERY route of allRoutes (walked at run time, so routes added
// later are fuzzed too), mostly as an admin so that handlers run, and checks: no 5xx, every error in the spec
// shape, no write accepted, no stored row changed, no prototype polluted. FUZZ_SEED=<n> replays a run.
// The data check excludes nothing: bodies are invalid by construction (fuzz-bodies.ts), and the probe that learns
// each route's fields (fuzz-probe.ts) runs before the "before" snapshot is taken, so whatever a probe might create
// is part of the baseline. A write route that accepted a fuzz body would fail two checks, with the request named.
import { expect } from 'chai';
import { getSequelize } from '../../server/db/sequelize.js';
import { allRoutes } from '../../server/routes.js';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { intake } from '../helpers/workshop.js';
import { truncateAll } from '../setup.js';
import { snapshot, type Snapshot } from './data-snapshot.js';
import { discover, routeKey, type RealIds } from './fuzz-probe.js';
import { planRoute, type Planned } from './fuzz-plan.js';
import { rng } from './fuzz-values.js';
import { errorShapeProblem, listen, pageProblem, send, type RawResponse } from './raw-http.js';

// At least 1,200 requests in all, however many routes there are, and never fewer than 16 per route.
const PER_ROUTE = Math.max(16, Math.ceil(1200 / allRoutes.length));
const CONCURRENCY = 4;

interface Result {
  req: Planned;
  res: RawResponse;
}

/** One record of each kind the routes' ids point at, so that fuzzed handlers reach past their 404. */
async function seedRecords(token: string, adminId: number): Promise<RealIds> {
  const donation = await createDonation();
  const device = await intake(token, 1, donation.id);
  const site = await api()
    .post('/api/sites')
    .set(bearer(token))
    .send({ code: 'FZ-1', name: 'Fuzz warehouse' })
    .expect(201);
  const programme = await api()
    .post('/api/programmes')
    .set(bearer(token))
    .send({ name: 'Fuzz programme', targetFamilies: 10 })
    .expect(201);
  return {
    users: String(adminId),
    donors: String(donation.donorId),
    donations: String(donation.id),
    devices: String(device.id),
    sites: String(site.body.id),
    programmes: String(programme.body.id),
    scan: device.assetTag,
    code: device.assetTag,
  };
}

async function runAll(requests: Planned[], port: number): Promise<Result[]> {
  const results: Result[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const req = requests[next++];
      results.push({ req, res: await send(port, req) });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

const describeReq = (r: Result) =>
  `${r.req.method} ${r.req.path.slice(0, 120)} as ${r.req.who} (${r.req.note}) → ${r.res.status}${r.res.error ? ` ${r.res.error}` : ''} ${r.res.text.slice(0, 200)}`;

/** Fails with the first findings spelled out (chai's diff of a long array shows nothing useful). */
function expectNone(found: string[], seed: number): void {
  expect(found.length, `seed ${seed}: ${found.length} found, e.g.\n${found.slice(0, 8).join('\n')}`).to.equal(0);
}

/**
 * FUZZ_SEED replays a run (.ci/run picks one per CI run, prints it first and gives it to both database runs); unset,
 * a fresh one. A value that is not a seed stops the run: replaying "the seed from the log" must never fuzz another.
 */
function fuzzSeed(text: string | undefined): number {
  if (text === undefined || text === '') return Math.floor(Math.random() * 2 ** 31);
  if (!/^\d{1,10}$/.test(text.trim()) || Number(text) >= 2 ** 32)
    throw new Error(`FUZZ_SEED=${text}: expected a whole number from 0 to ${2 ** 32 - 1}`);
  return Number(text);
}

describe('fuzz: malformed requests to every route', function () {
  this.timeout(180_000);
  const seed = fuzzSeed(process.env.FUZZ_SEED);
  const results: Result[] = [];
  let stored: Snapshot;
  let after: Snapshot;

  before(async () => {
    console.log(`      fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`);
    await truncateAll();
    const admin = await signIn('admin');
    const ids = await seedRecords(admin.token, admin.user.id);
    const probeServer = await listen();
    const facts = await discover(probeServer.port, admin.token, allRoutes, ids);
    await probeServer.close();
    stored = await snapshot(getSequelize());
    const random = rng(seed);
    const started = Date.now();
    for (const route of allRoutes) {
      // A fresh app per route: the per-address limit of public routes then lets the handlers run.
      const server = await listen();
      results.push(
        ...(await runAll(
          planRoute(random, route, facts.get(routeKey(route))!, ids, admin.token, PER_ROUTE),
          server.port,
        )),
      );
      await server.close();
    }
    after = await snapshot(getSequelize());
    const byClass = results.reduce<Record<string, number>>(
      (acc, r) => ({
        ...acc,
        [`${Math.floor(r.res.status / 100)}xx`]: (acc[`${Math.floor(r.res.status / 100)}xx`] ?? 0) + 1,
      }),
      {},
    );
    console.log(
      `      ${results.length} requests to ${allRoutes.length} routes in ${Date.now() - started} ms: ${JSON.stringify(byClass)}`,
    );
  });

  it('sent at least 1,000 requests, to every route, signed in as admin and without a login', () => {
    expect(results.length).to.be.at.least(1000);
    const missing = allRoutes
      .map(routeKey)
      .filter((k) => !results.some((r) => r.req.route === k && r.req.who !== 'admin'));
    expect(missing, 'routes never called without the admin token').to.deep.equal([]);
  });

  it('answered every request (no dropped connection) and none with a 5xx', () => {
    const bad = results.filter((r) => r.res.status === 0 || r.res.status >= 500).map(describeReq);
    expectNone(bad, seed);
  });

  it('gave every API error the body { error: { code, message, details?, requestId } } and nothing else; pages reflect nothing', () => {
    const isApi = (r: Result) => r.req.path.startsWith('/api/');
    const bad = results
      .filter((r) => !isApi(r) || r.res.status >= 400)
      .map((r) => ({ r, problem: isApi(r) ? errorShapeProblem(r.res) : pageProblem(r.res) }))
      .filter((x) => x.problem)
      .map((x) => `${x.problem}: ${describeReq(x.r)}`);
    expectNone(bad, seed);
  });

  it('accepted none of the malformed writes', () => {
    const accepted = results
      .filter((r) => r.req.method !== 'GET' && r.res.status >= 200 && r.res.status < 300)
      .map(describeReq);
    expectNone(accepted, seed);
  });

  it('changed no stored data: the same row count and checksum in every table', () => {
    expect(Object.keys(stored).length).to.be.greaterThan(10);
    expect(after, `seed ${seed}`).to.deep.equal(stored);
  });

  it('polluted no prototype', () => {
    const probe = {} as Record<string, unknown>;
    expect(Object.keys(Object.prototype)).to.deep.equal([]);
    expect(probe.polluted).to.equal(undefined);
    expect(probe.isAdmin).to.equal(undefined);
  });
});
