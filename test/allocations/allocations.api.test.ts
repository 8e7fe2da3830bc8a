import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createBeneficiary, SIGNATURE_PNG } from '../helpers/beneficiaries.js';
import { act, intake, readyDevice } from '../helpers/workshop.js';
import { Allocation } from '../../server/modules/allocations/allocations.model.js';
import { Beneficiary } from '../../server/modules/beneficiaries/beneficiaries.model.js';
import { verifyChains } from '../../server/modules/devices/index.js';
import { Device, DeviceEvent } from '../../server/modules/devices/devices.model.js';
import { Sanitization } from '../../server/modules/sanitization/sanitization.model.js';
import { readStoredFile } from '../../server/lib/file-store.js';

describe('allocations and handover', () => {
  let manager: string;
  let tech: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    tech = (await signIn('technician')).token;
  });

  async function programme(): Promise<number> {
    const res = await api()
      .post('/api/programmes')
      .set(bearer(manager))
      .send({ name: 'المرحلة الأولى', targetFamilies: 2000, startsOn: '2026-01-01', endsOn: '2027-12-31' })
      .expect(201);
    return res.body.id;
  }

  it('when the device is ready and the beneficiary verified, reserves it: device allocated, beneficiary allocated, event written', async () => {
    const device = await readyDevice(tech);
    const b = await createBeneficiary(manager);
    const programmeId = await programme();
    const res = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: b.id, programmeId })
      .expect(201);
    expect(res.body).to.include({
      status: 'reserved',
      deviceId: device.id,
      beneficiaryId: b.id,
      programmeId,
      assetTag: device.assetTag,
    });
    expect((await Device.findByPk(device.id))!.status).to.equal('allocated');
    expect((await Beneficiary.findByPk(b.id))!.status).to.equal('allocated');
    const last = await DeviceEvent.findOne({ where: { deviceId: device.id }, order: [['seq', 'DESC']] });
    expect(last).to.deep.include({ type: 'allocate', fromStatus: 'ready', toStatus: 'allocated' });
  });

  it('when the device is not ready, returns 409 DEVICE_NOT_READY and changes nothing', async () => {
    const device = await intake(tech);
    const b = await createBeneficiary(manager);
    const res = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: b.id })
      .expect(409);
    expect(res.body.error.code).to.equal('DEVICE_NOT_READY');
    expect(await Allocation.count()).to.equal(0);
    expect((await Beneficiary.findByPk(b.id))!.status).to.equal('verified');
  });

  it('when a sanitization record was withdrawn after the wipe, refuses with 422 WIPE_INCOMPLETE', async () => {
    const device = await readyDevice(tech);
    await Sanitization.update({ result: 'failed' }, { where: { deviceId: device.id } });
    const b = await createBeneficiary(manager);
    const res = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: b.id })
      .expect(422);
    expect(res.body.error.code).to.equal('WIPE_INCOMPLETE');
  });

  it('when the beneficiary is only applied, returns 409 BENEFICIARY_NOT_ELIGIBLE', async () => {
    const device = await readyDevice(tech);
    const b = await createBeneficiary(manager, {}, 'applied');
    const res = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: b.id })
      .expect(409);
    expect(res.body.error.code).to.equal('BENEFICIARY_NOT_ELIGIBLE');
  });

  it('when many managers allocate the same device at once, exactly one succeeds and the rest get 409', async () => {
    const device = await readyDevice(tech);
    const people = await Promise.all(Array.from({ length: 6 }, () => createBeneficiary(manager)));
    const results = await Promise.all(
      people.map((b) =>
        api().post('/api/allocations').set(bearer(manager)).send({ deviceId: device.id, beneficiaryId: b.id }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).to.deep.equal([201, 409, 409, 409, 409, 409]);
    expect(await Allocation.count({ where: { deviceId: device.id } })).to.equal(1);
    expect(await Beneficiary.count({ where: { status: 'allocated' } })).to.equal(1);
    expect(await DeviceEvent.count({ where: { deviceId: device.id, type: 'allocate' } })).to.equal(1);
  });

  it('when the beneficiary already has a device in the programme, refuses a second unless an admin overrides with a reason', async () => {
    const programmeId = await programme();
    const [d1, d2, d3] = [await readyDevice(tech), await readyDevice(tech), await readyDevice(tech)];
    const b = await createBeneficiary(manager);
    await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: d1.id, beneficiaryId: b.id, programmeId })
      .expect(201);
    const again = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: d2.id, beneficiaryId: b.id, programmeId })
      .expect(409);
    expect(again.body.error.code).to.be.oneOf(['BENEFICIARY_NOT_ELIGIBLE', 'ALREADY_ALLOCATED']);
    await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: d2.id, beneficiaryId: b.id, programmeId, overrideReason: 'second school child' })
      .expect(403);
    const admin = (await signIn('admin')).token;
    const ok = await api()
      .post('/api/allocations')
      .set(bearer(admin))
      .send({ deviceId: d3.id, beneficiaryId: b.id, programmeId, overrideReason: 'second school child' })
      .expect(201);
    expect(ok.body.overrideReason).to.equal('second school child');
  });

  it('when a reservation is cancelled, the device is ready again and the beneficiary back where they were', async () => {
    const device = await readyDevice(tech);
    const b = await createBeneficiary(manager, {}, 'waitlisted');
    const a = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: b.id })
      .expect(201);
    const res = await api()
      .post(`/api/allocations/${a.body.id}/cancel`)
      .set(bearer(manager))
      .send({ reason: 'family unreachable' })
      .expect(200);
    expect(res.body).to.include({ status: 'cancelled', cancelReason: 'family unreachable' });
    expect((await Device.findByPk(device.id))!.status).to.equal('ready');
    expect((await Beneficiary.findByPk(b.id))!.status).to.equal('waitlisted');
    await api().post(`/api/allocations/${a.body.id}/cancel`).set(bearer(manager)).send({ reason: 'again' }).expect(409);
  });

  it('when handed over with a signature, the device is handed_over, the beneficiary served, and a base32 certificate code stored', async () => {
    const device = await readyDevice(tech);
    const b = await createBeneficiary(manager);
    const a = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: b.id })
      .expect(201);
    const res = await api()
      .post(`/api/allocations/${a.body.id}/handover`)
      .set(bearer(manager))
      .send({ receivedBy: 'أم خالد', signature: SIGNATURE_PNG, handedOverAt: '2026-11-23T10:00:00Z' })
      .expect(200);
    expect(res.body).to.include({
      status: 'handed_over',
      receivedBy: 'أم خالد',
      hasSignature: true,
      handedOverAt: '2026-11-23T10:00:00.000Z',
    });
    expect(res.body.certificateCode).to.match(/^[A-Z2-7]{10,}$/);
    expect((await Device.findByPk(device.id))!.status).to.equal('handed_over');
    expect((await Beneficiary.findByPk(b.id))!.status).to.equal('served');
    const stored = await Allocation.findByPk(a.body.id);
    expect(stored!.certificateCode).to.equal(res.body.certificateCode);
    expect((await readStoredFile(stored!.signatureSha256!)).subarray(1, 4).toString()).to.equal('PNG');
    expect((await verifyChains()).ok).to.equal(true);
  });

  it('when the signature is not an image, or too large, refuses it by content (415 / 413) and changes nothing', async () => {
    const device = await readyDevice(tech);
    const b = await createBeneficiary(manager);
    const a = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: b.id })
      .expect(201);
    const fake = `data:image/png;base64,${Buffer.from('<svg onload=alert(1)>').toString('base64')}`;
    const bad = await api()
      .post(`/api/allocations/${a.body.id}/handover`)
      .set(bearer(manager))
      .send({ receivedBy: 'x', signature: fake })
      .expect(415);
    expect(bad.body.error.code).to.equal('UNSUPPORTED_FILE_TYPE');
    const png = Buffer.concat([Buffer.from(SIGNATURE_PNG.split(',')[1], 'base64'), Buffer.alloc(1024 * 1024)]);
    await api()
      .post(`/api/allocations/${a.body.id}/handover`)
      .set(bearer(manager))
      .field('receivedBy', 'x')
      .attach('signature', png, 'sig.png')
      .expect(413);
    expect((await Allocation.findByPk(a.body.id))!.status).to.equal('reserved');
    const upload = await api()
      .post(`/api/allocations/${a.body.id}/handover`)
      .set(bearer(manager))
      .field('receivedBy', 'أم خالد')
      .attach('signature', Buffer.from(SIGNATURE_PNG.split(',')[1], 'base64'), 'sig.bin')
      .expect(200);
    expect(upload.body.status).to.equal('handed_over');
  });

  it('GET /api/allocations/suggestions pairs the top of the waiting list with fitting ready devices, each device once, with reasons', async () => {
    await readyDevice(tech);
    await readyDevice(tech);
    const desktopNeed = await createBeneficiary(manager, { need: 'desktop' }, 'waitlisted');
    const first = await createBeneficiary(
      manager,
      { monthlyIncome: 500, householdSize: 9, schoolChildren: 5 },
      'waitlisted',
    );
    const second = await createBeneficiary(
      manager,
      { monthlyIncome: 9000, householdSize: 2, schoolChildren: 0 },
      'waitlisted',
    );
    const res = await api().get('/api/allocations/suggestions').set(bearer(manager)).expect(200);
    const pairs = res.body.items as { beneficiaryId: number; deviceId: number; reasons: string[] }[];
    expect(pairs.map((p) => p.beneficiaryId)).to.deep.equal([first.id, second.id]);
    expect(new Set(pairs.map((p) => p.deviceId)).size).to.equal(2);
    expect(pairs.map((p) => p.beneficiaryId)).not.to.include(desktopNeed.id);
    expect(pairs[0].reasons.join(' ')).to.contain('laptop fits');
  });

  it('GET /api/programmes/:id/progress counts families served, the 30-day rate, and no date from one handover', async () => {
    const programmeId = await programme();
    const device = await readyDevice(tech);
    const b = await createBeneficiary(manager);
    const a = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: b.id, programmeId })
      .expect(201);
    await api()
      .post(`/api/allocations/${a.body.id}/handover`)
      .set(bearer(manager))
      .send({ receivedBy: 'أم خالد', signature: SIGNATURE_PNG })
      .expect(200);
    const res = await api().get(`/api/programmes/${programmeId}/progress`).set(bearer(tech)).expect(200);
    expect(res.body).to.include({
      targetFamilies: 2000,
      servedFamilies: 1,
      servedStudents: 0,
      percent: 0.05,
      last30DaysRate: 1,
    });
    // One handover is no pace: the old rule printed a date 1,999 months away (test/programmes/ has the forecast).
    expect(res.body.forecastCompletionDate).to.equal(null);
    expect(res.body.forecast).to.deep.include({ status: 'not_enough_data', date: null, handoversSoFar: 1 });
  });

  it('a returned device can be allocated again in a new cycle', async () => {
    const device = await readyDevice(tech);
    const b = await createBeneficiary(manager);
    const a = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: b.id })
      .expect(201);
    await api()
      .post(`/api/allocations/${a.body.id}/handover`)
      .set(bearer(manager))
      .send({ receivedBy: 'x', signature: SIGNATURE_PNG })
      .expect(200);
    const handed = (await Device.findByPk(device.id))!;
    const back = await act(
      tech,
      { id: handed.id, version: handed.version },
      { action: 'return', reason: 'broken hinge' },
    );
    expect(back.status).to.equal('intake');
  });
});
