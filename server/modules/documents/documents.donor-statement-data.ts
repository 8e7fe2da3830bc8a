// What the donor's page and the yearly statement read: the donor's donations, the years in which one was received
// (the charity's calendar year, in its time zone), and a year's impact. The impact is the donor receipt's
// (computeImpact over the same facts, for every donation received in the year instead of one); the people served
// are counted by region as well, never named (Saudi PDPL, Moroccan law 09-08).
import { QueryTypes, type Transaction } from 'sequelize';
import { getSequelize } from '../../db/sequelize.js';
import { devicesOfDonation } from '../devices/index.js';
import type { Donor } from '../donors/index.js';
import { isoDay } from './documents.format.js';
import { computeImpact, type Impact } from './documents.donor-receipt-impact.js';
import { disposalKg, sanitizedDriveMethods, servedCounts } from './documents.donor-receipt-data.js';

export interface DonorDonation {
  id: number;
  code: string;
  status: string;
  receivedAt: Date | null;
  createdAt: Date;
  receiptToken: string | null;
  devices: number;
}

export interface RegionServed {
  /** ISO 3166-2, or null when neither the beneficiary nor the device's site has a region. */
  regionCode: string | null;
  families: number;
  students: number;
}

export interface StatementFigures {
  year: number;
  donations: DonorDonation[];
  impact: Impact;
  regions: RegionServed[];
}

const dateOf = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

/** The calendar year of an instant in the charity's time zone (a donation at 01:00 on 1 January in Riyadh is that year's). */
export const localYearOf = (at: Date): number => Number(isoDay(at).slice(0, 4));

/**
 * Every donation of the donor with its device count, latest first. Donation rows are the donations module's: read
 * here as a batch, like the intake queue does (it offers no per-donor query with receipt tokens).
 */
export async function donationsOfDonor(donorId: number, transaction?: Transaction): Promise<DonorDonation[]> {
  type Row = Omit<DonorDonation, 'receivedAt' | 'createdAt' | 'devices'> & {
    receivedAt: Date | string | null;
    createdAt: Date | string;
    devices: number | string;
  };
  const rows = await getSequelize().query<Row>(
    `SELECT d.id AS id, d.code AS code, d.status AS status, d.received_at AS receivedAt, d.created_at AS createdAt,
            d.receipt_token AS receiptToken, (SELECT COUNT(*) FROM devices v WHERE v.donation_id = d.id) AS devices
       FROM donations d WHERE d.donor_id = :donorId
      ORDER BY COALESCE(d.received_at, d.created_at) DESC, d.id DESC`,
    { replacements: { donorId }, type: QueryTypes.SELECT, transaction },
  );
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    status: r.status,
    receivedAt: r.receivedAt ? dateOf(r.receivedAt) : null,
    createdAt: dateOf(r.createdAt),
    receiptToken: r.receiptToken || null,
    devices: Number(r.devices),
  }));
}

/** The years in which at least one of these donations was received, latest first: the years a statement covers. */
export function receivedYears(donations: readonly DonorDonation[]): number[] {
  const years = new Set(donations.flatMap((d) => (d.receivedAt ? [localYearOf(d.receivedAt)] : [])));
  return [...years].sort((a, b) => b - a);
}

/** The donations received in `year` and what became of their devices, to date. */
export async function statementFigures(donor: Pick<Donor, 'id'>, year: number): Promise<StatementFigures> {
  const donations = (await donationsOfDonor(donor.id))
    .filter((d) => d.receivedAt && localYearOf(d.receivedAt) === year)
    .reverse();
  const ids = donations.map((d) => d.id);
  if (!ids.length) {
    const impact = computeImpact({
      devices: [],
      served: { families: 0, students: 0 },
      drivesSanitizedBy: [],
      recordedDisposalKg: 0,
    });
    return { year, donations, impact, regions: [] };
  }
  const [devices, served, drivesSanitizedBy, recordedDisposalKg, regions] = await Promise.all([
    Promise.all(ids.map((id) => devicesOfDonation(id, ['type', 'status']))).then((lists) => lists.flat()),
    servedCounts(ids),
    sanitizedDriveMethods(ids),
    disposalKg(ids),
    servedByRegion(ids),
  ]);
  return {
    year,
    donations,
    impact: computeImpact({ devices, served, drivesSanitizedBy, recordedDisposalKg }),
    regions,
  };
}

/**
 * Distinct beneficiaries who received one of these donations' devices, by region and kind: the beneficiary's region,
 * or the region of the device's site when none was recorded. The regional figures key a handover by the region at
 * that moment (figures' fact rows, which offer no per-donor read): the two differ only for a beneficiary whose region
 * was changed after their handover.
 */
async function servedByRegion(donationIds: readonly number[]): Promise<RegionServed[]> {
  const rows = await getSequelize().query<{ region: string | null; kind: string; n: number | string }>(
    `SELECT COALESCE(b.region_code, s.region_code) AS region, b.kind AS kind, COUNT(DISTINCT a.beneficiary_id) AS n
       FROM allocations a JOIN devices d ON d.id = a.device_id JOIN beneficiaries b ON b.id = a.beneficiary_id
       LEFT JOIN sites s ON s.id = d.site_id
      WHERE d.donation_id IN (:donationIds) AND a.status = 'handed_over'
      GROUP BY COALESCE(b.region_code, s.region_code), b.kind`,
    { replacements: { donationIds: [...donationIds] }, type: QueryTypes.SELECT },
  );
  const byRegion = new Map<string, RegionServed>();
  for (const r of rows) {
    const key = r.region || '';
    const entry = byRegion.get(key) ?? { regionCode: r.region || null, families: 0, students: 0 };
    if (r.kind === 'family') entry.families += Number(r.n);
    else if (r.kind === 'student') entry.students += Number(r.n);
    byRegion.set(key, entry);
  }
  return [...byRegion.values()]
    .filter((r) => r.families || r.students)
    .sort((a, b) => (a.regionCode ?? '~').localeCompare(b.regionCode ?? '~'));
}
