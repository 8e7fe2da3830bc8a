// Spec §13, issue 18 point 4: partner custody and onward handover. A batch given to a partner association moves its
// devices into the partner's custody; the partner's users see only that custody and the families their organisation
// referred, hand devices on with the usual routes (signature, accessories, certificate), and can return a device.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createBeneficiary, SIGNATURE_PNG } from '../helpers/beneficiaries.js';
import { createBatch, createPartnerOrg, handOverBatch, readyDevices } from '../helpers/batches.js';
import { rawSelect } from '../helpers/more-factories.js';
import { createProgramme } from '../documents/documents.helpers.js';
import type { CustodyDeviceDto, PartnerFiguresDto } from '../../server/shared/index.js';

describe('partner custody and onward handover (spec §13)', () => {
  let manager: string;
  let admin: string;
  let programmeId: number;
  let partnerA: number;
  let partnerB: number;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    admin = (await signIn('admin')).token;
    programmeId = (await createProgramme(manager)).id;
    partnerA = (await createPartnerOrg(manager, 'جمعية إنسان')).id;
    partnerB = (await createPartnerOrg(manager, 'جمعية البر')).id;
  });

  /** Two devices in A's custody, one in B's; a family referred by each. */
  async function scene() {
    const devices = await readyDevices(manager, 3);
    const batchA = await createBatch(manager, {
      recipient: { partnerId: partnerA },
      programmeId,
      deviceIds: [devices[0].id, devices[1].id],
    });
    const batchB = await createBatch(manager, {
      recipient: { partnerId: partnerB },
      programmeId,
      deviceIds: [devices[2].id],
    });
    await handOverBatch(manager, batchA.id, { receivedBy: 'منسق جمعية إنسان' });
    await handOverBatch(manager, batchB.id, { receivedBy: 'منسق جمعية البر' });
    const familyA = await createBeneficiary(manager, { partnerId: partnerA, name: 'أسرة الحربي' });
    const familyB = await createBeneficiary(manager, { partnerId: partnerB, name: 'أسرة الزهراني' });
    const userA = (await signIn('partner', { partnerId: partnerA })).token;
    const userB = (await signIn('partner', { partnerId: partnerB })).token;
    return { devices, batchA, batchB, familyA, familyB, userA, userB };
  }

  it('creates a partner user only with its partner organisation', async () => {
    const ok = await api()
      .post('/api/users')
      .set(bearer(admin))
      .send({
        email: 'p1@insan.example',
        name: 'منسق',
        role: 'partner',
        partnerId: partnerA,
        password: 'long enough pass 1',
      })
      .expect(201);
    expect(ok.body).to.include({ role: 'partner', partnerId: partnerA });
    const missing = await api()
      .post('/api/users')
      .set(bearer(admin))
      .send({ email: 'p2@insan.example', name: 'منسق', role: 'partner', password: 'long enough pass 1' })
      .expect(400);
    expect(missing.body.error.details[0].path).to.equal('partnerId');
    const staff = await api()
      .post('/api/users')
      .set(bearer(admin))
      .send({
        email: 't@x.example',
        name: 'فني',
        role: 'technician',
        partnerId: partnerA,
        password: 'long enough pass 1',
      })
      .expect(400);
    expect(staff.body.error.details[0].path).to.equal('partnerId');
    await api()
      .post('/api/users')
      .set(bearer(admin))
      .send({ email: 'p3@x.example', name: 'x', role: 'partner', partnerId: 999999, password: 'long enough pass 1' })
      .expect(422);
  });

  it("puts a partner batch's devices in the partner's custody, shown on the device page and the custody list", async () => {
    const { devices, batchA, userA } = await scene();
    const page = await api().get(`/api/devices/${devices[0].id}`).set(bearer(manager)).expect(200);
    expect(page.body.status).to.equal('ready');
    expect(page.body.custody).to.deep.include({ partnerId: partnerA, batchId: batchA.id });
    expect(page.body.custody.partnerName).to.match(/^جمعية إنسان/);
    expect(page.body.allowedActions).not.to.include('allocate');
    const events = page.body.events as { type: string; payload: Record<string, unknown> }[];
    expect(events.map((e) => e.type)).to.include.members(['allocate', 'transfer_custody']);
    const all = await api().get('/api/custody/devices').set(bearer(manager)).expect(200);
    expect(all.body.total).to.equal(3);
    const mine = await api().get(`/api/custody/devices?partnerId=${partnerB}`).set(bearer(userA)).expect(200);
    // A partner sees its own custody whatever filter it sends.
    expect((mine.body.items as CustodyDeviceDto[]).map((d) => d.deviceId)).to.deep.equal([
      devices[0].id,
      devices[1].id,
    ]);
    expect(mine.body.items[0]).to.include({ batchCode: batchA.code, programmeId, allocationId: null });
  });

  it('lets a partner hand a device on to a family it referred: signature, accessories, certificate, counted', async () => {
    const { devices, familyA, userA } = await scene();
    const before = (await api().get(`/api/programmes/${programmeId}/progress`).set(bearer(manager)).expect(200)).body;
    const allocation = await api()
      .post('/api/allocations')
      .set(bearer(userA))
      .send({ deviceId: devices[0].id, beneficiaryId: familyA.id })
      .expect(201);
    expect(allocation.body.programmeId).to.equal(programmeId); // the batch's programme
    const handed = await api()
      .post(`/api/allocations/${allocation.body.id}/handover`)
      .set(bearer(userA))
      .send({ receivedBy: 'أم فهد', signature: SIGNATURE_PNG, accessories: ['charger', 'bag'] })
      .expect(200);
    expect(handed.body).to.include({ status: 'handed_over', receivedBy: 'أم فهد' });
    expect(handed.body.accessories).to.deep.equal(['charger', 'bag']);
    expect(handed.body.certificateCode).to.match(/^[A-Z2-7]{10}$/);
    const pdf = await api().get(`/api/allocations/${allocation.body.id}/certificate.pdf`).set(bearer(userA));
    expect([200, 403]).to.include(pdf.status); // the certificate route's access is the documents' (see its test)
    const after = (await api().get(`/api/programmes/${programmeId}/progress`).set(bearer(manager)).expect(200)).body;
    expect(after.servedFamilies).to.equal(before.servedFamilies + 1);
    const [fact] = await rawSelect<{ partner_id: number; beneficiary_kind: string }>(
      'SELECT partner_id, beneficiary_kind FROM figure_handover_facts WHERE allocation_id = :id',
      { id: allocation.body.id },
    );
    expect(fact).to.deep.equal({ partner_id: partnerA, beneficiary_kind: 'family' });
    const mine = await api().get('/api/custody/devices').set(bearer(userA)).expect(200);
    expect((mine.body.items as CustodyDeviceDto[]).map((d) => d.deviceId)).to.deep.equal([devices[1].id]);
  });

  it("never lets a partner reach another partner's devices or families, nor families it did not refer", async () => {
    const { devices, familyA, familyB, userA, userB } = await scene();
    const unreferred = await createBeneficiary(manager, { name: 'أسرة بلا شريك' });
    // Another partner's device, or its own device to another partner's family: refused without telling which exists.
    const wrongDevice = await api()
      .post('/api/allocations')
      .set(bearer(userA))
      .send({ deviceId: devices[2].id, beneficiaryId: familyA.id })
      .expect(422);
    expect(wrongDevice.body.error.details[0].path).to.equal('deviceId');
    for (const beneficiaryId of [familyB.id, unreferred.id]) {
      const res = await api()
        .post('/api/allocations')
        .set(bearer(userA))
        .send({ deviceId: devices[0].id, beneficiaryId })
        .expect(422);
      expect(res.body.error.details[0].path).to.equal('beneficiaryId');
    }
    const list = await api().get('/api/beneficiaries?pageSize=200').set(bearer(userA)).expect(200);
    expect((list.body.items as { id: number }[]).map((b) => b.id)).to.deep.equal([familyA.id]);
    // Even when it asks for another partner's referrals by filter.
    const filtered = await api().get(`/api/beneficiaries?partnerId=${partnerB}`).set(bearer(userA)).expect(200);
    expect(filtered.body.total).to.equal(0);
    await api().get(`/api/beneficiaries/${familyB.id}`).set(bearer(userA)).expect(404);
    await api().get(`/api/beneficiaries/${unreferred.id}`).set(bearer(userA)).expect(404);
    const own = await api().get(`/api/beneficiaries/${familyA.id}`).set(bearer(userA)).expect(200);
    expect(own.body).to.include({ name: 'أسرة الحربي' });
    // B's allocation is invisible to A; A's list holds only its own.
    const b = await api()
      .post('/api/allocations')
      .set(bearer(userB))
      .send({ deviceId: devices[2].id, beneficiaryId: familyB.id })
      .expect(201);
    await api().get(`/api/allocations/${b.body.id}`).set(bearer(userA)).expect(404);
    await api()
      .post(`/api/allocations/${b.body.id}/handover`)
      .set(bearer(userA))
      .send({ receivedBy: 'x', signature: SIGNATURE_PNG })
      .expect(404);
    await api().post(`/api/allocations/${b.body.id}/cancel`).set(bearer(userA)).send({ reason: 'x' }).expect(404);
    const allocations = await api().get('/api/allocations').set(bearer(userA)).expect(200);
    expect(allocations.body.total).to.equal(0);
    const text = JSON.stringify([
      list.body,
      allocations.body,
      (await api().get('/api/custody/devices').set(bearer(userA))).body,
    ]);
    expect(text).not.to.include('الزهراني');
    expect(text).not.to.include(familyB.nationalId);
    // Staff routes stay closed to partners.
    for (const url of [
      '/api/devices',
      `/api/devices/${devices[0].id}`,
      '/api/donors',
      '/api/waitlist',
      '/api/allocation-batches',
    ])
      await api().get(url).set(bearer(userA)).expect(403);
  });

  it("keeps the charity's managers from allocating a device a partner holds", async () => {
    const { devices, familyA } = await scene();
    const res = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: devices[0].id, beneficiaryId: familyA.id, programmeId })
      .expect(409);
    expect(res.body.error.code).to.equal('DEVICE_IN_CUSTODY');
    const batch = await api()
      .post('/api/allocation-batches')
      .set(bearer(manager))
      .send({ recipient: { partnerId: partnerB }, programmeId, deviceIds: [devices[0].id] })
      .expect(409);
    expect(batch.body.error.details[0]).to.include({ reason: 'in_custody' });
  });

  it('returns a device from custody: by the partner holding it (not another), back at the charity', async () => {
    const { devices, userA, userB } = await scene();
    await api()
      .post(`/api/custody/devices/${devices[0].id}/return`)
      .set(bearer(userB))
      .send({ reason: 'لا نحتاجه' })
      .expect(404);
    await api()
      .post(`/api/custody/devices/${devices[0].id}/return`)
      .set(bearer(userA))
      .send({ reason: 'الأسرة انتقلت إلى مدينة أخرى' })
      .expect(200);
    const page = await api().get(`/api/devices/${devices[0].id}`).set(bearer(manager)).expect(200);
    expect(page.body).to.include({ status: 'ready', custody: null });
    expect((page.body.events as { type: string }[]).map((e) => e.type)).to.include('custody_returned');
    await api()
      .post(`/api/custody/devices/${devices[0].id}/return`)
      .set(bearer(manager))
      .send({ reason: 'again' })
      .expect(409);
    // Back at the charity, the manager may allocate it again.
    const family = await createBeneficiary(manager);
    await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: devices[0].id, beneficiaryId: family.id, programmeId })
      .expect(201);
  });

  it('counts families served through each partner, by region, beside its custody (reports and dashboard)', async () => {
    const { devices, familyA, userA } = await scene();
    const onward = await api()
      .post('/api/allocations')
      .set(bearer(userA))
      .send({ deviceId: devices[0].id, beneficiaryId: familyA.id })
      .expect(201);
    await api()
      .post(`/api/allocations/${onward.body.id}/handover`)
      .set(bearer(userA))
      .send({ receivedBy: 'أم فهد', signature: SIGNATURE_PNG })
      .expect(200);
    const report = await api().get('/api/reports/partners').set(bearer(manager)).expect(200);
    const a = (report.body.items as PartnerFiguresDto[]).find((p) => p.partnerId === partnerA)!;
    const b = (report.body.items as PartnerFiguresDto[]).find((p) => p.partnerId === partnerB)!;
    expect(a).to.deep.include({ families: 1, students: 0, handovers: 1, inCustody: 1 });
    expect(a.byRegion).to.deep.equal([{ regionCode: null, families: 1, students: 0, handovers: 1 }]);
    expect(b).to.deep.include({ families: 0, handovers: 0, inCustody: 1 });
    const csv = await api().get('/api/reports/partners.csv').set(bearer(manager)).expect(200);
    expect(csv.text).to.include('partnerId,partner,regionCode,families,students,handovers,inCustody');
    const dash = await api().get('/api/reports/dashboard').set(bearer(manager)).expect(200);
    expect((dash.body.partners as PartnerFiguresDto[]).find((p) => p.partnerId === partnerA)).to.deep.include({
      families: 1,
    });
    const regions = await api().get('/api/reports/regions').set(bearer(manager)).expect(200);
    expect(regions.body.totals).to.deep.include({ families: 1, familiesThroughPartners: 1 });
    // With the dashboard's filters, the partner table and its CSV count within them: a period before any handover
    // leaves partner A's families at 0 (its custody is now, whatever the period).
    const before = 'from=2001-01-01&to=2001-12-31';
    const old = await api().get(`/api/reports/partners?${before}`).set(bearer(manager)).expect(200);
    expect((old.body.items as PartnerFiguresDto[]).find((p) => p.partnerId === partnerA)).to.deep.include({
      families: 0,
      handovers: 0,
      inCustody: 1,
    });
    const oldDash = await api().get(`/api/reports/dashboard?${before}`).set(bearer(manager)).expect(200);
    expect((oldDash.body.partners as PartnerFiguresDto[]).find((p) => p.partnerId === partnerA)).to.deep.include({
      families: 0,
    });
    const oldCsv = await api().get(`/api/reports/partners.csv?${before}`).set(bearer(manager)).expect(200);
    expect(oldCsv.text).to.match(new RegExp(`\\n${partnerA},[^,]*,,0,0,0,1`));
    await api().get('/api/reports/partners.csv?regionCode=XX-99').set(bearer(manager)).expect(400);
    // A partner does not read the charity's reports.
    await api().get('/api/reports/partners').set(bearer(userA)).expect(403);
  });
});
