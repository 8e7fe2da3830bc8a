// The email channel (issue 17 point 2) against a real SMTP server in another process: what a donor's mail server
// receives (recipient, subject, language and direction, the link, the one-click unsubscribe headers, the text part,
// a Message-ID derived from the idempotency key), the unsubscribe that stops the next send for good, payloads that
// can never render, SMTP refusals, and the channel without SMTP_URL. Sent through the outbox's worker too.
import { expect } from 'chai';
import type { ParsedMail } from 'mailparser';
import { QueryTypes } from 'sequelize';
import { getSequelize, withTransaction } from '../../server/db/sequelize.js';
import {
  createEmailChannel,
  emailChannel,
  LOGO_CID,
  unsubscribeUrl,
  type EmailChannel,
} from '../../server/modules/email/index.js';
import {
  drainOutbox,
  enqueue,
  PermanentDeliveryError,
  registerChannel,
  type OutboxMessage,
} from '../../server/modules/outbox/index.js';
import { updateSettings } from '../../server/modules/settings/index.js';
import { api, bearer } from '../helpers/api.js';
import { createDonor, signIn } from '../helpers/factories.js';
import { PNG } from '../helpers/fixtures.js';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../helpers/smtp-receiver.js';

const RECIPIENT = 'donor@example.test';
let sequence = 0;

function message(topic: string, payload: Record<string, unknown>, extra: Partial<OutboxMessage> = {}): OutboxMessage {
  sequence += 1;
  return {
    id: sequence,
    channel: 'email',
    topic,
    idempotencyKey: `email-test:${sequence}`,
    recipient: RECIPIENT,
    payload,
    attempts: 0,
    createdAt: new Date(),
    ...extra,
  };
}

/** A header as it was sent (unfolded), from mailparser's raw header lines. */
function header(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.replace(/\r?\n[ \t]+/g, ' ').replace(/^[^:]+:\s*/, '');
}

/** Text without the invisible bidi isolates placed around values that run the other way. */
const plain = (text: string | false | undefined): string => String(text || '').replace(/[\u2066-\u2069]/g, '');

async function sendAndReceive(channel: EmailChannel, receiver: SmtpReceiver, m: OutboxMessage): Promise<ReceivedMail> {
  const before = (await receiver.messages()).length;
  await channel.send(m);
  return (await receiver.waitFor(before + 1))[before];
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the send to fail');
}

