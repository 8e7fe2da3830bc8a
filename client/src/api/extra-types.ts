// Request bodies the client sends that server/shared/api-types.ts does not (yet) declare.
// Field names follow the product spec, section 9; move these to the shared file when the server adopts them.
import type { DeviceType, DonationChannel, DonationStatus, DonorKind, Language, MediaType, Role } from '../../../server/shared/api-types';

export interface DonorInput {
  kind: DonorKind; name: string; nameLatin?: string; contactPerson?: string; email?: string; phone?: string;
  city?: string; crNumber?: string; preferredLanguage: Language;
}

export interface DonationInput { donorId: number; channel: DonationChannel; expectedCount?: number; notes?: string }
export interface DonationPatch { status?: DonationStatus; scheduledPickupDate?: string; expectedCount?: number; notes?: string }

export interface IntakeDriveInput { serialNumber: string; model?: string; mediaType: MediaType; capacityBytes?: number }
export interface IntakeDeviceInput {
  type: DeviceType; manufacturer?: string; model?: string; serialNumber?: string; drives?: IntakeDriveInput[];
}

export interface PledgeInput {
  /** Phone or email: at least one of them (the server says so with a message on `donor`). */
  donor: { kind: DonorKind; name: string; phone: string; email: string; city: string; preferredLanguage: Language };
  items: { type: DeviceType; count: number; description: string }[];
  preferredPickupDate?: string;
  notes?: string;
  /** Honeypot: people never see it, so it must stay empty. */
  website: string;
}

export interface UserInput { email: string; name: string; role: Role; password: string; language: Language }
export interface UserPatch { name?: string; role?: Role; password?: string; active?: boolean; language?: Language }

/** GET /api/intake-queue also says how many are waiting in all (the lists stop at `limit`). */
export interface IntakeQueueTotals { totals?: { pledges: number; devices: number } }

/** 404 body details of GET /api/scan/:code. */
export interface ScanNotFoundDetails { normalized?: string }
