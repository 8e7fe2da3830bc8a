// The webhook channel of the outbox (spec §12): sends one outbox message to one endpoint, once. The outbox retries
// (with backoff) when send() throws, and dead-letters on PermanentDeliveryError.
//
// The body is `{"id": <idempotency key>, "event", "createdAt", "data"}`, signed over the exact bytes sent
// (lib/signature.ts: `X-Nimah-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`), with
// `X-Nimah-Delivery: <idempotency key>` for the receiver to dedupe on. Redirects are not followed (a 3xx is a
// failure: a redirect could lead to an address the target check refused), and an answer must start within the
// timeout (10 s). Every attempt is written to webhook_deliveries; failures in a row are counted on the endpoint,
// which is disabled with a reason after WEBHOOK_DISABLE_AFTER of them.
import type { Transaction } from 'sequelize';
import { config } from '../../config.js';
import { withTransaction } from '../../db/sequelize.js';
import { logger } from '../../lib/logger.js';
import { signBody, SIGNATURE_HEADER } from '../../lib/signature.js';
import { PermanentDeliveryError, type OutboxChannel, type OutboxMessage } from '../outbox/index.js';
import { checkTarget, type Lookup } from './webhooks.address.js';
import { WebhookDelivery, WebhookEndpoint } from './webhooks.model.js';
import { decryptWebhookSecret } from './webhooks.service.js';
import { writeAlone } from '../../db/statements.js';
import { sqlTime } from '../../lib/sql.js';
import { AUTO_DISABLED_PREFIX } from './webhooks.schema.js';

/** How long a receiver has to start answering. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookChannelSettings {
  /** WEBHOOK_ALLOW_PRIVATE: skip the public-address check at send time. */
  allowPrivate: boolean;
  /** Failed deliveries in a row after which the endpoint is disabled (WEBHOOK_DISABLE_AFTER). */
  disableAfter: number;
  /** The cut for one attempt, in milliseconds (WEBHOOK_TIMEOUT_MS unless a caller passes another). */
  timeoutMs: number;
  /** PUBLIC_URL: this server, never a target. */
  publicUrl: string;
  /** How names are resolved for the target check (the system resolver by default). */
  lookup?: Lookup;
}

export interface WebhookChannel extends OutboxChannel {
  readonly settings: Readonly<WebhookChannelSettings>;
}

/** The body a receiver gets (field names are part of the contract). */
export interface WebhookBody {
  id: string;
  event: string;
  createdAt: string;
  data: Record<string, unknown>;
}

