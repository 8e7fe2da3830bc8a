// Issue 20 point 2: the device's history reads as sentences, so each event carries the names its sentence needs
// (sites, people, the donation's code, the programme, the partner, the batch), resolved by the server for the whole
// history; and what the history may not show (a family's name or national ID, a certificate code, an override
// reason) stays out of every role's view of it.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createBeneficiary, SIGNATURE_PNG } from '../helpers/beneficiaries.js';
import { createBatch, createPartnerOrg, handOverBatch } from '../helpers/batches.js';
import { createDonationWithCode, createSite, rawSelect } from '../helpers/more-factories.js';
import { act, intake, QA_PASS, readyDevice } from '../helpers/workshop.js';
import { createProgramme } from '../documents/documents.helpers.js';
import type { DeviceDetailDto, DeviceEventDto, Page } from '../../server/shared/index.js';

const byType = (events: DeviceEventDto[], type: string) => events.filter((e) => e.type === type);

describe('device history names (issue 20 point 2)', () => {
  let manager: string;
  let tech: { token: string; user: { id: number; name: string } };
  let verifier: { token: string; user: { id: number; name: string } };
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    tech = await signIn('technician');
    verifier = await signIn('technician');
  });

  it('names the sites, donation code, people and programme of each event, and no family, certificate or override', async () => {
    const warehouse = await createSite('مستودع الدمام');
    const branch = await createSite('فرع الخبر');
    const donation = await createDonationWithCode('DN-2026-0042');
    let d = await intake(tech.token, 1, donation.id);
    await api().post(`/api/devices/${d.id}/moves`).set(bearer(tech.token)).send({ siteId: warehouse.id }).expect(201);
    await api()
      .post(`/api/devices/${d.id}/moves`)
      .set(bearer(tech.token))
      .send({ siteId: branch.id, reason: 'ورشة الإصلاح' })
      .expect(201);
    d = (await api().get(`/api/devices/${d.id}`).set(bearer(tech.token)).expect(200)).body as DeviceDetailDto;
    d = await act(tech.token, d, {
      action: 'triage',
      needsRepair: true,
      disposition: 'reuse',
      findings: 'البطارية لا تشحن',
    });
    d = await act(tech.token, d, {
      action: 'repair',
      workDone: 'استبدال البطارية',
      partsUsed: [{ type: 'battery', description: 'بطارية جديدة' }],
      fixed: true,
    });
    // A record typed by hand names its verifier; it counts once the verifier confirms it.
    const detail = (await api().get(`/api/devices/${d.id}`).set(bearer(tech.token)).expect(200)).body;
    const record = await api()
      .post(`/api/devices/${d.id}/sanitizations`)
      .set(bearer(tech.token))
      .send({
        driveSerial: detail.drives[0].serialNumber,
        method: 'purge',
        technique: 'ata_sanitize',
        tool: 'nwipe 0.37',
        verification: 'last_pass',
        result: 'passed',
        verifierId: verifier.user.id,
      })
      .expect(201);
    await api().post(`/api/sanitizations/${record.body.id}/confirm`).set(bearer(verifier.token)).send({}).expect(200);
    d = await act(tech.token, d, { action: 'complete_wipe' });
    d = await act(tech.token, d, {
      action: 'refurbish',
      os: 'Windows 11 Pro',
      licence: 'oem_coa',
      windows11Eligible: true,
      grade: 'A',
      qa: QA_PASS,
    });
    expect(d.status).to.equal('ready');

    const programme = await createProgramme(manager, 'المرحلة الأولى', 'Phase 1');
    const family = await createBeneficiary(manager, { name: 'أسرة الغامدي' });
    const allocation = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: d.id, beneficiaryId: family.id, programmeId: programme.id })
      .expect(201);
    const handed = await api()
      .post(`/api/allocations/${allocation.body.id}/handover`)
      .set(bearer(manager))
      .send({ receivedBy: 'أم فهد', signature: SIGNATURE_PNG, accessories: ['charger'] })
      .expect(200);
    const certificateCode = handed.body.certificateCode as string;
    expect(certificateCode).to.be.a('string').and.not.empty;

    const page = (await api().get(`/api/devices/${d.id}`).set(bearer(tech.token)).expect(200)).body as DeviceDetailDto;
    const events = page.events;
    expect(byType(events, 'intake')[0].names).to.deep.equal({ donationCode: 'DN-2026-0042' });
    expect(byType(events, 'moved').map((e) => e.names)).to.deep.equal([
      { toSite: { name: 'مستودع الدمام', nameLatin: null } },
      {
        fromSite: { name: 'مستودع الدمام', nameLatin: null },
        toSite: { name: 'فرع الخبر', nameLatin: null },
      },
    ]);
    expect(byType(events, 'moved')[1].payload.reason).to.equal('ورشة الإصلاح');
    expect(byType(events, 'sanitization')[0].names).to.deep.equal({ verifierName: verifier.user.name });
    const confirmed = byType(events, 'sanitization_confirmed')[0];
    expect(confirmed.names).to.deep.equal({ operatorName: tech.user.name });
    expect(confirmed.actorName).to.equal(verifier.user.name);
    expect(byType(events, 'allocate')[0].names).to.deep.equal({
      programme: { name: 'المرحلة الأولى', nameLatin: 'Phase 1' },
    });
    expect(byType(events, 'triage')[0].actorName).to.equal(tech.user.name);
    // The chain's links, for the page's technical details.
    expect(events[0].prevHash).to.equal(null);
    expect(events.slice(1).map((e) => e.prevHash)).to.deep.equal(events.slice(0, -1).map((e) => e.hash));

    // Every role that reads the history reads the same names, and none of what it may not show.
    for (const role of ['technician', 'viewer', 'manager'] as const) {
      const token = (await signIn(role)).token;
      const seen = await api().get(`/api/devices/${d.id}`).set(bearer(token)).expect(200);
      const history = await api().get(`/api/devices/${d.id}/events`).set(bearer(token)).expect(200);
      expect((seen.body as DeviceDetailDto).events).to.deep.equal((history.body as Page<DeviceEventDto>).items);
      const text = JSON.stringify([seen.body, history.body]);
      for (const secret of [family.name, family.nationalId, certificateCode, 'أم فهد'])
        expect(text, `${role} sees ${secret}`).not.to.include(secret);
    }
    // Partners read no staff device page at all.
    const partner = await createPartnerOrg(manager);
    const partnerUser = (await signIn('partner', { partnerId: partner.id })).token;
    await api().get(`/api/devices/${d.id}`).set(bearer(partnerUser)).expect(403);
    await api().get(`/api/devices/${d.id}/events`).set(bearer(partnerUser)).expect(403);
  });

  it('names the partner and batch code of a batch handed to a partner', async () => {
    const programme = await createProgramme(manager);
    const partner = await createPartnerOrg(manager, 'جمعية إنسان');
    const devices = [await readyDevice(manager), await readyDevice(manager)];
    const batch = await createBatch(manager, {
      recipient: { partnerId: partner.id },
      programmeId: programme.id,
      deviceIds: devices.map((x) => x.id),
    });
    await handOverBatch(manager, batch.id, { receivedBy: 'منسق جمعية إنسان' });
    const page = (await api().get(`/api/devices/${devices[0].id}`).set(bearer(tech.token)).expect(200))
      .body as DeviceDetailDto;
    const [{ name: partnerName }] = await rawSelect<{ name: string }>('SELECT name FROM partners WHERE id = :id', {
      id: partner.id,
    });
    const allocated = byType(page.events, 'allocate')[0];
    expect(allocated.names).to.deep.include({ batchCode: batch.code, partner: { name: partnerName, nameLatin: null } });
    expect(allocated.names.programme).to.deep.equal({ name: 'المرحلة الأولى', nameLatin: 'Phase 1' });
    expect(byType(page.events, 'transfer_custody')[0].names).to.deep.equal({
      batchCode: batch.code,
      partner: { name: partnerName, nameLatin: null },
    });
    expect(JSON.stringify(page)).not.to.include('منسق جمعية إنسان');
  });
});
