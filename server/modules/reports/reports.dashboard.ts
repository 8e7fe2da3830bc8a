// GET /api/reports/dashboard?programmeId=&regionCode=&siteId=&from=&to=: counts by status, monthly intake and
// handovers, median days per stage, yield, people served, drives sanitized, kg diverted, CO2e and programme
// progress. Every figure is read from the read model (server/modules/figures/, kept by the writers' own
// transactions), so it is exact right after any write, on every instance; nothing is cached in the process.
// Filters: siteId and regionCode (a device's region is its site's; a handover's, the beneficiary's at handover)
// bound every figure; programmeId bounds handovers, people served and the programmes listed; from/to bound the
// months (devices by intake month, handovers by month handed over: default the last 12) and the stage spans (by the
// time they ended: default the last 90 days, STAGE_WINDOW_DAYS).
import Joi from 'joi';
import {
  deviceSummary,
  handoverCounts,
  impactOf,
  medianDaysPerStage,
  siteTotals,
  type FigureFilters,
} from '../figures/index.js';
import { DEVICE_STATUSES, STAGE_STATUSES } from '../devices/index.js';
import { allProgrammes, programmeProgress } from '../programmes/index.js';
import { REGIONS } from '../../shared/index.js';
import type { DashboardDto } from '../../shared/index.js';
import { partnersReport } from './reports.partners.js';

/** The wire shape (server/shared DashboardDto). */
export type Dashboard = DashboardDto;

export interface DashboardQuery {
  programmeId?: number;
  regionCode?: string;
  siteId?: number;
  from?: Date;
  to?: Date;
}

export const dashboardQuery = Joi.object<DashboardQuery>({
  programmeId: Joi.number().integer().min(1),
  regionCode: Joi.string().valid(...REGIONS.map((r) => r.code)),
  siteId: Joi.number().integer().min(1),
  from: Joi.date().iso(),
  to: Joi.date().iso().min(Joi.ref('from')),
});

const DAY_MS = 86_400_000;
/** Stage medians cover the stages that ended in this many days before `to` (default: now). */
export const STAGE_WINDOW_DAYS = 90;
const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/** The months from `first` to `last` ('YYYY-MM', inclusive), at most 120. */
function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  while (out.length < 120) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * The dashboard's query as read-model filters: `filters` bound the months only when from/to are given (devices by
 * status, partners, the regions' breakdown); `window` is the months the monthly chart and handovers cover (default:
 * the last 12).
 */
export function dashboardFilters(
  query: DashboardQuery,
  now = new Date(),
): { filters: FigureFilters; window: { fromMonth: string; toMonth: string } } {
  const lastMonth = monthOf(query.to ?? now);
  const firstMonth = query.from
    ? monthOf(query.from)
    : monthOf(new Date(Date.UTC(Number(lastMonth.slice(0, 4)), Number(lastMonth.slice(5, 7)) - 12, 1)));
  const bounded = query.from !== undefined || query.to !== undefined;
  const filters: FigureFilters = {
    programmeId: query.programmeId,
    regionCode: query.regionCode,
    siteId: query.siteId,
    ...(bounded ? { fromMonth: firstMonth, toMonth: lastMonth } : {}),
  };
  return { filters, window: { fromMonth: firstMonth, toMonth: lastMonth } };
}

export async function dashboard(query: DashboardQuery = {}, now = new Date()): Promise<Dashboard> {
  const { filters, window } = dashboardFilters(query, now);
  const { fromMonth: firstMonth, toMonth: lastMonth } = window;
  const months = monthsBetween(firstMonth, lastMonth);
  const spansTo = query.to ?? now;
  // How long stages take lately: the spans that ended in the last 90 days (or in the period asked for).
  const spansFrom = query.from ?? new Date(spansTo.getTime() - STAGE_WINDOW_DAYS * DAY_MS);
  const [devices, handovers, stages, sites, programmes, partners] = await Promise.all([
    deviceSummary(filters, { fromMonth: firstMonth, toMonth: lastMonth }),
    handoverCounts({ ...filters, fromMonth: firstMonth, toMonth: lastMonth }),
    medianDaysPerStage({ ...filters, from: spansFrom, to: spansTo, stages: STAGE_STATUSES }),
    siteTotals(filters),
    allProgrammes(),
    // Partners and regions as the regions' page counts them: all time, unless from/to bound the months.
    partnersReport(filters),
  ]);
  const devicesByStatus: Record<string, number> = Object.fromEntries(DEVICE_STATUSES.map((s) => [s, 0]));
  const intake = devices.intakeByMonth;
  const placedByType = new Map<string, number>();
  for (const d of devices.byStatusAndType) {
    devicesByStatus[d.status] = (devicesByStatus[d.status] ?? 0) + d.n;
    if (d.status === 'handed_over') placedByType.set(d.type, (placedByType.get(d.type) ?? 0) + d.n);
  }
  const handoversByMonth = new Map<string, number>();
  const served: Record<string, number> = { family: 0, student: 0, institution: 0 };
  const handoversByKind: Record<string, number> = { family: 0, student: 0, institution: 0 };
  for (const h of handovers) {
    handoversByMonth.set(h.month, (handoversByMonth.get(h.month) ?? 0) + h.handovers);
    served[h.kind] = (served[h.kind] ?? 0) + h.served;
    handoversByKind[h.kind] = (handoversByKind[h.kind] ?? 0) + h.handovers;
  }
  const totalDevices = Object.values(devicesByStatus).reduce((a, b) => a + b, 0);
  const placed = devicesByStatus.handed_over;
  const impact = impactOf(
    [...placedByType].map(([type, n]) => ({ type, n })),
    sites.recycledKg,
  );
  const shown = programmes.filter((p) => query.programmeId === undefined || p.id === query.programmeId);
  return {
    devicesByStatus,
    totalDevices,
    monthly: months.map((month) => ({
      month,
      intake: intake.get(month) ?? 0,
      handovers: handoversByMonth.get(month) ?? 0,
    })),
    medianDaysPerStage: Object.fromEntries(STAGE_STATUSES.map((s) => [s, stages.get(s) ?? null])),
    yield: {
      placed,
      received: totalDevices,
      ratio: totalDevices ? Math.round((placed / totalDevices) * 1000) / 1000 : 0,
    },
    programmes: await Promise.all(shown.map((p) => programmeProgress(p, now))),
    handovers: Object.values(handoversByKind).reduce((a, b) => a + b, 0),
    handoversByKind,
    served,
    devicesToInstitutions: handoversByKind.institution ?? 0,
    partners,
    drivesSanitized: sites.drivesSanitized,
    kgDiverted: impact.kgDiverted,
    co2eKg: impact.co2eKg,
  };
}
