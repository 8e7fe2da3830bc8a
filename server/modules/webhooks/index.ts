// The webhooks module (spec §12): endpoints an admin registers, the channel the outbox sends webhook messages
// through, and the question producers ask in their transaction: which endpoints want this event.
export { initWebhookModels } from './webhooks.model.js';
export type { WebhookEndpoint, WebhookDelivery } from './webhooks.model.js';
export { WEBHOOK_EVENTS, isWebhookEvent, type WebhookEvent } from './webhooks.events.js';
export { webhookTargets } from './webhooks.targets.js';
export { publishEvent } from './webhooks.publish.js';
export {
  webhookChannel,
  createWebhookChannel,
  WEBHOOK_TIMEOUT_MS,
  type WebhookBody,
  type WebhookChannel,
  type WebhookChannelSettings,
} from './webhooks.channel.js';
export { checkTarget, isNonPublicAddress, type TargetPolicy } from './webhooks.address.js';
export { webhookSecretAad } from './webhooks.service.js';
export type { WebhookEndpointDto, WebhookDeliveryDto } from './webhooks.schema.js';
