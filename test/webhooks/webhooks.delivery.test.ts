// The webhook channel against a real receiver in another process (test/helpers/webhook-receiver.ts): signed
// deliveries, the receiver's checks (signature, five-minute replay window, dedupe), the delivery log, the timeout,
// redirects, the target check at send time, and disabling after failures in a row. The receiver listens on
// 127.0.0.1, so the endpoints are saved and sent with the private-target setting on (WEBHOOK_ALLOW_PRIVATE=true),
// passed as a parameter through the same code the routes and the outbox use.
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { getSequelize, isSqlite, withTransaction } from '../../server/db/sequelize.js';
import { verifySignature } from '../../server/lib/signature.js';
import {
  drainOutbox,
  enqueue,
  PermanentDeliveryError,
  registerChannel,
  type OutboxMessage,
} from '../../server/modules/outbox/index.js';
import {
  createWebhookChannel,
  WEBHOOK_TIMEOUT_MS,
  webhookChannel,
  webhookTargets,
  type WebhookChannel,
} from '../../server/modules/webhooks/index.js';
import { createEndpoint } from '../../server/modules/webhooks/webhooks.service.js';
import { WEBHOOK_TARGETS_SQL } from '../../server/modules/webhooks/webhooks.targets.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const SECRET = 'receiver-shared-secret-0001';

interface DeliveryRow {
  endpoint_id: number;
  outbox_message_id: number;
  event: string;
  attempt: number;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
}
const deliveryRows = () =>
  rawSelect<DeliveryRow>(
    'SELECT endpoint_id, outbox_message_id, event, attempt, status_code, latency_ms, error FROM webhook_deliveries ORDER BY id',
  );
const failuresOf = async (id: number) =>
  Number(
    (
      await rawSelect<{ n: number }>('SELECT consecutive_failures AS n FROM webhook_endpoints WHERE id = :id', { id })
    )[0].n,
  );

let messageId = 1000;
function message(endpointId: number, fields: Partial<OutboxMessage> = {}): OutboxMessage {
  messageId += 1;
  return {
    id: messageId,
    channel: 'webhook',
    topic: 'donation.received',
    idempotencyKey: `donation.received:${randomUUID()}`,
    recipient: String(endpointId),
    payload: { donationId: 7, code: 'DN-2026-0007', status: 'received' },
    attempts: 0,
    createdAt: new Date(),
    ...fields,
  };
}

