// Batch allocation, partner custody and handover accessories (spec §13; server/modules/allocations).

/** What went with a device at handover (spec §13); `other` is described in `accessoriesNote`. */
export const ACCESSORIES = ['charger', 'bag', 'mouse', 'other'] as const;
export type Accessory = (typeof ACCESSORIES)[number];

export const BATCH_STATUSES = ['reserved', 'handed_over', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
/** Who a batch goes to: an institution (a beneficiary of kind `institution`) or a partner association. */
export type BatchRecipientKind = 'institution' | 'partner';

/** POST /api/allocation-batches: one recipient, 1 to 500 distinct ready devices, all or none. */
export interface BatchInput {
  recipient: { beneficiaryId: number } | { partnerId: number };
  programmeId: number;
  deviceIds: number[];
  note?: string;
}
/** POST /api/allocation-batches/:id/handover: one signature by the receiving contact for every device. */
export interface BatchHandoverInput {
  receivedBy: string;
  signature: string;
  handedOverAt?: string;
  accessories?: Accessory[];
  accessoriesNote?: string;
}

/** Why a device cannot join a batch (the 409 BATCH_DEVICES_UNAVAILABLE lists one entry per device). */
export type BatchRefusal = 'not_ready' | 'not_sanitized' | 'in_custody';
export interface BatchRefusalDto {
  deviceId: number;
  assetTag: string;
  status: string;
  reason: BatchRefusal;
  message: string;
}

export interface BatchDeviceDto {
  deviceId: number;
  assetTag: string;
  type: string;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  /** The device's allocation in this batch (institution batches); null for a partner's batch. */
  allocationId: number | null;
}

export interface BatchDto {
  id: number;
  /** `BT-2026-0001`, printed on the delivery note. */
  code: string;
  status: BatchStatus;
  recipient: {
    kind: BatchRecipientKind;
    beneficiaryId: number | null;
    partnerId: number | null;
    /** An institution's or a partner's name (organisations, not people: every role that may read batches sees it). */
    name: string;
    city: string | null;
    regionCode: string | null;
  };
  programmeId: number;
  deviceCount: number;
  /** Empty in lists; every device on GET /api/allocation-batches/:id. */
  devices: BatchDeviceDto[];
  note: string | null;
  /** Who signed for the batch; null until handed over, and for roles that see people redacted. */
  receivedBy: string | null;
  handedOverAt: string | null;
  /** The institution's handover certificate (verifiable at /verify/:code); null for partners and until handover. */
  certificateCode: string | null;
  accessories: Accessory[];
  accessoriesNote: string | null;
  cancelReason: string | null;
  createdAt: string;
  redacted: boolean;
}

/** A device in a partner's custody (GET /api/custody/devices). */
export interface CustodyDeviceDto {
  deviceId: number;
  assetTag: string;
  status: string;
  type: string;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  ramGb: number | null;
  storageGb: number | null;
  grade: string | null;
  partnerId: number;
  partnerName: string;
  batchId: number | null;
  batchCode: string | null;
  programmeId: number | null;
  since: string;
  /** The onward allocation reserved for one of the partner's families, if any. */
  allocationId: number | null;
}
/** On a device's page: whose custody it is in, since when, through which batch. */
export interface CustodyDto {
  partnerId: number;
  partnerName: string;
  since: string;
  batchId: number | null;
}
/** POST /api/custody/devices/:id/return: back from the partner to one of the charity's sites. */
export interface CustodyReturnInput {
  reason: string;
  siteId?: number;
}