describe('email channel: messages a real SMTP server receives', function () {
  this.timeout(30_000);
  let receiver: SmtpReceiver;
  let channel: EmailChannel;

  before(async () => {
    receiver = await startSmtpReceiver();
    channel = createEmailChannel({ smtpUrl: receiver.url, from: 'noreply@charity.test' });
  });
  after(async () => {
    channel?.close();
    await receiver?.stop();
  });

  it('when a donation.received message goes out in Arabic, the receiver gets an RTL HTML and a text part with the count, the donor page link and the one-click unsubscribe headers', async () => {
    const donor = await createDonor();
    const m = message('donation.received', {
      donorId: donor.id,
      language: 'ar',
      donorName: 'شركة الخليج للتقنية',
      donationCode: 'DN-2026-0042',
      deviceCount: 11,
      donorPageUrl: 'http://nimah.test/donors/page-token-1',
    });
    const mail = await sendAndReceive(channel, receiver, m);

    expect(mail.envelope.rcptTo).to.deep.equal([RECIPIENT]);
    expect(mail.envelope.mailFrom).to.equal('noreply@charity.test');
    const p = mail.parsed;
    expect((p.to as { value: { address: string }[] }).value[0].address).to.equal(RECIPIENT);
    expect(p.from?.value[0]).to.deep.equal({
      address: 'noreply@charity.test',
      name: 'جمعية نعمة لإعادة تأهيل الحواسيب',
    });
    expect(plain(p.subject)).to.equal('استلمنا تبرعكم DN-2026-0042، شكرًا لكم');
    const html = String(p.html);
    expect(html).to.contain('<html lang="ar" dir="rtl">');
    expect(html).to.contain('وفيه 11 جهازًا');
    expect(html).to.contain('href="http://nimah.test/donors/page-token-1"');
    expect(html).to.contain('<span dir="ltr">DN-2026-0042</span>');
    const text = plain(p.text);
    expect(text).to.contain('مرحبًا شركة الخليج للتقنية،');
    expect(text).to.contain('استلمنا تبرعكم رقم DN-2026-0042، وفيه 11 جهازًا.');
    expect(text).to.contain('صفحة تبرعاتكم:\nhttp://nimah.test/donors/page-token-1');

    const unsubscribe = header(p, 'List-Unsubscribe');
    expect(unsubscribe).to.match(
      new RegExp(`^<http://nimah\\.test/unsubscribe/${donor.id}\\.ar\\.[A-Za-z0-9_-]{22}>$`),
    );
    expect(header(p, 'List-Unsubscribe-Post')).to.equal('List-Unsubscribe=One-Click');
    expect(html).to.contain(`href="${unsubscribe!.slice(1, -1)}"`);
    expect(text).to.contain(`إيقاف هذه الرسائل: ${unsubscribe!.slice(1, -1)}`);
    expect(header(p, 'X-Nimah-Idempotency-Key')).to.equal(m.idempotencyKey);
    expect(header(p, 'Content-Language')).to.equal('ar');
    expect(p.messageId).to.match(/^<nimah\.[0-9a-f]{32}@charity\.test>$/);
  });

  it('when the same idempotency key is sent twice (a resend after a crash), both copies carry the same Message-ID; another key gets another', async () => {
    const donor = await createDonor();
    const payload = { donorId: donor.id, language: 'en', donorName: 'Gulf Tech', donationCode: 'DN-2026-0007' };
    const first = await sendAndReceive(
      channel,
      receiver,
      message('donation.received', payload, { idempotencyKey: 'k-1' }),
    );
    const again = await sendAndReceive(
      channel,
      receiver,
      message('donation.received', payload, { idempotencyKey: 'k-1', attempts: 1 }),
    );
    const other = await sendAndReceive(
      channel,
      receiver,
      message('donation.received', payload, { idempotencyKey: 'k-2' }),
    );
    expect(again.parsed.messageId).to.equal(first.parsed.messageId);
    expect(other.parsed.messageId).to.not.equal(first.parsed.messageId);
  });

  it('when a donation.closed message goes out in English, the HTML is LTR and the receipt link is the button and a line of the text part', async () => {
    const donor = await createDonor();
    const receiptUrl = 'http://nimah.test/receipts/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const mail = await sendAndReceive(
      channel,
      receiver,
      message('donation.closed', {
        donorId: donor.id,
        language: 'en',
        donorName: 'Gulf Tech Co.',
        donationCode: 'DN-2026-0043',
        deviceCount: 1,
        receiptUrl,
      }),
    );
    const p = mail.parsed;
    expect(p.subject).to.equal('Receipt for your donation DN-2026-0043');
    expect(p.from?.value[0].name).to.equal('Nimah Computer Refurbishing Charity');
    const html = String(p.html);
    expect(html).to.contain('<html lang="en" dir="ltr">');
    expect(html).to.contain(`href="${receiptUrl}"`);
    expect(html).to.contain('(1 device)');
    expect(p.text).to.contain(`View the receipt:\n${receiptUrl}`);
    expect(p.text).to.contain('Dear Gulf Tech Co.,');
    expect(header(p, 'List-Unsubscribe')).to.match(new RegExp(`/unsubscribe/${donor.id}\\.en\\.`));
  });

  it('when an admin set a sender name in the settings (issue 22), the From name is it', async () => {
    const donor = await createDonor();
    await updateSettings({ senderName: 'جمعية الأمل' });
    const mail = await sendAndReceive(
      channel,
      receiver,
      message('donation.closed', {
        donorId: donor.id,
        language: 'en',
        donorName: 'Gulf Tech Co.',
        donationCode: 'DN-2026-0044',
        deviceCount: 1,
        receiptUrl: 'http://nimah.test/receipts/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
      }),
    );
    expect(mail.parsed.from?.value[0]).to.deep.equal({ address: 'noreply@charity.test', name: 'جمعية الأمل' });
  });

  it('when a statement.ready message goes out in French, it names the year and links the statement', async () => {
    const donor = await createDonor();
    const statementUrl = 'http://nimah.test/donors/tok/statements/2026.pdf';
    const mail = await sendAndReceive(
      channel,
      receiver,
      message('statement.ready', {
        donorId: donor.id,
        language: 'fr',
        donorName: 'Atlas Informatique',
        year: 2026,
        deviceCount: 2,
        statementUrl,
      }),
    );
    const p = mail.parsed;
    expect(p.subject).to.equal('Votre relevé de dons 2026');
    expect(String(p.html)).to.contain('<html lang="fr" dir="ltr">');
    expect(String(p.html)).to.contain(`href="${statementUrl}"`);
    expect(p.text).to.contain('En 2026, vous avez donné 2 appareils.');
    expect(p.text).to.contain(`Télécharger le relevé\u202f:\n${statementUrl}`);
  });

  it('when the donor posts the one-click unsubscribe to the link of the header, the opt-out is stored and the next send fails for good without reaching the server', async () => {
    const donor = await createDonor();
    const payload = { donorId: donor.id, language: 'ar', donorName: 'متبرع', donationCode: 'DN-2026-0050' };
    const mail = await sendAndReceive(channel, receiver, message('donation.received', payload));
    const link = new URL(header(mail.parsed, 'List-Unsubscribe')!.slice(1, -1));

    // What a mail provider sends for RFC 8058: a form-encoded POST with List-Unsubscribe=One-Click.
    const res = await api().post(link.pathname).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(res.text).to.contain('أوقفنا الرسائل');
    const rows = await getSequelize().query<{ donor_id: number }>('SELECT donor_id FROM email_unsubscribes', {
      type: QueryTypes.SELECT,
    });
    expect(rows.map((r) => Number(r.donor_id))).to.deep.equal([donor.id]);

    const before = (await receiver.messages()).length;
    const err = await rejection(
      channel.send(message('donation.closed', { ...payload, receiptUrl: 'http://nimah.test/r/x' })),
    );
    expect(err).to.be.instanceOf(PermanentDeliveryError);
    expect(err.message).to.equal('unsubscribed');
    expect((await receiver.messages()).length).to.equal(before);
  });

  it('when a payload lacks what its topic needs (the receipt link, the year) or carries a link that is not http(s), the send fails for good naming the field, and nothing is sent', async () => {
    const donor = await createDonor();
    const base = { donorId: donor.id, language: 'en', donorName: 'Gulf Tech', donationCode: 'DN-2026-0051' };
    const before = (await receiver.messages()).length;
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['donation.closed', base, /payload\.receiptUrl is missing/],
      ['statement.ready', { ...base, statementUrl: 'http://nimah.test/s.pdf' }, /payload\.year is missing/],
      ['donation.closed', { ...base, receiptUrl: 'javascript:alert(1)' }, /payload\.receiptUrl is invalid/],
      ['donation.received', { ...base, language: 'de' }, /payload\.language is invalid/],
      ['donation.received', { ...base, donorId: undefined }, /payload\.donorId/],
      ['donor.birthday', base, /no email is written for the topic "donor.birthday"/],
    ];
    for (const [topic, payload, reason] of cases) {
      const err = await rejection(channel.send(message(topic, payload)));
      expect(err, topic).to.be.instanceOf(PermanentDeliveryError);
      expect(err.message).to.match(reason);
    }
    const bad = await rejection(
      channel.send(message('donation.received', base, { recipient: 'not an address, x@y.z' })),
    );
    expect(bad).to.be.instanceOf(PermanentDeliveryError);
    expect((await receiver.messages()).length).to.equal(before);
  });

  it('when the server refuses the recipient for good (550) the failure is permanent, when only for now (451) it is retried; neither error names the address', async () => {
    const donor = await createDonor();
    const payload = { donorId: donor.id, language: 'en', donorName: 'Gulf Tech', donationCode: 'DN-2026-0052' };
    const gone = await rejection(
      channel.send(message('donation.received', payload, { recipient: 'reject-me@example.test' })),
    );
    expect(gone).to.be.instanceOf(PermanentDeliveryError);
    expect(gone.message).to.contain('550').and.not.contain('reject-me');
    const busy = await rejection(
      channel.send(message('donation.received', payload, { recipient: 'busy-box@example.test' })),
    );
    expect(busy).to.not.be.instanceOf(PermanentDeliveryError);
    expect(busy.message).to.contain('451').and.not.contain('busy-box');
  });

  it('when the charity has a logo, it travels inside the message as the related part the HTML shows', async () => {
    const admin = await signIn('admin');
    await api().put('/api/settings/logo').set(bearer(admin.token)).attach('file', PNG, 'logo.png').expect(200);
    const donor = await createDonor();
    const mail = await sendAndReceive(
      channel,
      receiver,
      message('donation.received', {
        donorId: donor.id,
        language: 'en',
        donorName: 'Gulf Tech',
        donationCode: 'DN-2026-0053',
      }),
    );
    expect(String(mail.parsed.html)).to.contain(`src="cid:${LOGO_CID}"`);
    const logo = mail.parsed.attachments.find((a) => a.cid === LOGO_CID);
    expect(logo?.contentType).to.equal('image/png');
    expect(logo?.content.equals(PNG)).to.equal(true);
  });
});

