// What producers call when something webhooks may report happens: one outbox message per enabled endpoint subscribed
// to the event, written in the producer's transaction (the change and its messages commit together, or neither).
// With no endpoint subscribed it is one indexed read and nothing is written.
import type { Transaction } from 'sequelize';
import { enqueue } from '../outbox/index.js';
import type { WebhookEvent } from './webhooks.events.js';
import { webhookTargets } from './webhooks.targets.js';

/**
 * `occurrence` names this happening of the event uniquely (a device's event seq, an allocation id…): with the
 * endpoint it makes the idempotency key receivers dedupe on, so a retry or a resend after a crash carries the same one.
 * `data` goes out as the body's `data`: ids, codes, statuses and times only, never a person's details.
 */
export async function publishEvent(
  transaction: Transaction,
  event: WebhookEvent,
  occurrence: string,
  data: Record<string, unknown>,
): Promise<void> {
  const endpoints = await webhookTargets(event, transaction);
  if (!endpoints.length) return;
  await enqueue(
    transaction,
    endpoints.map((id) => ({
      channel: 'webhook' as const,
      topic: event,
      key: `${event}:${occurrence}:${id}`,
      recipient: String(id),
      payload: data,
    })),
  );
}
