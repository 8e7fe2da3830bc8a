// The beneficiary status flow as data (product spec §2). Pure: imports only lib/errors.
import { ConflictError } from '../../lib/errors.js';

export const BENEFICIARY_STATUSES = ['applied', 'verified', 'waitlisted', 'allocated', 'served', 'rejected'] as const;
export type BeneficiaryStatus = (typeof BENEFICIARY_STATUSES)[number];

export const BENEFICIARY_KINDS = ['family', 'student'] as const;
export type BeneficiaryKind = (typeof BENEFICIARY_KINDS)[number];
export const NEEDS = ['laptop', 'desktop', 'any'] as const;
export type Need = (typeof NEEDS)[number];
export const PURPOSES = ['study', 'business', 'training', 'general'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Who may wait for a device: the waitlist and allocations read exactly these. */
export const ELIGIBLE_STATUSES: readonly BeneficiaryStatus[] = ['verified', 'waitlisted'];

/** What a manager may do by hand (PATCH). Rejection needs a reason, checked where the reason is known. */
const MANUAL: Readonly<Record<BeneficiaryStatus, readonly BeneficiaryStatus[]>> = {
  applied: ['verified', 'rejected'],
  verified: ['waitlisted', 'rejected'],
  waitlisted: ['rejected'],
  allocated: [],
  served: [],
  rejected: [],
};

/**
 * What only the allocations module may do, through changeBeneficiaryStatus({ allowSystem: true }): reserve a
 * device, hand it over, or cancel a reservation back to where the beneficiary was waiting.
 */
const SYSTEM: Readonly<Record<BeneficiaryStatus, readonly BeneficiaryStatus[]>> = {
  applied: [],
  verified: ['allocated'],
  waitlisted: ['allocated'],
  allocated: ['served', 'waitlisted', 'verified'],
  served: [],
  rejected: [],
};

export function allowedTransitions(from: BeneficiaryStatus, allowSystem = false): BeneficiaryStatus[] {
  return [...MANUAL[from], ...(allowSystem ? SYSTEM[from] : [])];
}

export function assertTransition(from: BeneficiaryStatus, to: BeneficiaryStatus, allowSystem = false): void {
  const allowed = allowedTransitions(from, allowSystem);
  if (!allowed.includes(to)) {
    const why = !allowSystem && (to === 'allocated' || to === 'served') ? ' (only an allocation sets this status)' : '';
    throw new ConflictError('INVALID_TRANSITION', `A beneficiary in ${from} cannot become ${to}${why}`, { status: from, to, allowed });
  }
}
