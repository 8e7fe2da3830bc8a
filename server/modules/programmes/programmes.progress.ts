// Progress of a programme towards its target, and when it will be reached at the recent pace.
// forecast = today + remaining / (handovers in the last 30 days / 30) days; none while the pace is zero.
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../db/sequelize.js';
import type { Programme } from './programmes.model.js';
import type { ProgrammeProgressDto } from '../../shared/index.js';

/** The wire shape (server/shared ProgrammeProgressDto). */
export type ProgrammeProgress = ProgrammeProgressDto;

const DAY_MS = 86_400_000;

export async function programmeProgress(p: Programme, now = new Date()): Promise<ProgrammeProgress> {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const rows = await getSequelize().query<{ kind: string; served: number | string; recent: number | string }>(
    `SELECT b.kind AS kind, COUNT(DISTINCT a.beneficiary_id) AS served,
            SUM(CASE WHEN a.handed_over_at >= :since THEN 1 ELSE 0 END) AS recent
       FROM allocations a JOIN beneficiaries b ON b.id = a.beneficiary_id
      WHERE a.programme_id = :id AND a.status = 'handed_over'
      GROUP BY b.kind`,
    { replacements: { id: p.id, since }, type: QueryTypes.SELECT },
  );
  const of = (kind: string) => rows.find((r) => r.kind === kind);
  const servedFamilies = Number(of('family')?.served ?? 0);
  const servedStudents = Number(of('student')?.served ?? 0);
  const recent = rows.reduce((n, r) => n + Number(r.recent ?? 0), 0);
  const target = p.targetFamilies + p.targetStudents;
  const served = servedFamilies + servedStudents;
  const remaining = Math.max(0, target - served);
  let forecast: string | null = null;
  if (remaining === 0 && target > 0) forecast = now.toISOString().slice(0, 10);
  else if (recent > 0)
    forecast = new Date(now.getTime() + Math.ceil(remaining / (recent / 30)) * DAY_MS).toISOString().slice(0, 10);
  return {
    programmeId: p.id,
    name: p.name,
    targetFamilies: p.targetFamilies,
    targetStudents: p.targetStudents,
    servedFamilies,
    servedStudents,
    percent: target ? Math.round((served / target) * 10_000) / 100 : 0,
    last30DaysRate: recent,
    forecastCompletionDate: forecast,
  };
}