/** The error `action` rejects with. */
async function rejection(action: Promise<unknown>): Promise<Error> {
  try {
    await action;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('webhook channel: deliveries to a receiver process', function () {
  this.timeout(60_000);
  let receiver: WebhookReceiver;
  let admin: { token: string; user: { id: number } };
  let channel: WebhookChannel;

  before(async () => {
    receiver = await startWebhookReceiver(SECRET);
  });
  after(async () => {
    await receiver?.stop();
  });
  beforeEach(async () => {
    await receiver.control({
      reset: true,
      secret: SECRET,
      status: 200,
      location: '',
      stall: false,
      clockOffsetSeconds: 0,
    });
    admin = await signIn('admin');
    channel = createWebhookChannel({ allowPrivate: true });
  });

  const newEndpoint = async (events = ['donation.received'], url = receiver.url) =>
    (
      await createEndpoint(
        { url, events: events as never, secret: SECRET },
        { id: admin.user.id },
        { allowPrivate: true },
      )
    ).id;

  it('delivers a signed JSON POST that the receiver verifies, and logs the attempt', async () => {
    const id = await newEndpoint();
    const msg = message(id);
    await channel.send(msg);

    const [got, ...more] = await receiver.received();
    expect(more).to.have.length(0);
    expect(got).to.include({
      method: 'POST',
      path: '/hook',
      delivery: msg.idempotencyKey,
      event: 'donation.received',
      contentType: 'application/json',
      verified: true,
      reason: null,
      answered: 200,
    });
    const body = JSON.parse(got.body) as Record<string, unknown>;
    expect(Object.keys(body)).to.deep.equal(['id', 'event', 'createdAt', 'data']);
    expect(body).to.deep.include({ id: msg.idempotencyKey, event: 'donation.received', data: msg.payload });
    expect(Date.parse(String(body.createdAt))).to.be.closeTo(Date.now(), 60_000);
    expect(got.signature).to.match(/^t=\d+,v1=[0-9a-f]{64}$/);
    // The same check with the server's own verifier, over the bytes that arrived.
    expect(verifySignature(SECRET, got.body, got.signature!)).to.equal(true);

    const rows = await deliveryRows();
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({
      endpoint_id: id,
      outbox_message_id: msg.id,
      event: 'donation.received',
      attempt: 1,
      status_code: 200,
      error: null,
    });
    expect(Number(rows[0].latency_ms)).to.be.within(0, 10_000);
    const log = await api().get(`/api/webhooks/${id}/deliveries`).set(bearer(admin.token)).expect(200);
    expect(log.body.total).to.equal(1);
    expect(log.body.items[0]).to.include({
      endpointId: id,
      outboxMessageId: msg.id,
      event: 'donation.received',
      attempt: 1,
      statusCode: 200,
      error: null,
    });
  });

  it('is refused by the receiver when replayed after five minutes, deduped within them, and when tampered', async () => {
    const id = await newEndpoint();
    await channel.send(message(id));
    const [original] = await receiver.received();
    const headers = {
      'Content-Type': 'application/json',
      'X-Nimah-Delivery': original.delivery!,
      'X-Nimah-Event': original.event!,
      'X-Nimah-Signature': original.signature!,
    };
    // The same request again at once: genuine, but already processed.
    expect(await receiver.replay(original.body, headers)).to.equal(200);
    // The same bytes six minutes later (the receiver's clock moved on 301 s): the signature is too old.
    await receiver.control({ clockOffsetSeconds: 301 });
    expect(await receiver.replay(original.body, headers)).to.equal(401);
    await receiver.control({ clockOffsetSeconds: 0 });
    // Another body under the captured signature.
    const tampered = original.body.replace('DN-2026-0007', 'DN-2026-0008');
    expect(await receiver.replay(tampered, { ...headers, 'X-Nimah-Delivery': 'another-id' })).to.equal(401);

    const seen = await receiver.received();
    expect(seen.map((r) => [r.verified, r.duplicate, r.reason, r.answered])).to.deep.equal([
      [true, false, null, 200],
      [true, true, null, 200],
      [false, false, 'stale signature', 401],
      [false, false, 'bad signature', 401],
    ]);
  });

  it('fails (to be retried) when the receiver refuses the signature of another secret, and logs the 401', async () => {
    const id = await newEndpoint();
    await receiver.control({ secret: 'the-receiver-has-another-secret' });
    const error = await rejection(channel.send(message(id)));
    expect(error).not.to.be.instanceOf(PermanentDeliveryError);
    expect(error.message).to.contain('HTTP 401');
    const [row] = await deliveryRows();
    expect(row).to.include({ status_code: 401, error: 'HTTP 401', attempt: 1 });
    expect(await failuresOf(id)).to.equal(1);
  });

  it('sends every try of a message with the same delivery id; the log lists each attempt, newest first, by page', async () => {
    const id = await newEndpoint();
    const msg = message(id);
    await receiver.control({ status: 500 });
    const first = await rejection(channel.send(msg));
    expect(first).not.to.be.instanceOf(PermanentDeliveryError);
    expect(first.message).to.contain('HTTP 500');
    expect(await failuresOf(id)).to.equal(1);
    await receiver.control({ status: 503 });
    await rejection(channel.send({ ...msg, attempts: 1 }));
    expect(await failuresOf(id)).to.equal(2);
    await receiver.control({ status: 204 });
    await channel.send({ ...msg, attempts: 2 });
    expect(await failuresOf(id)).to.equal(0);
    // Sent again after a crash between the send and its settling: the receiver keeps the first.
    await channel.send({ ...msg, attempts: 3 });

    const seen = await receiver.received();
    expect(seen.map((r) => r.delivery)).to.deep.equal(Array(4).fill(msg.idempotencyKey));
    expect(seen.map((r) => [r.verified, r.answered, r.duplicate])).to.deep.equal([
      [true, 500, false],
      [true, 503, false],
      [true, 204, false],
      [true, 200, true],
    ]);

    const page = (n: number) =>
      api().get(`/api/webhooks/${id}/deliveries?page=${n}&pageSize=2`).set(bearer(admin.token)).expect(200);
    const one = (await page(1)).body;
    const two = (await page(2)).body;
    expect(one).to.include({ total: 4, page: 1, pageSize: 2 });
    const pick = (items: Array<{ attempt: number; statusCode: number; error: string | null }>) =>
      items.map((d) => [d.attempt, d.statusCode, d.error]);
    expect(pick(one.items)).to.deep.equal([
      [4, 200, null],
      [3, 204, null],
    ]);
    expect(pick(two.items)).to.deep.equal([
      [2, 503, 'HTTP 503'],
      [1, 500, 'HTTP 500'],
    ]);
  });

  it('does not follow a redirect: a 3xx is a failed attempt', async () => {
    const id = await newEndpoint();
    await receiver.control({ status: 302, location: `${receiver.base}/elsewhere` });
    const error = await rejection(channel.send(message(id)));
    expect(error.message).to.contain('HTTP 302 (redirects are not followed)');
    const seen = await receiver.received();
    expect(seen.map((r) => r.path)).to.deep.equal(['/hook']);
    const [row] = await deliveryRows();
    expect(row).to.include({ status_code: 302, error: 'HTTP 302 (redirects are not followed)' });
  });

  it('cuts a stalled receiver at the timeout: 10 s by default, 500 ms here through the same code', async () => {
    expect(WEBHOOK_TIMEOUT_MS).to.equal(10_000);
    expect(webhookChannel.settings.timeoutMs).to.equal(10_000);
    expect(channel.settings.timeoutMs).to.equal(10_000);
    const quick = createWebhookChannel({ allowPrivate: true, timeoutMs: 500 });
    const id = await newEndpoint();
    await receiver.control({ stall: true });
    const started = Date.now();
    const error = await rejection(quick.send(message(id)));
    const took = Date.now() - started;
    expect(error).not.to.be.instanceOf(PermanentDeliveryError);
    expect(error.message).to.contain('No answer within 500 ms (timed out)');
    expect(took).to.be.within(450, 5000);

    const [row] = await deliveryRows();
    expect(row).to.include({ status_code: null, error: 'No answer within 500 ms (timed out)', attempt: 1 });
    expect(Number(row.latency_ms)).to.be.within(450, 5000);
    expect(await failuresOf(id)).to.equal(1);
    // The receiver saw the request, never answered, and the channel closed the connection.
    let seen = await receiver.received();
    for (let i = 0; i < 50 && !seen[0]?.closedBeforeAnswer; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
      seen = await receiver.received();
    }
    expect(seen).to.have.length(1);
    expect(seen[0]).to.include({ verified: true, answered: null, closedBeforeAnswer: true });
  });

  it('checks the target again at send time: an endpoint that is no longer public fails the attempt, and counts', async () => {
    // Saved while private targets were allowed (as if its name resolved to a public address then); the channel of
    // the configuration (WEBHOOK_ALLOW_PRIVATE=false in the tests) checks it again before sending.
    expect(webhookChannel.settings.allowPrivate).to.equal(false);
    const id = await newEndpoint();
    const error = await rejection(webhookChannel.send(message(id)));
    expect(error).not.to.be.instanceOf(PermanentDeliveryError);
    expect(error.message).to.contain('Target refused: url must be on a public address');
    expect(await receiver.received()).to.deep.equal([]);
    const [row] = await deliveryRows();
    expect(row.status_code).to.equal(null);
    expect(row.error).to.match(/^Target refused: url must be on a public address/);
    expect(await failuresOf(id)).to.equal(1);
  });

  it('disables the endpoint after WEBHOOK_DISABLE_AFTER (10) failures in a row, tells the admin, and re-enabling clears it', async () => {
    expect(webhookChannel.settings.disableAfter).to.equal(10);
    expect(channel.settings.disableAfter).to.equal(10);
    const id = await newEndpoint();
    const other = await newEndpoint(['donation.received', 'donation.closed']);
    const targets = () => withTransaction((t) => webhookTargets('donation.received', t));

    // Failures in a row only: a success in between starts the count again.
    await receiver.control({ status: 500 });
    for (let i = 0; i < 3; i += 1) await rejection(channel.send(message(id)));
    await receiver.control({ status: 200 });
    await channel.send(message(id));
    expect(await failuresOf(id)).to.equal(0);

    await receiver.control({ status: 500 });
    for (let i = 0; i < 9; i += 1) await rejection(channel.send(message(id)));
    expect(await failuresOf(id)).to.equal(9);
    expect(await targets()).to.deep.equal([id, other]);
    let list = await api().get('/api/webhooks').set(bearer(admin.token)).expect(200);
    expect(list.body.items[0]).to.include({ id, enabled: true, consecutiveFailures: 9, disabledAt: null });

    const tenth = await rejection(channel.send(message(id)));
    expect(tenth).not.to.be.instanceOf(PermanentDeliveryError);
    list = await api().get('/api/webhooks').set(bearer(admin.token)).expect(200);
    const shown = list.body.items.find((e: { id: number }) => e.id === id);
    expect(shown).to.include({ enabled: false, consecutiveFailures: 10 });
    expect(Date.parse(shown.disabledAt)).to.be.closeTo(Date.now(), 60_000);
    expect(shown.disabledReason).to.equal('Disabled after 10 failed deliveries in a row; last: HTTP 500');
    // The admin's notice on the outgoing-messages screen keys on this.
    expect(shown.disabledAfterFailures).to.equal(true);
    expect(list.body.items.find((e: { id: number }) => e.id === other)).to.include({ enabled: true });
    expect(await targets()).to.deep.equal([other]);

    // Its queued messages now go to the dead letters without a try.
    const before = (await receiver.received()).length;
    const rows = (await deliveryRows()).length;
    const dead = await rejection(channel.send(message(id)));
    expect(dead).to.be.instanceOf(PermanentDeliveryError);
    expect(dead.message).to.equal(`Webhook endpoint ${id} is disabled`);
    expect((await receiver.received()).length).to.equal(before);
    expect((await deliveryRows()).length).to.equal(rows);

    const enabled = await api()
      .patch(`/api/webhooks/${id}`)
      .set(bearer(admin.token))
      .send({ enabled: true })
      .expect(200);
    expect(enabled.body).to.include({ enabled: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null });
    expect(await failuresOf(id)).to.equal(0);
    expect(await targets()).to.deep.equal([id, other]);
    await receiver.control({ status: 200 });
    await channel.send(message(id));
  });

  it('dead-letters a message whose endpoint was deleted, or whose recipient is not an endpoint id', async () => {
    const id = await newEndpoint();
    await api().delete(`/api/webhooks/${id}`).set(bearer(admin.token)).expect(204);
    const gone = await rejection(channel.send(message(id)));
    expect(gone).to.be.instanceOf(PermanentDeliveryError);
    expect(gone.message).to.equal(`Webhook endpoint ${id} was deleted`);
    const bad = await rejection(channel.send(message(id, { recipient: 'ops@example.org' })));
    expect(bad).to.be.instanceOf(PermanentDeliveryError);
    expect(bad.message).to.equal('The recipient of a webhook message must be an endpoint id');
    expect(await receiver.received()).to.deep.equal([]);
    expect(await deliveryRows()).to.deep.equal([]);
  });

  it('through the outbox: webhookTargets in the change transaction, one message per endpoint, sent by the worker', async () => {
    const a = await newEndpoint(['donation.received']);
    const b = await newEndpoint(['donation.closed', 'donation.received']);
    await newEndpoint(['donation.closed']);
    const previous = registerChannel('webhook', channel);
    try {
      await withTransaction(async (t) => {
        const ids = await webhookTargets('donation.received', t);
        expect(ids).to.deep.equal([a, b]);
        await enqueue(
          t,
          ids.map((id) => ({
            channel: 'webhook' as const,
            topic: 'donation.received',
            key: `donation.received:7:${id}`,
            recipient: String(id),
            payload: { donationId: 7 },
          })),
        );
      });
      const result = await drainOutbox();
      expect(result).to.deep.equal({ sent: 2, retry: 0, dead: 0 });
    } finally {
      registerChannel('webhook', previous);
    }
    const seen = await receiver.received();
    expect(seen.map((r) => [r.delivery, r.verified, r.answered]).sort()).to.deep.equal([
      [`donation.received:7:${a}`, true, 200],
      [`donation.received:7:${b}`, true, 200],
    ]);
    const rows = await deliveryRows();
    expect(rows.map((r) => [r.endpoint_id, r.attempt, r.status_code]).sort()).to.deep.equal([
      [a, 1, 200],
      [b, 1, 200],
    ]);
  });
});

describe('webhookTargets: the enabled endpoints subscribed to an event', () => {
  it('answers [] with no endpoints, and only enabled subscribers of that event otherwise, in one indexed read', async () => {
    const targets = (event: string) => withTransaction((t) => webhookTargets(event, t));
    expect(await targets('donation.received')).to.deep.equal([]);
    const { user } = await signIn('admin');
    const make = async (events: string[]) =>
      (
        await createEndpoint(
          { url: 'https://93.184.215.14/hook', events: events as never },
          { id: user.id },
          { allowPrivate: false },
        )
      ).id;
    const a = await make(['donation.received', 'allocation.reserved']);
    const b = await make(['allocation.reserved']);
    const c = await make(['allocation.reserved', 'sanitization.failed']);
    const { token } = await signIn('admin');
    await api().patch(`/api/webhooks/${c}`).set(bearer(token)).send({ enabled: false }).expect(200);
    expect(await targets('donation.received')).to.deep.equal([a]);
    expect(await targets('allocation.reserved')).to.deep.equal([a, b]);
    expect(await targets('sanitization.failed')).to.deep.equal([]);
    expect(await targets('no.such.event')).to.deep.equal([]);
    // Read in the caller's transaction: it sees that transaction's own writes, and nothing once they roll back.
    await withTransaction(async (t) => {
      await getSequelize().query('INSERT INTO webhook_subscriptions (event, endpoint_id) VALUES (:event, :id)', {
        replacements: { event: 'sanitization.failed', id: b },
        transaction: t,
      });
      expect(await webhookTargets('sanitization.failed', t)).to.deep.equal([b]);
      throw new Error('roll back');
    }).catch((error: Error) => expect(error.message).to.equal('roll back'));
    expect(await targets('sanitization.failed')).to.deep.equal([]);
  });

  it('reads the subscriptions by their (event, endpoint) key, not by a scan', async () => {
    const sql = WEBHOOK_TARGETS_SQL.replace('?', "'donation.received'");
    if (isSqlite()) {
      const plan = await rawSelect<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`);
      const details = plan.map((p) => p.detail);
      expect(
        details.some((d) =>
          /^SEARCH s USING (COVERING )?INDEX sqlite_autoindex_webhook_subscriptions_1 \(event=\?\)/.test(d),
        ),
        details.join('; '),
      ).to.equal(true);
      expect(
        details.some((d) => /^SEARCH e USING INTEGER PRIMARY KEY/.test(d)),
        details.join('; '),
      ).to.equal(true);
    } else {
      const plan = await rawSelect<{ table: string; key: string | null; type: string }>(`EXPLAIN ${sql}`);
      const s = plan.find((p) => p.table === 's');
      const e = plan.find((p) => p.table === 'e');
      expect(s, JSON.stringify(plan)).to.include({ key: 'PRIMARY' });
      expect(e, JSON.stringify(plan)).to.include({ key: 'PRIMARY' });
    }
  });
});
