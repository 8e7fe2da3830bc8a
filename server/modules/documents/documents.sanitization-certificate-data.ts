// What a NIST SP 800-88 certificate of sanitization prints for one device: every drive with every counted record
// and its evidence (the tool's file by sha256, or who confirmed a record typed in by hand, and when), the people who
// performed and verified the work, the source (donor) and the post-sanitization destination. Spec §10: a record
// awaiting its verifier's confirmation, or rejected, is not evidence; the certificate names it only as pending.
// A phone or tablet may have records of the whole device (no drive: its factory reset with encryption, or its
// destruction, docs/phones.md): they are printed as the device's own storage, with the encryption check and OS.
import { UnprocessableError, NotFoundError } from '../../lib/errors.js';
import { userNamesOf } from '../auth/index.js';
import { drivesOf, findDevice } from '../devices/index.js';
import { findDonationWithDonor } from '../donations/index.js';
import { demoDevices } from './documents.demo.js';
import { sanitizationsOfDevice, type Sanitization } from '../sanitization/index.js';
import { findSite } from '../sites/index.js';
import { latestPassedSample, type VerificationSample } from '../workshop/index.js';

export interface Person {
  name: string;
  role: string;
}

export interface SanitizationRecordData {
  method: string;
  technique: string;
  tool: string;
  passes: number | null;
  verification: string;
  result: string;
  startedAt: Date | null;
  finishedAt: Date | null;
  operator: Person | null;
  verifier: Person | null;
  evidenceSha256: string | null;
  source: string;
  evidence: string;
  /** A record typed in by hand counts once its verifier confirmed it: who, and when. */
  confirmed: { person: Person | null; at: Date } | null;
  /** A factory reset's (docs/phones.md): encryption verified on before it, and the OS version that did it. */
  encryptionVerified: boolean | null;
  osVersion: string | null;
  createdAt: Date;
}

/** A record of the drive that does not count yet: it waits for this person's confirmation (null: any colleague). */
export interface PendingRecordData {
  verifier: Person | null;
}

export interface SanitizationCertificateData {
  device: {
    assetTag: string;
    type: string;
    manufacturer: string | null;
    model: string | null;
    serialNumber: string | null;
    imei: string | null;
    disposition: string | null;
  };
  source: { donorName: string; donorNameLatin: string | null; donationCode: string };
  location: string | null;
  drives: Array<{
    serialNumber: string;
    model: string | null;
    mediaType: string;
    capacityBytes: number | null;
    records: SanitizationRecordData[];
    pending: PendingRecordData[];
  }>;
  /** A phone's or tablet's records of the whole device (its own storage), and those awaiting confirmation. */
  deviceStorage: { records: SanitizationRecordData[]; pending: PendingRecordData[] } | null;
  /** The independent check (R2v3 sample) or the verifier named on a record: who validated the result, and when. */
  validation: { person: Person; at: Date | null } | null;
  /** A demo device (issue 22): every page carries the demo band. */
  demo?: boolean;
}

/** 404 for an unknown device, 422 NO_SANITIZATION_RECORDS when no record of it counts yet. */
export async function loadSanitizationCertificate(deviceId: number): Promise<SanitizationCertificateData> {
  const device = await findDevice(deviceId);
  if (!device) throw new NotFoundError(`Device ${deviceId} not found`);
  const all = await sanitizationsOfDevice(deviceId);
  const records = all.filter((r) => r.state === 'counted');
  const pending = all.filter((r) => r.state === 'awaiting_confirmation');
  if (!records.length) {
    throw new UnprocessableError(
      'NO_SANITIZATION_RECORDS',
      `Device ${device.assetTag} has no counted sanitization records yet${pending.length ? ` (${pending.length} awaiting confirmation)` : ''}`,
      { deviceId, assetTag: device.assetTag, awaitingConfirmation: pending.length },
    );
  }
  const [drives, donation, site, sample, demo] = await Promise.all([
    drivesOf(deviceId),
    findDonationWithDonor({ id: device.donationId }, ['name', 'nameLatin']),
    device.siteId ? findSite(device.siteId) : null,
    latestPassedSample(deviceId),
    demoDevices([deviceId]),
  ]);
  const people = await peopleById([
    ...all.flatMap((r) => [r.operatorId, r.verifierId, r.confirmedBy]),
    sample?.verifierId ?? null,
  ]);
  const donor = donation?.donor;
  return {
    device: {
      assetTag: device.assetTag,
      type: device.type,
      manufacturer: device.manufacturer,
      model: device.model,
      serialNumber: device.serialNumber,
      imei: device.imei ?? null,
      disposition: device.disposition ?? null,
    },
    source: {
      donorName: donor?.name ?? '',
      donorNameLatin: donor?.nameLatin ?? null,
      donationCode: donation?.code ?? '',
    },
    location: site ? [site.name, site.city].filter(Boolean).join('، ') : null,
    drives: drives.map((d) => ({
      serialNumber: d.serialNumber,
      model: d.model,
      mediaType: d.mediaType,
      capacityBytes: d.capacityBytes,
      records: records.filter((r) => r.driveId === d.id).map((r) => toRecord(r, people)),
      pending: pending
        .filter((r) => r.driveId === d.id)
        .map((r) => ({ verifier: r.verifierId ? (people.get(r.verifierId) ?? null) : null })),
    })),
    deviceStorage: deviceStorageOf(records, pending, people),
    validation: validationOf(records, sample, people),
    demo: demo.has(deviceId),
  };
}

