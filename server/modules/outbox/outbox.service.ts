// The admin's view of the outbox: messages by status and channel, why a channel waits, and a retry of a dead letter.
import { fn, col } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { offsetOf } from '../../lib/pagination.js';
import { OUTBOX_CHANNELS, OUTBOX_STATUSES, type OutboxMessageDto, type OutboxPageDto } from '../../shared/index.js';
import { wakeWorker } from './outbox.enqueue.js';
import { OutboxRow } from './outbox.model.js';
import { unavailableReason } from './outbox.registry.js';
import { toOutboxDto, type OutboxQuery } from './outbox.schema.js';

export async function listOutbox(q: OutboxQuery): Promise<OutboxPageDto> {
  const where = {
    ...(q.status?.length ? { status: q.status } : {}),
    ...(q.channel ? { channel: q.channel } : {}),
  };
  const [{ rows, count }, byStatus] = await Promise.all([
    OutboxRow.findAndCountAll({ where, order: [['id', 'DESC']], limit: q.pageSize, offset: offsetOf(q) }),
    OutboxRow.findAll({
      attributes: ['status', [fn('COUNT', col('id')), 'n']],
      where: q.channel ? { channel: q.channel } : {},
      group: ['status'],
      raw: true,
    }) as unknown as Promise<Array<{ status: string; n: number | string }>>,
  ]);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as OutboxPageDto['counts'];
  for (const r of byStatus) if (r.status in counts) counts[r.status as keyof typeof counts] = Number(r.n);
  return {
    items: rows.map(toOutboxDto),
    total: count,
    page: q.page,
    pageSize: q.pageSize,
    counts,
    channels: OUTBOX_CHANNELS.map((channel) => ({ channel, unavailable: unavailableReason(channel) })),
  };
}

/** A dead letter (or a message waiting for its next try) goes out again now, with a fresh count of tries. */
export async function retryMessage(id: number): Promise<OutboxMessageDto> {
  return withTransaction(async (t) => {
    const row = await OutboxRow.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!row) throw new NotFoundError(`Outbox message ${id} not found`);
    if (row.status === 'sent' || row.status === 'sending')
      throw new ConflictError(
        'INVALID_TRANSITION',
        `Outbox message ${id} is ${row.status}; only a waiting or dead one is retried`,
        {
          status: row.status,
        },
      );
    await row.update(
      { status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null },
      { transaction: t },
    );
    t.afterCommit(wakeWorker);
    return toOutboxDto(row);
  });
}
