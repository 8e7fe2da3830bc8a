// Demo donations. Their codes come from the same per-year sequence as real ones (DN-YYYY-NNNN), so donations
// entered after seeding continue the numbering; a demo lot is recognised by the marker its notes start with.
import { Op, type Transaction } from 'sequelize';
import { nextSequenceValue } from '../../server/db/sequences.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import { DONORS } from './people.js';
import { LOT_MARKER_PATTERN, type LotPlan } from './plan.js';
import type { Staff } from './reference.js';

export interface DemoDonation {
  id: number;
  siteId: number | null;
}

const DAY = 24 * 3600_000;

/** Lot number → donation, for the demo donations already in the database. */
export async function findDemoDonations(transaction: Transaction): Promise<Map<number, DemoDonation>> {
  const rows = await Donation.findAll({
    attributes: ['id', 'siteId', 'notes'],
    where: { notes: { [Op.like]: 'Demo lot %' } },
    order: [['id', 'ASC']],
    transaction,
  });
  const lots = new Map<number, DemoDonation>();
  for (const row of rows) {
    const lot = Number(LOT_MARKER_PATTERN.exec(row.notes ?? '')?.[1]);
    if (lot && !lots.has(lot)) lots.set(lot, { id: row.id, siteId: row.siteId });
  }
  return lots;
}

export interface DonationRefs {
  donorIds: number[];
  siteIds: Map<string, number>;
  staff: Staff;
  now: Date;
}

/** Creates the missing lots oldest first, so codes rise with the dates. */
export async function ensureDonations(
  lots: LotPlan[],
  refs: DonationRefs,
  transaction: Transaction,
): Promise<{ lots: Map<number, DemoDonation>; created: number }> {
  const existing = await findDemoDonations(transaction);
  const missing = lots.filter((l) => !existing.has(l.lot)).sort((a, b) => b.daysAgo - a.daysAgo || a.lot - b.lot);
  for (const lot of missing) existing.set(lot.lot, await createLot(lot, refs, transaction));
  return { lots: existing, created: missing.length };
}

async function createLot(lot: LotPlan, refs: DonationRefs, transaction: Transaction): Promise<DemoDonation> {
  // Office hours in Riyadh and Casablanca (06:00–14:00 UTC), never in the future.
  const day = new Date(refs.now.getTime() - lot.daysAgo * DAY);
  day.setUTCHours(6 + (lot.lot % 8), (lot.lot * 7) % 60, 0, 0);
  const createdAt = new Date(Math.min(day.getTime(), refs.now.getTime()));
  const year = createdAt.getUTCFullYear();
  const code = `DN-${year}-${String(await nextSequenceValue(`donation:${year}`, transaction)).padStart(4, '0')}`;
  const pickup =
    lot.pickupInDays === null ? null : new Date(refs.now.getTime() + lot.pickupInDays * DAY).toISOString().slice(0, 10);
  const received = lot.status === 'received' || lot.status === 'closed';
  const siteId = refs.siteIds.get(DONORS[lot.donor].site) ?? null;
  const donation = await Donation.create(
    {
      code,
      donorId: refs.donorIds[lot.donor],
      channel: lot.channel,
      status: lot.status,
      expectedCount: lot.expectedCount,
      receivedCount: lot.devices.length,
      siteId,
      notes: lot.notes,
      pledgeItems: lot.pledgeItems ? JSON.stringify(lot.pledgeItems) : null,
      preferredPickupDate: lot.status === 'pledged' ? pickup : null,
      scheduledPickupDate: lot.status === 'scheduled' ? pickup : null,
      receivedAt: received ? new Date(Math.min(createdAt.getTime() + 2 * 3600_000, refs.now.getTime())) : null,
      // Offers from the public pledge form have no staff author.
      createdBy: lot.channel === 'pledge' ? null : refs.staff.manager,
      createdAt,
    },
    { transaction },
  );
  return { id: donation.id, siteId };
}
