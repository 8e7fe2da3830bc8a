// The SMS channel of the outbox (spec §12): sends one message to one family through the operator's HTTP gateway,
// which passes it on as an SMS or a WhatsApp message. The outbox retries when send() throws and dead-letters on
// PermanentDeliveryError.
//
// The recipient is a beneficiary id: the phone is read now, never stored in the outbox, and consent is checked again
// (a family that withdrew it gets nothing). A message about something that no longer holds is not sent either: a
// waiting-list place once the family left the list, an appointment that was changed (its version is no longer the
// allocation's), cancelled, handed over or already past. An application's acknowledgement always holds.
//
// The gateway gets `{"id", "to", "channel", "language", "text"}` as JSON, signed over the exact bytes sent like
// webhooks (lib/signature.ts), with `X-Nimah-Delivery: <idempotency key>` to dedupe on. Redirects are not followed
// and the answer must start within 10 s. Phone numbers appear in no error and no log line.
import { isIP } from 'node:net';
import { config } from '../../config.js';
import { currentCountry } from '../../lib/country.js';
import { signBody, SIGNATURE_HEADER } from '../../lib/signature.js';
import { currentAppointmentOf } from '../allocations/index.js';
import { ELIGIBLE_STATUSES, familyContactOf, type FamilyContact } from '../beneficiaries/index.js';
import { PermanentDeliveryError, type OutboxChannel, type OutboxMessage } from '../outbox/index.js';
import { checkTarget, isNonPublicAddress, type TargetPolicy } from '../webhooks/index.js';
import type { ContactChannel } from '../../shared/index.js';
import {
  applicationPayload,
  appointmentPayload,
  isFamilyMessageTopic,
  languagesFor,
  renderText,
  type Country,
} from './sms.render.js';

/** How long the gateway has to start answering. */
export const SMS_TIMEOUT_MS = 10_000;

export interface SmsChannelSettings {
  /** SMS_WEBHOOK_URL; empty: the channel is unavailable. */
  url: string;
  /** SMS_WEBHOOK_SECRET; empty: the channel is unavailable. */
  secret: string;
  /** WEBHOOK_ALLOW_PRIVATE: the gateway may be on a loopback or private address. */
  allowPrivate: boolean;
  /** PUBLIC_URL: this server, never the gateway. */
  publicUrl: string;
  /** The charity's country; unset: the stored setting at send time (lib/country.ts). */
  country?: Country;
  timeoutMs: number;
  /** How names are resolved for the address check (the system resolver unless a caller passes another). */
  lookup?: TargetPolicy['lookup'];
}

/** What the gateway receives (field names are part of the contract). */
export interface SmsGatewayBody {
  /** The idempotency key, also in X-Nimah-Delivery. */
  id: string;
  /** E.164. */
  to: string;
  channel: ContactChannel;
  /** `ar`, `fr`, `en`, or `fr+ar` for a text written in both (one paragraph each, in that order). */
  language: string;
  text: string;
}

/** Without DNS: why the URL cannot be used at all now, or null (the full check runs before every send). */
function urlProblem(s: SmsChannelSettings): string | null {
  if (!s.url) return 'SMS_WEBHOOK_URL is not set';
  if (!s.secret) return 'SMS_WEBHOOK_SECRET is not set';
  let host: string;
  try {
    host = new URL(s.url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return 'SMS_WEBHOOK_URL is not a URL';
  }
  if (s.allowPrivate) return null;
  if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) > 0 && isNonPublicAddress(host)))
    return 'SMS_WEBHOOK_URL is on a loopback or private address; set WEBHOOK_ALLOW_PRIVATE=true to allow it';
  return null;
}

/** The family, if they may still be written to; otherwise the reason, as a dead letter. */
async function consentingContact(recipient: string): Promise<FamilyContact & { channel: ContactChannel }> {
  const id = Number(recipient);
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new PermanentDeliveryError(`"${recipient.slice(0, 40)}" is not a beneficiary id`);
  const contact = await familyContactOf(id);
  if (!contact) throw new PermanentDeliveryError(`Beneficiary ${id} no longer exists`);
  if (!contact.consent || !contact.channel)
    throw new PermanentDeliveryError(`Beneficiary ${id} has withdrawn consent to be contacted`);
  return { ...contact, channel: contact.channel };
}

