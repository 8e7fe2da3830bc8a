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
/** 422 WIPE_INCOMPLETE details: one entry per drive without a passed record (or a path for a drive-less device). */
export interface WipeIncompleteDetail {
  driveId?: number;
  serialNumber?: string;
  path?: string;
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
] as const;
export const SANITIZATION_VERIFICATIONS = ['none', 'last_pass', 'all_passes', 'sampled'] as const;
export const SANITIZATION_RESULTS = ['passed', 'failed', 'aborted'] as const;

/** POST /api/devices/:id/sanitizations (JSON): one record for one drive, typed from the wipe tool's screen. */
export interface SanitizationInput {
  driveSerial: string;
  method: (typeof SANITIZATION_METHODS)[number];
  technique: (typeof SANITIZATION_TECHNIQUES)[number];
  tool: string;
  passes?: number;
  verification: (typeof SANITIZATION_VERIFICATIONS)[number];
  result: (typeof SANITIZATION_RESULTS)[number];
  startedAt?: string;
  finishedAt?: string;
  notes?: string;
  /** Required without an evidence file: the colleague who must confirm the record before it counts (spec §10). */
  verifierId?: number;
}

export interface SanitizationDto {
  id: number;
  deviceId: number;
  driveId: number;
  driveSerial: string;
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
