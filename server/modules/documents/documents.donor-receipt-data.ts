// What a donor receipt prints: the donation, the donor, the manifest and the impact. Beneficiaries appear only
// as counts per kind (the queries below never select a name), as Saudi PDPL and Moroccan law 09-08 require.
import { QueryTypes } from 'sequelize';
import { config } from '../../config.js';
import { getSequelize } from '../../db/sequelize.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors.js';
import { devicesOfDonation } from '../devices/index.js';
import { findDonationWithDonor, type DonationWithDonor } from '../donations/index.js';
import { computeImpact, outcomeOf, type Impact, type Outcome } from './documents.donor-receipt-impact.js';

export interface ManifestRow {
  assetTag: string;
  type: string;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  outcome: Outcome;
}

export interface ReceiptData {
  receiptNumber: string;
  issuedAt: Date;
  /** The donor's secret link; null on a copy for someone who may not contact donors. */
  receiptUrl: string | null;
  donation: { id: number; code: string; receivedAt: Date | null; status: string };
  donor: { kind: string; name: string; nameLatin: string | null; crNumber: string | null; city: string | null };
  manifest: ManifestRow[];
  impact: Impact;
}

export async function findDonation(
  where: { id: number } | { receiptToken: string },
): Promise<DonationWithDonor | null> {
  return findDonationWithDonor(where);
}

/**
 * The receipt of a donation, by id (staff) or by its secret token (the donor); 404 when neither matches. Reads only:
 * the number was given at the first intake (donations.receipt.ts).
 */
export async function loadReceipt(
  where: { id: number } | { receiptToken: string },
  withLink: boolean,
): Promise<ReceiptData> {
  const donation = await findDonation(where);
  if (!donation) throw new NotFoundError('id' in where ? `Donation ${where.id} not found` : 'No receipt has this link');
  const devices = await devicesOfDonation(donation.id, [
    'id',
    'assetTag',
    'type',
    'manufacturer',
    'model',
    'serialNumber',
    'status',
  ]);
  if (!devices.length) {
    throw new UnprocessableError(
      'NOTHING_RECEIVED',
      `Donation ${donation.code} has no devices yet; its receipt is issued once devices are received`,
      { status: donation.status },
    );
  }
  // Devices written outside the intake path (imports by other tools) leave a donation without a number until the
  // numbering migration or the next intake runs: say so rather than print a receipt without one.
  const receiptNumber = donation.receiptNumber;
  if (!receiptNumber)
    throw new ConflictError('RECEIPT_NOT_ISSUED', `Donation ${donation.code} has no receipt number yet`, {
      status: donation.status,
    });
  const [served, drivesSanitizedBy, recordedDisposalKg] = await Promise.all([
    servedCounts([donation.id]),
    sanitizedDriveMethods([donation.id]),
    disposalKg([donation.id]),
  ]);
  const donor = donation.donor!;
  return {
    receiptNumber,
    issuedAt: new Date(),
    receiptUrl: withLink && donation.receiptToken ? `${config.publicUrl}/receipts/${donation.receiptToken}` : null,
    donation: {
      id: donation.id,
      code: donation.code,
      receivedAt: donation.receivedAt ? new Date(donation.receivedAt) : null,
      status: donation.status,
    },
    donor: {
      kind: donor.kind,
      name: donor.name,
      nameLatin: donor.nameLatin,
      crNumber: donor.crNumber,
      city: donor.city,
    },
    manifest: devices.map((d) => ({
      assetTag: d.assetTag,
      type: d.type,
      manufacturer: d.manufacturer,
      model: d.model,
      serialNumber: d.serialNumber,
      outcome: outcomeOf(d.status),
    })),
    impact: computeImpact({ devices, served, drivesSanitizedBy, recordedDisposalKg }),
  };
}

// The impact facts of a set of donations (one for a receipt, a donor's year for a yearly statement).
const select = <T extends object>(sql: string, donationIds: readonly number[]) =>
  getSequelize().query<T>(sql, { replacements: { donationIds: [...donationIds] }, type: QueryTypes.SELECT });

export async function servedCounts(donationIds: readonly number[]): Promise<{ families: number; students: number }> {
  const rows = await select<{ kind: string; n: number | string }>(
    `SELECT b.kind AS kind, COUNT(DISTINCT a.beneficiary_id) AS n FROM allocations a
       JOIN devices d ON d.id = a.device_id JOIN beneficiaries b ON b.id = a.beneficiary_id
      WHERE d.donation_id IN (:donationIds) AND a.status = 'handed_over' GROUP BY b.kind`,
    donationIds,
  );
  const n = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  return { families: n('family'), students: n('student') };
}

/**
 * One method per sanitized drive: that of its latest counted passed record (spec §10: a claim awaiting its verifier is
 * no wipe). A phone's or tablet's built-in storage (records of the whole device, docs/phones.md) is one medium of its
 * device; a factory reset nobody saw encryption on for is no purge and does not count.
 */
export async function sanitizedDriveMethods(donationIds: readonly number[]): Promise<string[]> {
  const rows = await select<{ driveId: number | null; deviceId: number; method: string }>(
    `SELECT s.drive_id AS driveId, s.device_id AS deviceId, s.method AS method
       FROM sanitizations s JOIN devices d ON d.id = s.device_id
      WHERE d.donation_id IN (:donationIds) AND s.result = 'passed' AND s.state = 'counted'
        AND COALESCE(s.encryption_verified, 1) = 1 ORDER BY s.id`,
    donationIds,
  );
  return [...new Map(rows.map((r) => [r.driveId ?? `device:${r.deviceId}`, r.method])).values()];
}

export async function disposalKg(donationIds: readonly number[]): Promise<number> {
  const [row] = await select<{ kg: number | string | null }>(
    'SELECT SUM(p.weight_kg) AS kg FROM disposals p JOIN devices d ON d.id = p.device_id WHERE d.donation_id IN (:donationIds)',
    donationIds,
  );
  return Number(row?.kg ?? 0);
}
