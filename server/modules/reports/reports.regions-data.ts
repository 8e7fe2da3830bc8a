// The figures by region, read with grouped SQL over the source tables. This file is the ONE place the regional
// reports read their data: when the read model (server/modules/figures, counters kept in the write's transaction)
// offers regionFigures(), this file switches to it and its SQL goes.
//
// Which region a figure belongs to:
// - devices (received, in workshop, ready, handed over), their drives, kg and CO2e: the region of the device's site;
// - families, students, institutions served: the beneficiary's own region;
// - a row without a region (no site, a site or beneficiary without region_code, or a code not in the list) counts
//   under 'unassigned'.
// kg diverted and CO2e follow the donor receipt's rules (documents' outcomeOf, co2eFactorFor, ASSUMED_WEIGHT_KG).
import { QueryTypes } from 'sequelize';
import { getSequelize, isSqlite } from '../../db/sequelize.js';
import { STAGE_STATUSES, type DeviceStatus } from '../devices/index.js';
import { ASSUMED_WEIGHT_KG, co2eFactorFor, outcomeOf } from '../documents/index.js';
import { isRegionCode, UNASSIGNED_REGION, type RegionFiguresDto } from '../../shared/index.js';

export type RegionFigures = RegionFiguresDto;

/** Intake to refurbish: the stages before ready, in lifecycle order. */
export const IN_WORKSHOP_STATUSES: readonly DeviceStatus[] = STAGE_STATUSES.slice(0, STAGE_STATUSES.indexOf('ready'));

export const emptyFigures = (): RegionFigures => ({
  received: 0,
  inWorkshop: 0,
  ready: 0,
  handedOver: 0,
  families: 0,
  students: 0,
  institutions: 0,
  drivesSanitized: 0,
  kgDiverted: 0,
  co2eKg: 0,
});

/** A stored region code as the reports group it: a code of the list, or 'unassigned'. */
const regionOf = (code: string | null): string => (isRegionCode(code) ? code : UNASSIGNED_REGION);

const select = <T extends object>(sql: string, replacements: Record<string, unknown> = {}) =>
  getSequelize().query<T>(sql, { replacements, type: QueryTypes.SELECT });

const DEVICE_REGION = 'FROM devices d LEFT JOIN sites s ON s.id = d.site_id';

/** The figures of every region that has any, keyed by region code ('unassigned' included when it has data). */
export async function regionFigures(): Promise<Map<string, RegionFigures>> {
  const [devices, served, drives, disposals] = await Promise.all([
    select<{ region: string | null; status: string; type: string; n: number | string }>(
      `SELECT s.region_code AS region, d.status AS status, d.type AS type, COUNT(*) AS n ${DEVICE_REGION}
        GROUP BY s.region_code, d.status, d.type`,
    ),
    select<{ region: string | null; kind: string; n: number | string }>(
      `SELECT b.region_code AS region, b.kind AS kind, COUNT(DISTINCT a.beneficiary_id) AS n
         FROM allocations a JOIN beneficiaries b ON b.id = a.beneficiary_id
        WHERE a.status = 'handed_over' GROUP BY b.region_code, b.kind`,
    ),
    // A drive counts once, whatever number of counted passed records it has (spec §10: an unconfirmed claim is none).
    select<{ region: string | null; n: number | string }>(
      `SELECT s.region_code AS region, COUNT(DISTINCT z.drive_id) AS n
         FROM sanitizations z JOIN devices d ON d.id = z.device_id LEFT JOIN sites s ON s.id = d.site_id
        WHERE z.result = 'passed' AND z.state = 'counted' GROUP BY s.region_code`,
    ),
    select<{ region: string | null; kg: number | string | null }>(
      `SELECT s.region_code AS region, SUM(p.weight_kg) AS kg
         FROM disposals p JOIN devices d ON d.id = p.device_id LEFT JOIN sites s ON s.id = d.site_id
        GROUP BY s.region_code`,
    ),
  ]);
  const byRegion = new Map<string, RegionFigures & { recordedKg: number; assumedKg: number; co2e: number }>();
  const of = (code: string | null) => {
    const key = regionOf(code);
    let f = byRegion.get(key);
    if (!f) byRegion.set(key, (f = { ...emptyFigures(), recordedKg: 0, assumedKg: 0, co2e: 0 }));
    return f;
  };
  for (const row of devices) {
    const f = of(row.region);
    const n = Number(row.n);
    const status = row.status as DeviceStatus;
    f.received += n;
    if (IN_WORKSHOP_STATUSES.includes(status)) f.inWorkshop += n;
    if (status === 'ready') f.ready += n;
    if (status === 'handed_over') f.handedOver += n;
    if (outcomeOf(status) === 'placed') {
      f.assumedKg += n * (ASSUMED_WEIGHT_KG[row.type] ?? ASSUMED_WEIGHT_KG.other);
      f.co2e += n * co2eFactorFor(row.type).kg;
    }
  }
  for (const row of served) {
    const f = of(row.region);
    const n = Number(row.n);
    if (row.kind === 'family') f.families += n;
    else if (row.kind === 'student') f.students += n;
    else if (row.kind === 'institution') f.institutions += n;
  }
  for (const row of drives) of(row.region).drivesSanitized += Number(row.n);
  for (const row of disposals) of(row.region).recordedKg += Number(row.kg ?? 0);
  const round = (n: number) => Math.round(n * 10) / 10;
  return new Map(
    [...byRegion].map(([code, { recordedKg, assumedKg, co2e, ...f }]) => [
      code,
      { ...f, kgDiverted: round(recordedKg + assumedKg), co2eKg: Math.round(co2e) },
    ]),
  );
}

