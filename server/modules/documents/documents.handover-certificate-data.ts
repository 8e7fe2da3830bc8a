// Everything a handover certificate prints, loaded in a few queries for one certificate or for a whole batch.
// The beneficiary is read with only its name, kind and the last 4 ID digits: the full national ID never leaves
// its encrypted column on the way to a document.
import { QueryTypes } from 'sequelize';
import { config } from '../../config.js';
import { getSequelize } from '../../db/sequelize.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { accessoriesOf, allocationVisibleTo, findAllocation, type Allocation } from '../allocations/index.js';
import type { Actor } from '../auth/index.js';
import { certificateBeneficiariesOf, maskNationalId } from '../beneficiaries/index.js';
import { certificateBundlesOf } from '../connectivity/index.js';
import { deviceSpecsOf, driveSpecsOf, type Drive } from '../devices/index.js';
import { programmeNamesOf } from '../programmes/index.js';
import { formatCapacity } from './documents.format.js';
import { readOptional } from './documents.letterhead.js';
import { demoDevices } from './documents.demo.js';
import type { HandoverCertificateData } from './documents.handover-certificate-pdf.js';

export const verifyUrlOf = (code: string): string => `${config.publicUrl}/verify/${code}`;

/**
 * 404 unless `actor` may read the allocation: staff every one, a partner only those of devices in its custody (its
 * own onward handovers), so that ids tell a partner nothing about the rest.
 */
export async function assertCertificateVisible(allocationId: number, actor: Pick<Actor, 'role' | 'partnerId'>) {
  if (!(await allocationVisibleTo(allocationId, actor)))
    throw new NotFoundError(`Allocation ${allocationId} not found`);
}

/** 404 for an unknown allocation, 409 NOT_HANDED_OVER until the handover is recorded. */
export async function loadHandoverCertificate(allocationId: number): Promise<HandoverCertificateData> {
  const allocation = await findAllocation(allocationId);
  if (!allocation) throw new NotFoundError(`Allocation ${allocationId} not found`);
  if (allocation.status !== 'handed_over' || !allocation.certificateCode) {
    throw new ConflictError(
      'NOT_HANDED_OVER',
      `Allocation ${allocationId} is ${allocation.status}; its certificate exists once the device is handed over`,
      { status: allocation.status },
    );
  }
  const [data] = await certificateData([allocation]);
  return data;
}

function byId<T extends { id: number }>(rows: T[]): Map<number, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

/** The certificates of handed-over allocations, in the order given. */
export async function certificateData(allocations: readonly Allocation[]): Promise<HandoverCertificateData[]> {
  const deviceIds = [...new Set(allocations.map((a) => a.deviceId))];
  const programmeIds = [...new Set(allocations.map((a) => a.programmeId).filter((id): id is number => id !== null))];
  const [devices, drives, beneficiaries, programmes, signatures, bundles, donors, demo] = await Promise.all([
    // Plain rows (raw): a batch holds a chunk of them for many pages, and model instances are several times heavier.
    deviceSpecsOf(deviceIds),
    driveSpecsOf(deviceIds),
    certificateBeneficiariesOf(allocations.map((a) => a.beneficiaryId)),
    programmeIds.length ? programmeNamesOf(programmeIds) : Promise.resolve([]),
    Promise.all(
      allocations.map((a) =>
        a.signatureSha256 ? readOptional(a.signatureSha256, 'signature') : Promise.resolve(null),
      ),
    ),
    // The SIM's last 4 digits only: its ciphertext is never read for a document.
    certificateBundlesOf(allocations.map((a) => a.id)),
    creditedDonorsOf(deviceIds),
    demoDevices(deviceIds),
  ]);
  const deviceById = byId(devices);
  const beneficiaryById = byId(beneficiaries);
  const programmeById = byId(programmes);
  return allocations.map((a, index) => {
    const device = deviceById.get(a.deviceId)!;
    const beneficiary = beneficiaryById.get(a.beneficiaryId)!;
    const programme = a.programmeId ? programmeById.get(a.programmeId) : undefined;
    return {
      certificateCode: a.certificateCode!,
      handedOverAt: new Date(a.handedOverAt!),
      receivedBy: a.receivedBy ?? '',
      signature: signatures[index],
      device: {
        assetTag: device.assetTag,
        type: device.type,
        manufacturer: device.manufacturer,
        model: device.model,
        serialNumber: device.serialNumber,
        cpu: device.cpu ?? null,
        ramGb: device.ramGb ?? null,
        grade: device.grade ?? null,
        os: device.os ?? null,
        storage: device.storageSummary ?? storageOf(drives.filter((d) => d.deviceId === device.id)),
      },
      beneficiary: {
        name: beneficiary.name,
        kind: beneficiary.kind,
        // An institution has no national ID: nothing to mask, nothing printed.
        maskedNationalId: beneficiary.nationalIdLast4 == null ? null : maskNationalId(beneficiary.nationalIdLast4),
      },
      programme: programme ? { name: programme.name, nameLatin: programme.nameLatin } : null,
      accessories: accessoriesOf(a.accessories),
      accessoriesNote: a.accessoriesNote ?? null,
      bundle: bundles.get(a.id) ?? null,
      donor: donors.get(a.deviceId) ?? null,
      verifyUrl: verifyUrlOf(a.certificateCode!),
      demo: demo.has(a.deviceId),
    };
  });
}

/**
 * The donor of each device, only where the donor agreed to be thanked by name on certificates
 * (donors.credit_on_certificates): every other donor stays anonymous on a family's certificate.
 */
async function creditedDonorsOf(
  deviceIds: readonly number[],
): Promise<Map<number, { name: string; nameLatin: string | null }>> {
  if (!deviceIds.length) return new Map();
  const rows = await getSequelize().query<{ deviceId: number; name: string; nameLatin: string | null }>(
    `SELECT d.id AS deviceId, r.name AS name, r.name_latin AS nameLatin
       FROM devices d JOIN donations n ON n.id = d.donation_id JOIN donors r ON r.id = n.donor_id
      WHERE d.id IN (:deviceIds) AND r.credit_on_certificates = :credited`,
    { replacements: { deviceIds: [...deviceIds], credited: true }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((r) => [Number(r.deviceId), { name: r.name, nameLatin: r.nameLatin }]));
}

/** `256 GB SSD + 1 TB HDD` from the drives, when the hardware report left no storage summary. */
function storageOf(drives: ReadonlyArray<Pick<Drive, 'mediaType' | 'capacityBytes'>>): string | null {
  const parts = drives.map((d) =>
    [formatCapacity(d.capacityBytes === null ? null : Number(d.capacityBytes)), d.mediaType.toUpperCase()]
      .filter(Boolean)
      .join(' '),
  );
  return parts.length ? parts.join(' + ') : null;
}
