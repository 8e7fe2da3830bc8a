// Donors, donations, pledges and CSV import (server/modules/donors, donations).
import type { DocumentLanguage } from './common.js';
import type { DeviceStatus, DeviceType, MediaType } from './devices.js';

export type DonorKind = 'company' | 'individual';
export type DonationChannel = 'pickup' | 'drop_off' | 'pledge';
export type DonationStatus = 'pledged' | 'scheduled' | 'received' | 'closed';
export const DONOR_KINDS: readonly DonorKind[] = ['company', 'individual'];
export const DONATION_CHANNELS: readonly DonationChannel[] = ['pickup', 'drop_off', 'pledge'];
export const DONATION_STATUSES: readonly DonationStatus[] = ['pledged', 'scheduled', 'received', 'closed'];

export interface DonorDto {
  id: number;
  kind: DonorKind;
  name: string;
  nameLatin: string | null;
  contactPerson: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  crNumber: string | null;
  preferredLanguage: DocumentLanguage;
  /** The donor agreed to be thanked by name on families' handover certificates (issue 20); false by default. */
  creditOnCertificates: boolean;
  createdAt: string;
  updatedAt: string;
  /** The donor's page (PUBLIC_URL/donors/<token>): a secret link, for managers and admins on a single donor only. */
  pageUrl?: string;
}
/** A yearly statement issued to a donor (POST /api/donors/:id/statements). */
export interface DonorStatementDto {
  donorId: number;
  year: number;
  /** `ST-2026-0001`: sequential per statement year. */
  number: string;
  issuedAt: string;
}
export interface DonorDetailDto extends DonorDto {
  summary: { donations: number; devices: number; placed: number; recycled: number; inProgress: number };
  donations: DonationDto[];
}
export interface DonorInput {
  kind: DonorKind;
  name: string;
  nameLatin?: string;
  contactPerson?: string;
  email?: string;
  phone?: string;
  city?: string;
  crNumber?: string;
  preferredLanguage: DocumentLanguage;
  /** The donor agreed to be thanked by name on the handover certificates of the families its devices reached. */
  creditOnCertificates?: boolean;
}

export interface PledgeItemDto {
  type: DeviceType;
  count: number;
  description: string;
}
export interface DonationDto {
  id: number;
  code: string;
  donorId: number;
  donorName: string;
  channel: DonationChannel;
  status: DonationStatus;
  expectedCount: number | null;
  receivedCount: number;
  siteId: number | null;
  notes: string | null;
  pledgeItems: PledgeItemDto[];
  preferredPickupDate: string | null;
  scheduledPickupDate: string | null;
  receivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface DonationDetailDto extends DonationDto {
  devicesByStatus: Partial<Record<DeviceStatus, number>>;
  /** The donor's receipt page (PUBLIC_URL/receipts/<token>): a secret link, to send to the donor only. */
  receiptUrl?: string;
}
export interface DonationInput {
  donorId: number;
  channel: DonationChannel;
  expectedCount?: number;
  notes?: string;
}
export interface DonationPatch {
  status?: DonationStatus;
  scheduledPickupDate?: string;
  expectedCount?: number;
  notes?: string;
}

export interface PledgeInput {
  /** Phone or email: at least one of them (the server says so with a message on `donor`). */
  donor: {
    kind: DonorKind;
    name: string;
    phone: string;
    email: string;
    city: string;
    preferredLanguage: DocumentLanguage;
  };
  items: PledgeItemDto[];
  preferredPickupDate?: string;
  notes?: string;
  /** Honeypot: people never see it, so it must stay empty. */
  website: string;
}
export interface PledgeResponse {
  code: string;
  status: 'pledged';
}

export interface IntakeDriveInput {
  serialNumber: string;
  model?: string;
  mediaType: MediaType;
  capacityBytes?: number;
}
export interface IntakeDeviceInput {
  type: DeviceType;
  manufacturer?: string;
  model?: string;
  serialNumber?: string;
  /** Phones and tablets only: 15 digits with a valid check digit; Arabic-Indic digits and separators are accepted. */
  imei?: string;
  drives?: IntakeDriveInput[];
}
export interface ImportResponse {
  imported: number;
  devices: { id: number; assetTag: string }[];
}
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}
