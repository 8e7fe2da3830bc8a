// The outbox (issue 17 point 1): messages written with their change, claimed by workers that never hold one message
// at once, retried with backoff, dead-lettered after the last try or at once for a permanent failure, listed and
// retried by admins. The channel here is the boundary the outbox hands messages to; the real channels (email,
// webhooks, SMS) have their own tests with real receiving processes.
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { getSequelize, withTransaction } from '../../server/db/sequelize.js';
import {
  drainOutbox,
  enqueue,
  PermanentDeliveryError,
  registerChannel,
  retryDelayMs,
  type NewMessage,
  type OutboxChannel,
  type OutboxMessage,
} from '../../server/modules/outbox/index.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';

/** A channel that records what it is handed, and fails as told. */
class RecordingChannel implements OutboxChannel {
  received: OutboxMessage[] = [];
  failWith: Error | undefined;
  why: string | null = null;
  unavailable(): string | null {
    return this.why;
  }
  async send(message: OutboxMessage): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (this.failWith) throw this.failWith;
    this.received.push(message);
  }
}

const message = (n: number, extra: Partial<NewMessage> = {}): NewMessage => ({
  channel: 'webhook',
  topic: 'donation.received',
  key: `test:${n}`,
  recipient: String(n),
  payload: { n },
  ...extra,
});

interface StoredRow {
  id: number;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | string;
}
const stored = (): Promise<StoredRow[]> =>
  getSequelize().query<StoredRow>(
    'SELECT id, status, attempts, last_error, next_attempt_at FROM outbox_messages ORDER BY id',
    { type: QueryTypes.SELECT },
  );
const time = (v: Date | string) => (v instanceof Date ? v : new Date(v)).getTime();

