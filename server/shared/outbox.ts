// The admin outbox screen's wire types (GET /api/outbox). Recipients are masked: an address shows its first letter
// and domain, a webhook its endpoint number, an SMS its beneficiary number (the phone is never in the outbox).
import type { Page } from './common.js';

export type OutboxChannelName = 'email' | 'webhook' | 'sms';
export const OUTBOX_CHANNELS: readonly OutboxChannelName[] = ['email', 'webhook', 'sms'];
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'dead'];

export interface OutboxMessageDto {
  id: number;
  channel: OutboxChannelName;
  topic: string;
  idempotencyKey: string;
  recipientMasked: string;
  status: OutboxStatus;
  /** Tries made so far. */
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface OutboxChannelStatusDto {
  channel: OutboxChannelName;
  /** Null when the channel can send; otherwise why its messages wait untried (e.g. 'SMTP_URL is not set'). */
  unavailable: string | null;
}

export interface OutboxPageDto extends Page<OutboxMessageDto> {
  counts: Record<OutboxStatus, number>;
  channels: OutboxChannelStatusDto[];
}
