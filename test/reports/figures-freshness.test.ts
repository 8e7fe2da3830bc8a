// Shared figures (the dashboard, device-list totals) run here with their real bounds: the suite sets no cache
// setting, so DASHBOARD_CACHE_MS and LIST_TOTALS_CACHE_MS have their defaults. A write through this instance is
// seen by the next read; a write this instance did not make (another instance, here a statement outside the
// application's transactions) is seen once the bound has passed, never later.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { intake } from '../helpers/workshop.js';
import { config } from '../../server/config.js';
import { getSequelize } from '../../server/db/sequelize.js';
import { freshTargetDb, type TargetDb } from '../reliability/target-db.js';
import { ADMIN, call, startServer, stop, type ServerProcess } from '../reliability/server-process.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('shared figures: exact after a write here, bounded after a write elsewhere', () => {
  let token: string;
  beforeEach(async () => {
    token = (await signIn('technician')).token;
  });

  const dashboard = async () =>
    (await api().get('/api/reports/dashboard').set(bearer(token)).expect(200)).body as {
      totalDevices: number;
      devicesByStatus: Record<string, number>;
    };
  const intakeTotal = async () =>
    (await api().get('/api/devices?status=intake').set(bearer(token)).expect(200)).body.total as number;

  it('runs with the caches on: the defaults are 30 s for the dashboard and 5 s for list totals', () => {
    expect(config.cache).to.deep.equal({ dashboardMs: 30_000, listTotalsMs: 5_000 });
  });

  it('when a device is taken in through the API, the very next dashboard and list total count it', async () => {
    const first = await intake(token);
    expect((await dashboard()).devicesByStatus.intake).to.equal(1);
    expect(await intakeTotal()).to.equal(1);
    await intake(token, 1, first.donationId);
    expect((await dashboard()).devicesByStatus.intake).to.equal(2);
    expect(await intakeTotal()).to.equal(2);
  });

  it('when another writer changes the data, the shared answer is kept within its bound (the cache is really on)', async () => {
    const device = await intake(token);
    expect((await dashboard()).devicesByStatus.intake).to.equal(1);
    expect(await intakeTotal()).to.equal(1);
    // Not through the application's transactions (autocommit): as another instance's write looks to this one.
    await getSequelize().query("UPDATE devices SET status = 'repair' WHERE id = :id", {
      replacements: { id: device.id },
    });
    expect((await dashboard()).devicesByStatus.intake, 'served within 30 s of its computation').to.equal(1);
    expect(await intakeTotal(), 'served within 5 s of its count').to.equal(1);
  });

  describe('a second server on the same database, with short bounds', () => {
    const BOUND_MS = 1500;
    let db: TargetDb;
    let other: ServerProcess;
    let otherToken: string;
    before(async function () {
      this.timeout(60_000);
      db = await freshTargetDb('figures', 'nimah_figures_test');
      other = await startServer({
        ...db.env,
        PII_KEY: config.piiKey,
        DASHBOARD_CACHE_MS: String(BOUND_MS),
        LIST_TOTALS_CACHE_MS: String(BOUND_MS),
      });
      otherToken = (await call<{ token: string }>(other.base, null, 'POST', '/api/auth/login', ADMIN)).body.token;
    });
    after(async () => {
      if (other) await stop(other);
      if (db) await db.close();
    });

    it('when a third party writes, no figure served is older than the bound', async function () {
      this.timeout(30_000);
      const read = async () => {
        const d = await call<{ devicesByStatus: Record<string, number> }>(
          other.base,
          otherToken,
          'GET',
          '/api/reports/dashboard',
        );
        const l = await call<{ total: number }>(other.base, otherToken, 'GET', '/api/devices?status=intake');
        return { dashboard: d.body.devicesByStatus.intake, total: l.body.total };
      };
      const donor = await call<{ id: number }>(other.base, otherToken, 'POST', '/api/donors', {
        kind: 'individual',
        name: 'سارة',
      });
      const donation = await call<{ id: number }>(other.base, otherToken, 'POST', '/api/donations', {
        donorId: donor.body.id,
        channel: 'drop_off',
      });
      const device = await call<{ id: number }>(
        other.base,
        otherToken,
        'POST',
        `/api/donations/${donation.body.id}/devices`,
        { type: 'laptop' },
      );
      expect(device.status).to.equal(201);
      expect(await read(), 'its own write is seen at once').to.deep.equal({ dashboard: 1, total: 1 });

      // The third party (this test process) moves the device out of intake behind the server's back.
      await db.select('SELECT 1 AS one'); // opens the test's own connection before the clock starts
      const open = db.open();
      await open.query("UPDATE devices SET status = 'repair' WHERE id = :id", { replacements: { id: device.body.id } });
      const wroteAt = Date.now();
      await sleep(BOUND_MS + 100);
      expect(Date.now() - wroteAt).to.be.greaterThan(BOUND_MS);
      expect(await read(), `once ${BOUND_MS} ms have passed, both figures are the new ones`).to.deep.equal({
        dashboard: 0,
        total: 0,
      });
    });
  });
});
