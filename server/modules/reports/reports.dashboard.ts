// GET /api/reports/dashboard: counts by status, monthly intake and handovers over 12 months, median days per
// stage (from the status events), yield, and programme progress. Every figure is one grouped query, and the
// whole result is shared between viewers within a stated bound (cachedDashboard).
import { Op, QueryTypes } from 'sequelize';
import { config } from '../../config.js';
import { getSequelize, isSqlite, writeGeneration } from '../../db/sequelize.js';
import { sharedResults } from '../../lib/shared-results.js';
import { countByStatus, DEVICE_STATUSES, STAGE_STATUSES } from '../devices/index.js';
import { allProgrammes, programmeProgress } from '../programmes/index.js';
import type { DashboardDto } from '../../shared/index.js';

/** The wire shape (server/shared DashboardDto). */
export type Dashboard = DashboardDto;

const DAY_MS = 86_400_000;

function last12Months(now: Date): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

const monthExpr = (column: string) => (isSqlite() ? `strftime('%Y-%m', ${column})` : `DATE_FORMAT(${column}, '%Y-%m')`);

async function monthlyCounts(table: string, column: string, since: Date, extra = ''): Promise<Map<string, number>> {
  const rows = await getSequelize().query<{ month: string; n: number | string }>(
    `SELECT ${monthExpr(column)} AS month, COUNT(*) AS n FROM ${table} WHERE ${column} >= :since ${extra} GROUP BY month`,
    { replacements: { since }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((r) => [r.month, Number(r.n)]));
}

/** Days between two DATETIME columns, as a number, on either dialect. */
const daysBetween = (from: string, to: string) =>
  isSqlite()
    ? `(julianday(${to}) - julianday(${from}))`
    : `(TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) / 86400000000.0)`;

/**
 * How long each status lasted: from the event that entered it to the next status event of the same device.
 * The median is taken in the database (the middle one or two rows by ROW_NUMBER), so only one row per stage
 * comes back instead of every span of the year (200,000 rows at 100,000 devices).
 */
async function medianDaysPerStage(since: Date): Promise<Record<string, number | null>> {
  const rows = await getSequelize().query<{ stage: string; median: number | string | null }>(
    `SELECT stage, AVG(days) AS median FROM (
       SELECT stage, days, ROW_NUMBER() OVER (PARTITION BY stage ORDER BY days) AS rn, COUNT(*) OVER (PARTITION BY stage) AS cnt
         FROM (SELECT stage, ${daysBetween('started', 'ended')} AS days FROM (
                 SELECT to_status AS stage, created_at AS started,
                        LEAD(created_at) OVER (PARTITION BY device_id ORDER BY seq) AS ended
                   FROM device_events WHERE to_status IS NOT NULL AND created_at >= :since) spans
                WHERE ended IS NOT NULL) durations) ranked
      WHERE rn * 2 IN (cnt, cnt + 1, cnt + 2)
      GROUP BY stage`,
    { replacements: { since }, type: QueryTypes.SELECT },
  );
  const byStage = new Map(
    rows.map((r) => [r.stage, r.median === null ? null : Math.round(Number(r.median) * 100) / 100]),
  );
  return Object.fromEntries(STAGE_STATUSES.map((s) => [s, byStage.get(s) ?? null]));
}

// The dashboard reads every device and a year of events. Viewers share one computation: it is recomputed after any
// write committed by this instance, and is never older than DASHBOARD_CACHE_MS (writes through other instances).
const shared = sharedResults<Dashboard>({
  maxAgeMs: config.cache.dashboardMs,
  maxKeys: 1,
  generation: writeGeneration,
});

export function cachedDashboard(): Promise<Dashboard> {
  return shared('dashboard', () => dashboard());
}

export async function dashboard(now = new Date()): Promise<Dashboard> {
  const months = last12Months(now);
  const since = new Date(`${months[0]}-01T00:00:00Z`);
  const [byStatus, intake, handovers, stages, programmes] = await Promise.all([
    countByStatus({ status: { [Op.in]: [...DEVICE_STATUSES] } }),
    monthlyCounts('devices', 'created_at', since),
    monthlyCounts('allocations', 'handed_over_at', since, "AND status = 'handed_over'"),
    medianDaysPerStage(new Date(now.getTime() - 365 * DAY_MS)),
    allProgrammes(),
  ]);
  const devicesByStatus = Object.fromEntries(DEVICE_STATUSES.map((s) => [s, byStatus[s] ?? 0]));
  const totalDevices = Object.values(devicesByStatus).reduce((a, b) => a + b, 0);
  const placed = devicesByStatus.handed_over;
  return {
    devicesByStatus,
    totalDevices,
    monthly: months.map((month) => ({ month, intake: intake.get(month) ?? 0, handovers: handovers.get(month) ?? 0 })),
    medianDaysPerStage: stages,
    yield: {
      placed,
      received: totalDevices,
      ratio: totalDevices ? Math.round((placed / totalDevices) * 1000) / 1000 : 0,
    },
    programmes: await Promise.all(programmes.map((p) => programmeProgress(p, now))),
  };
}
