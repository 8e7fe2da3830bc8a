// The delivery worker: claims due messages, sends each through its channel, and settles it (sent; another try later,
// with exponential backoff and jitter; or the dead letters). At least once: a worker that dies after sending and
// before settling leaves the message claimed until its lease ends, and then it is sent again with the same
// idempotency key, which receivers dedupe on.
//
// Several workers (instances, or `npm run worker` processes) share one MariaDB: a claim reads due rows
// `FOR UPDATE SKIP LOCKED` and leases them to its worker in one transaction, so two workers never hold one message at
// once. On SQLite the write queue (withTransaction) makes claims one at a time.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { config } from '../../config.js';
import { isSqlite, withTransaction } from '../../db/sequelize.js';
import { selectIn, writeAlone, writeIn } from '../../db/statements.js';
import { logger } from '../../lib/logger.js';
import { sqlTime } from '../../lib/sql.js';
import { PermanentDeliveryError, type OutboxChannelName, type OutboxMessage } from './outbox.channels.js';
import { onEnqueued } from './outbox.enqueue.js';
import { channelOf, sendingChannels } from './outbox.registry.js';

export interface WorkerOptions {
  /** Names this worker in the rows it leases. */
  owner: string;
  /** Messages claimed at once. */
  batch: number;
  /**
   * Messages of a batch sent at the same time. The web server's own worker sends one at a time (server.ts), so the
   * requests it serves never queue behind several deliveries; `npm run worker` sends OUTBOX_CONCURRENCY at once.
   */
  concurrency: number;
  maxAttempts: number;
  retryBaseMs: number;
  leaseMs: number;
  pollMs: number;
}

/** The longest wait between two tries, whatever the attempt. */
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60 * 1000;

export function workerOptions(overrides: Partial<WorkerOptions> = {}): WorkerOptions {
  return {
    owner: `${process.pid}-${randomUUID().slice(0, 8)}`,
    batch: 20,
    concurrency: config.outbox.concurrency,
    maxAttempts: config.outbox.maxAttempts,
    retryBaseMs: config.outbox.retryBaseMs,
    leaseMs: config.outbox.leaseMs,
    pollMs: config.outbox.pollMs,
    ...overrides,
  };
}

/** The wait after the `attempts`-th failed try: base × 2^(attempts−1), capped, then between half and all of it. */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const full = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(full * (0.5 + random() * 0.5));
}

