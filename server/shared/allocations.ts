// Allocations, programmes and the dashboard (server/modules/allocations, programmes, reports).
import type { Accessory } from './batches.js';
import type { AssignedBundleDto, BundleAssignmentInput } from './connectivity.js';
import type { PartnerFiguresDto } from './regional-reports.js';
import type { ProgrammeEligibility, ProgrammeWeights } from './selection.js';

export type AllocationStatus = 'reserved' | 'handed_over' | 'cancelled';
export interface AllocationDto {
  id: number;
  deviceId: number;
  assetTag: string | null;
  beneficiaryId: number;
  programmeId: number | null;
  status: AllocationStatus;
  overrideReason: string | null;
  cancelReason: string | null;
  receivedBy: string | null;
  hasSignature: boolean;
  certificateCode: string | null;
  handedOverAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** True when the caller may not see who received the device: the fields about people are then null. */
  redacted: boolean;
  /** The handover appointment, once set (PUT /api/allocations/:id/appointment). */
  appointment: AppointmentDto | null;
  /** The batch the device was allocated in (an institution's batch), or the batch that put it in a partner's custody. */
  batchId: number | null;
  /** What went with the device at handover (spec §13). */
  accessories: Accessory[];
  accessoriesNote: string | null;
  /**
   * Set when an admin handed the device over before the programme's training was completed (spec §14): the reason
   * (null for roles that see the allocation redacted) and who.
   */
  trainingOverride: { reason: string | null; byUserId: number } | null;
  /** The connectivity bundle given with the device at handover (spec §14); null when none. */
  bundle: AssignedBundleDto | null;
}
/** When and where the family collects the device. `bring` is null for roles that see the allocation redacted. */
export interface AppointmentDto {
  at: string;
  siteId: number;
  bring: string | null;
  /** Counted up on every change of the appointment (the messages about it name the version they were written for). */
  version: number;
  setBy: number | null;
  setAt: string | null;
}
/** PUT /api/allocations/:id/appointment: `at` in the future (ISO 8601), `bring` what the family must bring. */
export interface AppointmentInput {
  at: string;
  siteId: number;
  bring: string;
}
/** `overrideReason`: why a manager allocates against the suggestion order (5 to 500 characters). */
export interface AllocateInput {
  deviceId: number;
  beneficiaryId: number;
  programmeId?: number;
  overrideReason?: string;
}
export interface HandoverInput {
  receivedBy: string;
  signature: string;
  handedOverAt?: string;
  accessories?: Accessory[];
  accessoriesNote?: string;
  /** Admins only: hand over although the programme's training is not completed (5 to 500 characters, kept). */
  trainingOverrideReason?: string;
  /** A SIM data bundle from a sponsor's stock, given with the device (spec §14). */
  bundle?: BundleAssignmentInput;
}

/** GET /api/allocations/suggestions: a pair and the server's reasons for it (English sentences, see reasons.ts). */
export interface SuggestionDto {
  beneficiaryId: number;
  deviceId: number;
  assetTag: string;
  deviceType: string;
  grade: string | null;
  score: number;
  reasons: string[];
}

export interface ProgrammeDto {
  id: number;
  name: string;
  nameLatin: string | null;
  targetFamilies: number;
  targetStudents: number;
  startsOn: string | null;
  endsOn: string | null;
  /** Spec §14: training before handover, selection and the public application form (PATCH /api/programmes/:id). */
  requiresTraining: boolean;
  courseId: number | null;
  attendanceThreshold: number;
  eligibility: ProgrammeEligibility;
  /** The programme's own score weights; null = the country's defaults (GET /api/waitlist's `weights`), no committee share. */
  weights: ProgrammeWeights | null;
  committeeScoring: boolean;
  applicationsOpen: boolean;
  createdAt: string;
}
export interface ProgrammeInput {
  name: string;
  nameLatin?: string;
  targetFamilies: number;
  targetStudents: number;
  startsOn?: string;
  endsOn?: string;
}
export interface ProgrammeProgressDto {
  programmeId: number;
  name: string;
  targetFamilies: number;
  targetStudents: number;
  servedFamilies: number;
  servedStudents: number;
  percent: number;
  last30DaysRate: number;
  /** The projected completion day: `forecast.date` (null unless `forecast.status` is 'projected'). Kept for old clients. */
  forecastCompletionDate: string | null;
  forecast: ProgrammeForecastDto;
}

