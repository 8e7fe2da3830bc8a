// The figures' read model (server/modules/figures/, spec §11 "live figures"): every figure is exact on the very next
// read after the write that changed it, because the write's own transaction updated the counters. Each test writes
// through the HTTP API, reads at once, and holds the read model to a recount of the source tables (the rebuild's
// oracle: rebuildFigures({ repair: false }) lists every difference).
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { api, bearer } from '../helpers/api.js';
import { createUser, signIn, TEST_PASSWORD } from '../helpers/factories.js';
import { createBeneficiary, SIGNATURE_PNG } from '../helpers/beneficiaries.js';
import { act, intake, PASSED_WIPE, readyDevice } from '../helpers/workshop.js';
import { config } from '../../server/config.js';
import { getSequelize } from '../../server/db/sequelize.js';
import { testDir } from '../env.js';
import { operatorEnv, runNode } from '../helpers/processes.js';
import { freshTargetDb, type TargetDb } from '../reliability/target-db.js';
import {
  call,
  createDonation as createServerDonation,
  signInAdmin,
  startServer,
  stop,
  type ServerProcess,
} from '../reliability/server-process.js';
import { rebuildFigures, regionFigures, IN_WORKSHOP } from '../../server/modules/figures/index.js';
import { WORKSHOP_STATUSES } from '../../server/modules/devices/index.js';
import type { DashboardDto, DeviceDetailDto, DeviceDto } from '../../server/shared/index.js';

async function expectExact(): Promise<void> {
  expect(await rebuildFigures({ repair: false }), 'the read model equals a recount').to.deep.equal([]);
}

