// Figures by region (spec §11): GET /api/reports/regions (and .csv), the regional PDF, and the cumulative
// families/students chart of a programme. Pure: no imports from server code.
import type { Role } from './common.js';

/**
 * Who reads the regional tables and the regional report: the charity's managers and the board (viewer). They are
 * counts only, but they are figures about the families served, which technicians' work does not need (spec §1).
 */
export const REGIONAL_REPORT_ROLES: readonly Role[] = ['admin', 'manager', 'viewer'];

/** The code of the row gathering what has no region (a site or beneficiary without one). */
export const UNASSIGNED_REGION = 'unassigned';

/** The figures of one region, or of the whole (totals). */
export interface RegionFiguresDto {
  /** Devices taken in at the region's sites, whatever became of them. */
  received: number;
  /** Devices between intake and ready (intake, repair, wipe, refurbish). */
  inWorkshop: number;
  ready: number;
  handedOver: number;
  /** Distinct beneficiaries of the region with a handed-over allocation, by kind. */
  families: number;
  students: number;
  institutions: number;
  /** Devices handed over to institutions (a school's 30 laptops are 30 here and 1 in `institutions`). */
  devicesToInstitutions: number;
  /** Of `families`, those served through a partner association (spec §13: the partner's onward handovers). */
  familiesThroughPartners: number;
  /** Drives of the region's devices with a counted, passed sanitization record. */
  drivesSanitized: number;
  /** Recorded recycler weights + an assumed weight per placed device (the donor receipt's rule). */
  kgDiverted: number;
  /** Placed devices × the configured factor per kind: an estimate. */
  co2eKg: number;
}

/** Zero of every figure: the start of a sum. */
export const emptyRegionFigures = (): RegionFiguresDto => ({
  received: 0,
  inWorkshop: 0,
  ready: 0,
  handedOver: 0,
  families: 0,
  students: 0,
  institutions: 0,
  devicesToInstitutions: 0,
  familiesThroughPartners: 0,
  drivesSanitized: 0,
  kgDiverted: 0,
  co2eKg: 0,
});

export const REGION_FIGURE_KEYS = Object.keys(emptyRegionFigures()) as (keyof RegionFiguresDto)[];

/** Adds `figures` into `sum` (regions into a country's or the programme's total). */
export function addRegionFigures(sum: RegionFiguresDto, figures: RegionFiguresDto): RegionFiguresDto {
  for (const k of REGION_FIGURE_KEYS) sum[k] += figures[k];
  return sum;
}

/** The weights as printed: kg to one decimal, CO2e to the kilogram (sums of rounded parts drift). */
export function roundRegionFigures(f: RegionFiguresDto): RegionFiguresDto {
  f.kgDiverted = Math.round(f.kgDiverted * 10) / 10;
  f.co2eKg = Math.round(f.co2eKg);
  return f;
}

export interface RegionRowDto extends RegionFiguresDto {
  /** ISO 3166-2 code, or 'unassigned'. */
  regionCode: string;
  country: 'SA' | 'MA' | null;
  nameAr: string;
  nameEn: string;
  nameFr: string;
}

export interface RegionsReportDto {
  items: RegionRowDto[];
  totals: RegionFiguresDto;
  generatedAt: string;
}

export interface ProgrammeCumulativeMonthDto {
  /** YYYY-MM (UTC). */
  month: string;
  /** Beneficiaries first served by this programme in that month, by kind. */
  families: number;
  students: number;
  /** Served from the start up to the end of that month. */
  cumulativeFamilies: number;
  cumulativeStudents: number;
}

export interface ProgrammeCumulativeDto {
  programmeId: number;
  targetFamilies: number;
  targetStudents: number;
  startsOn: string | null;
  endsOn: string | null;
  /** From the programme's start (or its first handover, or this month) to this month, at most 36 months. */
  months: ProgrammeCumulativeMonthDto[];
}

/** One partner association's figures (GET /api/reports/partners, the dashboard): served through it, by region. */
export interface PartnerFiguresDto {
  partnerId: number;
  name: string;
  /** The partner's own region (where it is based); its families may live elsewhere, see `byRegion`. */
  regionCode: string | null;
  families: number;
  students: number;
  /** Devices handed over to families it referred (by the partner, or by the charity to its referrals). */
  handovers: number;
  /** Devices in its custody now, not yet handed on. */
  inCustody: number;
  byRegion: Array<{ regionCode: string | null; families: number; students: number; handovers: number }>;
}
