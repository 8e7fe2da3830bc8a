// Spec §13, issue 18 points 1, 2, 3 and 5: institutions as recipients and batch allocation, all or none, over HTTP
// against the real database, checking what was answered and what was stored.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createBeneficiary } from '../helpers/beneficiaries.js';
import { createBatch, handOverBatch, readyDevices, verifiedInstitution } from '../helpers/batches.js';
import { countRows, rawSelect, rawWrite } from '../helpers/more-factories.js';
import { intake, readyDevice } from '../helpers/workshop.js';
import { createProgramme } from '../documents/documents.helpers.js';
import type { BatchDto, BatchRefusalDto } from '../../server/shared/index.js';

describe('institutions as recipients (spec §13)', () => {
  let manager: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
  });

  it('creates an institution with its own fields and no national ID, household or income', async () => {
    const { id } = await verifiedInstitution(manager, {}, { requestedDevices: 40, registrationNumber: 'cr 7001 2345' });
    const res = await api().get(`/api/beneficiaries/${id}`).set(bearer(manager)).expect(200);
    expect(res.body).to.include({
      kind: 'institution',
      nationalIdMasked: null,
      householdSize: null,
      monthlyIncome: null,
    });
    expect(res.body.institution).to.deep.include({
      type: 'school',
      registrationNumber: 'CR70012345',
      contactPerson: 'أ. نورة الشمري',
      requestedDevices: 40,
      devicesReceived: 0,
    });
    expect(res.body).not.to.have.property('priority');
    const [row] = await rawSelect<Record<string, unknown>>(
      'SELECT national_id_encrypted, national_id_hash, national_id_last4, household_size, institution_type FROM beneficiaries WHERE id = :id',
      { id },
    );
    expect(row).to.deep.include({
      national_id_encrypted: null,
      national_id_hash: null,
      national_id_last4: null,
      household_size: null,
      institution_type: 'school',
    });
  });

  it('refuses family fields on an institution and institution fields on a family, naming each field', async () => {
    const res = await api()
      .post('/api/beneficiaries')
      .set(bearer(manager))
      .send({
        kind: 'institution',
        name: 'مركز تدريب',
        phone: '0501112233',
        nationalId: '1000000008',
        householdSize: 4,
        institution: { type: 'training_centre', contactPerson: 'سعد', requestedDevices: 5 },
      })
      .expect(400);
    const paths = (res.body.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).to.include.members(['nationalId', 'householdSize']);
    const missing = await api()
      .post('/api/beneficiaries')
      .set(bearer(manager))
      .send({ kind: 'institution', name: 'مركز', phone: '0501112233' })
      .expect(400);
    expect((missing.body.error.details as { path: string }[]).map((d) => d.path)).to.include('institution');
    const family = await api()
      .post('/api/beneficiaries')
      .set(bearer(manager))
      .send({
        kind: 'family',
        name: 'أسرة',
        nationalId: '1000000008',
        phone: '0501112233',
        householdSize: 4,
        monthlyIncome: 2000,
        need: 'laptop',
        institution: { type: 'school', contactPerson: 'x', requestedDevices: 1 },
      })
      .expect(400);
    expect((family.body.error.details as { path: string }[]).map((d) => d.path)).to.include('institution');
  });

  it('answers 409 DUPLICATE_BENEFICIARY for a registration number registered already', async () => {
    const { id } = await verifiedInstitution(manager, {}, { registrationNumber: 'DUP-1' });
    const res = await api()
      .post('/api/beneficiaries')
      .set(bearer(manager))
      .send({
        kind: 'institution',
        name: 'نسخة',
        phone: '0501112234',
        institution: { type: 'ngo', registrationNumber: 'dup-1', contactPerson: 'x', requestedDevices: 1 },
      })
      .expect(409);
    expect(res.body.error).to.deep.include({ code: 'DUPLICATE_BENEFICIARY', details: { existingId: id } });
  });

  it('lists institutions by request date, apart from the families’ waiting list', async () => {
    const first = await verifiedInstitution(manager);
    const second = await verifiedInstitution(manager);
    const family = await createBeneficiary(manager);
    const res = await api().get('/api/waitlist?kind=institution&pageSize=200').set(bearer(manager)).expect(200);
    const ids = (res.body.items as { beneficiary: { id: number } }[]).map((i) => i.beneficiary.id);
    expect(ids.indexOf(first.id)).to.be.lessThan(ids.indexOf(second.id));
    expect(ids).not.to.include(family.id);
    expect(res.body.items[0].institution).to.have.keys(
      'requestedDevices',
      'devicesReceived',
      'outstanding',
      'requestedAt',
    );
    const families = await api().get('/api/waitlist?pageSize=200').set(bearer(manager)).expect(200);
    const familyIds = (families.body.items as { beneficiary: { id: number } }[]).map((i) => i.beneficiary.id);
    expect(familyIds).to.include(family.id);
    expect(familyIds).not.to.include(first.id);
  });

  it('refuses a PATCH that would give an institution a national ID', async () => {
    const { id } = await verifiedInstitution(manager);
    const res = await api()
      .patch(`/api/beneficiaries/${id}`)
      .set(bearer(manager))
      .send({ nationalId: '1000000008' })
      .expect(400);
    expect(res.body.error.details[0].path).to.equal('nationalId');
  });
});

