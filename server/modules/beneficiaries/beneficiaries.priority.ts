// The waitlist priority score. Pure: no config, no database, `now` passed in. docs/priority-score.md explains it.
//
// Each factor gives points between 0 and its weight, so the weights read as "at most this many points":
//   incomePerMember  = W_income  × max(0, 1 − (monthlyIncome / householdSize) / incomeCeilingPerMember)
//   householdSize    = W_house   × (min(householdSize, 8) − 1) / 7            (1 person → 0, 8 or more → full)
//   schoolChildren   = W_school  × min(schoolChildren, 4) / 4                  (4 or more → full)
//   daysWaiting      = W_wait    × min(days since application, 180) / 180     (whole days; 6 months → full)
//   partnerReferral  = W_partner when a partner organisation referred the applicant, else 0
//   score            = sum of the five, each rounded to 2 decimals
// Defaults (max 100): income 40, household 15, school children 20, waiting 15, partner 10. Income weighs most
// because the programme is for low-income families; waiting time grows so nobody waits forever behind newer,
// slightly poorer applicants. The income ceiling is in local currency per household member per month:
// SAR 2,000 in Saudi Arabia, MAD 1,500 in Morocco (at or above it, income gives no points).
import type { Country } from './beneficiaries.national-id.js';
import {
  PRIORITY_FACTORS,
  type PriorityBreakdown,
  type PriorityFactor,
  type PriorityWeights,
} from '../../shared/index.js';

export { PRIORITY_FACTORS, type PriorityBreakdown, type PriorityFactor, type PriorityWeights };
export interface PriorityResult {
  score: number;
  breakdown: PriorityBreakdown;
}

export interface PriorityInput {
  householdSize: number;
  monthlyIncome: number;
  schoolChildren: number;
  partnerId: number | null;
  /** The application date (the beneficiary's createdAt). */
  appliedAt: Date;
}

const BASE = { incomePerMember: 40, householdSize: 15, schoolChildren: 20, daysWaiting: 15, partnerReferral: 10 };
export const DEFAULT_PRIORITY_WEIGHTS: Readonly<Record<Country, PriorityWeights>> = {
  SA: { ...BASE, incomeCeilingPerMember: 2000 },
  MA: { ...BASE, incomeCeilingPerMember: 1500 },
};

export const HOUSEHOLD_FULL_AT = 8;
export const SCHOOL_CHILDREN_FULL_AT = 4;
export const DAYS_WAITING_FULL_AT = 180;
const DAY_MS = 86_400_000;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The country's defaults with any configured values (PRIORITY_WEIGHTS) on top. */
export function priorityWeightsFor(country: Country, overrides: Partial<PriorityWeights> = {}): PriorityWeights {
  return { ...DEFAULT_PRIORITY_WEIGHTS[country], ...overrides };
}

export function daysWaiting(appliedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - appliedAt.getTime()) / DAY_MS));
}

export function priorityScore(input: PriorityInput, w: PriorityWeights, now: Date): PriorityResult {
  const members = Math.max(1, input.householdSize);
  const perMember = Math.max(0, input.monthlyIncome) / members;
  const breakdown: PriorityBreakdown = {
    incomePerMember: round2(w.incomePerMember * clamp01(1 - perMember / w.incomeCeilingPerMember)),
    householdSize: round2(
      w.householdSize * clamp01((Math.min(members, HOUSEHOLD_FULL_AT) - 1) / (HOUSEHOLD_FULL_AT - 1)),
    ),
    schoolChildren: round2(w.schoolChildren * clamp01(input.schoolChildren / SCHOOL_CHILDREN_FULL_AT)),
    daysWaiting: round2(w.daysWaiting * clamp01(daysWaiting(input.appliedAt, now) / DAYS_WAITING_FULL_AT)),
    partnerReferral: input.partnerId != null ? round2(w.partnerReferral) : 0,
  };
  const score = round2(PRIORITY_FACTORS.reduce((sum, f) => sum + breakdown[f], 0));
  return { score, breakdown };
}

/** Waitlist order: higher score first, then the older application, then the lower id (stable across pages). */
export function byPriority(
  a: { score: number; appliedAt: Date; id: number },
  b: { score: number; appliedAt: Date; id: number },
): number {
  return b.score - a.score || a.appliedAt.getTime() - b.appliedAt.getTime() || a.id - b.id;
}
