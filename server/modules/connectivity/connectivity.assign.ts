// A bundle given with a device at handover (spec §14), inside the handover's own transaction: one bundle leaves the
// lot by a conditional decrement (`remaining > 0` in the UPDATE itself, its changed-row count checked), so stock
// never goes below 0 however many handovers run at once; if the handover then fails for any reason, the
// transaction takes the decrement and the assignment back with everything else.
import { QueryTypes, type Transaction } from 'sequelize';
import { getSequelize, isSqlite } from '../../db/sequelize.js';
import { selectIn, writeIn } from '../../db/statements.js';
import { ConflictError, UnprocessableError } from '../../lib/errors.js';
import { encryptPii } from '../../lib/pii.js';
import { sqlTime } from '../../lib/sql.js';
import { iccidAad } from './connectivity.iccid.js';
import { BundleAssignment, BundleLot, Sponsor } from './connectivity.model.js';
import { gbOf } from './connectivity.schema.js';
import type { AssignedBundleDto, BundleAssignmentInput } from '../../shared/index.js';

/** What the handover knows that the assignment keeps. */
export interface BundleHandover {
  allocationId: number;
  deviceId: number;
  /** The beneficiary's region (the site's when they have none; '' when neither has one), as the handover figures. */
  regionCode: string;
  handedOverAt: Date;
  actorId: number;
}

const unprocessable = (code: string, path: string, message: string) =>
  new UnprocessableError(code, `bundle: ${path.slice('bundle.'.length)} ${message}`, [{ path, message }]);
const outOfStock = (path: string, message: string) =>
  new ConflictError('BUNDLE_OUT_OF_STOCK', `bundle: ${message}`, [{ path, message }]);

const takeOne = (t: Transaction, lotId: number, sponsorId: number): Promise<number> =>
  writeIn(
    t,
    'UPDATE bundle_lots SET remaining = remaining - 1, updated_at = ? WHERE id = ? AND sponsor_id = ? AND remaining > 0',
    [sqlTime(new Date()), lotId, sponsorId],
  );

/** The named lot, or 422 (unknown, or another sponsor's) / 409 (none left). */
async function takeFromLot(t: Transaction, sponsorId: number, lotId: number): Promise<number> {
  if (await takeOne(t, lotId, sponsorId)) return lotId;
  const lot = await BundleLot.findByPk(lotId, { attributes: ['id', 'sponsorId'], transaction: t });
  if (!lot) throw unprocessable('REFERENCE_NOT_FOUND', 'bundle.lotId', 'does not exist');
  if (lot.sponsorId !== sponsorId)
    throw unprocessable('BUNDLE_LOT_MISMATCH', 'bundle.lotId', 'is a lot of another sponsor');
  throw outOfStock('bundle.lotId', `lot ${lotId} has no bundle left`);
}

/**
 * The sponsor's oldest lot still in stock. The pick is a locking read on MariaDB (it waits for a concurrent
 * handover's decrement and then sees its result; SQLite runs write transactions one at a time), and the
 * decrement stays conditional all the same: a lot found empty is never picked again, so the loop ends.
 */
async function takeFromSponsor(t: Transaction, sponsorId: number): Promise<number> {
  const lock = isSqlite() ? '' : ' FOR UPDATE';
  for (;;) {
    const [lot] = await selectIn<{ id: number }>(
      t,
      `SELECT id FROM bundle_lots WHERE sponsor_id = ? AND remaining > 0 ORDER BY id LIMIT 1${lock}`,
      [sponsorId],
    );
    if (!lot) throw outOfStock('bundle.sponsorId', `sponsor ${sponsorId} has no bundle left`);
    if (await takeOne(t, Number(lot.id), sponsorId)) return Number(lot.id);
  }
}

/**
 * Takes one bundle from the stock and records it against the allocation; call inside the handover's transaction
 * after its own checks. 422 names `bundle.sponsorId` or `bundle.lotId`; 409 BUNDLE_OUT_OF_STOCK when none is left.
 * `input.iccid` is the normalised digits (connectivity.schema.ts); it is encrypted here and never logged.
 */