/** The records of no drive: a phone's or tablet's own storage; null when there are none (every other device). */
function deviceStorageOf(
  records: Sanitization[],
  pending: Sanitization[],
  people: Map<number, Person>,
): SanitizationCertificateData['deviceStorage'] {
  const own = records.filter((r) => r.driveId === null);
  const waiting = pending.filter((r) => r.driveId === null);
  if (!own.length && !waiting.length) return null;
  return {
    records: own.map((r) => toRecord(r, people)),
    pending: waiting.map((r) => ({ verifier: r.verifierId ? (people.get(r.verifierId) ?? null) : null })),
  };
}

/** Every counted record the certificate prints: the device's own storage first (a phone's), then each drive's. */
export function allRecords(data: SanitizationCertificateData): SanitizationRecordData[] {
  return [...(data.deviceStorage?.records ?? []), ...data.drives.flatMap((d) => d.records)];
}

async function peopleById(ids: ReadonlyArray<number | null>): Promise<Map<number, Person>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (!wanted.length) return new Map();
  const users = await userNamesOf(wanted);
  return new Map(users.map((u) => [u.id, { name: u.name, role: u.role }]));
}

function toRecord(r: Sanitization, people: Map<number, Person>): SanitizationRecordData {
  return {
    method: r.method,
    technique: r.technique,
    tool: r.tool,
    passes: r.passes,
    verification: r.verification,
    result: r.result,
    startedAt: r.startedAt ? new Date(r.startedAt) : null,
    finishedAt: r.finishedAt ? new Date(r.finishedAt) : null,
    operator: r.operatorId ? (people.get(r.operatorId) ?? null) : null,
    // A verifier named on a tool's record never confirmed anything: only a confirmation puts a second name here.
    verifier: r.confirmedBy ? (people.get(r.confirmedBy) ?? null) : null,
    evidenceSha256: r.evidenceSha256,
    source: r.source,
    evidence: r.evidence,
    confirmed: r.confirmedAt
      ? { person: r.confirmedBy ? (people.get(r.confirmedBy) ?? null) : null, at: new Date(r.confirmedAt) }
      : null,
    encryptionVerified: r.encryptionVerified === null ? null : Boolean(r.encryptionVerified),
    osVersion: r.osVersion ?? null,
    createdAt: new Date(r.createdAt),
  };
}

function validationOf(
  records: Sanitization[],
  sample: VerificationSample | null,
  people: Map<number, Person>,
): SanitizationCertificateData['validation'] {
  if (sample?.verifierId && people.has(sample.verifierId))
    return { person: people.get(sample.verifierId)!, at: sample.verifiedAt ? new Date(sample.verifiedAt) : null };
  // Otherwise the last colleague who confirmed a record: someone who signed in and said so, not a name typed by another.
  const confirmed = [...records].reverse().find((r) => r.confirmedBy && people.has(r.confirmedBy));
  return confirmed
    ? {
        person: people.get(confirmed.confirmedBy!)!,
        at: confirmed.confirmedAt ? new Date(confirmed.confirmedAt) : null,
      }
    : null;
}
