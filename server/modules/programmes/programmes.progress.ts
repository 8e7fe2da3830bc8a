// Progress of a programme towards its target, and the forecast of when it will be reached (the rules are in
// programmes.forecast.ts and docs/forecast.md): one grouped query gives the counts and dates the forecast needs.
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../db/sequelize.js';
import { forecast, paceWindowStart } from './programmes.forecast.js';
import type { Programme } from './programmes.model.js';
import type { ProgrammeProgressDto } from '../../shared/index.js';

/** The wire shape (server/shared ProgrammeProgressDto). */
export type ProgrammeProgress = ProgrammeProgressDto;

const DAY_MS = 86_400_000;

export async function programmeProgress(p: Programme, now = new Date()): Promise<ProgrammeProgress> {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const rows = await getSequelize().query<{
    kind: string;
    served: number | string;
    recent: number | string;
    handovers: number | string;
    inWindow: number | string;
    first_at: Date | string | null;
  }>(
    `SELECT b.kind AS kind, COUNT(DISTINCT a.beneficiary_id) AS served,
            SUM(CASE WHEN a.handed_over_at >= :since THEN 1 ELSE 0 END) AS recent,
            COUNT(*) AS handovers,
            SUM(CASE WHEN a.handed_over_at >= :paceSince THEN 1 ELSE 0 END) AS inWindow,
            MIN(a.handed_over_at) AS first_at
       FROM allocations a JOIN beneficiaries b ON b.id = a.beneficiary_id
      WHERE a.programme_id = :id AND a.status = 'handed_over'
      GROUP BY b.kind`,
    { replacements: { id: p.id, since, paceSince: paceWindowStart(now) }, type: QueryTypes.SELECT },
  );
  const of = (kind: string) => rows.find((r) => r.kind === kind);
  const sum = (key: 'recent' | 'handovers' | 'inWindow') => rows.reduce((n, r) => n + Number(r[key] ?? 0), 0);
  const servedFamilies = Number(of('family')?.served ?? 0);
  const servedStudents = Number(of('student')?.served ?? 0);
  const recent = sum('recent');
  // SQLite gives the DATETIME as text ('2026-12-06 10:00:00.000 +00:00'), MariaDB as a Date.
  const firsts = rows.flatMap((r) => (r.first_at === null ? [] : [new Date(r.first_at).getTime()]));
  const target = p.targetFamilies + p.targetStudents;
  const served = servedFamilies + servedStudents;
  const outlook = forecast({
    served,
    target,
    handovers: sum('handovers'),
    firstHandoverAt: firsts.length ? new Date(Math.min(...firsts)) : null,
    handoversInPaceWindow: sum('inWindow'),
    endsOn: p.endsOn,
    now,
  });
  return {
    programmeId: p.id,
    name: p.name,
    targetFamilies: p.targetFamilies,
    targetStudents: p.targetStudents,
    servedFamilies,
    servedStudents,
    percent: target ? Math.round((served / target) * 10_000) / 100 : 0,
    last30DaysRate: recent,
    forecastCompletionDate: outlook.date,
    forecast: outlook,
  };
}
