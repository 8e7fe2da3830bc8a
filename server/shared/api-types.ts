// Wire shapes shared with the web client (which imports this file with `import type`).
// Pure types only: no imports from server code, so the client build never pulls server modules.

export type Role = 'admin' | 'manager' | 'technician' | 'viewer';
export type DeviceType = 'laptop' | 'desktop' | 'all_in_one' | 'tablet' | 'monitor' | 'other';
export type MediaType = 'hdd' | 'ssd' | 'nvme' | 'emmc' | 'other';
export type DeviceStatus = 'intake' | 'repair' | 'wipe' | 'refurbish' | 'ready' | 'allocated'
  | 'handed_over' | 'disposal' | 'recycled' | 'harvested';
export type Disposition = 'reuse' | 'recycle' | 'parts';
export type DonorKind = 'company' | 'individual';
export type DonationChannel = 'pickup' | 'drop_off' | 'pledge';
export type DonationStatus = 'pledged' | 'scheduled' | 'received' | 'closed';
/** Languages of the web client. */
export type Language = 'ar' | 'en' | 'fr';
/** Languages documents and messages to donors are written in (receipts, certificates); French is not yet one. */
export type DocumentLanguage = 'ar' | 'en';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId: string };
}
export interface FieldErrorDto { path: string; message: string }
export interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

export interface UserDto {
  id: number; email: string; name: string; role: Role; language: Language; active: boolean;
  lastLoginAt: string | null; createdAt: string;
}
export interface LoginResponse { token: string; expiresAt: string; user: UserDto }

export interface SiteDto { id: number; code: string; name: string; nameLatin: string | null; city: string | null }

export interface DonorDto {
  id: number; kind: DonorKind; name: string; nameLatin: string | null; contactPerson: string | null;
  email: string | null; phone: string | null; city: string | null; crNumber: string | null;
  preferredLanguage: DocumentLanguage; createdAt: string; updatedAt: string;
}
export interface DonorDetailDto extends DonorDto {
  summary: { donations: number; devices: number; placed: number; recycled: number; inProgress: number };
  donations: DonationDto[];
}

export interface PledgeItemDto { type: DeviceType; count: number; description: string }
export interface DonationDto {
  id: number; code: string; donorId: number; donorName: string; channel: DonationChannel; status: DonationStatus;
  expectedCount: number | null; receivedCount: number; siteId: number | null; notes: string | null;
  pledgeItems: PledgeItemDto[]; preferredPickupDate: string | null; scheduledPickupDate: string | null;
  receivedAt: string | null; createdAt: string; updatedAt: string;
}
export interface DonationDetailDto extends DonationDto {
  devicesByStatus: Partial<Record<DeviceStatus, number>>;
  /** The donor's receipt page (PUBLIC_URL/receipts/<token>): a secret link, to send to the donor only. */
  receiptUrl?: string;
}
export interface PledgeResponse { code: string; status: 'pledged' }
export interface ImportResponse { imported: number; devices: { id: number; assetTag: string }[] }
export interface ImportRowError { row: number; field: string; message: string }

export interface DriveDto {
  id: number; serialNumber: string; model: string | null; mediaType: MediaType; capacityBytes: number | null;
  smartPassed: boolean | null; powerOnHours: number | null; reallocatedSectors: number | null; pendingSectors: number | null;
}
export interface DeviceDto {
  id: number; assetTag: string; donationId: number; donationCode?: string; siteId: number | null; type: DeviceType;
  manufacturer: string | null; model: string | null; serialNumber: string | null; cpu: string | null; ramGb: number | null;
  storageSummary: string | null; screenInches: number | null; batteryHealth: number | null;
  status: DeviceStatus; disposition: Disposition | null; grade: 'A' | 'B' | 'C' | null;
  r2Function: string | null; r2Cosmetic: string | null; os: string | null; licence: string | null;
  windows11Eligible: boolean | null; notes: string | null; version: number;
  statusChangedAt: string; createdAt: string; updatedAt: string;
  /** Lifecycle actions allowed from the current status (the client renders only these). */
  allowedActions: string[];
}
export interface DeviceEventDto {
  id: number; seq: number; type: string; actorId: number | null; actorName: string | null;
  fromStatus: DeviceStatus | null; toStatus: DeviceStatus | null; payload: Record<string, unknown>;
  createdAt: string; hash: string;
}
export interface SanitizationDto {
  id: number; deviceId: number; driveId: number; driveSerial: string; method: string; technique: string; tool: string;
  passes: number | null; verification: string; result: string; startedAt: string | null; finishedAt: string | null;
  operatorId: number | null; verifierId: number | null; source: string; evidenceSha256: string | null; createdAt: string;
  /** Spec §10: tool_log | photo | none, and counted | awaiting_confirmation | rejected (only counted + passed counts). */
  evidence: 'tool_log' | 'photo' | 'none'; state: 'counted' | 'awaiting_confirmation' | 'rejected';
  operatorName: string | null; verifierName: string | null;
  confirmedBy: number | null; confirmedAt: string | null; rejectedBy: number | null; rejectedAt: string | null; rejectionReason: string | null;
}
/** GET /api/sanitizations?awaiting=me: a record with the device it belongs to. */
export interface AwaitingSanitizationDto extends SanitizationDto { assetTag: string; deviceStatus: string }
export interface VerifierDto { id: number; name: string; role: string }
export interface DeviceFileDto { id: number; kind: string; format: string | null; sha256: string; sizeBytes: number; originalName: string | null; createdAt: string }
export interface DeviceDetailDto extends DeviceDto {
  donorId: number; donorName: string;
  drives: DriveDto[];
  events: DeviceEventDto[];
  /** Filled by GET /api/devices/:id: every sanitization record and uploaded evidence file of the device. */
  sanitizations?: SanitizationDto[];
  files?: DeviceFileDto[];
}
export interface IntakeQueueDto {
  pledges: (DonationDto & { ageDays: number })[];
  devices: (DeviceDto & { ageDays: number })[];
}
export type ScanResultDto =
  | { kind: 'device'; id: number; assetTag: string; status: DeviceStatus }
  | { kind: 'drive'; id: number; deviceId: number; assetTag: string; serialNumber: string }
  | { kind: 'donation'; id: number; code: string; status: DonationStatus }
  | { kind: 'certificate'; id: number; code: string; deviceId: number };

export interface AuditVerifyDto {
  ok: boolean; devicesChecked: number; eventsChecked: number;
  broken: { deviceId: number; assetTag: string | null; seq: number; eventId: number; reason: string }[];
}
