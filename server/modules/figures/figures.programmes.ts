// A programme's figures for its progress and forecast, from the read model: people served by kind and handovers from
// figure_handovers, the first handover and the handovers since two instants from figure_handover_facts (indexed on
// programme and time). Before the read model these came from allocations joined to beneficiaries: ~50 ms at 17,000
// handovers, on every dashboard view.
import { sqlTime } from '../../lib/sql.js';
import { select } from './figures.tables.js';

export interface ProgrammeFigures {
  servedFamilies: number;
  servedStudents: number;
  servedInstitutions: number;
  handovers: number;
  firstHandoverAt: Date | null;
  /** Handovers at or after each instant of `since`, in the same order. */
  handoversSince: number[];
}

const num = (v: unknown): number => Number(v ?? 0);

export async function programmeFigures(programmeId: number, since: readonly Date[]): Promise<ProgrammeFigures> {
  const windows = since.map((_, i) => `SUM(CASE WHEN handed_over_at >= :since${i} THEN 1 ELSE 0 END) AS w${i}`);
  const [byKind, [facts]] = await Promise.all([
    select<{ kind: string; served: unknown; handovers: unknown }>(
      `SELECT beneficiary_kind AS kind, SUM(served) AS served, SUM(handovers) AS handovers
         FROM figure_handovers WHERE programme_id = :programmeId GROUP BY beneficiary_kind`,
      { programmeId },
    ),
    select<Record<string, unknown>>(
      // The windows' rows only (the index range), and the first handover from the same index's first entry.
      `SELECT (SELECT MIN(handed_over_at) FROM figure_handover_facts WHERE programme_id = :programmeId) AS first_at
              ${windows.length ? `, ${windows.join(', ')}` : ''}
         FROM figure_handover_facts
        WHERE programme_id = :programmeId AND handed_over_at >= :earliest`,
      {
        programmeId,
        earliest: sqlTime(new Date(Math.min(...since.map((d) => d.getTime()), Date.now()))),
        ...Object.fromEntries(since.map((d, i) => [`since${i}`, sqlTime(d)])),
      },
    ),
  ]);
  const served = (kind: string) => num(byKind.find((r) => r.kind === kind)?.served);
  const firstAt = facts?.first_at as Date | string | null | undefined;
  return {
    servedFamilies: served('family'),
    servedStudents: served('student'),
    servedInstitutions: served('institution'),
    handovers: byKind.reduce((n, r) => n + num(r.handovers), 0),
    // SQLite gives the DATETIME as text, MariaDB as a Date.
    firstHandoverAt: firstAt ? new Date(firstAt) : null,
    handoversSince: since.map((_, i) => num(facts?.[`w${i}`])),
  };
}

/**
 * People a programme served, by kind and month (YYYY-MM) of their first handover in it: the programme chart. From
 * figure_handovers, whose rows are bounded by months × kinds × partners × regions × sites, not by the handovers;
 * read from allocations joined to beneficiaries it grew with every handover (~0.5 s at 1,000,000 devices).
 */
export async function servedByMonth(programmeId: number): Promise<{ kind: string; month: string; n: number }[]> {
  const rows = await select<{ kind: string; month: string; n: unknown }>(
    `SELECT beneficiary_kind AS kind, month, SUM(served) AS n FROM figure_handovers
      WHERE programme_id = :programmeId GROUP BY beneficiary_kind, month`,
    { programmeId },
  );
  return rows.map((r) => ({ kind: r.kind, month: r.month, n: num(r.n) })).filter((r) => r.n > 0);
}