describe('email channel: settings', function () {
  this.timeout(30_000);

  it('without SMTP_URL (as this test process runs) the channel is unavailable and says why; without MAIL_FROM too', async () => {
    expect(emailChannel.unavailable()).to.equal('SMTP_URL is not set');
    expect(createEmailChannel({ smtpUrl: '', from: 'noreply@charity.test' }).unavailable()).to.equal(
      'SMTP_URL is not set',
    );
    expect(createEmailChannel({ smtpUrl: 'smtp://127.0.0.1:25', from: '' }).unavailable()).to.equal(
      'MAIL_FROM is not set',
    );
    expect(createEmailChannel({ smtpUrl: 'smtp://127.0.0.1:25', from: 'noreply@charity.test' }).unavailable()).to.equal(
      null,
    );
  });

  it('when the server requires a login, the user and password of SMTP_URL are used, and the name of MAIL_FROM is kept', async () => {
    const receiver = await startSmtpReceiver({ login: { user: 'mailer', pass: 'p@ss:word/1' } });
    const channel = createEmailChannel({ smtpUrl: receiver.url, from: 'جمعية البر <noreply@charity.test>' });
    try {
      const donor = await createDonor();
      const mail = await sendAndReceive(
        channel,
        receiver,
        message('donation.received', {
          donorId: donor.id,
          language: 'ar',
          donorName: 'x',
          donationCode: 'DN-2026-0060',
        }),
      );
      expect(mail.envelope.user).to.equal('mailer');
      expect(mail.parsed.from?.value[0]).to.deep.equal({ address: 'noreply@charity.test', name: 'جمعية البر' });
      const wrong = createEmailChannel({
        smtpUrl: receiver.url.replace('p%40ss', 'nope'),
        from: 'noreply@charity.test',
      });
      const err = await rejection(
        wrong.send(
          message('donation.received', { donorId: donor.id, language: 'ar', donorName: 'x', donationCode: 'DN-1' }),
        ),
      );
      expect(err, 'a login refused is fixed by an admin, then retried').to.not.be.instanceOf(PermanentDeliveryError);
    } finally {
      channel.close();
      await receiver.stop();
    }
  });

  it('when no server listens at SMTP_URL, the failure is retried (not permanent)', async () => {
    const receiver = await startSmtpReceiver();
    const url = receiver.url;
    await receiver.stop();
    const channel = createEmailChannel({ smtpUrl: url, from: 'noreply@charity.test' });
    const donor = await createDonor();
    const err = await rejection(
      channel.send(
        message('donation.received', { donorId: donor.id, language: 'en', donorName: 'x', donationCode: 'DN-2' }),
      ),
    );
    expect(err).to.not.be.instanceOf(PermanentDeliveryError);
    expect(err.message).to.match(/^SMTP /);
  });
});

