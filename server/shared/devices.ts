// Devices, drives, their events and files, scans and the intake queue (server/modules/devices, workshop).
import type { CustodyDto } from './batches.js';
import type { DonationDto, DonationStatus } from './donations.js';
import type { SanitizationDto } from './workshop.js';

export type DeviceType = 'laptop' | 'desktop' | 'all_in_one' | 'tablet' | 'phone' | 'monitor' | 'other';
export type MediaType = 'hdd' | 'ssd' | 'nvme' | 'emmc' | 'other';
export type DeviceStatus =
  | 'intake'
  | 'repair'
  | 'wipe'
  | 'refurbish'
  | 'ready'
  | 'allocated'
  | 'handed_over'
  | 'disposal'
  | 'recycled'
  | 'harvested';
export type Disposition = 'reuse' | 'recycle' | 'parts';
/** In the order people expect to pick them. */
export const DEVICE_TYPES: readonly DeviceType[] = [
  'laptop',
  'desktop',
  'all_in_one',
  'tablet',
  'phone',
  'monitor',
  'other',
];
/**
 * The types that may carry an IMEI (docs/phones.md) and whose storage may be purged by a factory reset with
 * encryption, recorded for the device rather than per drive.
 */
export const IMEI_DEVICE_TYPES: readonly DeviceType[] = ['phone', 'tablet'];
export const carriesImei = (type: DeviceType): boolean => IMEI_DEVICE_TYPES.includes(type);
export const DEVICE_STATUSES: readonly DeviceStatus[] = [
  'intake',
  'repair',
  'wipe',
  'refurbish',
  'ready',
  'allocated',
  'handed_over',
  'disposal',
  'recycled',
  'harvested',
];
/**
 * Closed to the workshop: the device is promised or gone (allocated, handed over, recycled, harvested), so its specs,
 * drives and wipe records no longer change. A returned device comes back through intake and is open again.
 */
/** The workshop's queues (GET /api/work-queues), in the order a device passes them; its figure "in workshop". */
export const WORKSHOP_STATUSES: readonly DeviceStatus[] = ['intake', 'repair', 'wipe', 'refurbish', 'disposal'];

export const CLOSED_STATUSES: readonly DeviceStatus[] = ['allocated', 'handed_over', 'recycled', 'harvested'];
export const isClosed = (status: DeviceStatus): boolean => CLOSED_STATUSES.includes(status);

/** SSD first: what most donated laptops hold. */
export const MEDIA_TYPES: readonly MediaType[] = ['ssd', 'hdd', 'nvme', 'emmc', 'other'];

export interface SiteDto {
  id: number;
  code: string;
  name: string;
  nameLatin: string | null;
  city: string | null;
  /** ISO 3166-2 region (server/shared/regions.ts), null when not set. */
  regionCode: string | null;
}
/** POST /api/sites (PATCH takes any part of it). */
export interface SiteInput {
  code: string;
  name: string;
  nameLatin?: string;
  city?: string;
  regionCode?: string | null;
}

export interface DriveDto {
  id: number;
  serialNumber: string;
  model: string | null;
  mediaType: MediaType;
  capacityBytes: number | null;
  smartPassed: boolean | null;
  powerOnHours: number | null;
  reallocatedSectors: number | null;
  pendingSectors: number | null;
}
export interface DeviceDto {
  id: number;
  assetTag: string;
  donationId: number;
  donationCode?: string;
  siteId: number | null;
  type: DeviceType;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  /** Phones and tablets only: 15 Latin digits, Luhn-checked (docs/phones.md); null when none was recorded. */
  imei: string | null;
  cpu: string | null;
  ramGb: number | null;
  storageSummary: string | null;
  screenInches: number | null;
  batteryHealth: number | null;
  status: DeviceStatus;
  disposition: Disposition | null;
  grade: 'A' | 'B' | 'C' | null;
  r2Function: string | null;
  r2Cosmetic: string | null;
  os: string | null;
  licence: string | null;
  windows11Eligible: boolean | null;
  notes: string | null;
  version: number;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
  /** Lifecycle actions allowed from the current status (the client renders only these). */
  allowedActions: string[];
}
/**
 * Every type of event a device's history holds: the lifecycle actions (named after them) and the events beside them.
 * `created` is an older name of `intake`. The device page reads each as a sentence (client/src/features/devices/history).
 */
export const DEVICE_EVENT_TYPES = [
  'intake',
  'created',
  'triage',
  'repair',
  'complete_wipe',
  'refurbish',
  'allocate',
  'cancel_allocation',
  'handover',
  'transfer_custody',
  'custody_returned',
  'return',
  'recycle',
  'harvest',
  'moved',
  'note',
  'hardware_report',
  'sanitization',
  'sanitization_confirmed',
  'sanitization_rejected',
  'wipe_verified',
  'label_printed',
] as const;
export type DeviceEventType = (typeof DEVICE_EVENT_TYPES)[number];

