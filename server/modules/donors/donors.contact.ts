// Messages to a donor, written by the producers in the transaction of the change they report (the outbox): who the
// donor is, and the one place that decides whether they are emailed at all.
import type { Transaction } from 'sequelize';
import type { DocumentLanguage } from '../../shared/index.js';
import { isUnsubscribed } from '../email/index.js';
import { enqueue } from '../outbox/index.js';
import { Donor } from './donors.model.js';
import { pageUrlOf } from './donors.page-token.js';

export interface DonorContact {
  id: number;
  name: string;
  /** Null when the donor left none: nothing is emailed. */
  email: string | null;
  language: DocumentLanguage;
  /** The donor's own page (its secret link). */
  pageUrl: string;
}

export async function donorContact(id: number, transaction: Transaction): Promise<DonorContact | null> {
  const donor = await Donor.findByPk(id, {
    attributes: ['id', 'name', 'email', 'preferredLanguage', 'pageToken'],
    transaction,
  });
  if (!donor) return null;
  return {
    id: donor.id,
    name: donor.name,
    email: donor.email || null,
    language: donor.preferredLanguage,
    pageUrl: pageUrlOf(donor.pageToken),
  };
}

/**
 * Queues an email to the donor, in `transaction`, unless they left no address or unsubscribed. `payload` gets the
 * donor's id, language, name and page link added (what every donor email carries). Returns whether one was queued.
 */
export async function emailDonor(
  transaction: Transaction,
  donorId: number,
  message: {
    topic: string;
    key: string;
    /** The topic's own fields; a function when they need the donor (a link under their page, say). */
    payload: Record<string, unknown> | ((donor: DonorContact) => Record<string, unknown>);
  },
): Promise<boolean> {
  const donor = await donorContact(donorId, transaction);
  if (!donor?.email || (await isUnsubscribed(donor.id, transaction))) return false;
  await enqueue(transaction, [
    {
      channel: 'email',
      topic: message.topic,
      key: message.key,
      recipient: donor.email,
      payload: {
        donorId: donor.id,
        language: donor.language,
        donorName: donor.name,
        donorPageUrl: donor.pageUrl,
        ...(typeof message.payload === 'function' ? message.payload(donor) : message.payload),
      },
    },
  ]);
  return true;
}
