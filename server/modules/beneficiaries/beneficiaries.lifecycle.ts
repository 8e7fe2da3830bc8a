// The beneficiary status flow as data (product spec §2). Pure: imports only lib/errors and the wire values.
import { ConflictError } from '../../lib/errors.js';
import type { BeneficiaryStatus } from '../../shared/beneficiaries.js';

// The statuses, kinds, needs and purposes are wire values: defined once in server/shared/ (the client reads them too).
export {
  BENEFICIARY_STATUSES,
  BENEFICIARY_KINDS,
  NEEDS,
  PURPOSES,
  type BeneficiaryStatus,
  type BeneficiaryKind,
  type Need,
  type Purpose,
} from '../../shared/beneficiaries.js';

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
    throw new ConflictError('INVALID_TRANSITION', `A beneficiary in ${from} cannot become ${to}${why}`, {
      status: from,
      to,
      allowed,
    });
  }
}
