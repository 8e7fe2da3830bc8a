// The figures by region, read from the read model (server/modules/figures: counters kept by the writers' own
// transactions, so exact right after any write, on every instance). This file is the one place the regional
// reports read their data.
//
// Which region a figure belongs to (the read model's rules, docs/architecture.md "Figures"):
// - devices (received, in workshop, ready), their drives, kg and CO2e: the region of the device's site now;
// - handovers and people served (handed over, families, students, institutions): the beneficiary's region at
//   handover, or the site's when the beneficiary had none;
// - what has no region (no site, a site without region_code, or a code not in the list) counts as 'unassigned'.
import {
  deviceCounts,
  handoverCounts,
  monthsEndingAt,
  regionFigures as readRegionFigures,
  type FigureFilters,
} from '../figures/index.js';
import {
  addRegionFigures,
  emptyRegionFigures,
  isRegionCode,
  roundRegionFigures,
  UNASSIGNED_REGION,
  type RegionFiguresDto,
} from '../../shared/index.js';

export type RegionFigures = RegionFiguresDto;

/** The figures of every region that has any, keyed by region code ('unassigned' included when it has data). */
export async function regionFigures(filters: FigureFilters = {}): Promise<Map<string, RegionFigures>> {
  const byRegion = new Map<string, RegionFigures>();
  for (const { regionCode, ...figures } of await readRegionFigures(filters)) {
    const key = isRegionCode(regionCode) ? regionCode : UNASSIGNED_REGION;
    byRegion.set(key, addRegionFigures(byRegion.get(key) ?? emptyRegionFigures(), figures));
  }
  for (const f of byRegion.values()) roundRegionFigures(f);
  return byRegion;
}

export interface RegionMonth {
  month: string;
  intake: number;
  handovers: number;
}

/**
 * A region's intake (devices taken in at its sites, by intake month) and handovers (by the region they count in)
 * over the 12 months ending with the current one, zeros included.
 */
export async function regionMonthly(regionCode: string, now = new Date()): Promise<RegionMonth[]> {
  const months = monthsEndingAt(now);
  const bounds = { regionCode, fromMonth: months[0], toMonth: months[months.length - 1] };
  const [devices, handovers] = await Promise.all([deviceCounts(bounds), handoverCounts(bounds)]);
  return months.map((month) => ({
    month,
    intake: devices.filter((d) => d.month === month).reduce((n, d) => n + d.n, 0),
    handovers: handovers.filter((h) => h.month === month).reduce((n, h) => n + h.handovers, 0),
  }));
}
