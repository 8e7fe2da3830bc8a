// What the outbox hands a channel (email, webhook, sms) and what a channel promises back. The outbox owns the queue
// (claiming, retries with backoff, dead letters); a channel only knows how to send one message once.

import type { OutboxChannelName } from '../../shared/index.js';

export type { OutboxChannelName };

/** One queued message as a channel receives it. */
export interface OutboxMessage {
  id: number;
  channel: OutboxChannelName;
  /** What happened, e.g. 'donation.received' (webhook event names of spec §12), 'sms.handover_reminder'. */
  topic: string;
  /** Sent along with the message (header or field): a receiver that sees a key twice keeps the first. */
  idempotencyKey: string;
  /**
   * Who it goes to, as the channel understands it: an email address, a webhook endpoint id, a beneficiary id for SMS
   * (the phone is read at send time, so it is never stored in the outbox in clear).
   */
  recipient: string;
  payload: Record<string, unknown>;
  /** Tries made before this one. */
  attempts: number;
  /** When the message was written (with the change it reports); the same on every try. */
  createdAt: Date;
}

/**
 * A failure that another try cannot fix (a body that does not render, an endpoint that was deleted, a recipient who
 * withdrew consent): the message goes to the dead letters at once, with this reason.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

export interface OutboxChannel {
  /**
   * Why the channel cannot send now (e.g. 'SMTP_URL is not set'), or null when it can. While unavailable, its
   * messages stay queued untried, and the admin outbox screen shows this reason.
   */
  unavailable(): string | null;
  /** Sends the message once. Throws PermanentDeliveryError to dead-letter it, any other error to retry later. */
  send(message: OutboxMessage): Promise<void>;
}
