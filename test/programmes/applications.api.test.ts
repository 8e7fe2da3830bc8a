// The public application form of a programme (spec §14): open only while applicationsOpen, the pledge form's
// protections (honeypot, rate limit), the registry's validation, the programme's eligibility, one application per
// national ID and programme, a reference, and the acknowledgement SMS only with consent.
import fs from 'node:fs';
import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../server/app.js';
import { config } from '../../server/config.js';
import { charityToday } from '../../server/modules/beneficiaries/index.js';
import { drainOutbox, registerChannel } from '../../server/modules/outbox/index.js';
import { createSmsChannel, renderText } from '../../server/modules/sms/index.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { application, applicationCounts, bornYearsAgo, person, programmeWith } from '../helpers/selection.js';
import type { PublicApplicationDto, PublicProgrammeDto } from '../../server/shared/index.js';

const year = charityToday().slice(0, 4);

interface OutboxRow {
  channel: string;
  topic: string;
  idempotency_key: string;
  recipient: string;
  payload: string;
}
const outbox = () =>
  rawSelect<OutboxRow>('SELECT channel, topic, idempotency_key, recipient, payload FROM outbox_messages ORDER BY id');

interface StoredBeneficiary {
  id: number;
  kind: string;
  name: string;
  status: string;
  phone: string;
  national_id_encrypted: string;
  national_id_hash: string;
  national_id_last4: string;
  birth_date: string | Date;
  region_code: string;
  household_size: number;
  monthly_income: string | number;
  contact_consent: number | boolean;
  contact_consent_channel: string | null;
  contact_language: string | null;
  contact_consent_by: number | null;
}
const beneficiaries = () => rawSelect<StoredBeneficiary>('SELECT * FROM beneficiaries ORDER BY id');
const applications = () =>
  rawSelect<{ programme_id: number; beneficiary_id: number; reference: string; motivation: string | null }>(
    'SELECT programme_id, beneficiary_id, reference, motivation FROM programme_applications ORDER BY id',
  );
const day = (v: string | Date) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);