/** A site, programme or partner as named in Arabic and, when it has one, in Latin script (the client picks). */
export interface EventNameRef {
  name: string;
  nameLatin: string | null;
}
/**
 * What an event's sentence names, resolved by the server from the ids in its payload (one query per kind for the
 * whole history): the ids stay in `payload`, which the page shows only under "technical details". Only what every
 * role may read (the history is read by all of them): never a beneficiary, a certificate code or an override reason.
 * A key is absent when the event carries no such id; null when the id names a row that no longer exists.
 */
export interface DeviceEventNames {
  fromSite?: EventNameRef | null;
  toSite?: EventNameRef | null;
  donationCode?: string | null;
  programme?: EventNameRef | null;
  partner?: EventNameRef | null;
  batchCode?: string | null;
  /** Who ran a wipe whose record this event confirms or rejects. */
  operatorName?: string | null;
  /** Who is to confirm (or confirmed) a wipe record. */
  verifierName?: string | null;
}
export interface DeviceEventDto {
  id: number;
  seq: number;
  type: string;
  actorId: number | null;
  actorName: string | null;
  fromStatus: DeviceStatus | null;
  toStatus: DeviceStatus | null;
  payload: Record<string, unknown>;
  /** The names the sentence needs (see DeviceEventNames). */
  names: DeviceEventNames;
  createdAt: string;
  hash: string;
  /** The previous link of the chain (null for the first event). */
  prevHash: string | null;
}
export interface DeviceFileDto {
  id: number;
  kind: string;
  format: string | null;
  sha256: string;
  sizeBytes: number;
  originalName: string | null;
  createdAt: string;
}
export interface DeviceDetailDto extends DeviceDto {
  donorId: number;
  donorName: string;
  drives: DriveDto[];
  events: DeviceEventDto[];
  /** Filled by GET /api/devices/:id: every sanitization record and uploaded evidence file of the device. */
  sanitizations?: SanitizationDto[];
  files?: DeviceFileDto[];
  /** Whose custody the device is in (a partner association, spec §13); null while at the charity. */
  custody?: CustodyDto | null;
}
export interface IntakeQueueDto {
  pledges: (DonationDto & { ageDays: number })[];
  devices: (DeviceDto & { ageDays: number })[];
}
/** GET /api/intake-queue also says how many are waiting in all (the lists stop at `limit`). */
export interface IntakeQueueTotals {
  totals?: { pledges: number; devices: number };
}

export type ScanResultDto =
  | { kind: 'device'; id: number; assetTag: string; status: DeviceStatus }
  | { kind: 'drive'; id: number; deviceId: number; assetTag: string; serialNumber: string }
  | { kind: 'donation'; id: number; code: string; status: DonationStatus }
  | { kind: 'certificate'; id: number; code: string; deviceId: number }
  /** A batch's delivery note (spec §13): its code `BT-2026-0001`. */
  | { kind: 'batch'; id: number; code: string; status: string };
/** 404 body details of GET /api/scan/:code. */
export interface ScanNotFoundDetails {
  normalized?: string;
}

/** A link of a device's history that does not hold (eventId null: the device's anchor names a missing event). */
export interface AuditBrokenLinkDto {
  deviceId: number;
  assetTag: string | null;
  seq: number;
  eventId: number | null;
  reason: string;
}
/** A recorded verification every later incremental check starts from: all events up to `throughEventId` held. */
export interface AuditCheckpointDto {
  id: number;
  kind: 'incremental' | 'full';
  throughEventId: number;
  eventsChecked: number;
  devicesChecked: number;
  verifiedBy: number | null;
  verifiedAt: string;
}
/**
 * GET /api/audit/verify (read-only) and POST /api/audit/verify (records a checkpoint when ok). `mode` 'full' when
 * no checkpoint exists yet (every event and every device was checked), else 'incremental': the events with an id
 * in (since, upTo] and the anchors of their devices (`devicesChecked`).
 */
export interface AuditVerifyDto {
  ok: boolean;
  devicesChecked: number;
  eventsChecked: number;
  broken: AuditBrokenLinkDto[];
  mode: 'full' | 'incremental';
  since: number;
  upTo: number;
  /** The checkpoint the check started from (null: none yet). */
  checkpoint: AuditCheckpointDto | null;
  /** POST only: the checkpoint this check recorded (null when it found a broken link). */
  recorded?: AuditCheckpointDto | null;
}
export type AuditJobState = 'running' | 'done' | 'failed';
/** A full re-verification run in the background (POST /api/audit/verify/full), its progress and its result. */
export interface AuditJobDto {
  id: number;
  state: AuditJobState;
  /** Running, but no progress recorded for a while: its process stopped; a new job may be started. */
  abandoned: boolean;
  throughEventId: number;
  eventsChecked: number;
  eventsTotal: number;
  devicesChecked: number;
  ok: boolean | null;
  brokenCount: number;
  /** The first broken links (at most 100; brokenCount says how many in all). */
  broken: AuditBrokenLinkDto[];
  error: string | null;
  startedBy: number | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}