describe('figures: exact right after every write (read model)', () => {
  let manager: string;
  let tech: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    tech = (await signIn('technician')).token;
  });

  const dashboard = async (query = ''): Promise<DashboardDto> =>
    (await api().get(`/api/reports/dashboard${query}`).set(bearer(tech)).expect(200)).body as DashboardDto;
  const total = async (query: string): Promise<number> =>
    (await api().get(`/api/devices?${query}`).set(bearer(tech)).expect(200)).body.total as number;

  async function site(code: string, regionCode: string): Promise<number> {
    const admin = (await signIn('admin')).token;
    const res = await api()
      .post('/api/sites')
      .set(bearer(admin))
      .send({ code, name: `مستودع ${code}`, city: 'الرياض', regionCode });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.id as number;
  }

  async function programme(name = 'Phase 1'): Promise<number> {
    return (await api().post('/api/programmes').set(bearer(manager)).send({ name, targetFamilies: 100 }).expect(201))
      .body.id as number;
  }

  async function handOver(
    device: DeviceDto,
    beneficiaryId: number,
    programmeId: number,
    override?: { token: string; overrideReason: string },
  ): Promise<number> {
    const res = await api()
      .post('/api/allocations')
      .set(bearer(override?.token ?? manager))
      .send({ deviceId: device.id, beneficiaryId, programmeId, overrideReason: override?.overrideReason });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const a = res;
    await api()
      .post(`/api/allocations/${a.body.id}/handover`)
      .set(bearer(manager))
      .send({ receivedBy: 'ربّ الأسرة', signature: SIGNATURE_PNG })
      .expect(200);
    return a.body.id as number;
  }

  it('when a device is taken in, the very next dashboard and list totals count it', async () => {
    expect((await dashboard()).devicesByStatus.intake).to.equal(0);
    const first = await intake(tech);
    expect((await dashboard()).devicesByStatus.intake).to.equal(1);
    expect(await total('status=intake')).to.equal(1);
    await intake(tech, 1, first.donationId);
    const d = await dashboard();
    expect(d.devicesByStatus.intake).to.equal(2);
    expect(d.monthly.at(-1)).to.include({ month: new Date().toISOString().slice(0, 7), intake: 2 });
    expect(await total('status=intake')).to.equal(2);
    expect(await total('status=intake&type=laptop')).to.equal(2);
    expect(await total('status=repair')).to.equal(0);
    expect(await total(`donationId=${first.donationId}`), 'a filter beyond the counters is counted afresh').to.equal(2);
    await expectExact();
  });

  it('when a device moves between sites, the site and region filters follow it at once', async () => {
    const riyadh = await site('RUH-1', 'SA-01');
    const dammam = await site('DMM-1', 'SA-04');
    const device = await intake(tech);
    await api().post(`/api/devices/${device.id}/moves`).set(bearer(tech)).send({ siteId: riyadh }).expect(201);
    expect((await dashboard('?regionCode=SA-01')).devicesByStatus.intake).to.equal(1);
    expect((await dashboard(`?siteId=${riyadh}`)).totalDevices).to.equal(1);
    expect(await total(`siteId=${riyadh}`)).to.equal(1);

    await api().post(`/api/devices/${device.id}/moves`).set(bearer(tech)).send({ siteId: dammam }).expect(201);
    expect((await dashboard('?regionCode=SA-01')).totalDevices).to.equal(0);
    expect((await dashboard('?regionCode=SA-04')).devicesByStatus.intake).to.equal(1);
    expect(await total(`siteId=${riyadh}`)).to.equal(0);
    expect(await total(`siteId=${dammam}&status=intake`)).to.equal(1);
    const regions = await regionFigures();
    expect(regions.find((r) => r.regionCode === 'SA-04')).to.include({ received: 1, inWorkshop: 1 });
    expect(regions.find((r) => r.regionCode === 'SA-01')).to.equal(undefined);
    await expectExact();
  });

  it('when a device is handed over, handovers, families served, kg and CO2e count it at once; a second device to the same family in the programme does not serve them twice', async () => {
    const p = await programme();
    const family = await createBeneficiary(manager, { name: 'أسرة الغامدي' });
    const first = await readyDevice(tech);
    expect((await dashboard()).drivesSanitized, 'its drive was wiped with a tool report').to.equal(1);
    await handOver(first, family.id, p);
    let d = await dashboard();
    expect(d.handovers).to.equal(1);
    expect(d.served).to.include({ family: 1, student: 0 });
    expect(d.devicesByStatus.handed_over).to.equal(1);
    expect(d.monthly.at(-1)?.handovers).to.equal(1);
    expect(d.kgDiverted).to.equal(2); // one laptop, 2.0 kg assumed
    expect(d.co2eKg).to.be.greaterThan(0);
    expect(d.programmes[0]).to.include({ servedFamilies: 1 });
    await expectExact();

    // The family is served again in the same programme (re-verified after the first handover made them served).
    await getSequelize().query("UPDATE beneficiaries SET status = 'verified' WHERE id = :id", {
      replacements: { id: family.id },
    });
    const admin = (await signIn('admin')).token;
    await handOver(await readyDevice(tech), family.id, p, { token: admin, overrideReason: 'a second child at school' });
    d = await dashboard();
    expect(d.handovers).to.equal(2);
    expect(d.served.family, 'a family counts once per programme').to.equal(1);
    expect((await dashboard(`?programmeId=${p}`)).handovers).to.equal(2);
    expect((await dashboard(`?programmeId=${p + 1000}`)).handovers).to.equal(0);
    await expectExact();
  });

  it('when a handed-over device is returned, it is back in intake at once; the handover and the family served stay counted', async () => {
    const p = await programme();
    const family = await createBeneficiary(manager);
    const device = await readyDevice(tech);
    await handOver(device, family.id, p);
    const now = (await api().get(`/api/devices/${device.id}`).set(bearer(tech)).expect(200)).body as DeviceDetailDto;
    await act(tech, now, { action: 'return', reason: 'broken hinge' });
    const d = await dashboard();
    expect(d.devicesByStatus).to.include({ handed_over: 0, intake: 1 });
    expect(d.handovers).to.equal(1);
    expect(d.served.family).to.equal(1);
    expect(d.kgDiverted, 'only placed devices count').to.equal(0);
    await expectExact();
  });

  it('when a reservation is cancelled, the device is counted ready again at once', async () => {
    const p = await programme();
    const family = await createBeneficiary(manager);
    const device = await readyDevice(tech);
    const a = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: family.id, programmeId: p })
      .expect(201);
    expect((await dashboard()).devicesByStatus).to.include({ ready: 0, allocated: 1 });
    await api()
      .post(`/api/allocations/${a.body.id}/cancel`)
      .set(bearer(manager))
      .send({ reason: 'moved away' })
      .expect(200);
    const d = await dashboard();
    expect(d.devicesByStatus).to.include({ ready: 1, allocated: 0 });
    expect(d.handovers).to.equal(0);
    await expectExact();
  });

  it('when a typed-in wipe record is confirmed by its verifier, drives sanitized counts it then and not before', async () => {
    const colleague = await createUser('technician');
    const colleagueToken = (
      await api().post('/api/auth/login').send({ email: colleague.email, password: TEST_PASSWORD }).expect(200)
    ).body.token as string;
    let device = await intake(tech, 2);
    device = await act(tech, device, { action: 'triage', needsRepair: false, disposition: 'reuse' });
    const detail = (await api().get(`/api/devices/${device.id}`).set(bearer(tech)).expect(200)).body as DeviceDetailDto;
    const record = await api()
      .post(`/api/devices/${device.id}/sanitizations`)
      .set(bearer(tech))
      .send({ ...PASSED_WIPE, driveSerial: detail.drives[0].serialNumber, verifierId: colleague.id })
      .expect(201);
    expect((await dashboard()).drivesSanitized, 'awaiting confirmation: not yet').to.equal(0);
    await api().post(`/api/sanitizations/${record.body.id}/confirm`).set(bearer(colleagueToken)).expect(200);
    expect((await dashboard()).drivesSanitized).to.equal(1);
    // A second passed record of the same drive is not a second drive.
    const again = await api()
      .post(`/api/devices/${device.id}/sanitizations`)
      .set(bearer(tech))
      .send({ ...PASSED_WIPE, driveSerial: detail.drives[0].serialNumber, verifierId: colleague.id })
      .expect(201);
    await api().post(`/api/sanitizations/${again.body.id}/confirm`).set(bearer(colleagueToken)).expect(200);
    expect((await dashboard()).drivesSanitized).to.equal(1);
    await expectExact();
  });

  it('when a stage ends, its length is a span the medians read (no event scan)', async () => {
    const device = await intake(tech);
    await act(tech, device, { action: 'triage', needsRepair: true, disposition: 'reuse' });
    const [span] = await getSequelize().query<{ stage: string; seconds: number }>(
      'SELECT stage, seconds FROM figure_stage_spans WHERE device_id = :id',
      { replacements: { id: device.id }, type: QueryTypes.SELECT },
    );
    expect(span.stage).to.equal('intake');
    expect(Number(span.seconds)).to.be.lessThan(60);
    expect((await dashboard()).medianDaysPerStage.intake).to.equal(0);
    await expectExact();
  });

  it('when a filter is not valid, answers 400 naming the field', async () => {
    for (const [query, field] of [
      ['programmeId=abc', 'programmeId'],
      ['regionCode=XX-99', 'regionCode'],
      ['siteId=-1', 'siteId'],
      ['from=yesterday', 'from'],
      ['from=2026-06-01&to=2026-01-01', 'to'],
    ]) {
      const res = await api().get(`/api/reports/dashboard?${query}`).set(bearer(tech)).expect(400);
      expect(res.body.error.code).to.equal('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).to.include(field);
    }
  });

  it('when from and to are given, the months shown are those between them', async () => {
    await intake(tech);
    const month = new Date().toISOString().slice(0, 7);
    const d = await dashboard(`?from=${month}-01&to=${new Date().toISOString()}`);
    expect(d.monthly.map((m) => m.month)).to.deep.equal([month]);
    expect(d.totalDevices).to.equal(1);
    expect((await dashboard('?from=2020-01-01&to=2020-03-31')).totalDevices).to.equal(0);
  });

  it("counts 'in workshop' with the devices module's own list of workshop statuses", () => {
    expect([...IN_WORKSHOP]).to.deep.equal([...WORKSHOP_STATUSES]);
  });
});

