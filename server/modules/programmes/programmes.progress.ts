// Progress of a programme towards its target, and the forecast of when it will be reached (the rules are in
// programmes.forecast.ts and docs/forecast.md). The counts and dates come from the read model (figures), so they
// are exact right after a handover and cost a few index reads however many handovers there are.
import { programmeFigures } from '../figures/index.js';
import { forecast, paceWindowStart } from './programmes.forecast.js';
import type { Programme } from './programmes.model.js';
import type { ProgrammeProgressDto } from '../../shared/index.js';

/** The wire shape (server/shared ProgrammeProgressDto). */
export type ProgrammeProgress = ProgrammeProgressDto;

const DAY_MS = 86_400_000;

export async function programmeProgress(p: Programme, now = new Date()): Promise<ProgrammeProgress> {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const figures = await programmeFigures(p.id, [since, paceWindowStart(now)]);
  const { servedFamilies, servedStudents } = figures;
  const [recent, inPaceWindow] = figures.handoversSince;
  const target = p.targetFamilies + p.targetStudents;
  const served = servedFamilies + servedStudents;
  const outlook = forecast({
    served,
    target,
    handovers: figures.handovers,
    firstHandoverAt: figures.firstHandoverAt,
    handoversInPaceWindow: inPaceWindow,
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
