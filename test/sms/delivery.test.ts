// Issue 17 point 4 (spec §12), delivery: the SMS channel sends queued messages to a real gateway, a receiver in its
// own process (test/helpers/webhook-receiver.ts: node:http and node:crypto only) that verifies X-Nimah-Signature and
// dedupes on X-Nimah-Delivery. The channel is the real one, pointed at the receiver through its settings, with
// WEBHOOK_ALLOW_PRIVATE's value true (the receiver listens on 127.0.0.1).
import fs from 'node:fs';
import { expect } from 'chai';
import { config } from '../../server/config.js';
import { withTransaction } from '../../server/db/sequelize.js';
import { drainOutbox, enqueue, registerChannel, type OutboxChannel } from '../../server/modules/outbox/index.js';
import { createSmsChannel, smsChannel } from '../../server/modules/sms/index.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawWrite } from '../helpers/more-factories.js';
import { freePort } from '../helpers/processes.js';
import { startWebhookReceiver, type ReceivedDelivery, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { family, nextYear, PHONES_USED, reservedAllocation, site, smsRows } from './helpers.js';

const SECRET = 'sms-gateway-shared-secret-2026';

interface GatewayBody {
  id: string;
  to: string;
  channel: string;
  language: string;
  text: string;
}
const bodyOf = (d: ReceivedDelivery) => JSON.parse(d.body) as GatewayBody;

describe('SMS to families: delivery through the gateway', function () {
  this.timeout(60_000);
  let receiver: WebhookReceiver;
  let previous: OutboxChannel | undefined;
  let manager: string;
  let admin: string;
  let tech: string;

  before(async () => {
    receiver = await startWebhookReceiver(SECRET);
  });
  after(async () => {
    await receiver?.stop();
  });
  beforeEach(async () => {
    await receiver.control({ reset: true, status: 200, secret: SECRET });
    previous = registerChannel('sms', createSmsChannel({ url: receiver.url, secret: SECRET, allowPrivate: true }));
    manager = (await signIn('manager')).token;
    admin = (await signIn('admin')).token;
    tech = (await signIn('technician')).token;
  });
  afterEach(() => {
    registerChannel('sms', previous);
  });

  /** Makes the queued messages with these keys due now (a reminder's day has come). */
  const makeDue = (...keys: string[]) =>
    rawWrite('UPDATE outbox_messages SET next_attempt_at = :past WHERE idempotency_key IN (:keys)', {
      past: new Date(Date.now() - 1000),
      keys,
    });

  async function appointment(allocationId: number, at: string, siteId: number, bring: string) {
    return api()
      .put(`/api/allocations/${allocationId}/appointment`)
      .set(bearer(manager))
      .send({ at, siteId, bring })
      .expect(200);
  }

  it('when a consenting family enters the waiting list, the gateway receives their place in Arabic, signed, to their E.164 phone', async () => {
    const b = await family(manager, { given: true, channel: 'whatsapp' }, 'verified');
    expect(await drainOutbox()).to.deep.equal({ sent: 1, retry: 0, dead: 0 });
    const [got] = await receiver.received();
    expect(got).to.include({ verified: true, duplicate: false, answered: 200, contentType: 'application/json' });
    const [row] = await smsRows();
    expect(got.delivery).to.equal(row.idempotency_key);
    expect(row.status).to.equal('sent');
    expect(bodyOf(got)).to.deep.equal({
      id: row.idempotency_key,
      to: b.phone,
      channel: 'whatsapp',
      language: 'ar',
      text: 'تم تسجيلكم في قائمة الانتظار لاستلام جهاز حاسب، وترتيبكم الحالي 1. سنراسلكم عند تحديد موعد الاستلام.',
    });
  });

  it('when an appointment is set, the gateway receives it with the date, site and what to bring, and the reminder once its day comes', async () => {
    const b = await family(manager, { given: true, channel: 'sms' }, 'verified');
    expect(await drainOutbox()).to.deep.equal({ sent: 1, retry: 0, dead: 0 }); // the waiting-list place
    const allocationId = await reservedAllocation(manager, tech, b.id);
    const siteId = await site(admin, 'DMM-1', 'مستودع الدمام', 'Dammam warehouse');
    const { iso, year } = nextYear('06-15', '07:30'); // 10:30 in Riyadh
    await appointment(allocationId, iso, siteId, 'بطاقة الهوية الوطنية');
    // The appointment goes now; the reminder waits for the day before.
    expect(await drainOutbox()).to.deep.equal({ sent: 1, retry: 0, dead: 0 });
    let got = await receiver.received();
    const sent = bodyOf(got[1]);
    expect(got[1]).to.include({ verified: true, delivery: `sms:appointment:${allocationId}:v1` });
    expect([sent.to, sent.channel, sent.language]).to.deep.equal([b.phone, 'sms', 'ar']);
    expect(sent.text).to.match(/^موعد استلام جهازكم: /);
    for (const part of ['15', 'يونيو', String(year), '10:30', 'مستودع الدمام', 'بطاقة الهوية الوطنية'])
      expect(sent.text).to.include(part);

    await makeDue(`sms:reminder:${allocationId}:v1`);
    expect(await drainOutbox()).to.deep.equal({ sent: 1, retry: 0, dead: 0 });
    got = await receiver.received();
    const reminder = bodyOf(got[2]);
    expect(got[2]).to.include({ verified: true, delivery: `sms:reminder:${allocationId}:v1` });
    expect(reminder.text).to.match(/^تذكير بموعد استلام جهازكم: /);
    expect(reminder.text).to.include('10:30').and.include('مستودع الدمام');
  });

  it('when the appointment changes, the new one is sent and the old reminder is dead-lettered as "appointment changed", never sent', async () => {
    const b = await family(manager, { given: true, channel: 'sms', language: 'en' }, 'verified');
    expect(await drainOutbox()).to.deep.equal({ sent: 1, retry: 0, dead: 0 }); // the waiting-list place
    const allocationId = await reservedAllocation(manager, tech, b.id);
    const siteId = await site(admin, 'DMM-1', 'مستودع الدمام', 'Dammam warehouse');
    await appointment(allocationId, nextYear('06-15', '07:30').iso, siteId, 'ID card');
    const { iso, year } = nextYear('06-20', '06:00'); // 09:00 in Riyadh
    await appointment(allocationId, iso, siteId, 'ID card and the referral letter');
    await makeDue(`sms:reminder:${allocationId}:v1`);

    expect(await drainOutbox()).to.deep.equal({ sent: 1, retry: 0, dead: 2 });
    const rows = await smsRows();
    const byKey = Object.fromEntries(rows.map((r) => [r.idempotency_key, [r.status, r.last_error]]));
    expect(byKey[`sms:appointment:${allocationId}:v1`]).to.deep.equal(['dead', 'appointment changed']);
    expect(byKey[`sms:reminder:${allocationId}:v1`]).to.deep.equal(['dead', 'appointment changed']);
    expect(byKey[`sms:appointment:${allocationId}:v2`]).to.deep.equal(['sent', null]);
    expect(byKey[`sms:reminder:${allocationId}:v2`]).to.deep.equal(['pending', null]);

    const got = await receiver.received();
    expect(got.map((d) => d.delivery)).to.have.members([rows[0].idempotency_key, `sms:appointment:${allocationId}:v2`]);
    const sent = bodyOf(got.find((d) => d.delivery === `sms:appointment:${allocationId}:v2`)!);
    expect(sent.language).to.equal('en');
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'Asia/Riyadh' }).format(
      new Date(iso),
    );
    expect(sent.text).to.equal(
      `Your computer handover: ${weekday}, 20 June ${year} at 09:00, Dammam warehouse. Please bring: ID card and the referral letter.`,
    );
  });

  it('when a Moroccan charity writes to a family with no language of their own, the text is French then Arabic', async () => {
    registerChannel('sms', createSmsChannel({ url: receiver.url, secret: SECRET, allowPrivate: true, country: 'MA' }));
    const b = await family(manager, { given: true, channel: 'sms' }, 'verified');
    const allocationId = await reservedAllocation(manager, tech, b.id);
    const siteId = await site(admin, 'CAS-1', 'مستودع الدار البيضاء', 'Entrepôt Casablanca');
    // Casablanca's offset changes during Ramadan, whose dates move every year: the hour is not pinned here.
    const { iso } = nextYear('11-02', '09:00');
    await appointment(allocationId, iso, siteId, "la carte d'identité");
    await drainOutbox();
    const got = await receiver.received();
    const sent = bodyOf(got.find((d) => d.delivery === `sms:appointment:${allocationId}:v1`)!);
    expect(sent.language).to.equal('fr+ar');
    const [fr, ar] = sent.text.split('\n');
    expect(fr).to.match(
      /^Remise de votre ordinateur : \S+ 2 novembre \d{4} à \d\d:00, Entrepôt Casablanca\. Merci d'apporter : la carte d'identité\.$/,
    );
    expect(ar).to.match(
      /^موعد استلام جهازكم: .*نونبر.*\d\d:00، المكان: مستودع الدار البيضاء\. يرجى إحضار: la carte d'identité\.$/,
    );
  });

  it('when the family was allocated a device before their waiting-list place went out, that message is dead-lettered', async () => {
    const b = await family(manager, { given: true, channel: 'sms' }, 'verified');
    await reservedAllocation(manager, tech, b.id);
    expect(await drainOutbox()).to.deep.equal({ sent: 0, retry: 0, dead: 1 });
    const [row] = await smsRows();
    expect([row.topic, row.last_error]).to.deep.equal([
      'sms.waitlist_place',
      `Beneficiary ${b.id} is no longer on the waiting list (allocated)`,
    ]);
    expect(await receiver.received()).to.deep.equal([]);
  });

  it('when the family withdraws consent, their pending messages are dead-lettered at send time and the gateway gets nothing', async () => {
    const b = await family(manager, { given: true, channel: 'sms' }, 'verified');
    const allocationId = await reservedAllocation(manager, tech, b.id);
    const siteId = await site(admin, 'DMM-1', 'مستودع الدمام', 'Dammam warehouse');
    await appointment(allocationId, nextYear('06-15', '07:30').iso, siteId, 'ID card');
    await api()
      .patch(`/api/beneficiaries/${b.id}`)
      .set(bearer(manager))
      .send({ contactConsent: { given: false } })
      .expect(200);
    await makeDue(`sms:reminder:${allocationId}:v1`);
    expect(await drainOutbox()).to.deep.equal({ sent: 0, retry: 0, dead: 3 });
    const rows = await smsRows();
    expect(rows.map((r) => [r.status, r.last_error])).to.deep.equal(
      Array(3).fill(['dead', `Beneficiary ${b.id} has withdrawn consent to be contacted`]),
    );
    expect(await receiver.received()).to.deep.equal([]);
  });

  it('when the allocation was cancelled or the appointment has passed, the reminder is dead-lettered, not sent', async () => {
    const siteId = await site(admin, 'DMM-1', 'مستودع الدمام', 'Dammam warehouse');
    const first = await family(manager, { given: true, channel: 'sms' }, 'verified');
    const a1 = await reservedAllocation(manager, tech, first.id);
    await appointment(a1, nextYear('06-15', '07:30').iso, siteId, 'ID card');
    await api().post(`/api/allocations/${a1}/cancel`).set(bearer(manager)).send({ reason: 'device fault' }).expect(200);
    const second = await family(manager, { given: true, channel: 'sms' }, 'verified');
    const a2 = await reservedAllocation(manager, tech, second.id);
    await appointment(a2, nextYear('06-15', '07:30').iso, siteId, 'ID card');
    await rawWrite('UPDATE allocations SET appointment_at = :past WHERE id = :a2', {
      past: new Date(Date.now() - 3600_000),
      a2,
    });
    await makeDue(`sms:reminder:${a1}:v1`, `sms:reminder:${a2}:v1`);
    await drainOutbox();
    const byKey = Object.fromEntries((await smsRows()).map((r) => [r.idempotency_key, [r.status, r.last_error]]));
    expect(byKey[`sms:reminder:${a1}:v1`]).to.deep.equal([
      'dead',
      `Allocation ${a1} is cancelled: no handover to attend`,
    ]);
    expect(byKey[`sms:reminder:${a2}:v1`]).to.deep.equal(['dead', 'The appointment has passed']);
    const delivered = (await receiver.received()).map((d) => d.delivery);
    expect(delivered).not.to.include(`sms:reminder:${a1}:v1`);
    expect(delivered).not.to.include(`sms:reminder:${a2}:v1`);
  });

  it('when the gateway fails or refuses the signature, the message is retried with the same key and sent once it accepts', async () => {
    await family(manager, { given: true, channel: 'sms' }, 'verified');
    await receiver.control({ status: 503 });
    expect(await drainOutbox()).to.deep.equal({ sent: 0, retry: 1, dead: 0 });
    let [row] = await smsRows();
    expect([row.status, row.last_error]).to.deep.equal(['pending', 'The SMS gateway answered HTTP 503']);

    await receiver.control({ status: 200, secret: 'another-secret' });
    await makeDue(row.idempotency_key);
    expect(await drainOutbox()).to.deep.equal({ sent: 0, retry: 1, dead: 0 });
    [row] = await smsRows();
    expect(row.last_error).to.equal('The SMS gateway answered HTTP 401');

    await receiver.control({ secret: SECRET });
    await makeDue(row.idempotency_key);
    expect(await drainOutbox()).to.deep.equal({ sent: 1, retry: 0, dead: 0 });
    const got = await receiver.received();
    expect(got.map((d) => [d.delivery, d.answered, d.verified])).to.deep.equal([
      [row.idempotency_key, 503, true],
      [row.idempotency_key, 401, false],
      [row.idempotency_key, 200, true],
    ]);
  });

  it('when the gateway does not answer in time or cannot be reached, the try fails and is retried later', async () => {
    await family(manager, { given: true, channel: 'sms' }, 'verified');
    await receiver.control({ stall: true });
    registerChannel('sms', createSmsChannel({ url: receiver.url, secret: SECRET, allowPrivate: true, timeoutMs: 300 }));
    expect(await drainOutbox()).to.deep.equal({ sent: 0, retry: 1, dead: 0 });
    let [row] = await smsRows();
    expect([row.status, row.last_error]).to.deep.equal(['pending', 'The SMS gateway did not answer within 300 ms']);
    await receiver.control({ stall: false });

    const closed = `http://127.0.0.1:${await freePort()}/sms`;
    registerChannel('sms', createSmsChannel({ url: closed, secret: SECRET, allowPrivate: true }));
    await makeDue(row.idempotency_key);
    expect(await drainOutbox()).to.deep.equal({ sent: 0, retry: 1, dead: 0 });
    [row] = await smsRows();
    expect(row.last_error).to.equal('The SMS gateway could not be reached: ECONNREFUSED');
  });

  it('when a payload lacks what its text needs, the message is a dead letter naming the fields', async () => {
    const b = await family(manager, { given: true, channel: 'sms' }, 'applied');
    await withTransaction((t) =>
      enqueue(t, [
        {
          channel: 'sms',
          topic: 'sms.handover_reminder',
          key: 'broken:1',
          recipient: String(b.id),
          payload: { version: 1 },
        },
      ]),
    );
    expect(await drainOutbox()).to.deep.equal({ sent: 0, retry: 0, dead: 1 });
    const [row] = await smsRows();
    expect(row.last_error).to.equal(
      'The sms.handover_reminder payload is missing or has unusable allocationId, at, siteName, bring',
    );
  });

  it('when the gateway is not configured or is on a private address without WEBHOOK_ALLOW_PRIVATE, messages wait and the admin screen says why', async () => {
    expect(smsChannel.unavailable()).to.equal('SMS_WEBHOOK_URL is not set');
    expect(createSmsChannel({ url: receiver.url, secret: '' }).unavailable()).to.equal('SMS_WEBHOOK_SECRET is not set');
    const strict = createSmsChannel({ url: receiver.url, secret: SECRET, allowPrivate: false });
    expect(strict.unavailable()).to.equal(
      'SMS_WEBHOOK_URL is on a loopback or private address; set WEBHOOK_ALLOW_PRIVATE=true to allow it',
    );
    registerChannel('sms', strict);
    await family(manager, { given: true, channel: 'sms' }, 'verified');
    expect(await drainOutbox()).to.deep.equal({ sent: 0, retry: 0, dead: 0 });
    const list = await api().get('/api/outbox?channel=sms').set(bearer(admin)).expect(200);
    expect(list.body.items[0]).to.include({ status: 'pending', attempts: 0, topic: 'sms.waitlist_place' });
    expect(list.body.items[0].recipientMasked).to.match(/^beneficiary #\d+$/);
    const sms = (list.body.channels as { channel: string; unavailable: string | null }[]).find(
      (c) => c.channel === 'sms',
    );
    expect(sms?.unavailable).to.include('WEBHOOK_ALLOW_PRIVATE');
    expect(await receiver.received()).to.deep.equal([]);
  });

  it('logs no phone number of any family messaged in these tests', async () => {
    await new Promise((r) => setTimeout(r, 300)); // let the file transport flush
    const log = fs.readFileSync(config.logFile, 'utf8');
    expect(log.length).to.be.greaterThan(0);
    expect(PHONES_USED.length).to.be.greaterThan(5);
    const leaks = PHONES_USED.filter(
      (p) => log.includes(p) || log.includes(p.slice(4)) || log.includes(`0${p.slice(4)}`),
    );
    expect(leaks).to.deep.equal([]);
  });
});