describe('email channel: through the outbox', function () {
  this.timeout(30_000);
  let receiver: SmtpReceiver;
  let previous: ReturnType<typeof registerChannel>;

  before(async () => {
    receiver = await startSmtpReceiver();
    previous = registerChannel('email', createEmailChannel({ smtpUrl: receiver.url, from: 'noreply@charity.test' }));
  });
  after(async () => {
    registerChannel('email', previous);
    await receiver?.stop();
  });

  it('when messages are queued with a change, the worker sends the deliverable one and dead-letters the unsubscribed donor and the payload without its link at once', async () => {
    const [kept, gone] = [await createDonor(), await createDonor()];
    const link = new URL(unsubscribeUrl(gone.id));
    await api().post(link.pathname).expect(200);
    const common = { language: 'ar', donorName: 'متبرع', donationCode: 'DN-2026-0070' };
    await withTransaction((t) =>
      enqueue(t, [
        {
          channel: 'email',
          topic: 'donation.received',
          key: 'o-1',
          recipient: RECIPIENT,
          payload: { ...common, donorId: kept.id },
        },
        {
          channel: 'email',
          topic: 'donation.received',
          key: 'o-2',
          recipient: RECIPIENT,
          payload: { ...common, donorId: gone.id },
        },
        {
          channel: 'email',
          topic: 'donation.closed',
          key: 'o-3',
          recipient: RECIPIENT,
          payload: { ...common, donorId: kept.id },
        },
      ]),
    );
    const result = await drainOutbox({ maxAttempts: 5 });
    expect(result).to.deep.equal({ sent: 1, retry: 0, dead: 2 });
    const rows = await getSequelize().query<{ idempotency_key: string; status: string; last_error: string | null }>(
      'SELECT idempotency_key, status, last_error FROM outbox_messages ORDER BY idempotency_key',
      { type: QueryTypes.SELECT },
    );
    expect(rows).to.deep.equal([
      { idempotency_key: 'o-1', status: 'sent', last_error: null },
      { idempotency_key: 'o-2', status: 'dead', last_error: 'unsubscribed' },
      {
        idempotency_key: 'o-3',
        status: 'dead',
        last_error: 'payload.receiptUrl is missing (donation.closed needs it)',
      },
    ]);
    const mails = await receiver.messages();
    expect(mails).to.have.length(1);
    expect(header(mails[0].parsed, 'X-Nimah-Idempotency-Key')).to.equal('o-1');
  });
});
