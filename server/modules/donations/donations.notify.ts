// A donation received or closed is announced in the transaction that changes it: to the webhooks subscribed to the
// event, and to the donor by email (thanks; the receipt link) unless they left no address or unsubscribed.
import type { Transaction } from 'sequelize';
import { config } from '../../config.js';
import { emailDonor } from '../donors/index.js';
import { publishEvent } from '../webhooks/index.js';
import type { Donation } from './donations.model.js';

export async function announceDonation(
  transaction: Transaction,
  donation: Donation,
  status: 'received' | 'closed',
): Promise<void> {
  const event = status === 'received' ? 'donation.received' : 'donation.closed';
  const at = new Date().toISOString();
  await publishEvent(transaction, event, String(donation.id), {
    donationId: donation.id,
    code: donation.code,
    donorId: donation.donorId,
    status,
    at,
  });
  await emailDonor(transaction, donation.donorId, {
    topic: event,
    key: `email:${event}:${donation.id}`,
    payload: {
      donationCode: donation.code,
      ...(status === 'closed' ? { receiptUrl: `${config.publicUrl}/receipts/${donation.receiptToken}` } : {}),
      deviceCount: donation.receivedCount,
    },
  });
}
