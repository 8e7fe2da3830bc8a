// What the webhook routes accept and return. The secret is shown in clear once, in the answer to the POST that
// created it; every later read shows it masked.
import Joi from 'joi';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from './webhooks.events.js';
import type {
  WebhookDeliveryDto,
  WebhookEndpointDto,
  WebhookEndpointInput,
  WebhookEndpointPatch,
} from '../../shared/index.js';
import type { WebhookDelivery, WebhookEndpoint } from './webhooks.model.js';

export type {
  WebhookDeliveryDto,
  WebhookEndpointDto,
  WebhookEndpointInput,
  WebhookEndpointPatch,
} from '../../shared/index.js';

const url = Joi.string().trim().max(2048);
const events = Joi.array()
  .items(Joi.string().valid(...WEBHOOK_EVENTS))
  .min(1)
  .max(WEBHOOK_EVENTS.length)
  .unique();

export const webhookInput = Joi.object<WebhookEndpointInput>({
  url: url.required(),
  events: events.required(),
  secret: Joi.string()
    .min(16)
    .max(200)
    .pattern(/^[\x21-\x7e]+$/, { name: 'secret.format' })
    .message('{{#label}} must be printable ASCII without spaces'),
});

export const webhookPatch = Joi.object<WebhookEndpointPatch>({
  url,
  events,
  enabled: Joi.boolean(),
}).min(1);

export type WebhookDeliveryQuery = PageQuery;
export const webhookDeliveryQuery = Joi.object<WebhookDeliveryQuery>(pageQueryKeys);
export type WebhookListQuery = PageQuery;
export const webhookListQuery = Joi.object<WebhookListQuery>(pageQueryKeys);

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** How the reason of an endpoint switched off by its failures begins (the channel writes it). */
export const AUTO_DISABLED_PREFIX = 'Disabled after';

export const maskSecret = (hint: string): string => `******${hint}`;

export const toWebhookEndpointDto = (
  e: WebhookEndpoint,
  events: WebhookEvent[],
  clearSecret?: string,
): WebhookEndpointDto => ({
  id: e.id,
  url: e.url,
  events: WEBHOOK_EVENTS.filter((ev) => events.includes(ev)),
  secret: clearSecret ?? maskSecret(e.secretHint),
  enabled: Boolean(e.enabled),
  consecutiveFailures: e.consecutiveFailures,
  disabledAt: iso(e.disabledAt ?? null),
  disabledReason: e.disabledReason ?? null,
  disabledAfterFailures: !e.enabled && (e.disabledReason ?? '').startsWith(AUTO_DISABLED_PREFIX),
  createdBy: e.createdBy,
  createdAt: iso(e.createdAt)!,
  updatedAt: iso(e.updatedAt)!,
});

export const toWebhookDeliveryDto = (d: WebhookDelivery): WebhookDeliveryDto => ({
  id: d.id,
  endpointId: d.endpointId,
  outboxMessageId: d.outboxMessageId,
  event: d.event,
  attempt: d.attempt,
  statusCode: d.statusCode,
  latencyMs: d.latencyMs,
  error: d.error,
  createdAt: iso(d.createdAt)!,
});
