// Writing a message: always inside the transaction that makes the change it reports (architecture guide §4a), so a
// change without its message, or a message about a change that rolled back, cannot happen. After the commit the
// worker of this process is woken, so a message usually leaves within milliseconds instead of the next poll.
import type { Transaction } from 'sequelize';
import { isSqlite } from '../../db/sequelize.js';
import { writeIn } from '../../db/statements.js';
import { sqlTime } from '../../lib/sql.js';
import type { OutboxChannelName } from './outbox.channels.js';

export interface NewMessage {
  channel: OutboxChannelName;
  topic: string;
  /** Unique per message: the same key enqueued twice is one message (the second is ignored). */
  key: string;
  recipient: string;
  payload: Record<string, unknown>;
  /** Not before this time (a reminder the day before an appointment); default now. */
  notBefore?: Date;
}

let wake: (() => void) | undefined;

/** The worker of this process registers how to wake it (outbox.worker.ts). */
export function onEnqueued(listener: (() => void) | undefined): void {
  wake = listener;
}

/** Wakes this process's worker (after a commit that made a message due). */
export function wakeWorker(): void {
  wake?.();
}

/** Writes the messages in `transaction`; returns how many were new (a key already queued is skipped). */
export async function enqueue(transaction: Transaction, messages: readonly NewMessage[]): Promise<number> {
  if (!messages.length) return 0;
  const now = new Date();
  const values: unknown[] = [];
  const tuples = messages.map((m) => {
    values.push(
      m.channel,
      m.topic,
      m.key,
      m.recipient,
      JSON.stringify(m.payload),
      'pending',
      0,
      sqlTime(m.notBefore ?? now),
      sqlTime(now),
      sqlTime(now),
    );
    return '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  });
  // Only a duplicate key is skipped (INSERT IGNORE would also turn a too-long value into a warning).
  const onDuplicate = isSqlite() ? 'ON CONFLICT (idempotency_key) DO NOTHING' : 'ON DUPLICATE KEY UPDATE id = id';
  const added = await writeIn(
    transaction,
    `INSERT INTO outbox_messages (channel, topic, idempotency_key, recipient, payload, status, attempts,
       next_attempt_at, created_at, updated_at) VALUES ${tuples.join(', ')} ${onDuplicate}`,
    values,
  );
  transaction.afterCommit(wakeWorker);
  return added;
}
