import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { act, intake, QA_PASS, wipeAllDrives } from '../helpers/workshop.js';
import { Device, DeviceEvent } from '../../server/modules/devices/devices.model.js';
import { Disposal, Part, VerificationSample } from '../../server/modules/workshop/workshop.model.js';
import { verifyChains } from '../../server/modules/devices/index.js';

const eventsOf = (deviceId: number) => DeviceEvent.findAll({ where: { deviceId }, order: [['seq', 'ASC']] });

describe('POST /api/devices/:id/actions', () => {
  let token: string;
  beforeEach(async () => {
    token = (await signIn('technician')).token;
  });

  it('when triage says it needs repair, moves intake → repair, bumps the version and writes one chained event', async () => {
    const d = await intake(token);
    const res = await act(token, d, { action: 'triage', needsRepair: true, disposition: 'reuse', findings: 'no RAM' });
    expect(res).to.include({ status: 'repair', version: 1, disposition: 'reuse' });
    expect(res.allowedActions).to.deep.equal(['repair']);
    const events = await eventsOf(d.id);
    expect(events.map((e) => e.type)).to.deep.equal(['intake', 'triage']);
    expect(events[1]).to.include({ fromStatus: 'intake', toStatus: 'repair', seq: 2, prevHash: events[0].hash });
    expect(JSON.parse(events[1].payload)).to.deep.equal({
      needsRepair: true,
      disposition: 'reuse',
      findings: 'no RAM',
    });
  });

  it('when triage sends a device to recycling, it still goes through the wipe first', async () => {
    const d = await intake(token);
    expect(await act(token, d, { action: 'triage', needsRepair: false, disposition: 'recycle' })).to.include({
      status: 'wipe',
      disposition: 'recycle',
    });
  });

  it('when the action is not allowed in the status, returns 409 INVALID_TRANSITION listing the allowed actions, and writes nothing', async () => {
    const d = await intake(token);
    const res = await api()
      .post(`/api/devices/${d.id}/actions`)
      .set(bearer(token))
      .send({ action: 'refurbish', version: 0, qa: QA_PASS, os: 'x', licence: 'none', grade: 'A' })
      .expect(409);
    expect(res.body.error.code).to.equal('INVALID_TRANSITION');
    expect(res.body.error.details).to.deep.include({ status: 'intake', action: 'refurbish', allowed: ['triage'] });
    expect(await DeviceEvent.count({ where: { deviceId: d.id } })).to.equal(1);
  });

  it('when the version is old, returns 409 STALE_VERSION', async () => {
    const d = await intake(token);
    const res = await api()
      .post(`/api/devices/${d.id}/actions`)
      .set(bearer(token))
      .send({ action: 'triage', version: 5, needsRepair: true })
      .expect(409);
    expect(res.body.error.code).to.equal('STALE_VERSION');
  });

  it('when two identical actions race with the same version, exactly one succeeds and one event is written', async () => {
    const d = await intake(token);
    const send = () =>
      api()
        .post(`/api/devices/${d.id}/actions`)
        .set(bearer(token))
        .send({ action: 'triage', version: 0, needsRepair: true, disposition: 'reuse' });
    const results = await Promise.all([send(), send(), send(), send()]);
    const codes = results.map((r) => r.status).sort();
    expect(codes).to.deep.equal([200, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body.error.code).to.be.oneOf(['STALE_VERSION', 'INVALID_TRANSITION']);
    expect((await eventsOf(d.id)).map((e) => e.type)).to.deep.equal(['intake', 'triage']);
    expect((await Device.findByPk(d.id))!.version).to.equal(1);
  });

  it('when the payload is bad, returns 400 with one detail per field', async () => {
    const d = await intake(token);
    const res = await api()
      .post(`/api/devices/${d.id}/actions`)
      .set(bearer(token))
      .send({ action: 'triage', version: 0, needsRepair: 'maybe', disposition: 'sell' })
      .expect(400);
    expect((res.body.error.details as { path: string }[]).map((x) => x.path).sort()).to.deep.equal([
      'disposition',
      'needsRepair',
    ]);
  });

  it('when the action is allocate, says it belongs to the allocations API', async () => {
    const d = await intake(token);
    const res = await api()
      .post(`/api/devices/${d.id}/actions`)
      .set(bearer(token))
      .send({ action: 'allocate', version: 0 })
      .expect(400);
    expect(res.body.error.details[0].message).to.contain('/api/allocations');
  });

  describe('complete_wipe', () => {
    it('when a drive has no passed record, returns 422 WIPE_INCOMPLETE listing each such drive', async () => {
      let d = await intake(token, 2);
      d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'reuse' });
      const res = await api()
        .post(`/api/devices/${d.id}/actions`)
        .set(bearer(token))
        .send({ action: 'complete_wipe', version: d.version })
        .expect(422);
      expect(res.body.error.code).to.equal('WIPE_INCOMPLETE');
      expect(res.body.error.details).to.have.length(2);
      expect(res.body.error.details[0]).to.have.keys('driveId', 'serialNumber', 'message');
      expect((await Device.findByPk(d.id))!.status).to.equal('wipe');
    });

    it('when a drive has only a failed run, the wipe is still incomplete', async () => {
      let d = await intake(token, 1);
      d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'reuse' });
      const detail = await api().get(`/api/devices/${d.id}`).set(bearer(token));
      await api()
        .post(`/api/devices/${d.id}/sanitizations`)
        .set(bearer(token))
        .send({
          driveSerial: detail.body.drives[0].serialNumber,
          method: 'clear',
          technique: 'overwrite',
          tool: 'nwipe 0.37',
          verification: 'last_pass',
          result: 'failed',
          verifierId: (await signIn('manager')).user.id,
        })
        .expect(201);
      await api()
        .post(`/api/devices/${d.id}/actions`)
        .set(bearer(token))
        .send({ action: 'complete_wipe', version: d.version })
        .expect(422);
    });

    it('when every drive passed, moves a reuse device to refurbish', async () => {
      let d = await intake(token, 2);
      d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'reuse' });
      await wipeAllDrives(token, d.id);
      expect(await act(token, d, { action: 'complete_wipe' })).to.include({ status: 'refurbish' });
    });

    it('when the device has no drives, needs noStorage: true', async () => {
      let d = await intake(token, 0);
      d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'parts' });
      const res = await api()
        .post(`/api/devices/${d.id}/actions`)
        .set(bearer(token))
        .send({ action: 'complete_wipe', version: d.version })
        .expect(422);
      expect(res.body.error.details[0].path).to.equal('noStorage');
      expect(await act(token, d, { action: 'complete_wipe', noStorage: true })).to.include({ status: 'disposal' });
    });

    it('when the sampling share is 100 %, flags the device for an independent check that its operator may not do', async () => {
      const admin = await signIn('admin');
      await api().patch('/api/settings').set(bearer(admin.token)).send({ verificationSamplePercent: 100 }).expect(200);
      let d = await intake(token);
      d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'reuse' });
      await wipeAllDrives(token, d.id);
      await act(token, d, { action: 'complete_wipe' });
      const pending = await api().get('/api/verification-samples').set(bearer(token)).expect(200);
      expect(pending.body.items).to.have.length(1);
      const sampleId = pending.body.items[0].id;
      const own = await api()
        .post(`/api/verification-samples/${sampleId}/verify`)
        .set(bearer(token))
        .send({ result: 'passed' })
        .expect(422);
      expect(own.body.error.code).to.equal('VERIFIER_IS_OPERATOR');
      const other = await signIn('technician');
      const ok = await api()
        .post(`/api/verification-samples/${sampleId}/verify`)
        .set(bearer(other.token))
        .send({ result: 'passed' })
        .expect(200);
      expect(ok.body).to.include({ status: 'passed', verifierId: other.user.id });
      expect((await VerificationSample.findByPk(sampleId))!.status).to.equal('passed');
    });

    it('when the sampling share is 0 %, flags nothing', async () => {
      const admin = await signIn('admin');
      await api().patch('/api/settings').set(bearer(admin.token)).send({ verificationSamplePercent: 0 }).expect(200);
      let d = await intake(token);
      d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'reuse' });
      await wipeAllDrives(token, d.id);
      await act(token, d, { action: 'complete_wipe' });
      expect(await VerificationSample.count()).to.equal(0);
    });
  });

  describe('refurbish', () => {
    async function atRefurbish() {
      let d = await intake(token);
      d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'reuse' });
      await wipeAllDrives(token, d.id);
      return act(token, d, { action: 'complete_wipe' });
    }

    it('when QA passes, makes the device ready with OS, licence, grade and R2 codes', async () => {
      const d = await atRefurbish();
      const res = await act(token, d, {
        action: 'refurbish',
        os: 'Windows 11 Pro',
        licence: 'oem_coa',
        windows11Eligible: true,
        grade: 'b',
        r2Function: 'F5',
        r2Cosmetic: 'C2',
        qa: QA_PASS,
      });
      expect(res).to.include({
        status: 'ready',
        grade: 'B',
        os: 'Windows 11 Pro',
        licence: 'oem_coa',
        windows11Eligible: true,
        r2Function: 'F5',
        r2Cosmetic: 'C2',
      });
    });

    it('when any QA item fails, sends the device back to repair with the failed items in the event', async () => {
      const d = await atRefurbish();
      const res = await act(token, d, { action: 'refurbish', qa: { ...QA_PASS, battery: 'fail', wifi: 'fail' } });
      expect(res).to.include({ status: 'repair', grade: null });
      const last = (await eventsOf(d.id)).at(-1)!;
      expect(JSON.parse(last.payload).failedItems).to.deep.equal(['battery', 'wifi']);
    });

    it('when QA passes but the grade is missing, returns 400 naming grade', async () => {
      const d = await atRefurbish();
      const res = await api()
        .post(`/api/devices/${d.id}/actions`)
        .set(bearer(token))
        .send({ action: 'refurbish', version: d.version, os: 'Ubuntu 24.04', licence: 'open_source', qa: QA_PASS })
        .expect(400);
      expect(res.body.error.details).to.deep.equal([
        { path: 'grade', message: 'grade is required when every QA item passes', type: 'qa.requiredWhenPassed' },
      ]);
    });

    it('when a QA item is missing, returns 400 naming it', async () => {
      const d = await atRefurbish();
      const { audio: _audio, ...partial } = QA_PASS;
      const res = await api()
        .post(`/api/devices/${d.id}/actions`)
        .set(bearer(token))
        .send({ action: 'refurbish', version: d.version, os: 'x', licence: 'none', grade: 'A', qa: partial })
        .expect(400);
      expect(res.body.error.details[0].path).to.equal('qa.audio');
    });
  });

  describe('repair, disposal and return', () => {
    async function atDisposal(disposition: 'recycle' | 'parts') {
      let d = await intake(token, 0);
      d = await act(token, d, { action: 'triage', needsRepair: false, disposition });
      return act(token, d, { action: 'complete_wipe', noStorage: true });
    }

    it('when recycled, stores the recycler, weight and certificate as a disposal record', async () => {
      const d = await atDisposal('recycle');
      const res = await act(token, d, {
        action: 'recycle',
        recycler: 'Saudi E-Waste Co.',
        weightKg: 2.1,
        certificateRef: 'REC-2026-17',
      });
      expect(res.status).to.equal('recycled');
      const disposal = await Disposal.findOne({ where: { deviceId: d.id } });
      expect(disposal).to.deep.include({
        kind: 'recycle',
        recycler: 'Saudi E-Waste Co.',
        weightKg: 2.1,
        certificateRef: 'REC-2026-17',
      });
    });

    it('when harvested, its parts join the inventory and a repair can draw one, which is then used', async () => {
      const d = await atDisposal('parts');
      await act(token, d, {
        action: 'harvest',
        parts: [
          { type: 'ram', serialNumber: 'RAM-8G-1' },
          { type: 'battery', serialNumber: '' },
        ],
      });
      const inventory = await api().get('/api/parts?status=available').set(bearer(token)).expect(200);
      expect(inventory.body.total).to.equal(2);
      const ram = (inventory.body.items as { id: number; type: string }[]).find((p) => p.type === 'ram')!;

      let r = await intake(token);
      r = await act(token, r, { action: 'triage', needsRepair: true, disposition: 'reuse' });
      r = await act(token, r, {
        action: 'repair',
        workDone: 'added 8 GB RAM',
        partsUsed: [{ type: 'ram', partId: ram.id }],
        fixed: true,
      });
      expect(r.status).to.equal('wipe');
      expect(await Part.findByPk(ram.id)).to.deep.include({ status: 'used', usedInDeviceId: r.id });

      let again = await intake(token);
      again = await act(token, again, { action: 'triage', needsRepair: true, disposition: 'reuse' });
      const res = await api()
        .post(`/api/devices/${again.id}/actions`)
        .set(bearer(token))
        .send({ action: 'repair', version: again.version, workDone: 'x', partsUsed: [{ type: 'ram', partId: ram.id }] })
        .expect(422);
      expect(res.body.error.details[0].path).to.equal('partsUsed.0.partId');
    });

    it('when recycle is tried outside disposal, returns 409', async () => {
      const d = await intake(token);
      await api()
        .post(`/api/devices/${d.id}/actions`)
        .set(bearer(token))
        .send({ action: 'recycle', version: 0, recycler: 'x', weightKg: 1, certificateRef: 'y' })
        .expect(409);
    });

    it('when repair cannot fix it, the device continues to the wipe bound for parts', async () => {
      let d = await intake(token);
      d = await act(token, d, { action: 'triage', needsRepair: true, disposition: 'reuse' });
      expect(await act(token, d, { action: 'repair', workDone: 'motherboard dead', fixed: false })).to.include({
        status: 'wipe',
        disposition: 'parts',
      });
    });
  });

  it('keeps every device chain valid after a full cycle', async () => {
    let d = await intake(token);
    d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'reuse' });
    await wipeAllDrives(token, d.id);
    d = await act(token, d, { action: 'complete_wipe' });
    await act(token, d, { action: 'refurbish', os: 'Windows 11 Pro', licence: 'oem_coa', grade: 'A', qa: QA_PASS });
    const report = await verifyChains();
    expect(report.ok).to.equal(true);
    expect(report.eventsChecked).to.equal(5); // intake, triage, sanitization, complete_wipe, refurbish
  });
});