describe('the public application form (POST /api/public/programmes/:id/applications)', () => {
  let manager: string;
  let open: number;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    open = await programmeWith(manager, {
      name: 'برنامج طلاب الجامعات',
      nameLatin: 'University students',
      applicationsOpen: true,
      eligibility: { kinds: ['student'], minAge: 18, maxAge: 30, regionCodes: ['SA-01'], maxIncomePerMember: 1000 },
    });
  });

  it('shows an open programme without sign-in: names, rules and end date only', async () => {
    const res = await api().get(`/api/public/programmes/${open}`).expect(200);
    expect(res.body).to.deep.equal({
      id: open,
      name: 'برنامج طلاب الجامعات',
      nameLatin: 'University students',
      eligibility: { kinds: ['student'], minAge: 18, maxAge: 30, regionCodes: ['SA-01'], maxIncomePerMember: 1000 },
      endsOn: null,
    } satisfies PublicProgrammeDto);
  });

  it('answers 404 for a programme that is not taking applications (or none), and writes nothing', async () => {
    const closed = await programmeWith(manager);
    const before = await applicationCounts();
    await api().get(`/api/public/programmes/${closed}`).expect(404);
    await api().get('/api/public/programmes/999999').expect(404);
    await api().post(`/api/public/programmes/${closed}/applications`).send(application()).expect(404);
    await api().post('/api/public/programmes/999999/applications').send(application()).expect(404);
    expect(await applicationCounts()).to.deep.equal(before);
  });

  it('registers the applicant (status applied, ID encrypted, consent by no one) and the application with its reference, and queues one SMS', async () => {
    const body = application();
    const res = await api().post(`/api/public/programmes/${open}/applications`).send(body).expect(201);

    expect(res.body).to.deep.equal({
      reference: `AP-${year}-000001`,
      programmeId: open,
      smsQueued: true,
    } satisfies PublicApplicationDto);
    const [b] = await beneficiaries();
    expect(b).to.include({ kind: 'student', name: 'سارة الأحمد', status: 'applied', region_code: 'SA-01' });
    expect(b.phone).to.match(/^\+9665/);
    expect(day(b.birth_date)).to.equal(body.birthDate);
    expect(b.national_id_last4).to.equal(body.nationalId.slice(-4));
    expect(b.national_id_hash).to.match(/^[0-9a-f]{64}$/);
    expect(b.national_id_encrypted).to.be.a('string').and.not.contain(body.nationalId);
    expect(b.national_id_encrypted.length).to.be.greaterThan(20);
    expect([
      Boolean(b.contact_consent),
      b.contact_consent_channel,
      b.contact_language,
      b.contact_consent_by,
    ]).to.deep.equal([true, 'sms', 'ar', null]);
    expect(await applications()).to.deep.equal([
      {
        programme_id: open,
        beneficiary_id: b.id,
        reference: `AP-${year}-000001`,
        motivation: 'أحتاج الحاسب لدراستي الجامعية',
      },
    ]);
    const audits = await rawSelect<{ action: string; actor_id: number | null }>(
      'SELECT action, actor_id FROM beneficiary_audit WHERE beneficiary_id = :id',
      { id: b.id },
    );
    expect(audits).to.deep.equal([{ action: 'created', actor_id: null }]);
    const messages = await outbox();
    expect(messages).to.have.length(1);
    expect(messages[0]).to.include({ channel: 'sms', topic: 'sms.application_received', recipient: String(b.id) });
    const payload = JSON.parse(messages[0].payload) as Record<string, unknown>;
    expect(payload).to.deep.equal({
      reference: `AP-${year}-000001`,
      programmeName: 'برنامج طلاب الجامعات',
      programmeNameLatin: 'University students',
    });
    // Nothing personal in the outbox: the channel reads the phone at send time.
    expect(messages[0].payload).not.to.contain(body.nationalId).and.not.to.contain(b.phone);
    for (const language of ['ar', 'fr', 'en'] as const) {
      const text = renderText('sms.application_received', payload, [language], 'SA');
      expect(text, language).to.contain(`AP-${year}-000001`);
    }
    expect(renderText('sms.application_received', payload, ['en'], 'SA')).to.contain('University students');
    expect(renderText('sms.application_received', payload, ['ar'], 'SA')).to.contain('برنامج طلاب الجامعات');

    const second = await api().post(`/api/public/programmes/${open}/applications`).send(application()).expect(201);
    expect(second.body.reference).to.equal(`AP-${year}-000002`);
  });

  it('the SMS channel delivers the acknowledgement: to the phone given, in the language chosen, with the reference', async function () {
    this.timeout(60_000);
    const secret = 'sms-gateway-shared-secret-2026';
    const receiver = await startWebhookReceiver(secret);
    const previous = registerChannel('sms', createSmsChannel({ url: receiver.url, secret, allowPrivate: true }));
    try {
      const res = await api()
        .post(`/api/public/programmes/${open}/applications`)
        .send(application({ phone: '0551237788', contactLanguage: 'en' }))
        .expect(201);
      expect(await drainOutbox()).to.deep.equal({ sent: 1, retry: 0, dead: 0 });
      const [got] = await receiver.received();
      expect(got).to.include({ verified: true, answered: 200 });
      const body = JSON.parse(got.body) as { to: string; channel: string; language: string; text: string };
      expect(body).to.include({ to: '+966551237788', channel: 'sms', language: 'en' });
      expect(body.text).to.contain(res.body.reference).and.contain('University students');
    } finally {
      registerChannel('sms', previous);
      await receiver.stop();
    }
  });

  it('without consent, queues no SMS (smsQueued false) and records the answer no', async () => {
    const res = await api()
      .post(`/api/public/programmes/${open}/applications`)
      .send(application({ contactConsent: false, contactLanguage: undefined }))
      .expect(201);

    expect(res.body.smsQueued).to.equal(false);
    expect(await outbox()).to.deep.equal([]);
    const [b] = await beneficiaries();
    expect([Boolean(b.contact_consent), b.contact_consent_channel]).to.deep.equal([false, null]);
    expect(await applications()).to.have.length(1);
  });

  it('when the honeypot website is filled in, answers 400 naming website like the pledge form, and writes nothing', async () => {
    const before = await applicationCounts();
    const res = await api()
      .post(`/api/public/programmes/${open}/applications`)
      .send(application({ website: 'http://spam.example' }))
      .expect(400);
    expect(res.body.error.code).to.equal('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['website']);
    expect(await applicationCounts()).to.deep.equal(before);
  });

  it('validates like the registry: a bad national ID check digit, phone, region or birth date is a 400 naming each', async () => {
    const before = await applicationCounts();
    const body = application();
    const wrongCheckDigit = body.nationalId.slice(0, 9) + String((Number(body.nationalId[9]) + 1) % 10);
    const res = await api()
      .post(`/api/public/programmes/${open}/applications`)
      .send({ ...body, nationalId: wrongCheckDigit, phone: '12', regionCode: 'XX-99', birthDate: '2999-01-01' })
      .expect(400);
    const details = res.body.error.details as { path: string; type: string }[];
    expect(details.map((d) => d.path).sort()).to.deep.equal(['birthDate', 'nationalId', 'phone', 'regionCode']);
    expect(details.find((d) => d.path === 'nationalId')!.type).to.equal('nationalId.SA');
    expect(details.find((d) => d.path === 'birthDate')!.type).to.equal('date.max');
    expect(res.text).not.to.contain(wrongCheckDigit);
    const missing = await api().post(`/api/public/programmes/${open}/applications`).send({}).expect(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).to.include.members([
      'kind',
      'name',
      'nationalId',
      'phone',
      'birthDate',
      'regionCode',
      'householdSize',
      'monthlyIncome',
      'contactConsent',
    ]);
    expect(await applicationCounts()).to.deep.equal(before);
  });

  it('answers 422 NOT_ELIGIBLE naming each rule the applicant fails, and writes nothing', async () => {
    const before = await applicationCounts();
    const res = await api()
      .post(`/api/public/programmes/${open}/applications`)
      .send(
        application({
          kind: 'family',
          birthDate: bornYearsAgo(45),
          regionCode: 'SA-04',
          householdSize: 2,
          monthlyIncome: 5000,
        }),
      )
      .expect(422);

    expect(res.body.error.code).to.equal('NOT_ELIGIBLE');
    expect(res.body.error.details.map((d: { path: string; rule: string }) => [d.path, d.rule])).to.deep.equal([
      ['kind', 'eligibility.kinds'],
      ['birthDate', 'eligibility.maxAge'],
      ['regionCode', 'eligibility.regionCodes'],
      ['monthlyIncome', 'eligibility.maxIncomePerMember'],
    ]);
    const young = await api()
      .post(`/api/public/programmes/${open}/applications`)
      .send(application({ birthDate: bornYearsAgo(16) }))
      .expect(422);
    expect(young.body.error.details).to.have.length(1);
    expect(young.body.error.details[0]).to.include({ path: 'birthDate', rule: 'eligibility.minAge' });
    expect(await applicationCounts()).to.deep.equal(before);
  });

  it('a second application with the same national ID to the same programme is a 409 DUPLICATE_APPLICATION, and writes nothing', async () => {
    const body = application();
    await api().post(`/api/public/programmes/${open}/applications`).send(body).expect(201);
    const before = await applicationCounts();

    const res = await api()
      .post(`/api/public/programmes/${open}/applications`)
      .send({ ...body, name: 'Someone Else', phone: '0559999999', nationalId: ` ${body.nationalId} ` })
      .expect(409);

    expect(res.body.error.code).to.equal('DUPLICATE_APPLICATION');
    expect(res.text).not.to.contain(body.nationalId);
    expect(await applicationCounts()).to.deep.equal(before);
    expect((await beneficiaries()).map((b) => b.name)).to.deep.equal(['سارة الأحمد']);
  });

  it('a national ID already in the registry is linked as it is (data unchanged) to a new application', async () => {
    const registered = await person(manager, { kind: 'student', name: 'طالب مسجل', birthDate: bornYearsAgo(22) });
    const before = (await beneficiaries())[0];
    const other = await programmeWith(manager, { applicationsOpen: true });

    const res = await api()
      .post(`/api/public/programmes/${other}/applications`)
      .send(
        application({ nationalId: registered.nationalId, name: 'اسم آخر', phone: '0551112223', contactConsent: true }),
      )
      .expect(201);

    // The registered record never agreed to messages: the form's consent does not change it, so no SMS.
    expect(res.body).to.include({ programmeId: other, smsQueued: false });
    const after = await beneficiaries();
    expect(after).to.have.length(1);
    expect(after[0]).to.deep.equal(before);
    expect(await applications()).to.deep.equal([
      {
        programme_id: other,
        beneficiary_id: registered.id,
        reference: res.body.reference,
        motivation: 'أحتاج الحاسب لدراستي الجامعية',
      },
    ]);
    const audits = await rawSelect<{ action: string; actor_id: number | null; fields: string }>(
      "SELECT action, actor_id, fields FROM beneficiary_audit WHERE beneficiary_id = :id AND action = 'applied'",
      { id: registered.id },
    );
    expect(audits).to.deep.equal([{ action: 'applied', actor_id: null, fields: '["programmeApplication"]' }]);
    expect(await outbox()).to.deep.equal([]);
    // Once verified, the programme's list shows the application's reference.
    const list = await api().get(`/api/programmes/${other}/waitlist`).set(bearer(manager)).expect(200);
    expect(list.body.items[0]).to.include({ applicationReference: res.body.reference });
  });

  it('never logs the national ID or the phone number', async () => {
    const body = application({ phone: '0551239876' });
    await api().post(`/api/public/programmes/${open}/applications`).send(body).expect(201);
    await api().post(`/api/public/programmes/${open}/applications`).send(body).expect(409);
    // The file transport writes asynchronously: wait for the application's line.
    const read = () => (fs.existsSync(config.logFile) ? fs.readFileSync(config.logFile, 'utf8') : '');
    for (let i = 0; i < 40 && !read().includes('selection.application'); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const log = read();
    expect(log).to.contain('selection.application');
    expect(log).not.to.contain(body.nationalId);
    expect(log).not.to.contain('551239876');
  });

  it(`answers 429 after ${config.publicRateLimitPer15Min} applications from one address in 15 minutes`, async function () {
    this.timeout(60_000);
    const fresh = request(createApp());
    const statuses: number[] = [];
    // Refused applications (a filled honeypot) count too, and write nothing.
    for (let i = 0; i < config.publicRateLimitPer15Min; i += 1)
      statuses.push(
        (await fresh.post(`/api/public/programmes/${open}/applications`).send(application({ website: 'x' }))).status,
      );
    const res = await fresh.post(`/api/public/programmes/${open}/applications`).send(application());

    expect(statuses).to.deep.equal(Array(config.publicRateLimitPer15Min).fill(400));
    expect(res.status).to.equal(429);
    expect(res.body.error.code).to.equal('RATE_LIMITED');
    expect(res.headers['retry-after']).to.equal('900');
    expect(await applications()).to.deep.equal([]);
    // The pledge form keeps its own budget.
    expect((await fresh.post('/api/public/pledges').send({})).status).to.equal(400);
  });
});
