// The figures by region, read from the read model (server/modules/figures: counters kept by the writers' own
// transactions, so exact right after any write, on every instance). This file is the one place the regional
// reports read their data.
//
// Which region a figure belongs to (the read model's rules, docs/architecture.md "Figures"):
// - devices (received, in workshop, ready), their drives, kg and CO2e: the region of the device's site now;
// - handovers and people served (handed over, families, students, institutions): the beneficiary's region at
//   handover, or the site's when the beneficiary had none;
// - what has no region (no site, a site without region_code, or a code not in the list) counts as 'unassigned'.
import { deviceCounts, handoverCounts, regionFigures as readRegionFigures } from '../figures/index.js';
import { isRegionCode, UNASSIGNED_REGION, type RegionFiguresDto } from '../../shared/index.js';

export type RegionFigures = RegionFiguresDto;

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

const FIGURE_KEYS = Object.keys(emptyFigures()) as (keyof RegionFigures)[];

/** The figures of every region that has any, keyed by region code ('unassigned' included when it has data). */
export async function regionFigures(): Promise<Map<string, RegionFigures>> {
  const byRegion = new Map<string, RegionFigures>();
  for (const { regionCode, ...figures } of await readRegionFigures()) {
    const key = isRegionCode(regionCode) ? regionCode : UNASSIGNED_REGION;
    const sum = byRegion.get(key) ?? emptyFigures();
    for (const k of FIGURE_KEYS) sum[k] += figures[k];
    byRegion.set(key, sum);
  }
  for (const f of byRegion.values()) {
    f.kgDiverted = Math.round(f.kgDiverted * 10) / 10;
    f.co2eKg = Math.round(f.co2eKg);
  }
  return byRegion;
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

/**
 * A region's intake (devices taken in at its sites, by intake month) and handovers (by the region they count in)
 * over the 12 months ending with the current one, zeros included.
 */
export async function regionMonthly(regionCode: string, now = new Date()): Promise<RegionMonth[]> {
  const months = last12Months(now);
  const bounds = { regionCode, fromMonth: months[0], toMonth: months[months.length - 1] };
  const [devices, handovers] = await Promise.all([deviceCounts(bounds), handoverCounts(bounds)]);
  return months.map((month) => ({
    month,
    intake: devices.filter((d) => d.month === month).reduce((n, d) => n + d.n, 0),
    handovers: handovers.filter((h) => h.month === month).reduce((n, h) => n + h.handovers, 0),
  }));
}
