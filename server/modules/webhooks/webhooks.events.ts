// The events a webhook endpoint may subscribe to: exactly the list of spec §12. The outbox message of a webhook
// carries one of these as its topic.
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../shared/index.js';

export { WEBHOOK_EVENTS, type WebhookEvent };

export const isWebhookEvent = (value: string): value is WebhookEvent =>
  (WEBHOOK_EVENTS as readonly string[]).includes(value);
