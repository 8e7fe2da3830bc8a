import Joi from 'joi';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';
import { listOf } from '../../lib/parse.js';
import {
  OUTBOX_CHANNELS,
  OUTBOX_STATUSES,
  type OutboxChannelName,
  type OutboxMessageDto,
  type OutboxStatus,
} from '../../shared/index.js';
import type { OutboxRow } from './outbox.model.js';

export interface OutboxQuery extends PageQuery {
  status?: OutboxStatus[];
  channel?: OutboxChannelName;
}
export const outboxQuery = Joi.object<OutboxQuery>({
  ...pageQueryKeys,
  status: listOf(OUTBOX_STATUSES) as Joi.Schema<OutboxStatus[]>,
  channel: Joi.string().valid(...OUTBOX_CHANNELS),
});

/** `d••••@example.org`: enough for an admin to tell messages apart, not an address to harvest. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '••••';
  return `${address[0]}••••${address.slice(at)}`;
}

export function maskRecipient(channel: OutboxChannelName, recipient: string): string {
  if (channel === 'email') return maskEmail(recipient);
  if (channel === 'webhook') return `endpoint #${recipient}`;
  return `beneficiary #${recipient}`;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toOutboxDto(r: OutboxRow): OutboxMessageDto {
  return {
    id: r.id,
    channel: r.channel,
    topic: r.topic,
    idempotencyKey: r.idempotencyKey,
    recipientMasked: maskRecipient(r.channel, r.recipient),
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.nextAttemptAt) : null,
    lastError: r.lastError,
    sentAt: iso(r.sentAt),
    createdAt: r.createdAt.toISOString(),
  };
}