interface ClaimedRow {
  id: number;
  channel: OutboxChannelName;
  topic: string;
  idempotencyKey: string;
  recipient: string;
  payload: string;
  attempts: number;
  createdAt: Date | string;
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

const CLAIMED_COLUMNS = `id, channel, topic, idempotency_key AS idempotencyKey, recipient, payload, attempts,
  created_at AS createdAt`;

/**
 * Leases up to `batch` due messages of the channels that can send now, and counts the try they are claimed for. One
 * statement per channel, each an ordered range of the (channel, status, next_attempt_at, id) index: it reads and
 * locks only the rows it takes, however long the queue (a filesort over every pending row would lock them all and
 * leave other workers nothing to skip to). Rows whose lease ran out (their worker died) are taken first.
 */
async function claim(o: WorkerOptions): Promise<ClaimedRow[]> {
  const channels = sendingChannels();
  if (!channels.length) return [];
  return withTransaction(async (t: Transaction) => {
    const now = sqlTime(new Date());
    const lock = isSqlite() ? '' : ' FOR UPDATE SKIP LOCKED';
    const rows: ClaimedRow[] = [];
    for (const channel of channels) {
      for (const [status, column] of [
        ['sending', 'lease_until'],
        ['pending', 'next_attempt_at'],
      ] as const) {
        const room = o.batch - rows.length;
        if (room <= 0) break;
        rows.push(
          ...(await selectIn<ClaimedRow>(
            t,
            `SELECT ${CLAIMED_COLUMNS} FROM outbox_messages
              WHERE channel = ? AND status = ? AND ${column} <= ?
              ORDER BY next_attempt_at, id LIMIT ${Math.trunc(room)}${lock}`,
            [channel, status, now],
          )),
        );
      }
    }
    if (!rows.length) return [];
    await writeIn(
      t,
      `UPDATE outbox_messages SET status = 'sending', attempts = attempts + 1, lease_owner = ?, lease_until = ?,
         updated_at = ? WHERE id IN (${placeholders(rows.length)})`,
      [o.owner, sqlTime(new Date(Date.now() + o.leaseMs)), now, ...rows.map((r) => r.id)],
    );
    return rows.map((r) => ({ ...r, attempts: Number(r.attempts) + 1 }));
  });
}

type Outcome = 'sent' | 'retry' | 'dead';

/** Writes the outcome of one try, if this worker still holds the message's lease: one autocommitted statement. */
async function settle(row: ClaimedRow, o: WorkerOptions, outcome: Outcome, error?: string): Promise<void> {
  const now = new Date();
  const lastError = error === undefined ? null : error.slice(0, 1000);
  if (outcome === 'sent') {
    await writeAlone(
      `UPDATE outbox_messages SET status = 'sent', sent_at = ?, lease_owner = NULL, lease_until = NULL,
         last_error = NULL, updated_at = ? WHERE id = ? AND lease_owner = ?`,
      [sqlTime(now), sqlTime(now), row.id, o.owner],
    );
    return;
  }
  const delay = outcome === 'dead' ? 0 : retryDelayMs(row.attempts, o.retryBaseMs);
  await writeAlone(
    `UPDATE outbox_messages SET status = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL,
       last_error = ?, updated_at = ? WHERE id = ? AND lease_owner = ?`,
    [
      outcome === 'dead' ? 'dead' : 'pending',
      sqlTime(new Date(now.getTime() + delay)),
      lastError,
      sqlTime(now),
      row.id,
      o.owner,
    ],
  );
}

/** Sends one claimed message and settles it; never throws. */
async function deliver(row: ClaimedRow, o: WorkerOptions): Promise<Outcome> {
  const channel = channelOf(row.channel);
  let outcome: Outcome;
  let error: string | undefined;
  try {
    if (!channel) throw new Error(`no ${row.channel} channel is set up in this process`);
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(row.payload) as Record<string, unknown>;
    } catch {
      throw new PermanentDeliveryError('the stored payload is not valid JSON');
    }
    const createdAt = row.createdAt instanceof Date ? row.createdAt : new Date(row.createdAt);
    const message: OutboxMessage = { ...row, payload, attempts: row.attempts - 1, createdAt };
    await channel.send(message);
    outcome = 'sent';
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
    outcome = err instanceof PermanentDeliveryError || row.attempts >= o.maxAttempts ? 'dead' : 'retry';
  }
  try {
    await settle(row, o, outcome, error);
  } catch (err) {
    // The lease runs out and another try follows: at least once still holds.
    logger.warn('outbox.settle_failed', { id: row.id, error: (err as Error).message });
  }
  // Topic and channel only: recipients and payloads may be personal data.
  logger[outcome === 'sent' ? 'info' : 'warn']('outbox.delivery', {
    id: row.id,
    channel: row.channel,
    topic: row.topic,
    attempt: row.attempts,
    outcome,
  });
  return outcome;
}

export interface DrainResult {
  sent: number;
  retry: number;
  dead: number;
}

/** Claims and delivers batches until nothing is due (or `stopping` says so); returns what happened. */
export async function drainOutbox(
  overrides: Partial<WorkerOptions> = {},
  stopping: () => boolean = () => false,
): Promise<DrainResult> {
  const o = workerOptions(overrides);
  const result: DrainResult = { sent: 0, retry: 0, dead: 0 };
  for (;;) {
    const rows = await claim(o);
    for (let i = 0; i < rows.length; i += o.concurrency) {
      const outcomes = await Promise.all(rows.slice(i, i + o.concurrency).map((row) => deliver(row, o)));
      // Let the requests that arrived meanwhile run before the next message (promise continuations would go first).
      await new Promise((resolve) => setImmediate(resolve));
      for (const outcome of outcomes) result[outcome] += 1;
    }
    if (rows.length < o.batch || stopping()) return result;
  }
}

export interface RunningWorker {
  /** Look for due messages now instead of at the next poll. */
  nudge(): void;
  /** Stops polling and waits for the batch in hand. */
  stop(): Promise<void>;
}

/** Polls every `pollMs` (and right after a commit that enqueued in this process) until stopped. */
export function startOutboxWorker(overrides: Partial<WorkerOptions> = {}): RunningWorker {
  const o = workerOptions(overrides);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = drainOutbox(o, () => stopped)
      .then(
        () => undefined,
        (err: Error) => void logger.warn('outbox.worker_error', { error: err.message }),
      )
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (again) {
          again = false;
          setImmediate(run);
        } else timer = setTimeout(run, o.pollMs);
      });
  };
  onEnqueued(run);
  timer = setTimeout(run, 0);
  logger.info('outbox.worker_started', { owner: o.owner, pollMs: o.pollMs });
  return {
    nudge: run,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      onEnqueued(undefined);
      await running;
    },
  };
}
