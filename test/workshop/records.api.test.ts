import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { act, intake, readyDevice } from '../helpers/workshop.js';
import { changeStatus } from '../../server/modules/devices/index.js';
import { Device, DeviceEvent } from '../../server/modules/devices/devices.model.js';
import { withTransaction } from '../../server/db/sequelize.js';
import { getSequelize } from '../../server/db/sequelize.js';

describe('notes, moves, returns and work queues', () => {
  let token: string;
  beforeEach(async () => {
    token = (await signIn('technician')).token;
  });

  it('when a note is added, it becomes a chained event of the device', async () => {
    const d = await intake(token);
    const res = await api()
      .post(`/api/devices/${d.id}/notes`)
      .set(bearer(token))
      .send({ text: 'شاشة مكسورة في الزاوية' })
      .expect(201);
    const last = res.body.events.at(-1);
    expect(last).to.include({ type: 'note', seq: 2 });
    expect(last.payload).to.deep.equal({ text: 'شاشة مكسورة في الزاوية' });
    expect((await Device.findByPk(d.id))!.status).to.equal('intake');
  });

  it('when a device moves to another site, records a moved event with both sites', async () => {
    const admin = await signIn('admin');
    const a = await api().post('/api/sites').set(bearer(admin.token)).send({ code: 'RUH', name: 'الرياض' }).expect(201);
    const b = await api().post('/api/sites').set(bearer(admin.token)).send({ code: 'DMM', name: 'الدمام' }).expect(201);
    const d = await intake(token);
    await api().post(`/api/devices/${d.id}/moves`).set(bearer(token)).send({ siteId: a.body.id }).expect(201);
    const res = await api()
      .post(`/api/devices/${d.id}/moves`)
      .set(bearer(token))
      .send({ siteId: b.body.id, reason: 'closer to the families' })
      .expect(201);
    expect(res.body.siteId).to.equal(b.body.id);
    expect(res.body.events.at(-1)).to.deep.include({
      type: 'moved',
      payload: { fromSiteId: a.body.id, toSiteId: b.body.id, reason: 'closer to the families' },
    });
    const bad = await api().post(`/api/devices/${d.id}/moves`).set(bearer(token)).send({ siteId: 999 }).expect(422);
    expect(bad.body.error.details[0].path).to.equal('siteId');
  });

  it('when a handed-over device is returned, it starts a new cycle in intake and keeps its history', async () => {
    const ready = await readyDevice(token);
    // Allocation and handover come through the allocations module; here the state function is driven directly.
    await withTransaction(async (t) => {
      let device = (await Device.findByPk(ready.id, { transaction: t }))!;
      device = await changeStatus(
        device,
        { action: 'allocate', version: device.version, to: 'allocated', actorId: null, payload: {} },
        t,
      );
      await changeStatus(
        device,
        { action: 'handover', version: device.version, to: 'handed_over', actorId: null, payload: {} },
        t,
      );
    });
    const handed = (await Device.findByPk(ready.id))!;
    const res = await act(
      token,
      { id: handed.id, version: handed.version },
      { action: 'return', reason: 'the family moved abroad' },
    );
    expect(res).to.include({ status: 'intake', grade: null });
    const types = (await DeviceEvent.findAll({ where: { deviceId: ready.id }, order: [['seq', 'ASC']] })).map(
      (e) => e.type,
    );
    expect(types.slice(0, 2)).to.deep.equal(['intake', 'triage']);
    expect(types.slice(-3)).to.deep.equal(['allocate', 'handover', 'return']);
    expect(res.allowedActions).to.deep.equal(['triage']);
  });

  it('GET /api/work-queues gives the count and the oldest devices of each workshop status', async () => {
    const a = await intake(token);
    const b = await intake(token);
    await act(token, b, { action: 'triage', needsRepair: true, disposition: 'reuse' });
    await getSequelize().query('UPDATE devices SET status_changed_at = :t WHERE id = :id', {
      replacements: { t: new Date(Date.now() - 3 * 86_400_000), id: a.id },
    });
    const res = await api().get('/api/work-queues?limit=1').set(bearer(token)).expect(200);
    const byStatus = Object.fromEntries(
      (res.body.queues as { status: string; count: number; oldest: { id: number; ageDays: number }[] }[]).map((q) => [
        q.status,
        q,
      ]),
    );
    expect(Object.keys(byStatus)).to.deep.equal(['intake', 'repair', 'wipe', 'refurbish', 'disposal']);
    expect(byStatus.intake.count).to.equal(1);
    expect(byStatus.intake.oldest[0]).to.include({ id: a.id, ageDays: 3 });
    expect(byStatus.repair.count).to.equal(1);
    expect(byStatus.wipe.count).to.equal(0);
  });
});
