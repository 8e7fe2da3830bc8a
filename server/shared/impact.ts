// GET /api/public/impact (spec §11, opt-in setting `publicImpact`): aggregate counts by region and by month only.
// Nothing in it names or counts a person singly beyond these sums.

export interface ImpactTotalsDto {
  devicesReceived: number;
  devicesHandedOver: number;
  families: number;
  students: number;
  institutions: number;
  drivesSanitized: number;
  kgDiverted: number;
  co2eKg: number;
}

export interface ImpactRegionDto {
  /** ISO 3166-2 code, or null for figures not yet tied to a region. */
  regionCode: string | null;
  nameAr: string | null;
  nameEn: string | null;
  nameFr: string | null;
  devicesHandedOver: number;
  families: number;
  students: number;
  institutions: number;
}

export interface ImpactMonthDto {
  /** 'YYYY-MM'. */
  month: string;
  devicesReceived: number;
  devicesHandedOver: number;
  /** Families, students and institutions counted as served by a handover that month. */
  served: number;
}

export interface PublicImpactDto {
  charity: { nameAr: string; nameEn: string };
  totals: ImpactTotalsDto;
  regions: ImpactRegionDto[];
  /** The last 12 months, oldest first. */
  months: ImpactMonthDto[];
}
