// The changes Nimah reports (issue 17): each writes its messages in its own transaction — a webhook message per
// subscribed endpoint, an email to the donor — and the worker delivers them to real receivers in other processes
// (a webhook receiver that verifies signatures with node:crypto, an SMTP server).
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../server/db/sequelize.js';
import { createEmailChannel } from '../../server/modules/email/index.js';
import { drainOutbox, registerChannel, type OutboxChannel } from '../../server/modules/outbox/index.js';
import { createWebhookChannel } from '../../server/modules/webhooks/index.js';
import { createEndpoint } from '../../server/modules/webhooks/webhooks.service.js';
import { api, bearer } from '../helpers/api.js';
import { createDonation, createDonor, signIn } from '../helpers/factories.js';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { act, intake } from '../helpers/workshop.js';
import { handedOver } from '../documents/documents.helpers.js';

const SECRET = 'producers-test-secret-0001';

interface Row {
  channel: string;
  topic: string;
  idempotency_key: string;
  recipient: string;
  status: string;
}
const outbox = () =>
  getSequelize().query<Row>(
    'SELECT channel, topic, idempotency_key, recipient, status FROM outbox_messages ORDER BY id',
    { type: QueryTypes.SELECT },
  );

describe('outbox producers: what a change writes, and what arrives', function () {
  this.timeout(60_000);
  let receiver: WebhookReceiver;
  let smtp: SmtpReceiver;
  const previous: Partial<Record<'email' | 'webhook', OutboxChannel | undefined>> = {};
  before(async () => {
    [receiver, smtp] = await Promise.all([startWebhookReceiver(SECRET), startSmtpReceiver()]);
  });
  after(async () => {
    await Promise.all([receiver?.stop(), smtp?.stop()]);
  });
  beforeEach(async () => {
    await receiver.control({ reset: true, status: 200, stall: false });
    previous.webhook = registerChannel('webhook', createWebhookChannel({ allowPrivate: true }));
    previous.email = registerChannel('email', createEmailChannel({ smtpUrl: smtp.url, from: 'noreply@charity.test' }));
  });
  afterEach(() => {
    registerChannel('webhook', previous.webhook);
    registerChannel('email', previous.email);
  });

  const subscribe = async (events: string[]) => {
    const admin = await signIn('admin');
    await createEndpoint({ url: receiver.url, events: events as never, secret: SECRET }, admin.user, {
      allowPrivate: true,
    });
  };

  it('when no endpoint is subscribed, a lifecycle action writes no webhook message', async () => {
    const { token } = await signIn('technician');
    const device = await intake(token);
    await act(token, device, { action: 'triage', needsRepair: false, disposition: 'reuse' });
    expect((await outbox()).filter((r) => r.channel === 'webhook')).to.deep.equal([]);
  });

  it('when a device changes status, each subscribed endpoint gets one signed message with its own key, and a rejected action writes none', async () => {
    await subscribe(['device.status_changed']);
    const { token } = await signIn('technician');
    const device = await intake(token);
    const triaged = await act(token, device, { action: 'triage', needsRepair: false, disposition: 'reuse' });
    // A stale version is refused: its transaction, and any message in it, rolls back.
    await act(token, device, { action: 'triage', needsRepair: false, disposition: 'reuse' }, 409);

    const rows = (await outbox()).filter((r) => r.topic === 'device.status_changed');
    expect(rows).to.have.length(1);
    expect(rows[0].status).to.equal('pending');

    expect(await drainOutbox()).to.include({ sent: 1, dead: 0 });
    const got = await receiver.received();
    expect(got).to.have.length(1);
    expect(got[0].verified, got[0].reason ?? '').to.equal(true);
    expect(got[0].event).to.equal('device.status_changed');
    expect(got[0].delivery).to.equal(rows[0].idempotency_key);
    const body = JSON.parse(got[0].body) as { event: string; data: Record<string, unknown> };
    expect(body.event).to.equal('device.status_changed');
    expect(body.data).to.include({ deviceId: device.id, assetTag: device.assetTag, from: 'intake', to: 'wipe' });
    expect(body.data.version).to.equal(triaged.version);
  });

  it('when a donation is received and then closed, the donor is thanked and then sent the receipt link, and the webhooks hear both', async () => {
    await subscribe(['donation.received', 'donation.closed']);
    const manager = await signIn('manager');
    const donor = await createDonor();
    const donation = await createDonation({ status: 'pledged', donorId: donor.id });
    await api()
      .patch(`/api/donations/${donation.id}`)
      .set(bearer(manager.token))
      .send({ status: 'received' })
      .expect(200);
    await api()
      .patch(`/api/donations/${donation.id}`)
      .set(bearer(manager.token))
      .send({ status: 'closed' })
      .expect(200);

    const rows = await outbox();
    expect(rows.map((r) => [r.channel, r.topic])).to.deep.equal([
      ['webhook', 'donation.received'],
      ['email', 'donation.received'],
      ['webhook', 'donation.closed'],
      ['email', 'donation.closed'],
    ]);
    expect(rows.filter((r) => r.channel === 'email').every((r) => r.recipient === 'csr@gulftech.example')).to.equal(
      true,
    );

    expect(await drainOutbox()).to.deep.equal({ sent: 4, retry: 0, dead: 0 });
    const mails = await smtp.waitFor(2);
    const subjects = mails.map((m) => m.parsed.subject ?? '');
    expect(mails.every((m) => m.envelope.rcptTo.includes('csr@gulftech.example'))).to.equal(true);
    const closed = mails.find((m) => String(m.parsed.text).includes('/receipts/'));
    expect(closed, subjects.join(' | ')).to.not.equal(undefined);
    expect(String(closed!.parsed.html)).to.include('dir="rtl"');
    const post = closed!.parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line ?? '';
    expect(post).to.match(/List-Unsubscribe=One-Click/);
    const hooks = await receiver.received();
    expect(hooks.map((h) => h.event).sort()).to.deep.equal(['donation.closed', 'donation.received']);
    expect(hooks.every((h) => h.verified)).to.equal(true);
  });

  it('when a family is verified, allocated and handed a device, the webhooks hear the beneficiary and the allocation, with no personal detail', async () => {
    await subscribe(['beneficiary.status_changed', 'allocation.reserved', 'allocation.handed_over']);
    const manager = await signIn('manager');
    const done = await handedOver(manager.token);
    const rows = (await outbox()).filter((r) => r.channel === 'webhook');
    expect(rows.map((r) => r.topic)).to.include.members([
      'beneficiary.status_changed',
      'allocation.reserved',
      'allocation.handed_over',
    ]);
    await drainOutbox();
    const got = await receiver.received();
    expect(got.length).to.equal(rows.length);
    expect(got.every((d) => d.verified)).to.equal(true);
    const handover = got.find((d) => d.event === 'allocation.handed_over')!;
    const data = (JSON.parse(handover.body) as { data: Record<string, unknown> }).data;
    expect(data).to.include({
      allocationId: done.allocationId,
      beneficiaryId: done.beneficiaryId,
      status: 'handed_over',
    });
    const everything = got.map((d) => d.body).join('\n');
    // The family's name, phone and national ID, and the certificate's code, stay out of what leaves.
    expect(everything).not.to.match(/أم خالد|056\d{7}|certificateCode/);
    expect(everything).not.to.include(done.certificateCode);
    const statuses = got
      .filter((d) => d.event === 'beneficiary.status_changed')
      .map((d) => (JSON.parse(d.body) as { data: { to: string } }).data.to);
    expect(statuses).to.include.members(['verified', 'allocated', 'served']);
  });

  it('when a manager issues a donor’s yearly statement, the donor is emailed its link once', async () => {
    const manager = await signIn('manager');
    const donor = await createDonor();
    const donation = await createDonation({ status: 'pledged', donorId: donor.id });
    await api()
      .patch(`/api/donations/${donation.id}`)
      .set(bearer(manager.token))
      .send({ status: 'received' })
      .expect(200);
    const year = new Date().getUTCFullYear();
    await api().post(`/api/donors/${donor.id}/statements`).set(bearer(manager.token)).send({ year }).expect(201);
    await api().post(`/api/donors/${donor.id}/statements`).set(bearer(manager.token)).send({ year }).expect(200);
    const statements = (await outbox()).filter((r) => r.topic === 'statement.ready');
    expect(statements.map((r) => r.idempotency_key)).to.deep.equal([`email:statement.ready:${donor.id}:${year}`]);
    expect(await drainOutbox()).to.include({ dead: 0 });
    const mails = await smtp.messages();
    const mail = mails.find((m) => String(m.parsed.text).includes(`statement.pdf?year=${year}`));
    expect(mail, mails.map((m) => m.parsed.subject).join(' | ')).to.not.equal(undefined);
  });

  it('when a donor has unsubscribed, a change that concerns them writes no email to them', async () => {
    const manager = await signIn('manager');
    const donor = await createDonor();
    await getSequelize().query('INSERT INTO email_unsubscribes (donor_id, unsubscribed_at) VALUES (?, ?)', {
      replacements: [donor.id, new Date()],
    });
    const donation = await createDonation({ status: 'pledged', donorId: donor.id });
    await api()
      .patch(`/api/donations/${donation.id}`)
      .set(bearer(manager.token))
      .send({ status: 'received' })
      .expect(200);
    expect((await outbox()).filter((r) => r.channel === 'email')).to.deep.equal([]);
  });
});
