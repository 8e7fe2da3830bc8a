// Donors' opt-outs: written by the one-click unsubscribe, read before a message is queued and before it is sent.
import { ForeignKeyConstraintError, UniqueConstraintError, type Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { logger } from '../../lib/logger.js';
import { EmailUnsubscribe } from './email.model.js';

/** Whether donor `donorId` asked for no more email (read inside the caller's transaction when given one). */
export async function isUnsubscribed(donorId: number, transaction?: Transaction): Promise<boolean> {
  return (await EmailUnsubscribe.count({ where: { donorId }, transaction })) > 0;
}

/**
 * Records that the donor wants no more email; true once it is recorded (now or before), false when no such donor
 * exists. Asking twice keeps the first time: a mail client may post the one-click request more than once.
 */
export async function recordUnsubscribe(donorId: number): Promise<boolean> {
  try {
    const added = await withTransaction(async (transaction) => {
      if (await isUnsubscribed(donorId, transaction)) return false;
      await EmailUnsubscribe.create({ donorId, unsubscribedAt: new Date() }, { transaction });
      return true;
    });
    if (added) logger.info('email.unsubscribed', { donorId });
    return true;
  } catch (err) {
    // Two requests at once on MariaDB: the other one recorded it.
    if (err instanceof UniqueConstraintError) return true;
    // The link was made for a donor who no longer exists.
    if (err instanceof ForeignKeyConstraintError) return false;
    throw err;
  }
}