/**
 * The rules of the completion forecast (docs/forecast.md), shared so the client states the same numbers it is held to:
 * no date before `minHandovers` handovers over `minDays` days (counted from the programme's first handover); the
 * pace is the handovers of the last `paceWindowDays` days (or of the whole history when it is shorter); a date
 * more than `horizonYears` years away is not printed.
 */
export const FORECAST_RULES = { minHandovers: 10, minDays: 28, paceWindowDays: 56, horizonYears: 10 } as const;

/**
 * - `no_target`: the programme has no target (0 families and 0 students), so nothing to forecast;
 * - `complete`: as many beneficiaries served as the target;
 * - `not_enough_data`: fewer than `minHandovers` handovers, or fewer than `minDays` days since the first one;
 * - `stalled`: enough history, but no handover in the last `paceWindowDays` days: no pace, no date;
 * - `projected`: `date` is the day the target is reached if the observed pace goes on;
 * - `beyond_horizon`: at the observed pace the target is more than `horizonYears` years away (no date printed).
 */
export type ProgrammeForecastStatus =
  'no_target' | 'complete' | 'not_enough_data' | 'stalled' | 'projected' | 'beyond_horizon';

export interface ProgrammeForecastDto {
  status: ProgrammeForecastStatus;
  /** YYYY-MM-DD (UTC), only when status is 'projected'. */
  date: string | null;
  /** Beneficiaries still to serve: target − served, never below 0. */
  remaining: number;
  handoversSoFar: number;
  /** The day of the programme's first handover (YYYY-MM-DD, UTC); null before any. */
  firstHandoverOn: string | null;
  /** Whole days and whole weeks from the first handover to now (0 before any). */
  daysOfData: number;
  weeksOfData: number;
  /** The observed pace in handovers a month (30.44 days), one decimal; null while there is not enough data. */
  pacePerMonth: number | null;
  /** The programme's end date (YYYY-MM-DD) and what it asks for; the rest is null without one. */
  endsOn: string | null;
  /** The end date is before today (UTC). */
  endPassed: boolean;
  /** Days from today to the end date, both counted (1 on the last day); null without an end date or once passed. */
  daysLeft: number | null;
  /** The same in months (30.44 days), one decimal. */
  monthsLeft: number | null;
  /** Handovers a month needed to serve the remaining beneficiaries by the end date (rounded up); null when nothing
   * remains, without an end date or once it has passed. */
  paceNeededPerMonth: number | null;
}

export interface DashboardDto {
  devicesByStatus: Record<string, number>;
  totalDevices: number;
  monthly: { month: string; intake: number; handovers: number }[];
  medianDaysPerStage: Record<string, number | null>;
  yield: { placed: number; received: number; ratio: number };
  programmes: ProgrammeProgressDto[];
  /** Handovers in the months shown, in all and by beneficiary kind (family, student, institution). */
  handovers: number;
  handoversByKind: Record<string, number>;
  /** Beneficiaries served (each counted once per programme, on their first handover in it), by kind. */
  served: Record<string, number>;
  /** Devices handed over to institutions in the months shown (`served.institution` counts the institutions). */
  devicesToInstitutions: number;
  /** Served through each partner association in the months shown, by region, and what each holds now. */
  partners: PartnerFiguresDto[];
  /** Drives with a counted, passed sanitization record (spec §10), at the sites shown. */
  drivesSanitized: number;
  /** Recorded recycled weight + assumed weight of placed devices, and CO2e avoided by placed devices (estimates). */
  kgDiverted: number;
  co2eKg: number;
}
