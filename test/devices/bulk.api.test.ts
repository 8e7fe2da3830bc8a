// Bulk actions on the device list (issue 20 point 6): a selection by the list's filters, and move / triage for many
// devices, each through its single action's code path in its own transaction (its event, figures and webhooks);
// a device changed meanwhile is reported in `conflicts` and left as it was, one the action does not apply to is
// `refused` with the reason. Labels and CSV for a selection of ids.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../server/db/sequelize.js';
import { sqlTime } from '../../server/lib/sql.js';
import { rebuildFigures } from '../../server/modules/figures/index.js';
import { createEndpoint } from '../../server/modules/webhooks/webhooks.service.js';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { act, intake } from '../helpers/workshop.js';
import type { DashboardDto, DeviceDto } from '../../server/shared/index.js';

interface Row {
  id: number;
  tag: string;
  status: string;
  version: number;
}
interface BulkAnswer {
  transaction: string;
  done: Row[];
  conflicts: Row[];
  refused: (Row & { reason: string })[];
}

const count = async (sql: string, replacements: unknown[] = []): Promise<number> => {
  const [row] = await getSequelize().query<{ n: number | string }>(sql, { replacements, type: QueryTypes.SELECT });
  return Number(row.n);
};
const eventsOf = (ids: number[], type: string) =>
  count(`SELECT COUNT(*) AS n FROM device_events WHERE type = ? AND device_id IN (${ids.map(() => '?').join(',')})`, [
    type,
    ...ids,
  ]);
const sel = (devices: DeviceDto[]) => devices.map((d) => ({ id: d.id, version: d.version }));