export interface RegionMonth {
  month: string;
  intake: number;
  handovers: number;
}

/** The 12 calendar months (UTC) ending with the current one, as YYYY-MM. */
export function last12Months(now: Date): string[] {
  return Array.from({ length: 12 }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1)).toISOString().slice(0, 7),
  );
}

const monthExpr = (column: string) => (isSqlite() ? `strftime('%Y-%m', ${column})` : `DATE_FORMAT(${column}, '%Y-%m')`);

/**
 * Intake (devices taken in) and handovers per month over the last 12 months, per region of the device's site:
 * every region with data gets all 12 months, zeros included.
 */
export async function regionMonthly(
  now = new Date(),
): Promise<{ months: string[]; byRegion: Map<string, RegionMonth[]> }> {
  const months = last12Months(now);
  const since = new Date(`${months[0]}-01T00:00:00Z`);
  const [intake, handovers] = await Promise.all([
    select<{ region: string | null; month: string; n: number | string }>(
      `SELECT s.region_code AS region, ${monthExpr('d.created_at')} AS month, COUNT(*) AS n ${DEVICE_REGION}
        WHERE d.created_at >= :since GROUP BY s.region_code, month`,
      { since },
    ),
    select<{ region: string | null; month: string; n: number | string }>(
      `SELECT s.region_code AS region, ${monthExpr('a.handed_over_at')} AS month, COUNT(*) AS n
         FROM allocations a JOIN devices d ON d.id = a.device_id LEFT JOIN sites s ON s.id = d.site_id
        WHERE a.status = 'handed_over' AND a.handed_over_at >= :since GROUP BY s.region_code, month`,
      { since },
    ),
  ]);
  const byRegion = new Map<string, RegionMonth[]>();
  const seriesOf = (code: string | null) => {
    const key = regionOf(code);
    let series = byRegion.get(key);
    if (!series) byRegion.set(key, (series = months.map((month) => ({ month, intake: 0, handovers: 0 }))));
    return series;
  };
  for (const row of intake) {
    const m = seriesOf(row.region).find((x) => x.month === row.month);
    if (m) m.intake += Number(row.n);
  }
  for (const row of handovers) {
    const m = seriesOf(row.region).find((x) => x.month === row.month);
    if (m) m.handovers += Number(row.n);
  }
  return { months, byRegion };
}

/** For a region without data: 12 months of zeros. */
export const emptyMonths = (months: readonly string[]): RegionMonth[] =>
  months.map((month) => ({ month, intake: 0, handovers: 0 }));
