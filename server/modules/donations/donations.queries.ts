// Reads of donation rows for other modules (issue 15, point 1: they call these, never the model).
import { QueryTypes } from 'sequelize';
import { columnsOf } from '../../db/select-batch.js';
import { getSequelize } from '../../db/sequelize.js';
import type { Donor } from '../donors/index.js';
import { Donation } from './donations.model.js';

export type DonationWithDonor = Donation & { donor?: Donor };

/** The notes of every demo donation start with this (seeders/demo/donations.ts writes it, setup's removal reads it). */
export const DEMO_LOT_PREFIX = 'Demo lot ';

/** Which of `deviceIds` came in a demo donation: their documents print the demo mark (issue 22). */
export async function demoDevicesAmong(deviceIds: readonly number[]): Promise<Set<number>> {
  if (!deviceIds.length) return new Set();
  const rows = await getSequelize().query<{ id: number }>(
    `SELECT d.id AS id FROM devices d JOIN donations n ON n.id = d.donation_id
      WHERE d.id IN (:deviceIds) AND n.notes LIKE :demo`,
    { replacements: { deviceIds: [...deviceIds], demo: `${DEMO_LOT_PREFIX}%` }, type: QueryTypes.SELECT },
  );
  return new Set(rows.map((r) => Number(r.id)));
}

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
