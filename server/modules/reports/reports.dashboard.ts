// GET /api/reports/dashboard: counts by status, monthly intake and handovers over 12 months, median days per
// stage (from the status events), yield, and programme progress. Every figure is one grouped query.
import { Op, QueryTypes } from 'sequelize';
import { getSequelize, isSqlite } from '../../db/sequelize.js';
import { countByStatus, DEVICE_STATUSES } from '../devices/index.js';
import { Programme, programmeProgress, type ProgrammeProgress } from '../programmes/index.js';

export interface Dashboard {
  devicesByStatus: Record<string, number>;
  totalDevices: number;
  monthly: { month: string; intake: number; handovers: number }[];
  medianDaysPerStage: Record<string, number | null>;
  yield: { placed: number; received: number; ratio: number };
  programmes: ProgrammeProgress[];
}

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

/** SQLite hands back dates as text, MySQL as Date objects. */
const toMs = (v: unknown): number => (v instanceof Date ? v.getTime() : new Date(String(v).replace(' ', 'T').replace(' +00:00', 'Z')).getTime());

async function medianDaysPerStage(since: Date): Promise<Record<string, number | null>> {
  // How long each status lasted: from the event that entered it to the next status event of the same device.
  const rows = await getSequelize().query<{ stage: string; started: unknown; ended: unknown }>(
    `SELECT stage, started, ended FROM (
       SELECT to_status AS stage, created_at AS started,
              LEAD(created_at) OVER (PARTITION BY device_id ORDER BY seq) AS ended
         FROM device_events WHERE to_status IS NOT NULL AND created_at >= :since) spans
      WHERE ended IS NOT NULL`,
    { replacements: { since }, type: QueryTypes.SELECT },
  );
  const byStage = new Map<string, number[]>();
  for (const r of rows) {
    const days = (toMs(r.ended) - toMs(r.started)) / DAY_MS;
    const list = byStage.get(r.stage) ?? [];
    list.push(days);
    byStage.set(r.stage, list);
  }
  const stages = ['intake', 'repair', 'wipe', 'refurbish', 'ready', 'allocated', 'disposal'];
  return Object.fromEntries(stages.map((s) => [s, median(byStage.get(s))]));
}

function median(values?: number[]): number | null {
  if (!values?.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(m * 100) / 100;
}

export async function dashboard(now = new Date()): Promise<Dashboard> {
  const months = last12Months(now);
  const since = new Date(`${months[0]}-01T00:00:00Z`);
  const [byStatus, intake, handovers, stages, programmes] = await Promise.all([
    countByStatus({ status: { [Op.in]: [...DEVICE_STATUSES] } }),
    monthlyCounts('devices', 'created_at', since),
    monthlyCounts('allocations', 'handed_over_at', since, "AND status = 'handed_over'"),
    medianDaysPerStage(new Date(now.getTime() - 365 * DAY_MS)),
    Programme.findAll({ order: [['id', 'ASC']] }),
  ]);
  const devicesByStatus = Object.fromEntries(DEVICE_STATUSES.map((s) => [s, byStatus[s] ?? 0]));
  const totalDevices = Object.values(devicesByStatus).reduce((a, b) => a + b, 0);
  const placed = devicesByStatus.handed_over;
  return {
    devicesByStatus, totalDevices,
    monthly: months.map((month) => ({ month, intake: intake.get(month) ?? 0, handovers: handovers.get(month) ?? 0 })),
    medianDaysPerStage: stages,
    yield: { placed, received: totalDevices, ratio: totalDevices ? Math.round((placed / totalDevices) * 1000) / 1000 : 0 },
    programmes: await Promise.all(programmes.map((p) => programmeProgress(p, now))),
  };
}
