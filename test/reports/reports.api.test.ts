import { expect } from 'chai';
import { parse as parseCsv } from 'csv-parse/sync';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createBeneficiary, SIGNATURE_PNG } from '../helpers/beneficiaries.js';
import { act, intake, readyDevice } from '../helpers/workshop.js';
import { getSequelize } from '../../server/db/sequelize.js';
import { rebuildFigures } from '../../server/modules/figures/index.js';

const DAY_MS = 86_400_000;

describe('reports', () => {
  let manager: string;
  let tech: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    tech = (await signIn('technician')).token;
  });

  async function handOver(programmeId: number, name: string): Promise<void> {
    const device = await readyDevice(tech);
    const b = await createBeneficiary(manager, { name });
    const a = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: b.id, programmeId })
      .expect(201);
    await api()
      .post(`/api/allocations/${a.body.id}/handover`)
      .set(bearer(manager))
      .send({ receivedBy: name, signature: SIGNATURE_PNG })
      .expect(200);
  }

  it('GET /api/reports/dashboard gives counts by status, 12 months of intake and handovers, stage medians, yield and programme progress', async () => {
    const programme = await api()
      .post('/api/programmes')
      .set(bearer(manager))
      .send({ name: 'Phase 1', targetFamilies: 2000 })
      .expect(201);
    await handOver(programme.body.id, 'أسرة الدوسري');
    const old = await intake(tech);
    const waiting = await intake(tech);
    await act(tech, waiting, { action: 'triage', needsRepair: true, disposition: 'reuse' });
    const sequelize = getSequelize();
    // One device arrived two months ago; the other spent four days in intake before triage.
    await sequelize.query('UPDATE devices SET created_at = :t WHERE id = :id', {
      replacements: { t: new Date(Date.now() - 62 * DAY_MS), id: old.id },
    });
    await sequelize.query("UPDATE device_events SET created_at = :t WHERE device_id = :id AND type = 'intake'", {
      replacements: { t: new Date(Date.now() - 4 * DAY_MS), id: waiting.id },
    });
    // History rewritten behind the application's back: the read model learns of it from the rebuild.
    expect(await rebuildFigures()).not.to.be.empty;

    const res = await api().get('/api/reports/dashboard').set(bearer(tech)).expect(200);
    expect(res.body.devicesByStatus).to.include({ intake: 1, repair: 1, handed_over: 1, ready: 0 });
    expect(res.body.totalDevices).to.equal(3);
    expect(res.body.monthly).to.have.length(12);
    const thisMonth = res.body.monthly.at(-1);
    expect(thisMonth).to.deep.include({ month: new Date().toISOString().slice(0, 7), handovers: 1 });
    expect(res.body.monthly.reduce((n: number, m: { intake: number }) => n + m.intake, 0)).to.equal(3);
    expect(res.body.medianDaysPerStage.intake).to.be.closeTo(2, 0.05); // 4 days and ~0 days: the median of two spans
    expect(res.body.yield).to.deep.equal({ placed: 1, received: 3, ratio: 0.333 });
    expect(res.body.programmes[0]).to.include({ name: 'Phase 1', servedFamilies: 1, targetFamilies: 2000 });
  });

  it('GET /api/reports/devices.csv streams every device with status, grade, donor and dates, and no beneficiary data', async () => {
    const programme = await api()
      .post('/api/programmes')
      .set(bearer(manager))
      .send({ name: 'Phase 1', targetFamilies: 2000 })
      .expect(201);
    await handOver(programme.body.id, 'أسرة القحطاني');
    await intake(tech);
    const res = await api()
      .get('/api/reports/devices.csv')
      .set(bearer(tech))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).to.match(/^text\/csv/);
    const text = (res.body as Buffer).toString('utf8');
    expect(text).not.to.contain('أسرة القحطاني');
    const rows = parseCsv<Record<string, string>>(text, { bom: true, columns: true });
    expect(rows).to.have.length(2);
    expect(Object.keys(rows[0])).to.deep.equal([
      'assetTag',
      'type',
      'manufacturer',
      'model',
      'serialNumber',
      'imei',
      'status',
      'grade',
      'disposition',
      'donationCode',
      'donorName',
      'receivedAt',
      'statusChangedAt',
    ]);
    const placed = rows.find((r) => r.status === 'handed_over')!;
    expect(placed).to.include({ grade: 'B', donorName: 'شركة الخليج للتقنية' });
    expect(placed.assetTag).to.match(/^NM\d{6}$/);
  });
});
