// Connectivity bundles: sponsors, their stock of SIM data bundles, and a bundle given at handover (spec §14,
// server/modules/connectivity).

export interface SponsorInput {
  name: string;
  nameLatin?: string | null;
  contactPerson?: string | null;
  phone?: string | null;
}

/** POST /api/sponsors/:id/bundles: a delivery of `count` bundles of one kind (a stock lot). */
export interface BundleLotInput {
  operator: string;
  dataGb: number;
  validityDays: number;
  count: number;
}

export interface BundleLotDto {
  id: number;
  sponsorId: number;
  operator: string;
  dataGb: number;
  validityDays: number;
  /** Bundles received in this lot. */
  received: number;
  /** Still in stock (never below 0). */
  remaining: number;
  createdAt: string;
}

export interface SponsorDto {
  id: number;
  name: string;
  nameLatin: string | null;
  contactPerson: string | null;
  phone: string | null;
  lots: BundleLotDto[];
  /** Over every lot. */
  received: number;
  remaining: number;
  distributed: number;
  createdAt: string;
}

/**
 * `bundle` in a handover body: a bundle from the sponsor's stock for the SIM given with the device. `lotId` picks the
 * lot; without it, the sponsor's oldest lot still in stock. `iccid`: the SIM's ICCID (18–22 digits) or its phone
 * number; Arabic-Indic digits, spaces and hyphens accepted. Stored encrypted like national IDs; shown as its last 4.
 */
export interface BundleAssignmentInput {
  sponsorId: number;
  lotId?: number;
  iccid: string;
}

/** The bundle handed over with a device (AllocationDto.bundle, and printed on the handover certificate). */
export interface AssignedBundleDto {
  sponsorId: number;
  sponsorName: string;
  lotId: number;
  operator: string;
  dataGb: number;
  validityDays: number;
  /** The last 4 digits of the SIM's ICCID or number; null for roles that read the allocation redacted. */
  iccidLast4: string | null;
}

/** GET /api/reports/bundles (and .csv): bundles and gigabytes given, per sponsor, region and month of handover. */
export interface BundleReportRowDto {
  sponsorId: number;
  sponsorName: string;
  /** The beneficiary's region at handover ('' when none). */
  regionCode: string;
  /** YYYY-MM */
  month: string;
  bundles: number;
  dataGb: number;
}
export interface BundleReportDto {
  rows: BundleReportRowDto[];
  totals: { bundles: number; dataGb: number };
}
