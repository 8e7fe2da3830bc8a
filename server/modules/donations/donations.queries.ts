// Reads of donation rows for other modules (issue 15, point 1: they call these, never the model).
import { columnsOf } from '../../db/select-batch.js';
import type { Donor } from '../donors/index.js';
import { Donation } from './donations.model.js';

export type DonationWithDonor = Donation & { donor?: Donor };

/** The code of a donation, or null when there is no such donation. */
export async function donationCodeOf(id: number): Promise<string | null> {
  const donation = await Donation.findByPk(id, { attributes: ['id', 'code'] });
  return donation?.code ?? null;
}

/** A donation with its donor (only `donorAttributes` of the donor when given), or null. */
export function findDonationWithDonor(
  where: { id: number } | { receiptToken: string },
  donorAttributes?: string[],
): Promise<DonationWithDonor | null> {
  return Donation.findOne({
    where,
    include: [{ association: 'donor', ...(donorAttributes ? { attributes: donorAttributes } : {}) }],
  });
}

/** The select list of every donation column under `alias` (for a batched raw SELECT). */
export const donationColumns = (alias: string): string => columnsOf(Donation, alias);