export async function assignBundle(
  t: Transaction,
  input: BundleAssignmentInput,
  handover: BundleHandover,
): Promise<AssignedBundleDto> {
  const sponsor = await Sponsor.findByPk(input.sponsorId, { attributes: ['id', 'name'], transaction: t });
  if (!sponsor) throw unprocessable('REFERENCE_NOT_FOUND', 'bundle.sponsorId', 'does not exist');
  const lotId =
    input.lotId != null ? await takeFromLot(t, sponsor.id, input.lotId) : await takeFromSponsor(t, sponsor.id);
  const lot = (await BundleLot.findByPk(lotId, { transaction: t }))!;
  const iccidLast4 = input.iccid.slice(-4);
  await BundleAssignment.create(
    {
      allocationId: handover.allocationId,
      lotId,
      sponsorId: sponsor.id,
      deviceId: handover.deviceId,
      iccidEncrypted: encryptPii(input.iccid, iccidAad(handover.allocationId)),
      iccidLast4,
      dataMb: lot.dataMb,
      validityDays: lot.validityDays,
      regionCode: handover.regionCode,
      month: handover.handedOverAt.toISOString().slice(0, 7),
      createdBy: handover.actorId,
    },
    { transaction: t },
  );
  return {
    sponsorId: sponsor.id,
    sponsorName: sponsor.name,
    lotId,
    operator: lot.operator,
    dataGb: gbOf(lot.dataMb),
    validityDays: Number(lot.validityDays),
    iccidLast4,
  };
}

/** The bundle as a certificate prints it: the sponsor's names in both scripts. */
export interface CertificateBundle extends AssignedBundleDto {
  sponsorNameLatin: string | null;
  iccidLast4: string;
}

interface Row {
  allocationId: number;
  sponsorId: number;
  sponsorName: string;
  sponsorNameLatin: string | null;
  lotId: number;
  operator: string;
  dataMb: number;
  validityDays: number;
  iccidLast4: string;
}

/** Bundles of these allocations (never the ciphertext), by allocation id; one query. */
export async function certificateBundlesOf(allocationIds: readonly number[]): Promise<Map<number, CertificateBundle>> {
  if (!allocationIds.length) return new Map();
  const rows = await getSequelize().query<Row>(
    `SELECT a.allocation_id AS allocationId, a.sponsor_id AS sponsorId, s.name AS sponsorName,
            s.name_latin AS sponsorNameLatin, a.lot_id AS lotId, l.operator AS operator, a.data_mb AS dataMb,
            a.validity_days AS validityDays, a.iccid_last4 AS iccidLast4
       FROM bundle_assignments a JOIN sponsors s ON s.id = a.sponsor_id JOIN bundle_lots l ON l.id = a.lot_id
      WHERE a.allocation_id IN (:ids)`,
    { replacements: { ids: [...new Set(allocationIds)] }, type: QueryTypes.SELECT },
  );
  return new Map(
    rows.map((r) => [
      Number(r.allocationId),
      {
        sponsorId: Number(r.sponsorId),
        sponsorName: r.sponsorName,
        sponsorNameLatin: r.sponsorNameLatin ?? null,
        lotId: Number(r.lotId),
        operator: r.operator,
        dataGb: gbOf(r.dataMb),
        validityDays: Number(r.validityDays),
        iccidLast4: String(r.iccidLast4),
      },
    ]),
  );
}

/** AllocationDto.bundle by allocation id (toAllocationDto drops the last digits for roles that read redacted). */
export async function assignedBundlesOf(allocationIds: readonly number[]): Promise<Map<number, AssignedBundleDto>> {
  const bundles = await certificateBundlesOf(allocationIds);
  return new Map(
    [...bundles].map(([id, b]) => [
      id,
      {
        sponsorId: b.sponsorId,
        sponsorName: b.sponsorName,
        lotId: b.lotId,
        operator: b.operator,
        dataGb: b.dataGb,
        validityDays: b.validityDays,
        iccidLast4: b.iccidLast4,
      },
    ]),
  );
}
