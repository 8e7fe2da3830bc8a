// GET /api/reports/programmes/:id/cumulative: families and students served by a programme, month by month and
// cumulated, for the dashboard's chart against the programme's targets. A beneficiary counts once, in the month
// of its first handover in the programme (the same set as the programme's progress: the read model's people served,
// figure_handovers).
import { servedByMonth } from '../figures/index.js';
import { findProgramme } from '../programmes/index.js';
import type { ProgrammeCumulativeDto } from '../../shared/index.js';

const MAX_MONTHS = 36;

/** Every month (YYYY-MM) from `first` to `last`, both included. */
function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) return out;
    out.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

export async function programmeCumulative(id: number, now = new Date()): Promise<ProgrammeCumulativeDto> {
  const programme = await findProgramme(id);
  const rows = await servedByMonth(programme.id);
  const thisMonth = now.toISOString().slice(0, 7);
  const starts = [programme.startsOn?.slice(0, 7), ...rows.map((r) => r.month)].filter((m): m is string => !!m);
  const first = starts.length ? starts.reduce((a, b) => (a < b ? a : b)) : thisMonth;
  const last = rows.reduce((a, r) => (r.month > a ? r.month : a), thisMonth);
  const months = monthsBetween(first < last ? first : last, last).slice(-MAX_MONTHS);
  let families = rows.filter((r) => r.kind === 'family' && r.month < months[0]).reduce((n, r) => n + r.n, 0);
  let students = rows.filter((r) => r.kind === 'student' && r.month < months[0]).reduce((n, r) => n + r.n, 0);
  const of = (kind: string, month: string) => rows.find((r) => r.kind === kind && r.month === month)?.n ?? 0;
  return {
    programmeId: programme.id,
    targetFamilies: programme.targetFamilies,
    targetStudents: programme.targetStudents,
    startsOn: programme.startsOn,
    endsOn: programme.endsOn,
    months: months.map((month) => {
      const f = of('family', month);
      const s = of('student', month);
      families += f;
      students += s;
      return { month, families: f, students: s, cumulativeFamilies: families, cumulativeStudents: students };
    }),
  };
}
