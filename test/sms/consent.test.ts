// Issue 17 point 4 (spec §12), what is recorded and queued: a family's consent to be messaged (who recorded it and
// when), the waiting-list message written with the status change that puts a consenting family on the list, and the
// appointment with its message and reminder. Delivery through the gateway is in delivery.test.ts.
import { expect } from 'chai';
import { Beneficiary, BeneficiaryAudit } from '../../server/modules/beneficiaries/beneficiaries.model.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { family, nextYear, reservedAllocation, site, smsRows, time } from './helpers.js';

const DAY_MS = 86_400_000;

describe('SMS to families: consent and what is queued', () => {
  let manager: { token: string; user: { id: number } };
  let admin: { token: string; user: { id: number } };
  let tech: string;
  beforeEach(async () => {
    manager = await signIn('manager');
    admin = await signIn('admin');
    tech = (await signIn('technician')).token;
  });

  it('when a manager records consent on create, the DTO and the row say given, channel, by whom and when', async () => {
    const before = Date.now();
    const { id } = await family(manager.token, { given: true, channel: 'whatsapp' });
    const res = await api().get(`/api/beneficiaries/${id}`).set(bearer(manager.token)).expect(200);
    expect(res.body.contactConsent).to.deep.include({
      given: true,
      channel: 'whatsapp',
      language: null,
      byUserId: manager.user.id,
    });
    expect(new Date(res.body.contactConsent.at).getTime()).to.be.within(before - 5, Date.now() + 5);
    const row = (await Beneficiary.findByPk(id))!;
    expect([row.contactConsent, row.contactConsentChannel, row.contactConsentBy]).to.deep.equal([
      true,
      'whatsapp',
      manager.user.id,
    ]);
  });

  it('when another user changes or withdraws consent, who and when are recorded again and the audit names the field', async () => {
    const { id } = await family(manager.token, { given: true, channel: 'sms' });
    const changed = await api()
      .patch(`/api/beneficiaries/${id}`)
      .set(bearer(admin.token))
      .send({ contactConsent: { given: true, channel: 'sms', language: 'en' } })
      .expect(200);
    expect(changed.body.contactConsent).to.deep.include({
      given: true,
      channel: 'sms',
      language: 'en',
      byUserId: admin.user.id,
    });

    // The same answer again is no new record: it keeps who gave it.
    await api()
      .patch(`/api/beneficiaries/${id}`)
      .set(bearer(manager.token))
      .send({ contactConsent: { given: true, channel: 'sms' } })
      .expect(200);
    expect((await Beneficiary.findByPk(id))!.contactConsentBy).to.equal(admin.user.id);

    const withdrawn = await api()
      .patch(`/api/beneficiaries/${id}`)
      .set(bearer(manager.token))
      .send({ contactConsent: { given: false, channel: 'sms' } })
      .expect(200);
    expect(withdrawn.body.contactConsent).to.deep.include({
      given: false,
      channel: null,
      language: null,
      byUserId: manager.user.id,
    });
    const row = (await Beneficiary.findByPk(id))!;
    expect([row.contactConsent, row.contactConsentChannel, row.contactLanguage]).to.deep.equal([false, null, null]);
    const audit = await BeneficiaryAudit.findAll({
      where: { beneficiaryId: id, action: 'updated' },
      order: [['id', 'ASC']],
    });
    expect(audit.map((a) => [a.actorId, JSON.parse(a.fields)])).to.deep.equal([
      [admin.user.id, ['contactConsent']],
      [manager.user.id, ['contactConsent']],
    ]);
  });

  it('when consent is given without a channel, or with an unknown one, answers 400 naming the field and stores nothing', async () => {
    const { id } = await family(manager.token, undefined);
    for (const contactConsent of [{ given: true }, { given: true, channel: 'pigeon' }, { given: 'yes please' }]) {
      const res = await api()
        .patch(`/api/beneficiaries/${id}`)
        .set(bearer(manager.token))
        .send({ contactConsent })
        .expect(400);
      expect(res.body.error.code).to.equal('VALIDATION_FAILED');
      expect(res.body.error.details[0].path).to.match(/^contactConsent\.(channel|given)$/);
    }
    const row = (await Beneficiary.findByPk(id))!;
    expect([row.contactConsent, row.contactConsentAt]).to.deep.equal([false, null]);
  });

  it('when a consenting family enters the waiting list, one sms row tells their place; a family without consent gets none', async () => {
    // Lower income per member ranks first: `poorer` is first in line, `other` second.
    const other = await family(manager.token, { given: true, channel: 'sms' }, 'verified', { monthlyIncome: 6000 });
    const silent = await family(manager.token, undefined, 'verified', { monthlyIncome: 100 });
    const poorer = await family(manager.token, { given: true, channel: 'sms' }, 'applied', { monthlyIncome: 500 });
    await api()
      .patch(`/api/beneficiaries/${poorer.id}`)
      .set(bearer(manager.token))
      .send({ status: 'verified' })
      .expect(200);
    // verified → waitlisted is no new entry: nothing more is sent.
    await api()
      .patch(`/api/beneficiaries/${poorer.id}`)
      .set(bearer(manager.token))
      .send({ status: 'waitlisted' })
      .expect(200);

    const rows = await smsRows();
    expect(rows.map((r) => [r.topic, r.recipient, JSON.parse(r.payload), r.status])).to.deep.equal([
      ['sms.waitlist_place', String(other.id), { place: 1 }, 'pending'],
      ['sms.waitlist_place', String(poorer.id), { place: 2 }, 'pending'],
    ]);
    expect(rows[1].idempotency_key).to.match(new RegExp(`^sms:waitlist:${poorer.id}:\\d+$`));
    expect(rows.some((r) => r.recipient === String(silent.id))).to.equal(false);
    // The phone never goes into the outbox.
    const all = JSON.stringify(await rawSelect('SELECT * FROM outbox_messages'));
    for (const phone of [other.phone, poorer.phone, silent.phone]) {
      expect(all).not.to.include(phone);
      expect(all).not.to.include(phone.slice(4));
    }
  });

  it('when an appointment is set, stores it and queues the appointment now and the reminder for the day before', async () => {
    const b = await family(manager.token, { given: true, channel: 'sms' }, 'verified');
    const allocationId = await reservedAllocation(manager.token, tech, b.id);
    const siteId = await site(admin.token, 'DMM-1', 'مستودع الدمام', 'Dammam warehouse');
    const { iso } = nextYear('06-15', '07:30');
    const before = Date.now();
    const res = await api()
      .put(`/api/allocations/${allocationId}/appointment`)
      .set(bearer(manager.token))
      .send({ at: iso, siteId, bring: 'بطاقة الهوية الوطنية' })
      .expect(200);
    expect(res.body.appointment).to.deep.include({
      at: iso,
      siteId,
      bring: 'بطاقة الهوية الوطنية',
      version: 1,
      setBy: manager.user.id,
    });
    const [stored] = await rawSelect<{
      appointment_site_id: number;
      appointment_bring: string;
      appointment_version: number;
    }>('SELECT appointment_site_id, appointment_bring, appointment_version FROM allocations WHERE id = :allocationId', {
      allocationId,
    });
    expect([
      Number(stored.appointment_site_id),
      stored.appointment_bring,
      Number(stored.appointment_version),
    ]).to.deep.equal([siteId, 'بطاقة الهوية الوطنية', 1]);

    const rows = (await smsRows()).filter((r) => r.topic !== 'sms.waitlist_place');
    expect(rows.map((r) => [r.topic, r.idempotency_key, r.recipient])).to.deep.equal([
      ['sms.handover_appointment', `sms:appointment:${allocationId}:v1`, String(b.id)],
      ['sms.handover_reminder', `sms:reminder:${allocationId}:v1`, String(b.id)],
    ]);
    expect(JSON.parse(rows[0].payload)).to.deep.equal({
      allocationId,
      version: 1,
      at: iso,
      siteName: 'مستودع الدمام',
      siteNameLatin: 'Dammam warehouse',
      bring: 'بطاقة الهوية الوطنية',
    });
    expect(time(rows[0].next_attempt_at)).to.be.within(before - 1000, Date.now() + 1000);
    expect(time(rows[1].next_attempt_at)).to.equal(new Date(iso).getTime() - DAY_MS);

    // The same appointment again changes nothing and queues nothing.
    await api()
      .put(`/api/allocations/${allocationId}/appointment`)
      .set(bearer(manager.token))
      .send({ at: iso, siteId, bring: 'بطاقة الهوية الوطنية' })
      .expect(200);
    expect((await smsRows()).length).to.equal(rows.length + 1);
  });

  it('when the appointment is within a day, no reminder is queued; when the family did not consent, nothing is', async () => {
    const siteId = await site(admin.token, 'DMM-2', 'مستودع الخبر', 'Khobar warehouse');
    const soon = new Date(Date.now() + 5 * 3600_000).toISOString();
    const consenting = await family(manager.token, { given: true, channel: 'sms' }, 'verified');
    const a1 = await reservedAllocation(manager.token, tech, consenting.id);
    await api()
      .put(`/api/allocations/${a1}/appointment`)
      .set(bearer(manager.token))
      .send({ at: soon, siteId, bring: 'ID' })
      .expect(200);
    const silent = await family(manager.token, undefined, 'verified');
    const a2 = await reservedAllocation(manager.token, tech, silent.id);
    const res = await api()
      .put(`/api/allocations/${a2}/appointment`)
      .set(bearer(manager.token))
      .send({ at: soon, siteId, bring: 'ID' })
      .expect(200);
    expect(res.body.appointment.version).to.equal(1);
    const rows = (await smsRows()).filter((r) => r.topic !== 'sms.waitlist_place');
    expect(rows.map((r) => r.idempotency_key)).to.deep.equal([`sms:appointment:${a1}:v1`]);
  });

  it('when the appointment is in the past, the site unknown, the allocation missing or no longer reserved, refuses it', async () => {
    const siteId = await site(admin.token, 'DMM-3', 'مستودع الدمام', 'Dammam warehouse');
    const b = await family(manager.token, { given: true, channel: 'sms' }, 'verified');
    const id = await reservedAllocation(manager.token, tech, b.id);
    const put = (allocationId: number, body: object) =>
      api().put(`/api/allocations/${allocationId}/appointment`).set(bearer(manager.token)).send(body);

    const past = await put(id, { at: '2020-01-01T08:00:00Z', siteId, bring: 'ID' }).expect(400);
    expect(past.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['at']);
    const missing = await put(id, { at: nextYear('01-10', '08:00').iso }).expect(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path).sort()).to.deep.equal(['bring', 'siteId']);
    const unknownSite = await put(id, { at: nextYear('01-10', '08:00').iso, siteId: 99999, bring: 'ID' }).expect(422);
    expect(unknownSite.body.error.details[0].path).to.equal('siteId');
    await put(99999, { at: nextYear('01-10', '08:00').iso, siteId, bring: 'ID' }).expect(404);
    await api()
      .post(`/api/allocations/${id}/cancel`)
      .set(bearer(manager.token))
      .send({ reason: 'device fault' })
      .expect(200);
    const cancelled = await put(id, { at: nextYear('01-10', '08:00').iso, siteId, bring: 'ID' }).expect(409);
    expect(cancelled.body.error.code).to.equal('INVALID_TRANSITION');
    expect((await smsRows()).filter((r) => r.topic !== 'sms.waitlist_place')).to.deep.equal([]);
  });
});