describe('batch allocation (spec §13)', () => {
  let manager: string;
  let technician: string;
  let programmeId: number;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    technician = (await signIn('technician')).token;
    programmeId = (await createProgramme(manager)).id;
  });

  const statusOf = async (id: number) =>
    (await api().get(`/api/devices/${id}`).set(bearer(manager)).expect(200)).body.status as string;

  it('reserves every device for an institution in one batch, each with its allocation and its history', async () => {
    const institution = await verifiedInstitution(manager);
    const devices = await readyDevices(manager, 3);
    const batch = await createBatch(manager, {
      recipient: { beneficiaryId: institution.id },
      programmeId,
      deviceIds: devices.map((d) => d.id),
    });
    expect(batch).to.deep.include({ status: 'reserved', deviceCount: 3, programmeId });
    expect(batch.code).to.match(/^BT-\d{4}-\d{4}$/);
    expect(batch.recipient).to.deep.include({
      kind: 'institution',
      beneficiaryId: institution.id,
      name: institution.name,
    });
    expect(batch.devices.map((d) => d.assetTag)).to.deep.equal(devices.map((d) => d.assetTag));
    for (const d of devices) expect(await statusOf(d.id)).to.equal('allocated');
    const rows = await rawSelect<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM allocations WHERE batch_id = :id AND status = 'reserved' AND beneficiary_id = :b`,
      { id: batch.id, b: institution.id },
    );
    expect(Number(rows[0].n)).to.equal(3);
    const events = await api().get(`/api/devices/${devices[0].id}/events`).set(bearer(manager)).expect(200);
    const allocate = (events.body.items ?? events.body).find((e: { type: string }) => e.type === 'allocate');
    expect(allocate.payload).to.include({ batchId: batch.id, batchCode: batch.code });
    const b = await api().get(`/api/beneficiaries/${institution.id}`).set(bearer(manager)).expect(200);
    expect(b.body.status).to.equal('allocated');
    // The delivery note's code, scanned (lower case, spaces for hyphens), opens the batch.
    const scanned = await api()
      .get(`/api/scan/${encodeURIComponent(batch.code.toLowerCase().replace(/-/g, ' '))}`)
      .set(bearer(technician))
      .expect(200);
    expect(scanned.body).to.deep.equal({ kind: 'batch', id: batch.id, code: batch.code, status: 'reserved' });
  });

  it('answers 409 naming every device that is not ready or not sanitized, and writes nothing', async () => {
    const institution = await verifiedInstitution(manager);
    const ready = await readyDevices(manager, 2);
    const inIntake = await intake(manager);
    const unwiped = await readyDevice(manager);
    // A drive found after refurbishment, with no sanitization record yet.
    await rawWrite(
      `INSERT INTO drives (device_id, serial_number, serial_key, model, media_type, capacity_bytes, created_at, updated_at)
       VALUES (:id, 'LATE-DRIVE-1', 'LATEDRIVE1', 'WD Blue', 'hdd', 500107862016, :now, :now)`,
      { id: unwiped.id, now: new Date() },
    );
    const before = { batches: await countRows('allocation_batches'), allocations: await countRows('allocations') };
    const res = await api()
      .post('/api/allocation-batches')
      .set(bearer(manager))
      .send({
        recipient: { beneficiaryId: institution.id },
        programmeId,
        deviceIds: [ready[0].id, inIntake.id, unwiped.id, ready[1].id],
      })
      .expect(409);
    expect(res.body.error.code).to.equal('BATCH_DEVICES_UNAVAILABLE');
    const details = res.body.error.details as BatchRefusalDto[];
    expect(details.map((d) => [d.assetTag, d.reason])).to.have.deep.members([
      [inIntake.assetTag, 'not_ready'],
      [unwiped.assetTag, 'not_sanitized'],
    ]);
    expect(await countRows('allocation_batches')).to.equal(before.batches);
    expect(await countRows('allocations')).to.equal(before.allocations);
    for (const d of ready) expect(await statusOf(d.id)).to.equal('ready');
  });

  it('answers 422 for an unknown device and 400 when the recipient is a family', async () => {
    const institution = await verifiedInstitution(manager);
    const [device] = await readyDevices(manager, 1);
    const missing = await api()
      .post('/api/allocation-batches')
      .set(bearer(manager))
      .send({ recipient: { beneficiaryId: institution.id }, programmeId, deviceIds: [device.id, 99999999] })
      .expect(422);
    expect(missing.body.error.details).to.deep.equal([
      { path: 'deviceIds.1', message: 'device 99999999 does not exist' },
    ]);
    const family = await createBeneficiary(manager);
    const wrong = await api()
      .post('/api/allocation-batches')
      .set(bearer(manager))
      .send({ recipient: { beneficiaryId: family.id }, programmeId, deviceIds: [device.id] })
      .expect(400);
    expect(wrong.body.error.details[0].path).to.equal('recipient.beneficiaryId');
    const twice = await api()
      .post('/api/allocation-batches')
      .set(bearer(manager))
      .send({ recipient: { beneficiaryId: institution.id }, programmeId, deviceIds: [device.id, device.id] })
      .expect(400);
    expect(twice.body.error.details[0].path).to.match(/^deviceIds/);
    expect(await statusOf(device.id)).to.equal('ready');
  });

  it('lets exactly one of two concurrent batches sharing a device win', async () => {
    const [a, b] = [await verifiedInstitution(manager), await verifiedInstitution(manager)];
    const devices = await readyDevices(manager, 5);
    const shared = devices[2].id;
    const post = (beneficiaryId: number, deviceIds: number[]) =>
      api()
        .post('/api/allocation-batches')
        .set(bearer(manager))
        .send({ recipient: { beneficiaryId }, programmeId, deviceIds });
    const results = await Promise.all([
      post(a.id, [devices[0].id, devices[1].id, shared]),
      post(b.id, [shared, devices[3].id, devices[4].id]),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses, JSON.stringify(results.map((r) => r.body))).to.deep.equal([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error.details).to.deep.include.members([
      {
        deviceId: shared,
        assetTag: devices[2].assetTag,
        status: 'allocated',
        reason: 'not_ready',
        message: 'is allocated, not ready',
      },
    ]);
    const winnerIds = (results.find((r) => r.status === 201)!.body as BatchDto).devices.map((d) => d.deviceId);
    for (const d of devices) expect(await statusOf(d.id)).to.equal(winnerIds.includes(d.id) ? 'allocated' : 'ready');
  });

  it('cancels a batch whole: devices ready again, allocations cancelled, the institution back to verified', async () => {
    const institution = await verifiedInstitution(manager);
    const devices = await readyDevices(manager, 2);
    const batch = await createBatch(manager, {
      recipient: { beneficiaryId: institution.id },
      programmeId,
      deviceIds: devices.map((d) => d.id),
    });
    const res = await api()
      .post(`/api/allocation-batches/${batch.id}/cancel`)
      .set(bearer(manager))
      .send({ reason: 'المدرسة أجّلت افتتاح المعمل' })
      .expect(200);
    expect(res.body).to.include({ status: 'cancelled', cancelReason: 'المدرسة أجّلت افتتاح المعمل' });
    for (const d of devices) expect(await statusOf(d.id)).to.equal('ready');
    const rows = await rawSelect<{ status: string }>('SELECT status FROM allocations WHERE batch_id = :id', {
      id: batch.id,
    });
    expect(rows.map((r) => r.status)).to.deep.equal(['cancelled', 'cancelled']);
    const b = await api().get(`/api/beneficiaries/${institution.id}`).set(bearer(manager)).expect(200);
    expect(b.body.status).to.equal('verified');
    await api()
      .post(`/api/allocation-batches/${batch.id}/cancel`)
      .set(bearer(manager))
      .send({ reason: 'again' })
      .expect(409);
    // A device of a batch is cancelled with its batch, not alone.
    const again = await createBatch(manager, {
      recipient: { beneficiaryId: institution.id },
      programmeId,
      deviceIds: [devices[0].id],
    });
    const single = await api()
      .post(`/api/allocations/${again.devices[0].allocationId}/cancel`)
      .set(bearer(manager))
      .send({ reason: 'x' })
      .expect(409);
    expect(single.body.error.code).to.equal('IN_BATCH');
  });

  it('hands a batch over with one signature: every device handed over, accessories kept, counted as an institution', async () => {
    const institution = await verifiedInstitution(manager);
    const devices = await readyDevices(manager, 3);
    const before = (await api().get(`/api/programmes/${programmeId}/progress`).set(bearer(manager)).expect(200)).body;
    const dashBefore = (
      await api().get(`/api/reports/dashboard?programmeId=${programmeId}`).set(bearer(manager)).expect(200)
    ).body;
    const batch = await createBatch(manager, {
      recipient: { beneficiaryId: institution.id },
      programmeId,
      deviceIds: devices.map((d) => d.id),
    });
    const done = await handOverBatch(manager, batch.id, {
      accessories: ['charger', 'mouse', 'other'],
      accessoriesNote: 'حقيبة ظهر لكل جهاز',
    });
    expect(done).to.include({ status: 'handed_over', receivedBy: 'أ. نورة الشمري' });
    expect(done.certificateCode).to.match(/^[A-Z2-7]{10}$/);
    expect(done.accessories).to.deep.equal(['charger', 'mouse', 'other']);
    for (const d of devices) expect(await statusOf(d.id)).to.equal('handed_over');
    const allocations = await rawSelect<{ status: string; accessories: string; certificate_code: string | null }>(
      'SELECT status, accessories, certificate_code FROM allocations WHERE batch_id = :id',
      { id: batch.id },
    );
    expect(allocations).to.have.length(3);
    for (const a of allocations) {
      expect(a).to.include({ status: 'handed_over', accessories: 'charger,mouse,other' });
      expect(a.certificate_code).to.match(/^[A-Z2-7]{10}$/);
    }
    const single = await api().get(`/api/allocations/${done.devices[0].allocationId}`).set(bearer(manager)).expect(200);
    expect(single.body).to.deep.include({
      batchId: batch.id,
      accessories: ['charger', 'mouse', 'other'],
      accessoriesNote: 'حقيبة ظهر لكل جهاز',
    });
    const b = await api().get(`/api/beneficiaries/${institution.id}`).set(bearer(manager)).expect(200);
    expect(b.body.status).to.equal('served');
    expect(b.body.institution.devicesReceived).to.equal(3);
    const after = (await api().get(`/api/programmes/${programmeId}/progress`).set(bearer(manager)).expect(200)).body;
    expect(after.servedFamilies).to.equal(before.servedFamilies);
    const dash = (await api().get(`/api/reports/dashboard?programmeId=${programmeId}`).set(bearer(manager)).expect(200))
      .body;
    expect(dash.served.institution - dashBefore.served.institution).to.equal(1);
    expect(dash.handoversByKind.institution - dashBefore.handoversByKind.institution).to.equal(3);
    expect(dash.served.family).to.equal(dashBefore.served.family);
    await api()
      .post(`/api/allocation-batches/${batch.id}/handover`)
      .set(bearer(manager))
      .send({ receivedBy: 'x', signature: done.certificateCode })
      .expect(400);
  });

  it('refuses "other" without a note, and shows technicians the recipient by name and city only', async () => {
    const institution = await verifiedInstitution(manager);
    const devices = await readyDevices(manager, 1);
    const batch = await createBatch(manager, {
      recipient: { beneficiaryId: institution.id },
      programmeId,
      deviceIds: [devices[0].id],
    });
    const res = await api()
      .post(`/api/allocation-batches/${batch.id}/handover`)
      .set(bearer(manager))
      .send({ receivedBy: 'x', signature: 'data:image/png;base64,iVBORw0KGgo=', accessories: ['other'] })
      .expect(400);
    expect(res.body.error.details[0].path).to.equal('accessoriesNote');
    const seen = await api().get(`/api/allocation-batches/${batch.id}`).set(bearer(technician)).expect(200);
    expect(seen.body.recipient).to.deep.include({ name: institution.name, city: 'الدمام' });
    expect(seen.body).to.include({ redacted: true, receivedBy: null, note: null });
    expect(JSON.stringify(seen.body)).not.to.include('نورة');
    const list = await api().get('/api/allocation-batches?status=reserved').set(bearer(technician)).expect(200);
    expect((list.body.items as BatchDto[]).map((b) => b.id)).to.include(batch.id);
  });

  it('keeps an institution on its list while it still needs devices, and shows custody devices without "allocate"', async () => {
    const partial = await verifiedInstitution(manager, {}, { requestedDevices: 5 });
    const met = await verifiedInstitution(manager, {}, { requestedDevices: 2 });
    const devices = await readyDevices(manager, 4);
    const a = await createBatch(manager, {
      recipient: { beneficiaryId: partial.id },
      programmeId,
      deviceIds: [devices[0].id, devices[1].id],
    });
    const b = await createBatch(manager, {
      recipient: { beneficiaryId: met.id },
      programmeId,
      deviceIds: [devices[2].id, devices[3].id],
    });
    await handOverBatch(manager, a.id);
    await handOverBatch(manager, b.id);
    const list = await api().get('/api/waitlist?kind=institution').set(bearer(manager)).expect(200);
    const rows = list.body.items as {
      beneficiary: { id: number; status: string };
      institution: Record<string, number>;
    }[];
    expect(rows.map((r) => r.beneficiary.id)).to.deep.equal([partial.id]);
    expect(rows[0].beneficiary.status).to.equal('served');
    expect(rows[0].institution).to.include({ requestedDevices: 5, devicesReceived: 2, outstanding: 3 });
    expect(list.body).to.include({ total: 1, weights: null });
    // A second batch for the same institution is allowed.
    const [more] = await readyDevices(manager, 1);
    await createBatch(manager, { recipient: { beneficiaryId: partial.id }, programmeId, deviceIds: [more.id] });
  });
});