describe('npm run reports:rebuild', () => {
  it('when a counter was corrupted, reports the drift (expected against stored), repairs it and exits 0', async function () {
    this.timeout(60_000);
    const tech = (await signIn('technician')).token;
    await intake(tech);
    await intake(tech);
    const month = new Date().toISOString().slice(0, 7);
    await getSequelize().query(
      "UPDATE figure_devices SET n = n + 5 WHERE status = 'intake' AND type = 'laptop' AND intake_month = :month",
      { replacements: { month } },
    );
    expect(
      (await api().get('/api/reports/dashboard').set(bearer(tech)).expect(200)).body.devicesByStatus.intake,
      'the dashboard reads the counters, corrupted or not',
    ).to.equal(7);

    const env = operatorEnv({
      DATABASE_URL: config.db.url,
      DATA_DIR: testDir,
      PII_KEY: config.piiKey,
      LOG_LEVEL: 'warn',
    });
    const run = await runNode(['--import', 'tsx', 'server/cli/reports-rebuild.ts'], env);
    expect(run.code, run.out).to.equal(0);
    expect(run.stdout).to.contain(`drift: figure_devices ["intake",0,"laptop","${month}"]: expected n=2, stored n=7`);
    expect(run.stdout).to.match(/rebuilt: 1 difference\(s\) found and repaired/);

    expect(
      (await api().get('/api/reports/dashboard').set(bearer(tech)).expect(200)).body.devicesByStatus.intake,
    ).to.equal(2);
    expect(await rebuildFigures({ repair: false })).to.deep.equal([]);
    const again = await runNode(['--import', 'tsx', 'server/cli/reports-rebuild.ts'], env);
    expect(again.code, again.out).to.equal(0);
    expect(again.stdout).to.match(/rebuilt: the read model equals a recount/);
  });
});

