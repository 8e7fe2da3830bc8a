// The waiting list's order over every eligible beneficiary: the six columns the score needs, read as raw rows, scored
// in memory and sorted. Used for the waitlist page (beneficiaries.waitlist.ts), inside the transaction that puts a
// family on the list for the place its message tells them (beneficiaries.messages.ts), and for a programme's own
// list (modules/selection) with the programme's weights, its eligibility as a filter and its committee's points.
import type { Transaction } from 'sequelize';
import { config } from '../../config.js';
import { currentCountry } from '../../lib/country.js';
import { ELIGIBLE_STATUSES, type BeneficiaryKind, type Need } from './beneficiaries.lifecycle.js';
import { Beneficiary } from './beneficiaries.model.js';
import { byPriority, priorityScore, priorityWeightsFor, type PriorityWeights } from './beneficiaries.priority.js';
import { PERSON_KINDS, PRIORITY_FACTORS, type PriorityBreakdown } from '../../shared/index.js';

export const priorityWeights = (): PriorityWeights => priorityWeightsFor(currentCountry(), config.priorityWeights);

export type ScoreColumns = Pick<Beneficiary, 'householdSize' | 'monthlyIncome' | 'schoolChildren' | 'partnerId'>;
export const scoreInputOf = (b: ScoreColumns) => ({
  householdSize: Number(b.householdSize),
  monthlyIncome: Number(b.monthlyIncome),
  schoolChildren: Number(b.schoolChildren),
  partnerId: b.partnerId ?? null,
});

/** A raw row's date: a Date from MySQL, text such as `2026-11-25 10:00:00.000 +00:00` from SQLite. */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value.replace(' ', 'T').replace(' ', ''));
}

/** A raw DATEONLY: text (YYYY-MM-DD) from both drivers as Sequelize sets them up; a Date is read as that day. */
function toDay(value: Date | string | null): string | null {
  if (value == null) return null;
  if (!(value instanceof Date)) return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** What a ranking's filter sees of one candidate: the score's columns and those a programme's rules read. */
export interface CandidateRow {
  id: number;
  kind: BeneficiaryKind;
  householdSize: number | null;
  monthlyIncome: number | null;
  schoolChildren: number;
  partnerId: number | null;
  /** YYYY-MM-DD or null. */
  birthDate: string | null;
  regionCode: string | null;
  appliedAt: Date;
}

/** How a ranking differs from the charity's waiting list (GET /api/waitlist), which passes none of these. */
export interface RankingOptions {
  /**
   * The kinds ranked; default families and students. Institutions have no family score: when listed they rank after
   * every person, by their `bonus` points, then the older request, then the lower id.
   */
  kinds?: readonly BeneficiaryKind[];
  /** Default: priorityWeights() (the country's defaults with PRIORITY_WEIGHTS on top). */
  weights?: PriorityWeights;
  /** Keeps only the candidates for which it returns true (a programme's eligibility). Called once per candidate. */
  filter?: (row: CandidateRow) => boolean;
  /** Points added to a candidate's score (a programme's committee points); 0 when absent. */
  bonus?: (id: number) => number;
}

export interface RankedId {
  id: number;
  appliedAt: Date;
  score: number;
  breakdown: PriorityBreakdown;
  /** The `bonus` points included in `score` (0 without one). */
  bonus: number;
  institution: boolean;
}

const NO_POINTS = Object.fromEntries(PRIORITY_FACTORS.map((f) => [f, 0])) as PriorityBreakdown;
const round2 = (x: number): number => Math.round(x * 100) / 100;
const SCORE_COLUMNS = ['id', 'householdSize', 'monthlyIncome', 'schoolChildren', 'partnerId', 'createdAt'];
/** Read only when a ranking filters or ranks more than people. */
const RULE_COLUMNS = ['kind', 'birthDate', 'regionCode'];

type RawRow = ScoreColumns & {
  id: number;
  createdAt: Date | string;
  kind?: BeneficiaryKind;
  birthDate?: Date | string | null;
  regionCode?: string | null;
};

/**
 * Every eligible beneficiary (of `needs`, when given), best first; read in `transaction` when one is passed. One
 * query, whatever the options: the set is read as raw rows, filtered, scored and sorted in memory.
 */
export async function rankEligible(
  needs: Need[] | undefined,
  now: Date,
  transaction?: Transaction,
  options: RankingOptions = {},
): Promise<RankedId[]> {
  const kinds = options.kinds ?? PERSON_KINDS;
  const wide = Boolean(options.filter) || kinds.includes('institution');
  const rows = (await Beneficiary.findAll({
    // People only by default: institutions have no family score and wait in their own list
    // (beneficiaries.institutions.ts).
    where: { status: [...ELIGIBLE_STATUSES], kind: [...kinds], ...(needs ? { need: needs } : {}) },
    attributes: wide ? [...SCORE_COLUMNS, ...RULE_COLUMNS] : SCORE_COLUMNS,
    raw: true,
    transaction,
  })) as unknown as RawRow[];
  const weights = options.weights ?? priorityWeights();
  const ranked: RankedId[] = [];
  for (const b of rows) {
    const appliedAt = toDate(b.createdAt);
    const institution = b.kind === 'institution';
    if (
      options.filter &&
      !options.filter({
        id: b.id,
        kind: b.kind ?? 'family',
        householdSize: b.householdSize == null ? null : Number(b.householdSize),
        monthlyIncome: b.monthlyIncome == null ? null : Number(b.monthlyIncome),
        schoolChildren: Number(b.schoolChildren),
        partnerId: b.partnerId ?? null,
        birthDate: toDay(b.birthDate ?? null),
        regionCode: b.regionCode ?? null,
        appliedAt,
      })
    )
      continue;
    const bonus = round2(options.bonus?.(b.id) ?? 0);
    const family = institution
      ? { score: 0, breakdown: NO_POINTS }
      : priorityScore({ ...scoreInputOf(b), appliedAt }, weights, now);
    ranked.push({ id: b.id, appliedAt, ...family, score: round2(family.score + bonus), bonus, institution });
  }
  // People first (by score), then institutions (by their bonus points); ties by the older application, then id.
  return ranked.sort((a, b) => Number(a.institution) - Number(b.institution) || byPriority(a, b));
}
