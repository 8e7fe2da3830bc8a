// Webhook endpoints (admin): list, create, change, delete, and the log of their deliveries. The URL is checked
// against the target policy (webhooks.address.ts) on every save; the secret is encrypted at rest and shown once.
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import { encryptPii, decryptPii, piiContext } from '../../lib/pii.js';
import type { Actor } from '../auth/index.js';
import { checkTarget, type TargetPolicy } from './webhooks.address.js';
import { isWebhookEvent, type WebhookEvent } from './webhooks.events.js';
import { WebhookDelivery, WebhookEndpoint, WebhookSubscription } from './webhooks.model.js';
import {
  toWebhookDeliveryDto,
  toWebhookEndpointDto,
  type WebhookDeliveryDto,
  type WebhookDeliveryQuery,
  type WebhookEndpointDto,
  type WebhookEndpointInput,
  type WebhookEndpointPatch,
  type WebhookListQuery,
} from './webhooks.schema.js';

/** What the secret's ciphertext is bound to (lib/pii.ts AAD): its own row. */
export const webhookSecretAad = (endpointId: number): string =>
  piiContext('webhook_endpoints', 'secret_encrypted', endpointId);

export const decryptWebhookSecret = (endpoint: Pick<WebhookEndpoint, 'id' | 'secretEncrypted'>): string =>
  decryptPii(endpoint.secretEncrypted, webhookSecretAad(endpoint.id));

/** A fresh secret: 32 random bytes, base64url, with a prefix that says what it is. */
export const generateWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** Throws a 400 naming `url` when the policy refuses it; returns the URL as it will be stored. */
export async function assertTargetAllowed(url: string, policy: TargetPolicy): Promise<string> {
  const check = await checkTarget(url, policy);
  if (!check.ok) {
    throw new ValidationError('Request is invalid', [
      { path: 'url', message: `url ${check.reason}`, type: check.type },
    ]);
  }
  return check.url.toString();
}

async function eventsOf(endpointIds: number[], transaction?: Transaction): Promise<Map<number, WebhookEvent[]>> {
  const byEndpoint = new Map<number, WebhookEvent[]>(endpointIds.map((id) => [id, []]));
  if (endpointIds.length === 0) return byEndpoint;
  const rows = await WebhookSubscription.findAll({ where: { endpointId: endpointIds }, transaction });
  for (const r of rows) if (isWebhookEvent(r.event)) byEndpoint.get(r.endpointId)?.push(r.event);
  return byEndpoint;
}

async function loadEndpoint(id: number, transaction?: Transaction): Promise<WebhookEndpoint> {
  const endpoint = await WebhookEndpoint.findByPk(id, { transaction });
  if (!endpoint) throw new NotFoundError(`Webhook endpoint ${id} not found`);
  return endpoint;
}

export async function listEndpoints(query: WebhookListQuery): Promise<Page<WebhookEndpointDto>> {
  const { rows, count } = await WebhookEndpoint.findAndCountAll({
    order: [['id', 'ASC']],
    limit: query.pageSize,
    offset: offsetOf(query),
  });
  const events = await eventsOf(rows.map((r) => r.id));
  return {
    items: rows.map((r) => toWebhookEndpointDto(r, events.get(r.id) ?? [])),
    total: count,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getEndpoint(id: number): Promise<WebhookEndpointDto> {
  const endpoint = await loadEndpoint(id);
  return toWebhookEndpointDto(endpoint, (await eventsOf([id])).get(id) ?? []);
}

export async function createEndpoint(
  input: WebhookEndpointInput,
  actor: Pick<Actor, 'id'>,
  policy: TargetPolicy,
): Promise<WebhookEndpointDto> {
  const url = await assertTargetAllowed(input.url, policy);
  const secret = input.secret ?? generateWebhookSecret();
  const endpoint = await withTransaction(async (transaction) => {
    // The ciphertext is bound to the row id, known once the row exists: insert, then seal the secret.
    const created = await WebhookEndpoint.create(
      { url, secretEncrypted: '-', secretHint: secret.slice(-4), createdBy: actor.id },
      { transaction },
    );
    await created.update({ secretEncrypted: encryptPii(secret, webhookSecretAad(created.id)) }, { transaction });
    await WebhookSubscription.bulkCreate(
      input.events.map((event) => ({ event, endpointId: created.id })),
      { transaction },
    );
    return created;
  });
  logger.info('webhook.created', { endpointId: endpoint.id, events: input.events, actorId: actor.id });
  return toWebhookEndpointDto(endpoint, input.events, secret);
}

export async function updateEndpoint(
  id: number,
  patch: WebhookEndpointPatch,
  actor: Pick<Actor, 'id'>,
  policy: TargetPolicy,
): Promise<WebhookEndpointDto> {
  const url = patch.url === undefined ? undefined : await assertTargetAllowed(patch.url, policy);
  const { endpoint, events } = await withTransaction(async (transaction) => {
    const endpoint = await loadEndpoint(id, transaction);
    const changes: Partial<WebhookEndpoint> = {};
    if (url !== undefined) changes.url = url;
    if (patch.enabled === true && !endpoint.enabled) {
      Object.assign(changes, { enabled: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null });
    } else if (patch.enabled === false && endpoint.enabled) {
      Object.assign(changes, {
        enabled: false,
        disabledAt: new Date(),
        disabledReason: 'Disabled by an administrator',
      });
    }
    endpoint.set(changes);
    if (patch.events) endpoint.changed('updatedAt', true); // a change of events alone changes the endpoint too
    if (endpoint.changed()) await endpoint.save({ transaction });
    if (patch.events) {
      await WebhookSubscription.destroy({ where: { endpointId: id }, transaction });
      await WebhookSubscription.bulkCreate(
        patch.events.map((event) => ({ event, endpointId: id })),
        { transaction },
      );
    }
    return { endpoint, events: (await eventsOf([id], transaction)).get(id) ?? [] };
  });
  logger.info('webhook.updated', { endpointId: id, fields: Object.keys(patch), actorId: actor.id });
  return toWebhookEndpointDto(endpoint, events);
}

export async function deleteEndpoint(id: number, actor: Pick<Actor, 'id'>): Promise<void> {
  await withTransaction(async (transaction) => {
    const endpoint = await loadEndpoint(id, transaction);
    await WebhookDelivery.destroy({ where: { endpointId: id }, transaction });
    await WebhookSubscription.destroy({ where: { endpointId: id }, transaction });
    await endpoint.destroy({ transaction });
  });
  logger.info('webhook.deleted', { endpointId: id, actorId: actor.id });
}

export async function listDeliveries(id: number, query: WebhookDeliveryQuery): Promise<Page<WebhookDeliveryDto>> {
  await loadEndpoint(id);
  const { rows, count } = await WebhookDelivery.findAndCountAll({
    where: { endpointId: id },
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: query.pageSize,
    offset: offsetOf(query),
  });
  return { items: rows.map(toWebhookDeliveryDto), total: count, page: query.page, pageSize: query.pageSize };
}