(config.db.dialect === 'mysql' ? describe : describe.skip)('two server processes on one MariaDB', function () {
  this.timeout(120_000);
  let db: TargetDb;
  let one: ServerProcess;
  let two: ServerProcess;
  let tokenOne: string;
  let tokenTwo: string;
  before(async () => {
    db = await freshTargetDb('figures-two', 'nimah_figures_two');
    const env = { ...db.env, PII_KEY: config.piiKey };
    one = await startServer(env); // migrates the empty database
    two = await startServer(env);
    tokenOne = await signInAdmin(one.base);
    tokenTwo = await signInAdmin(two.base);
  });
  after(async () => {
    if (one) await stop(one);
    if (two) await stop(two);
    if (db) await db.close();
  });

  const figures = async (server: ServerProcess, token: string) => {
    const d = await call<DashboardDto>(server.base, token, 'GET', '/api/reports/dashboard');
    const l = await call<{ total: number }>(server.base, token, 'GET', '/api/devices?status=intake');
    expect(d.status).to.equal(200);
    return { intake: d.body.devicesByStatus.intake, repair: d.body.devicesByStatus.repair, listTotal: l.body.total };
  };

  it('when one server writes, the other reads the new figures at once', async () => {
    const donation = await createServerDonation(one.base, tokenOne);
    const device = await call<DeviceDto>(one.base, tokenOne, 'POST', `/api/donations/${donation.id}/devices`, {
      type: 'laptop',
    });
    expect(device.status).to.equal(201);
    expect(await figures(two, tokenTwo)).to.deep.equal({ intake: 1, repair: 0, listTotal: 1 });

    const triaged = await call(one.base, tokenOne, 'POST', `/api/devices/${device.body.id}/actions`, {
      action: 'triage',
      version: device.body.version,
      needsRepair: true,
      disposition: 'reuse',
    });
    expect(triaged.status, JSON.stringify(triaged.body)).to.equal(200);
    expect(await figures(two, tokenTwo)).to.deep.equal({ intake: 0, repair: 1, listTotal: 0 });

    // And the other way round.
    const second = await call(two.base, tokenTwo, 'POST', `/api/donations/${donation.id}/devices`, { type: 'desktop' });
    expect(second.status).to.equal(201);
    expect(await figures(one, tokenOne)).to.deep.equal({ intake: 1, repair: 1, listTotal: 1 });

    const check = await runNode(
      ['--import', 'tsx', 'server/cli/reports-rebuild.ts', '--check'],
      operatorEnv({ ...db.env, PII_KEY: config.piiKey, LOG_LEVEL: 'warn' }),
    );
    expect(check.code, check.out).to.equal(0);
    expect(check.stdout, 'the figures equal a recount').to.match(/checked: the read model equals a recount/);
  });
});

describe('migration 2026.12.06T00.00.24.build-read-model', () => {
  it('when run on data written before the read model existed, builds figures equal to a recount', async () => {
    const manager = (await signIn('manager')).token;
    const tech = (await signIn('technician')).token;
    const p = (
      await api().post('/api/programmes').set(bearer(manager)).send({ name: 'Phase 1', targetFamilies: 10 }).expect(201)
    ).body.id as number;
    const family = await createBeneficiary(manager);
    const device = await readyDevice(tech);
    const a = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: family.id, programmeId: p })
      .expect(201);
    await api()
      .post(`/api/allocations/${a.body.id}/handover`)
      .set(bearer(manager))
      .send({ receivedBy: 'الأب', signature: SIGNATURE_PNG })
      .expect(200);
    await intake(tech);
    const before = (await api().get('/api/reports/dashboard').set(bearer(tech)).expect(200)).body as DashboardDto;
    // As the tables were when migration 23 had just created them.
    for (const table of [
      'figure_devices',
      'figure_sites',
      'figure_handovers',
      'figure_handover_facts',
      'figure_stage_spans',
    ])
      await getSequelize().query(`DELETE FROM ${table}`);
    expect((await api().get('/api/reports/dashboard').set(bearer(tech)).expect(200)).body.totalDevices).to.equal(0);

    const migration = (await import('../../migrations/2026.12.06T00.00.24.build-read-model.js')) as {
      up: (p: { name: string; context: unknown }) => Promise<void>;
    };
    await migration.up({
      name: '2026.12.06T00.00.24.build-read-model.ts',
      context: getSequelize().getQueryInterface(),
    });

    const after = (await api().get('/api/reports/dashboard').set(bearer(tech)).expect(200)).body as DashboardDto;
    expect(after).to.deep.equal(before);
    expect(after).to.deep.include({ totalDevices: 2, handovers: 1, drivesSanitized: 1 });
    expect(after.served.family).to.equal(1);
    await expectExact();
  });
});
