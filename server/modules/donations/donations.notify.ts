// A donation received or closed is announced in the transaction that changes it: to the webhooks subscribed to the
// event, and to the donor by email (thanks; the receipt link) unless they left no address or unsubscribed.
import type { Transaction } from 'sequelize';
import { config } from '../../config.js';
import { donorContact } from '../donors/index.js';
import { isUnsubscribed } from '../email/index.js';
import { enqueue } from '../outbox/index.js';
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
  const donor = await donorContact(donation.donorId, transaction);
  if (!donor?.email || (await isUnsubscribed(donor.id, transaction))) return;
  await enqueue(transaction, [
    {
      channel: 'email',
      topic: event,
      key: `email:${event}:${donation.id}`,
      recipient: donor.email,
      payload: {
        donorId: donor.id,
        language: donor.language,
        donorName: donor.name,
        donationCode: donation.code,
        donorPageUrl: donor.pageUrl,
        ...(status === 'closed' ? { receiptUrl: `${config.publicUrl}/receipts/${donation.receiptToken}` } : {}),
        deviceCount: donation.receivedCount,
      },
    },
  ]);
}
