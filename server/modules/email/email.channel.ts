// The outbox's email channel: renders one message (email.render.ts), checks that its donor still wants email, and
// hands it to the SMTP server of SMTP_URL with MAIL_FROM. One transport per channel, made at its first message and
// reused. Not pooled: a charity sends a few messages at a time, and a pool would hold connections open between them.
//
// What comes back from SMTP decides between another try and the dead letters: a recipient or message refused for
// good (a 5xx reply to RCPT TO or to the data) is permanent; anything else (no connection, a timeout, 4xx, a sender
// or login refused, which an administrator can fix) is tried again later. Error texts lose any address before they
// reach the outbox's last_error, and nothing here logs one.
import { createHash } from 'node:crypto';
import Joi from 'joi';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { readStoredFile } from '../../lib/file-store.js';
import { logger } from '../../lib/logger.js';
import type { Language } from '../../shared/index.js';
import { PermanentDeliveryError, type OutboxChannel, type OutboxMessage } from '../outbox/index.js';
import { getSettings, type Settings } from '../settings/index.js';
import { EMAIL_LANGUAGES } from './email.payload.js';
import { charityNameIn, LOGO_CID, renderEmail } from './email.render.js';
import { isUnsubscribed } from './email.service.js';
import { unsubscribeUrl } from './email.unsubscribe.js';

export interface EmailChannelOptions {
  /** smtp://user:pass@host:587 or smtps://…; empty: the channel is unavailable and its messages wait. */
  smtpUrl: string;
  /** The From: an address, or a name and <address>; empty: unavailable. */
  from: string;
}

export interface EmailChannel extends OutboxChannel {
  /** Closes the transport's connections (at shutdown). */
  close(): void;
}

/** A logo above this size is left out of emails (it would travel with every one); documents still print it. */
export const MAX_LOGO_IN_EMAIL = 512 * 1024;

const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
const ADDRESS = Joi.string().email({ tlds: false }).max(254).required();
const DONOR_ID = Joi.number().integer().min(1).max(9_999_999_999).required();

const redact = (text: string): string => text.replace(/[^\s<>()[\]:;,"']+@[^\s<>()[\]:;,"']+/g, '[address]');

export function createEmailChannel(options: EmailChannelOptions): EmailChannel {
  const sender = options.from ? addressparser(options.from, { flatten: true })[0] : undefined;
  let transport: Transporter | undefined;
  const unavailable = (): string | null => {
    if (!options.smtpUrl) return 'SMTP_URL is not set';
    if (!sender?.address) return 'MAIL_FROM is not set';
    return null;
  };
  return {
    unavailable,
    async send(message: OutboxMessage): Promise<void> {
      const reason = unavailable();
      if (reason) throw new Error(reason);
      const mail = await compose(message, sender!);
      if (await isUnsubscribed(mail.donorId)) throw new PermanentDeliveryError('unsubscribed');
      transport ??= nodemailer.createTransport({ url: options.smtpUrl, ...TIMEOUTS });
      try {
        await transport.sendMail(mail.options);
      } catch (err) {
        throw deliveryError(err);
      }
    },
    close(): void {
      transport?.close();
      transport = undefined;
    },
  };
}

interface Composed {
  donorId: number;
  options: SendMailOptions;
}

async function compose(message: OutboxMessage, sender: { name: string; address: string }): Promise<Composed> {
  const { payload } = message;
  const { value: donorId, error } = DONOR_ID.validate(payload.donorId);
  if (error) throw new PermanentDeliveryError('payload.donorId is missing or not a donor id');
  if (ADDRESS.validate(message.recipient).error)
    throw new PermanentDeliveryError('the recipient is not an email address');
  const language = EMAIL_LANGUAGES.includes(payload.language as Language) ? (payload.language as Language) : 'ar';
  // The link is made here, for the donor checked below: the header and the footer then always name that donor.
  const link = unsubscribeUrl(donorId, language);
  const settings = await getSettings();
  const logo = await logoOf(settings);
  const email = renderEmail(
    message.topic,
    { ...payload, unsubscribeUrl: link },
    { ...settings, logoSha256: logo ? settings.logoSha256 : null },
  );
  const domain = sender.address.split('@').pop();
  return {
    donorId,
    options: {
      // The sender name an admin set (settings) wins over MAIL_FROM's display name; else the charity's name.
      from: { name: settings.senderName || sender.name || charityNameIn(language, settings), address: sender.address },
      to: message.recipient,
      subject: email.subject,
      html: email.html,
      text: email.text,
      // The same idempotency key gives the same Message-ID: a resend after a crash is the same message to the
      // receiving side (and to the donor's client, which threads or drops duplicates by it).
      messageId: `<nimah.${createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 32)}@${domain}>`,
      headers: {
        'X-Nimah-Idempotency-Key': message.idempotencyKey,
        'List-Unsubscribe': `<${link}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Auto-Submitted': 'auto-generated',
        'Content-Language': language,
      },
      attachments: logo
        ? [{ filename: `logo.${logo.type}`, content: logo.data, cid: LOGO_CID, contentType: `image/${logo.type}` }]
        : [],
    },
  };
}

async function logoOf(settings: Settings): Promise<{ data: Buffer; type: 'png' | 'jpeg' } | null> {
  if (!settings.logoSha256) return null;
  let data: Buffer;
  try {
    data = await readStoredFile(settings.logoSha256);
  } catch (err) {
    logger.warn('email.logo_missing', { sha256: settings.logoSha256, code: (err as NodeJS.ErrnoException).code });
    return null;
  }
  if (data.length > MAX_LOGO_IN_EMAIL) return null;
  return { data, type: data.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) ? 'png' : 'jpeg' };
}

interface SmtpError {
  code?: string;
  command?: string;
  responseCode?: number;
  permanent?: boolean;
  message?: string;
}

/** The error the outbox sees: permanent for a recipient or message refused for good, retryable otherwise. */
function deliveryError(err: unknown): Error {
  const e = (err ?? {}) as SmtpError;
  const text = redact(
    `SMTP ${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''}: ${e.message ?? String(err)}`,
  );
  const refused = e.permanent === true && (e.command === 'RCPT TO' || (e.code === 'EMESSAGE' && e.command === 'DATA'));
  return refused ? new PermanentDeliveryError(text) : new Error(text);
}