interface Attempt {
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

const ERROR_MAX = 500;

/** When the change happened: the outbox row's creation, the same on every try. */
function createdAtOf(message: OutboxMessage): string {
  return message.createdAt.toISOString();
}

/** A fetch failure in a few words: the timeout, or the network error's code and message. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return `No answer within ${timeoutMs} ms (timed out)`;
  if (e?.cause?.code || e?.cause?.message) return `${e.cause.code ?? 'network error'}: ${e.cause.message ?? ''}`.trim();
  return `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`;
}

/**
 * Writes the attempt and counts it on the endpoint, in one transaction: a success resets the count, a failure adds
 * one and, at `disableAfter`, disables the endpoint with a reason. Says whether the endpoint still exists, and the
 * failure count at which this attempt disabled it.
 */
async function recordAttempt(
  endpointId: number,
  message: OutboxMessage,
  attempt: Attempt,
  disableAfter: number,
  failuresBefore: number,
): Promise<{ exists: boolean; disabledAfter?: number }> {
  if (attempt.error === null && failuresBefore === 0) {
    // The common case, a success after a success: the log row alone, one autocommitted statement (no lock on the
    // endpoint's row, which every delivery to it would otherwise queue on). The foreign key refuses the row if the
    // endpoint was deleted meanwhile; the delivery still happened, so that is not an error of the send.
    await writeAlone(
      `INSERT INTO webhook_deliveries (endpoint_id, outbox_message_id, event, attempt, status_code, latency_ms, error,
         created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
      [
        endpointId,
        message.id,
        message.topic.slice(0, 64),
        message.attempts + 1,
        attempt.statusCode,
        attempt.latencyMs,
        sqlTime(new Date()),
      ],
    ).catch((err: unknown) => {
      const e = err as { code?: string; name?: string };
      if (e.code !== 'ER_NO_REFERENCED_ROW_2' && e.name !== 'SequelizeForeignKeyConstraintError') throw err;
    });
    return { exists: true };
  }
  return withTransaction(async (transaction: Transaction) => {
    if (attempt.error === null) {
      await WebhookEndpoint.update(
        { consecutiveFailures: 0 },
        { where: { id: endpointId }, transaction, silent: true },
      );
    } else {
      await WebhookEndpoint.increment('consecutiveFailures', { where: { id: endpointId }, transaction, silent: true });
    }
    const endpoint = await WebhookEndpoint.findByPk(endpointId, { transaction });
    if (!endpoint) return { exists: false };
    await WebhookDelivery.create(
      {
        endpointId,
        outboxMessageId: message.id,
        event: message.topic.slice(0, 64),
        attempt: message.attempts + 1,
        statusCode: attempt.statusCode,
        latencyMs: attempt.latencyMs,
        error: attempt.error === null ? null : attempt.error.slice(0, ERROR_MAX),
      },
      { transaction },
    );
    if (attempt.error === null || !endpoint.enabled || endpoint.consecutiveFailures < disableAfter) {
      return { exists: true };
    }
    const reason = `${AUTO_DISABLED_PREFIX} ${endpoint.consecutiveFailures} failed deliveries in a row; last: ${attempt.error}`;
    await endpoint.update(
      { enabled: false, disabledAt: new Date(), disabledReason: reason.slice(0, ERROR_MAX) },
      { transaction },
    );
    return { exists: true, disabledAfter: endpoint.consecutiveFailures };
  });
}

/** POSTs the signed body; the attempt's outcome (never throws). */
async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<Attempt> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const latencyMs = latency();
    // The answer's body is not read (nor stored): release the connection.
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { statusCode: res.status, latencyMs, error: null };
    const redirect = res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : '';
    return { statusCode: res.status, latencyMs, error: `HTTP ${res.status}${redirect}` };
  } catch (error) {
    return { statusCode: null, latencyMs: latency(), error: describeFailure(error, timeoutMs) };
  }
}

/** A webhook channel with `overrides` of its settings (tests pass a short timeout or a local receiver policy). */
export function createWebhookChannel(overrides: Partial<WebhookChannelSettings> = {}): WebhookChannel {
  const settings: Readonly<WebhookChannelSettings> = Object.freeze({
    allowPrivate: config.webhooks.allowPrivate,
    disableAfter: config.webhooks.disableAfter,
    timeoutMs: WEBHOOK_TIMEOUT_MS,
    publicUrl: config.publicUrl,
    ...overrides,
  });

  async function send(message: OutboxMessage): Promise<void> {
    const endpointId = Number(message.recipient);
    if (!Number.isSafeInteger(endpointId) || endpointId <= 0) {
      // Not echoed: a misrouted recipient could be an address or a phone number.
      throw new PermanentDeliveryError('The recipient of a webhook message must be an endpoint id');
    }
    const endpoint = await WebhookEndpoint.findByPk(endpointId);
    if (!endpoint) throw new PermanentDeliveryError(`Webhook endpoint ${endpointId} was deleted`);
    if (!endpoint.enabled) throw new PermanentDeliveryError(`Webhook endpoint ${endpointId} is disabled`);
    let secret: string;
    try {
      secret = decryptWebhookSecret(endpoint);
    } catch {
      throw new PermanentDeliveryError(`The secret of webhook endpoint ${endpointId} cannot be read with the PII keys`);
    }

    const payload: WebhookBody = {
      id: message.idempotencyKey,
      event: message.topic,
      createdAt: createdAtOf(message),
      data: message.payload,
    };
    const body = JSON.stringify(payload);
    const started = performance.now();
    // DNS may have changed since the endpoint was saved: check the target again, now.
    const target = await checkTarget(endpoint.url, settings);
    const attempt: Attempt = target.ok
      ? await post(
          target.url.toString(),
          body,
          {
            'Content-Type': 'application/json',
            'User-Agent': 'Nimah-Webhooks/1',
            'X-Nimah-Delivery': message.idempotencyKey,
            'X-Nimah-Event': message.topic,
            [SIGNATURE_HEADER]: signBody(secret, body),
          },
          settings.timeoutMs,
        )
      : {
          statusCode: null,
          latencyMs: Math.round(performance.now() - started),
          error: `Target refused: url ${target.reason}`,
        };

    const { exists, disabledAfter } = await recordAttempt(
      endpointId,
      message,
      attempt,
      settings.disableAfter,
      endpoint.consecutiveFailures,
    );
    if (disabledAfter !== undefined) logger.warn('webhook.disabled', { endpointId, failuresInARow: disabledAfter });
    if (attempt.error === null) return;
    if (!exists) throw new PermanentDeliveryError(`Webhook endpoint ${endpointId} was deleted`);
    throw new Error(`Webhook delivery to endpoint ${endpointId} failed: ${attempt.error}`);
  }

  return { settings, unavailable: () => null, send };
}

/** The channel the outbox uses, with the configured settings and the 10 s cut. */
export const webhookChannel: WebhookChannel = createWebhookChannel();
