// The dashboard's tables as CSV (spec §11: "every table also as .csv"): the monthly intake and handovers, devices
// by status and the median days per stage, with the dashboard's own filters, and a programme's cumulative series.
// Small tables: built whole, then written through lib/csv (formula cells neutralised), UTF-8 with a BOM for Excel.
import type { Response } from 'express';
import Joi from 'joi';
import { csvStringifier } from '../../lib/csv.js';
import { dashboard, type DashboardQuery } from './reports.dashboard.js';
import { programmeCumulative } from './reports.programme-cumulative.js';

export const DASHBOARD_TABLES = ['monthly', 'status', 'stages'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

export const dashboardTableParams = Joi.object<{ table: DashboardTable }>({
  table: Joi.string()
    .valid(...DASHBOARD_TABLES)
    .required(),
});

type Cell = string | number | null;

async function sendCsv(res: Response, fileName: string, columns: readonly string[], rows: Cell[][]): Promise<void> {
  res.type('text/csv; charset=utf-8');
  res.attachment(fileName);
  const csv = csvStringifier({ header: true, columns: [...columns], bom: true });
  csv.pipe(res);
  for (const row of rows) csv.write(row);
  csv.end();
  await new Promise((resolve) => res.once('finish', resolve));
}

const today = () => new Date().toISOString().slice(0, 10);

export async function sendDashboardTableCsv(
  res: Response,
  table: DashboardTable,
  query: DashboardQuery,
): Promise<void> {
  const d = await dashboard(query);
  const name = `nimah-dashboard-${table}-${today()}.csv`;
  if (table === 'monthly')
    return sendCsv(
      res,
      name,
      ['month', 'intake', 'handovers'],
      d.monthly.map((m) => [m.month, m.intake, m.handovers]),
    );
  if (table === 'status')
    return sendCsv(
      res,
      name,
      ['status', 'devices'],
      Object.entries(d.devicesByStatus).map(([status, n]) => [status, n]),
    );
  return sendCsv(
    res,
    name,
    ['stage', 'medianDays'],
    Object.entries(d.medianDaysPerStage).map(([stage, days]) => [stage, days]),
  );
}

export async function sendCumulativeCsv(res: Response, programmeId: number): Promise<void> {
  const c = await programmeCumulative(programmeId);
  return sendCsv(
    res,
    `nimah-programme-${programmeId}-cumulative-${today()}.csv`,
    ['month', 'families', 'students', 'cumulativeFamilies', 'cumulativeStudents', 'targetFamilies', 'targetStudents'],
    c.months.map((m) => [
      m.month,
      m.families,
      m.students,
      m.cumulativeFamilies,
      m.cumulativeStudents,
      c.targetFamilies,
      c.targetStudents,
    ]),
  );
}
