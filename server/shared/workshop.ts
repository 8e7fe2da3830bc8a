// The workshop: work queues, parts, lifecycle actions, hardware reports and sanitization records
// (server/modules/workshop, hardware, sanitization).
import type { DeviceDto, DeviceStatus, Disposition, DriveDto } from './devices.js';

/** GET /api/work-queues: one entry per workshop status, with the oldest devices first. */
export interface WorkQueueDto {
  status: DeviceStatus;
  count: number;
  oldest: (DeviceDto & { ageDays: number })[];
}
export interface WorkQueuesDto {
  queues: WorkQueueDto[];
}

/** GET /api/parts: parts harvested from other devices (or bought), available to repairs until used. */
export interface PartDto {
  id: number;
  type: string;
  serialNumber: string | null;
  description: string | null;
  status: string;
  sourceDeviceId: number | null;
  usedInDeviceId: number | null;
  createdAt: string;
}
export interface PartRef {
  type: string;
  serialNumber?: string;
  partId?: number;
  description?: string;
}

export type QaResult = 'pass' | 'fail' | 'na';
export const QA_ITEMS = ['keyboard', 'screen', 'battery', 'wifi', 'ports', 'camera', 'audio'] as const;
export type QaItem = (typeof QA_ITEMS)[number];
export const LICENCES = ['oem_coa', 'digital', 'mar', 'retail', 'volume', 'open_source', 'none'] as const;
export type Licence = (typeof LICENCES)[number];
export type Grade = 'A' | 'B' | 'C';

/** POST /api/devices/:id/actions: every action carries the version the user saw (optimistic concurrency). */
export type WorkshopActionInput =
  | { action: 'triage'; version: number; needsRepair: boolean; disposition: Disposition; findings?: string }
  | {
      action: 'repair';
      version: number;
      workDone: string;
      partsUsed: PartRef[];
      fixed: boolean;
      disposition?: 'recycle' | 'parts';
    }
  | { action: 'complete_wipe'; version: number; noStorage?: boolean }
  | {
      action: 'refurbish';
      version: number;
      os?: string;
      licence?: Licence;
      windows11Eligible?: boolean;
      grade?: Grade;
      r2Function?: string;
      r2Cosmetic?: string;
      qa: Record<QaItem, QaResult>;
      notes?: string;
    }
  | { action: 'recycle'; version: number; recycler: string; weightKg: number; certificateRef: string }
  | { action: 'harvest'; version: number; parts: PartRef[] }
  | { action: 'return'; version: number; reason: string };
export type WorkshopActionName = WorkshopActionInput['action'];

/** POST /api/devices/:id/hardware-reports → 200. */
export interface HardwareReportResult {
  format: string;
  sha256: string;
  device: DeviceDto;
  drives: DriveDto[];
  warnings: string[];
  sanitizations: SanitizationDto[];
}
/** 409 SERIAL_MISMATCH details: the report is of another machine than the one recorded (or the record is wrong). */
export interface SerialMismatchDetails {
  recorded: string | null;
  reported: string;
}
/**
 * 422 WIPE_INCOMPLETE details: one entry per drive without a passed record (or a path for a drive-less device). For
 * a phone or tablet (docs/phones.md), `reason` says why its factory reset does not count: `factory_reset_missing`
 * (no counted, passed record) or `encryption_not_verified` (the record says encryption was not seen on: no purge).
 */
export interface WipeIncompleteDetail {
  driveId?: number;
  serialNumber?: string;
  path?: string;
  reason?: 'factory_reset_missing' | 'encryption_not_verified';
  sanitizationId?: number;
  message: string;
}

export const SANITIZATION_METHODS = ['clear', 'purge', 'destroy'] as const;
export const SANITIZATION_TECHNIQUES = [
  'overwrite',
  'ata_secure_erase',
  'ata_sanitize',
  'nvme_sanitize',
  'nvme_format_crypto',
  'crypto_erase',
  'shred',
  'disintegrate',
  'degauss',
  // A phone's or tablet's storage (docs/phones.md): a factory reset of a device whose storage is encrypted destroys
  // the key (cryptographic erase, NIST SP 800-88 purge). Recorded for the device, not per drive.
  'factory_reset_encrypted',
] as const;
/** The technique of a device-level record: no drive, the device's own storage. */
export const DEVICE_LEVEL_TECHNIQUE = 'factory_reset_encrypted';
export const SANITIZATION_VERIFICATIONS = ['none', 'last_pass', 'all_passes', 'sampled'] as const;
export const SANITIZATION_RESULTS = ['passed', 'failed', 'aborted'] as const;

/**
 * POST /api/devices/:id/sanitizations (JSON): one record for one drive, typed from the wipe tool's screen; or, for a
 * phone or tablet, one record for the device (no driveSerial) with technique `factory_reset_encrypted`, method
 * `purge`, `encryptionVerified` and `osVersion` (docs/phones.md).
 */
export interface SanitizationInput {
  driveSerial?: string;
  method: (typeof SANITIZATION_METHODS)[number];
  technique: (typeof SANITIZATION_TECHNIQUES)[number];
  /** Required, except for a factory reset (default "built-in factory reset"). */
  tool?: string;
  passes?: number;
  /** Required, except for a factory reset (default none: encryptionVerified says what was checked). */
  verification?: (typeof SANITIZATION_VERIFICATIONS)[number];
  result: (typeof SANITIZATION_RESULTS)[number];
  startedAt?: string;
  finishedAt?: string;
  notes?: string;
  /** Required without an evidence file: the colleague who must confirm the record before it counts (spec §10). */
  verifierId?: number;
  /** factory_reset_encrypted only (required there): whether the storage was seen encrypted before the reset. */
  encryptionVerified?: boolean;
  /** factory_reset_encrypted only (required there): the OS and version that did the reset, e.g. "Android 14". */
  osVersion?: string;
}

export interface SanitizationDto {
  id: number;
  deviceId: number;
  /** Null for a device-level record (a phone's or tablet's factory reset). */
  driveId: number | null;
  driveSerial: string | null;
  method: string;
  technique: string;
  tool: string;
  passes: number | null;
  verification: string;
  result: string;
  startedAt: string | null;
  finishedAt: string | null;
  operatorId: number | null;
  verifierId: number | null;
  source: string;
  evidenceSha256: string | null;
  createdAt: string;
  /** Spec §10: tool_log | photo | none, and counted | awaiting_confirmation | rejected (only counted + passed counts). */
  evidence: 'tool_log' | 'photo' | 'none';
  state: 'counted' | 'awaiting_confirmation' | 'rejected';
  operatorName: string | null;
  verifierName: string | null;
  confirmedBy: number | null;
  confirmedAt: string | null;
  rejectedBy: number | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  /** A device-level factory reset's (docs/phones.md): encryption seen on before the reset, and the OS version. */
  encryptionVerified: boolean | null;
  osVersion: string | null;
}
/** GET /api/sanitizations?awaiting=me: a record with the device it belongs to. */
export interface AwaitingSanitizationDto extends SanitizationDto {
  assetTag: string;
  deviceStatus: string;
}
export interface VerifierDto {
  id: number;
  name: string;
  role: string;
}