describe('outbox', () => {
  let channel: RecordingChannel;
  let previous: OutboxChannel | undefined;
  beforeEach(() => {
    channel = new RecordingChannel();
    previous = registerChannel('webhook', channel);
  });
  afterEach(() => registerChannel('webhook', previous));

  it('when the change rolls back, its message is gone with it; when it commits, the message is there once per key', async () => {
    await withTransaction(async (t) => {
      await enqueue(t, [message(1)]);
      throw new Error('the change fails');
    }).catch(() => undefined);
    expect(await stored()).to.have.length(0);

    const added = await withTransaction(async (t) => {
      const first = await enqueue(t, [message(2), message(3)]);
      const again = await enqueue(t, [message(2)]);
      return [first, again];
    });
    expect(added).to.deep.equal([2, 0]);
    const rows = await stored();
    expect(rows.map((r) => [r.status, Number(r.attempts)])).to.deep.equal([
      ['pending', 0],
      ['pending', 0],
    ]);
  });

  it('when the worker drains, each message is handed over once with its key and payload, and marked sent', async () => {
    await withTransaction((t) => enqueue(t, [message(1), message(2), message(3)]));
    const result = await drainOutbox({ batch: 2 });
    expect(result).to.deep.equal({ sent: 3, retry: 0, dead: 0 });
    expect(channel.received.map((m) => [m.idempotencyKey, m.recipient, m.payload.n, m.attempts])).to.have.deep.members([
      ['test:1', '1', 1, 0],
      ['test:2', '2', 2, 0],
      ['test:3', '3', 3, 0],
    ]);
    expect((await stored()).map((r) => r.status)).to.deep.equal(['sent', 'sent', 'sent']);
    expect(await drainOutbox()).to.deep.equal({ sent: 0, retry: 0, dead: 0 });
  });

  it('when a message is not due yet (a reminder), it waits for its time', async () => {
    await withTransaction((t) => enqueue(t, [message(1, { notBefore: new Date(Date.now() + 3_600_000) })]));
    expect(await drainOutbox()).to.deep.equal({ sent: 0, retry: 0, dead: 0 });
    expect(channel.received).to.have.length(0);
  });

  it('when sending fails, the next try waits base × 2^(tries−1) with jitter, and after the last try it is a dead letter with the reason', async () => {
    await withTransaction((t) => enqueue(t, [message(1)]));
    channel.failWith = new Error('connection refused by 203.0.113.9');
    const before = Date.now();
    expect(await drainOutbox({ retryBaseMs: 60_000, maxAttempts: 3 })).to.deep.equal({ sent: 0, retry: 1, dead: 0 });
    let [row] = await stored();
    expect(row.status).to.equal('pending');
    expect(Number(row.attempts)).to.equal(1);
    expect(row.last_error).to.equal('connection refused by 203.0.113.9');
    expect(time(row.next_attempt_at) - before).to.be.within(30_000 - 50, 60_000 + 1_000);

    // Make it due again twice: the third try is the last.
    for (const expected of [
      { sent: 0, retry: 1, dead: 0 },
      { sent: 0, retry: 0, dead: 1 },
    ]) {
      await getSequelize().query('UPDATE outbox_messages SET next_attempt_at = ?', { replacements: [new Date(0)] });
      expect(await drainOutbox({ retryBaseMs: 60_000, maxAttempts: 3 })).to.deep.equal(expected);
    }
    [row] = await stored();
    expect([row.status, Number(row.attempts)]).to.deep.equal(['dead', 3]);
  });

  it('when a failure is permanent (a body that cannot render), the message is a dead letter at once', async () => {
    await withTransaction((t) => enqueue(t, [message(1)]));
    channel.failWith = new PermanentDeliveryError('payload.receiptUrl is missing');
    expect(await drainOutbox({ maxAttempts: 8 })).to.deep.equal({ sent: 0, retry: 0, dead: 1 });
    const [row] = await stored();
    expect([row.status, Number(row.attempts), row.last_error]).to.deep.equal([
      'dead',
      1,
      'payload.receiptUrl is missing',
    ]);
  });

  it('retryDelayMs doubles per try between half and all of the step, and stops growing at six hours', () => {
    expect(retryDelayMs(1, 1000, () => 0)).to.equal(500);
    expect(retryDelayMs(1, 1000, () => 1)).to.equal(1000);
    expect(retryDelayMs(4, 1000, () => 0)).to.equal(4000);
    expect(retryDelayMs(4, 1000, () => 1)).to.equal(8000);
    expect(retryDelayMs(40, 1000, () => 1)).to.equal(6 * 3600 * 1000);
  });

  it('when a worker died holding a message, another sends it once the lease has run out, not before', async () => {
    await withTransaction((t) => enqueue(t, [message(1)]));
    const future = new Date(Date.now() + 60_000);
    await getSequelize().query(
      "UPDATE outbox_messages SET status = 'sending', attempts = 1, lease_owner = 'dead-worker', lease_until = ?",
      { replacements: [future] },
    );
    expect(await drainOutbox()).to.deep.equal({ sent: 0, retry: 0, dead: 0 });
    await getSequelize().query('UPDATE outbox_messages SET lease_until = ?', { replacements: [new Date(0)] });
    expect(await drainOutbox()).to.deep.equal({ sent: 1, retry: 0, dead: 0 });
    expect(channel.received.map((m) => [m.idempotencyKey, m.attempts])).to.deep.equal([['test:1', 1]]);
  });

  it('when several workers drain at once, no message is handed over twice and none is left', async () => {
    const messages = Array.from({ length: 120 }, (_, i) => message(i + 1));
    await withTransaction((t) => enqueue(t, messages));
    const results = await Promise.all(
      ['w1', 'w2', 'w3'].map((owner) => drainOutbox({ owner, batch: 7, concurrency: 3 })),
    );
    expect(results.reduce((n, r) => n + r.sent, 0)).to.equal(120);
    const keys = channel.received.map((m) => m.idempotencyKey);
    expect(new Set(keys).size).to.equal(120);
    expect(keys).to.have.length(120);
    expect((await stored()).every((r) => r.status === 'sent')).to.equal(true);
  });

  it('when a channel cannot send, its messages wait untried and the admin screen says why; a dead letter can be retried', async () => {
    const { token } = await signIn('admin');
    await withTransaction((t) =>
      enqueue(t, [message(1), message(2, { channel: 'email', recipient: 'donor@example.org' })]),
    );
    channel.why = 'the receiver is switched off';
    expect(await drainOutbox()).to.deep.equal({ sent: 0, retry: 0, dead: 0 });

    const list = await api().get('/api/outbox').set(bearer(token)).expect(200);
    expect(list.body.total).to.equal(2);
    expect(list.body.counts).to.deep.equal({ pending: 2, sending: 0, sent: 0, dead: 0 });
    const byChannel = Object.fromEntries(
      (list.body.channels as { channel: string; unavailable: string | null }[]).map((c) => [c.channel, c.unavailable]),
    );
    expect(byChannel.webhook).to.equal('the receiver is switched off');
    const email = (list.body.items as { channel: string; recipientMasked: string; attempts: number }[]).find(
      (m) => m.channel === 'email',
    )!;
    expect(email.recipientMasked).to.equal('d••••@example.org');
    expect(JSON.stringify(list.body)).not.to.include('donor@example.org');

    channel.why = null;
    channel.failWith = new PermanentDeliveryError('rejected');
    await drainOutbox();
    const dead = await api().get('/api/outbox?status=dead').set(bearer(token)).expect(200);
    expect(dead.body.items).to.have.length(1);
    const id = dead.body.items[0].id as number;

    channel.failWith = undefined;
    const retried = await api().post(`/api/outbox/${id}/retry`).set(bearer(token)).expect(200);
    expect([retried.body.status, retried.body.attempts]).to.deep.equal(['pending', 0]);
    expect(await drainOutbox()).to.deep.equal({ sent: 1, retry: 0, dead: 0 });
    await api().post(`/api/outbox/${id}/retry`).set(bearer(token)).expect(409);
    await api().post('/api/outbox/999999/retry').set(bearer(token)).expect(404);
    const bad = await api().get('/api/outbox?status=lost').set(bearer(token)).expect(400);
    expect(bad.body.error.details[0].path).to.equal('status');
  });

  it('when a manager asks for the outbox, the answer is 403', async () => {
    const { token } = await signIn('manager');
    await api().get('/api/outbox').set(bearer(token)).expect(403);
  });
});