describe('bulk actions on the device list', () => {
  let tech: string;
  let manager: string;
  let viewer: string;
  let siteA: number;
  let siteB: number;
  let devices: DeviceDto[];

  beforeEach(async () => {
    tech = (await signIn('technician')).token;
    manager = (await signIn('manager')).token;
    viewer = (await signIn('viewer')).token;
    const admin = (await signIn('admin')).token;
    siteA = (await api().post('/api/sites').set(bearer(admin)).send({ code: 'RUH', name: 'الرياض' }).expect(201)).body
      .id as number;
    siteB = (await api().post('/api/sites').set(bearer(admin)).send({ code: 'JED', name: 'جدة' }).expect(201)).body
      .id as number;
    const donation = (await createDonation()).id;
    devices = [];
    for (let i = 0; i < 4; i += 1) devices.push(await intake(tech, 1, donation));
  });

  const dashboard = async (query = ''): Promise<DashboardDto> =>
    (await api().get(`/api/reports/dashboard${query}`).set(bearer(manager)).expect(200)).body as DashboardDto;

  it('when many devices move to a site, each gets its own moved event and the figures follow every one of them', async () => {
    const before = await dashboard(`?siteId=${siteB}`);
    expect(before.totalDevices).to.equal(0);
    const res = await api()
      .post('/api/devices/bulk/moves')
      .set(bearer(tech))
      .send({ devices: sel(devices.slice(0, 3)), siteId: siteB, reason: 'أقرب إلى الأسر' })
      .expect(200);
    const body = res.body as BulkAnswer;
    expect(body.transaction).to.equal('per_device');
    expect(body.done.map((d) => d.id)).to.deep.equal(devices.slice(0, 3).map((d) => d.id));
    expect(body.done[0]).to.include({ tag: devices[0].assetTag, status: 'intake', version: devices[0].version + 1 });
    expect(body.conflicts).to.deep.equal([]);
    expect(body.refused).to.deep.equal([]);
    expect(
      await eventsOf(
        devices.map((d) => d.id),
        'moved',
      ),
    ).to.equal(3);
    const last = await api().get(`/api/devices/${devices[1].id}`).set(bearer(tech)).expect(200);
    expect(last.body.siteId).to.equal(siteB);
    expect(last.body.events.at(-1)).to.deep.include({
      type: 'moved',
      payload: { fromSiteId: null, toSiteId: siteB, reason: 'أقرب إلى الأسر' },
    });
    const after = await dashboard(`?siteId=${siteB}`);
    expect(after.totalDevices).to.equal(3);
    expect(after.devicesByStatus.intake).to.equal(3);
    expect((await dashboard()).totalDevices).to.equal(4);
    expect(await rebuildFigures({ repair: false }), 'the read model equals a recount').to.deep.equal([]);
  });

  it('when a device changed between selection and action, it is reported in conflicts and left as it was; the others are done', async () => {
    const selection = sel(devices.slice(0, 3));
    // Meanwhile, another technician triages the second device (its version moves on).
    await act(tech, devices[1], { action: 'triage', needsRepair: false, disposition: 'reuse' });
    const res = await api()
      .post('/api/devices/bulk/moves')
      .set(bearer(tech))
      .send({ devices: selection, siteId: siteA })
      .expect(200);
    const body = res.body as BulkAnswer;
    expect(body.done.map((d) => d.id)).to.deep.equal([devices[0].id, devices[2].id]);
    expect(body.conflicts).to.deep.equal([
      { id: devices[1].id, tag: devices[1].assetTag, status: 'wipe', version: devices[1].version + 1 },
    ]);
    const untouched = await api().get(`/api/devices/${devices[1].id}`).set(bearer(tech)).expect(200);
    expect(untouched.body.siteId).to.equal(null);
    expect(await eventsOf([devices[1].id], 'moved')).to.equal(0);

    // A device moved meanwhile changed too (a move moves the version on): the bulk triage leaves it alone.
    const moved = await api()
      .post('/api/devices/bulk/triage')
      .set(bearer(tech))
      .send({ devices: sel([devices[0], devices[3]]), needsRepair: true, findings: 'RAM missing' })
      .expect(200);
    expect((moved.body as BulkAnswer).conflicts.map((c) => c.id)).to.deep.equal([devices[0].id]);
    expect((moved.body as BulkAnswer).done.map((c) => c.id)).to.deep.equal([devices[3].id]);
  });

  it('when devices are triaged with one finding, each gets its own triage event, status change and webhook message', async () => {
    const admin = await signIn('admin');
    await createEndpoint(
      { url: 'http://127.0.0.1:9/hook', events: ['device.status_changed'] as never, secret: 'x'.repeat(32) },
      admin.user,
      { allowPrivate: true },
    );
    const before = await dashboard();
    expect(before.devicesByStatus.intake).to.equal(4);
    // The third is not in intake any more (triaged before, with its version known to the client): refused.
    const third = await act(tech, devices[2], { action: 'triage', needsRepair: false, disposition: 'reuse' });
    const res = await api()
      .post('/api/devices/bulk/triage')
      .set(bearer(tech))
      .send({
        devices: [
          ...sel([devices[0], devices[1]]),
          { id: third.id, version: third.version },
          { id: 999999, version: 0 },
        ],
        needsRepair: true,
        disposition: 'reuse',
        findings: 'شاشة مكسورة',
      })
      .expect(200);
    const body = res.body as BulkAnswer;
    expect(body.done.map((d) => [d.id, d.status])).to.deep.equal([
      [devices[0].id, 'repair'],
      [devices[1].id, 'repair'],
    ]);
    expect(body.refused.map((r) => [r.id, r.tag, r.status, r.reason])).to.deep.equal([
      [third.id, third.assetTag, 'wipe', 'INVALID_TRANSITION'],
      [999999, null, null, 'NOT_FOUND'],
    ]);
    expect(
      await eventsOf(
        devices.map((d) => d.id),
        'triage',
      ),
    ).to.equal(3);
    const detail = await api().get(`/api/devices/${devices[0].id}`).set(bearer(tech)).expect(200);
    expect(detail.body.events.at(-1).payload).to.deep.equal({
      needsRepair: true,
      disposition: 'reuse',
      findings: 'شاشة مكسورة',
    });
    const webhooks = await count(
      "SELECT COUNT(*) AS n FROM outbox_messages WHERE channel = 'webhook' AND topic = 'device.status_changed'",
    );
    expect(webhooks).to.equal(3);
    const after = await dashboard();
    expect(after.devicesByStatus.intake).to.equal(1);
    expect(after.devicesByStatus.repair).to.equal(2);
    expect(after.devicesByStatus.wipe).to.equal(1);
    expect(await rebuildFigures({ repair: false })).to.deep.equal([]);
  });

  it('when a device is already at the site, it is refused with the reason; an unknown site is a 422 naming siteId', async () => {
    const [first] = (
      await api()
        .post('/api/devices/bulk/moves')
        .set(bearer(tech))
        .send({ devices: sel([devices[0]]), siteId: siteA })
        .expect(200)
    ).body.done as Row[];
    const res = await api()
      .post('/api/devices/bulk/moves')
      .set(bearer(tech))
      .send({ devices: [{ id: first.id, version: first.version }, ...sel([devices[1]])], siteId: siteA })
      .expect(200);
    expect((res.body as BulkAnswer).refused.map((r) => [r.id, r.reason])).to.deep.equal([[first.id, 'ALREADY_THERE']]);
    expect((res.body as BulkAnswer).done.map((r) => r.id)).to.deep.equal([devices[1].id]);
    const bad = await api()
      .post('/api/devices/bulk/moves')
      .set(bearer(tech))
      .send({ devices: sel([devices[2]]), siteId: 99999 })
      .expect(422);
    expect(bad.body.error.details[0].path).to.equal('siteId');
  });

  it('when the input is wrong, answers 400 naming the field', async () => {
    const paths = async (url: string, body: object): Promise<string[]> => {
      const res = await api().post(url).set(bearer(tech)).send(body).expect(400);
      return (res.body.error.details as { path: string }[]).map((d) => d.path);
    };
    expect(await paths('/api/devices/bulk/moves', { devices: [], siteId: siteA })).to.deep.equal(['devices']);
    expect(await paths('/api/devices/bulk/moves', { devices: sel([devices[0]]) })).to.deep.equal(['siteId']);
    expect(await paths('/api/devices/bulk/moves', { devices: [{ id: devices[0].id }], siteId: siteA })).to.deep.equal([
      'devices.0.version',
    ]);
    expect(
      await paths('/api/devices/bulk/moves', { devices: [...sel([devices[0]]), ...sel([devices[0]])], siteId: siteA }),
    ).to.deep.equal(['devices.1']);
    const many = Array.from({ length: 501 }, (_, i) => ({ id: i + 1, version: 0 }));
    expect(await paths('/api/devices/bulk/moves', { devices: many, siteId: siteA })).to.deep.equal(['devices']);
    expect(await paths('/api/devices/bulk/triage', { devices: sel([devices[0]]) })).to.deep.equal(['needsRepair']);
    expect(
      await paths('/api/devices/bulk/triage', { devices: sel([devices[0]]), needsRepair: false, disposition: 'sell' }),
    ).to.deep.equal(['disposition']);
    expect(await eventsOf([devices[0].id], 'moved')).to.equal(0);
  });

  it('when a viewer tries a bulk action, answers 403 and changes nothing; a viewer may still read a selection', async () => {
    await api()
      .post('/api/devices/bulk/moves')
      .set(bearer(viewer))
      .send({ devices: sel(devices), siteId: siteA })
      .expect(403);
    await api()
      .post('/api/devices/bulk/triage')
      .set(bearer(viewer))
      .send({ devices: sel(devices), needsRepair: false })
      .expect(403);
    expect(
      await eventsOf(
        devices.map((d) => d.id),
        'moved',
      ),
    ).to.equal(0);
    await api().get('/api/devices/selection').set(bearer(viewer)).expect(200);
  });

  it('when all devices matching a filter are selected, answers their ids and versions, and 422 beyond the cap', async () => {
    await api()
      .post('/api/devices/bulk/moves')
      .set(bearer(tech))
      .send({ devices: sel(devices.slice(1, 3)), siteId: siteB })
      .expect(200);
    const triaged = await act(tech, devices[0], { action: 'triage', needsRepair: false, disposition: 'reuse' });
    const all = await api().get('/api/devices/selection').set(bearer(viewer)).expect(200);
    expect(all.body.total).to.equal(4);
    const bySite = await api().get(`/api/devices/selection?siteId=${siteB}`).set(bearer(viewer)).expect(200);
    expect(bySite.body).to.deep.equal({
      total: 2,
      items: [
        { id: devices[2].id, version: devices[2].version + 1 },
        { id: devices[1].id, version: devices[1].version + 1 },
      ],
    });
    const wipe = await api().get('/api/devices/selection?status=wipe').set(bearer(viewer)).expect(200);
    expect(wipe.body.items).to.deep.equal([{ id: triaged.id, version: triaged.version }]);
    const text = await api()
      .get(`/api/devices/selection?q=${devices[3].assetTag}&status=intake`)
      .set(bearer(viewer))
      .expect(200);
    expect(text.body.items.map((i: Row) => i.id)).to.deep.equal([devices[3].id]);
    const bad = await api().get('/api/devices/selection?status=lost').set(bearer(viewer)).expect(400);
    expect(bad.body.error.details[0].path).to.equal('status');

    // Past the cap: 4,998 more devices in intake (inserted straight, then the read model rebuilt from the tables).
    const tag = getSequelize().getDialect() === 'sqlite' ? "'BULK' || n" : "CONCAT('BULK', n)";
    const now = new Date();
    await getSequelize().query(
      `INSERT INTO devices (donation_id, asset_tag, type, status, version, last_event_seq, status_changed_at, created_at, updated_at)
       SELECT ?, ${tag}, 'laptop', 'intake', 0, 0, ?, ?, ? FROM (${numbers()}) t WHERE n BETWEEN 1 AND 4998`,
      { replacements: [devices[0].donationId, sqlTime(now), sqlTime(now), sqlTime(now)] },
    );
    await rebuildFigures({ repair: true });
    const over = await api().get('/api/devices/selection?status=intake').set(bearer(viewer)).expect(422);
    expect(over.body.error.code).to.equal('SELECTION_TOO_LARGE');
    expect(over.body.error.details).to.deep.equal({ limit: 5000, total: 5001 });
  });

  it('when labels and a CSV are asked for a selection of ids, they hold those devices only', async () => {
    const ids = [devices[0].id, devices[2].id];
    const csv = await api()
      .get(`/api/reports/devices.csv?ids=${ids.join(',')}`)
      .set(bearer(viewer))
      .expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).to.have.length(3);
    expect(lines.slice(1).map((l) => l.split(',')[0])).to.deep.equal([devices[0].assetTag, devices[2].assetTag]);
    const bad = await api().get('/api/reports/devices.csv?ids=1,x').set(bearer(viewer)).expect(400);
    expect(bad.body.error.details[0].path).to.equal('ids');
    const tooMany = Array.from({ length: 1001 }, (_, i) => i + 1).join(',');
    await api().get(`/api/reports/devices.csv?ids=${tooMany}`).set(bearer(viewer)).expect(400);

    const pdf = await api()
      .post('/api/labels/print')
      .set(bearer(tech))
      .send({ deviceIds: ids, format: 'a4' })
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const dir = mkdtempSync(join(tmpdir(), 'bulk-labels-'));
    writeFileSync(join(dir, 'labels.pdf'), pdf.body as Buffer);
    // A label prints the tag grouped (NM-000003) between direction marks: compare letters and digits only.
    const text = execFileSync('pdftotext', [join(dir, 'labels.pdf'), '-'])
      .toString()
      .replace(/[^A-Za-z0-9\n]/g, '');
    expect(text).to.contain(devices[0].assetTag).and.to.contain(devices[2].assetTag);
    expect(text).not.to.contain(devices[1].assetTag);
    expect(await eventsOf(ids, 'label_printed')).to.equal(2);
  });
});

/** A derived table of the numbers 0..9999 (SQLite and MariaDB alike): many rows in one statement. */
function numbers(): string {
  const digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `SELECT ${d} AS d`).join(' UNION ALL ');
  return `SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d AS n
    FROM (${digits}) a CROSS JOIN (${digits}) b CROSS JOIN (${digits}) c CROSS JOIN (${digits}) e`;
}
