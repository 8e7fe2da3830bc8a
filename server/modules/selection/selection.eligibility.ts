// Who may be on a programme's list (spec §14), as a pure function of one beneficiary's columns, the programme's rules
// and today's date where the charity is. Used for the programme's waiting list (every rule a candidate fails is
// counted) and for the public application form (the rules the applicant fails are named). docs/selection.md.
//
// - kinds: empty = any kind (institutions included);
// - age (minAge / maxAge, whole years on today's date in the charity's time zone): a person without a birth date is
//   not eligible while a bound is set;
// - regions: empty = anywhere; otherwise the beneficiary's regionCode must be listed (none = not eligible);
// - income: monthly household income / max(1, household size) at most maxIncomePerMember.
// Age and income are a person's: institutions have neither and are held only to kinds and regions.
import { ageOn, type CandidateRow } from '../beneficiaries/index.js';
import type { ProgrammeEligibility } from '../../shared/index.js';

export const ELIGIBILITY_RULES = ['kind', 'age', 'region', 'income'] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/** One rule a beneficiary fails, with the programme's setting (`eligibility.<field>`) it fails. */
export interface RuleFailure {
  rule: EligibilityRule;
  field: keyof ProgrammeEligibility;
}

export type EligibilityColumns = Pick<
  CandidateRow,
  'kind' | 'birthDate' | 'regionCode' | 'householdSize' | 'monthlyIncome'
>;

export function eligibilityFailures(b: EligibilityColumns, e: ProgrammeEligibility, today: string): RuleFailure[] {
  const failures: RuleFailure[] = [];
  if (e.kinds.length && !e.kinds.includes(b.kind)) failures.push({ rule: 'kind', field: 'kinds' });
  const person = b.kind !== 'institution';
  if (person && (e.minAge != null || e.maxAge != null)) {
    const age = b.birthDate ? ageOn(b.birthDate, today) : null;
    if (e.minAge != null && (age == null || age < e.minAge)) failures.push({ rule: 'age', field: 'minAge' });
    else if (e.maxAge != null && (age == null || age > e.maxAge)) failures.push({ rule: 'age', field: 'maxAge' });
  }
  if (e.regionCodes.length && !(b.regionCode && e.regionCodes.includes(b.regionCode)))
    failures.push({ rule: 'region', field: 'regionCodes' });
  if (person && e.maxIncomePerMember != null) {
    const perMember = Math.max(0, b.monthlyIncome ?? 0) / Math.max(1, b.householdSize ?? 1);
    if (perMember > e.maxIncomePerMember) failures.push({ rule: 'income', field: 'maxIncomePerMember' });
  }
  return failures;
}