/** Refuses a message about something that no longer holds. */
async function assertStillTrue(message: OutboxMessage, contact: FamilyContact, now: Date): Promise<void> {
  if (message.topic === 'sms.waitlist_place') {
    if (!ELIGIBLE_STATUSES.includes(contact.status))
      throw new PermanentDeliveryError(
        `Beneficiary ${contact.id} is no longer on the waiting list (${contact.status})`,
      );
    return;
  }
  if (message.topic === 'sms.application_received') {
    applicationPayload(message.topic, message.payload);
    return;
  }
  const p = appointmentPayload(message.topic, message.payload);
  const current = await currentAppointmentOf(p.allocationId);
  if (!current) throw new PermanentDeliveryError(`Allocation ${p.allocationId} no longer exists`);
  if (current.status !== 'reserved')
    throw new PermanentDeliveryError(`Allocation ${p.allocationId} is ${current.status}: no handover to attend`);
  if (current.version !== p.version) throw new PermanentDeliveryError('appointment changed');
  if (!current.at || current.at.getTime() <= now.getTime())
    throw new PermanentDeliveryError('The appointment has passed');
}

/** POSTs the signed body; throws (to be retried) on a network error, a timeout or an answer other than 2xx. */
async function post(url: URL, body: string, key: string, s: SmsChannelSettings): Promise<void> {
  let status: number;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Nimah-SMS/1',
        'X-Nimah-Delivery': key,
        [SIGNATURE_HEADER]: signBody(s.secret, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(s.timeoutMs),
    });
    status = res.status;
    await res.body?.cancel().catch(() => undefined);
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { code?: string } };
    if (e.name === 'TimeoutError')
      throw new Error(`The SMS gateway did not answer within ${s.timeoutMs} ms`, { cause: error });
    throw new Error(`The SMS gateway could not be reached: ${e.cause?.code ?? e.name ?? 'network error'}`, {
      cause: error,
    });
  }
  if (status < 200 || status >= 300)
    throw new Error(
      `The SMS gateway answered HTTP ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`,
    );
}

export interface SmsChannel extends OutboxChannel {
  readonly settings: Readonly<SmsChannelSettings>;
}

/** An SMS channel with `overrides` of the configured settings (tests pass their receiver's URL and secret). */
export function createSmsChannel(overrides: Partial<SmsChannelSettings> = {}): SmsChannel {
  const settings: Readonly<SmsChannelSettings> = Object.freeze({
    url: config.sms.webhookUrl,
    secret: config.sms.webhookSecret,
    allowPrivate: config.webhooks.allowPrivate,
    publicUrl: config.publicUrl,
    timeoutMs: SMS_TIMEOUT_MS,
    ...overrides,
  });

  async function send(message: OutboxMessage): Promise<void> {
    const unavailable = urlProblem(settings);
    if (unavailable) throw new Error(unavailable);
    if (!isFamilyMessageTopic(message.topic))
      throw new PermanentDeliveryError(`"${message.topic.slice(0, 64)}" is not a message to families`);
    const now = new Date();
    const contact = await consentingContact(message.recipient);
    await assertStillTrue(message, contact, now);
    const country = settings.country ?? currentCountry();
    const languages = languagesFor(contact.language, country);
    const body: SmsGatewayBody = {
      id: message.idempotencyKey,
      to: contact.phone,
      channel: contact.channel,
      language: languages.join('+'),
      text: renderText(message.topic, message.payload, languages, country, now),
    };
    // DNS may have changed since the last message: check the gateway's address again, now.
    const target = await checkTarget(settings.url, settings);
    if (!target.ok) throw new Error(`The SMS gateway was refused: SMS_WEBHOOK_URL ${target.reason}`);
    await post(target.url, JSON.stringify(body), message.idempotencyKey, settings);
  }

  return { settings, unavailable: () => urlProblem(settings), send };
}

/** The channel the outbox uses, with the configured gateway. */
export const smsChannel: SmsChannel = createSmsChannel();
