// The waiting list's order over every eligible beneficiary: the six columns the score needs, read as raw rows, scored
// in memory and sorted. Used for the waitlist page (beneficiaries.waitlist.ts) and, inside the transaction that
// puts a family on the list, for the place its message tells them (beneficiaries.messages.ts).
import type { Transaction } from 'sequelize';
import { config } from '../../config.js';
import { ELIGIBLE_STATUSES, type Need } from './beneficiaries.lifecycle.js';
import { Beneficiary } from './beneficiaries.model.js';
import { byPriority, priorityScore, priorityWeightsFor, type PriorityWeights } from './beneficiaries.priority.js';
import { PERSON_KINDS, type PriorityBreakdown } from '../../shared/index.js';

export const priorityWeights = (): PriorityWeights => priorityWeightsFor(config.country, config.priorityWeights);

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

export interface RankedId {
  id: number;
  appliedAt: Date;
  score: number;
  breakdown: PriorityBreakdown;
}

/** Every eligible beneficiary (of `needs`, when given), best first; read in `transaction` when one is passed. */
export async function rankEligible(
  needs: Need[] | undefined,
  now: Date,
  transaction?: Transaction,
): Promise<RankedId[]> {
  const eligible = (await Beneficiary.findAll({
    // People only: institutions have no family score and wait in their own list (beneficiaries.institutions.ts).
    where: { status: [...ELIGIBLE_STATUSES], kind: [...PERSON_KINDS], ...(needs ? { need: needs } : {}) },
    attributes: ['id', 'householdSize', 'monthlyIncome', 'schoolChildren', 'partnerId', 'createdAt'],
    raw: true,
    transaction,
  })) as unknown as (ScoreColumns & { id: number; createdAt: Date | string })[];
  const weights = priorityWeights();
  return eligible
    .map((b) => {
      const appliedAt = toDate(b.createdAt);
      return { id: b.id, appliedAt, ...priorityScore({ ...scoreInputOf(b), appliedAt }, weights, now) };
    })
    .sort(byPriority);
}
