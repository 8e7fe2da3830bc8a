import type { BeneficiaryStatus } from '../../api/types';

/** The families a partner may hand a device to: verified or on the waiting list (the server checks again). */
export const HANDOVER_STATUSES: readonly BeneficiaryStatus[] = ['verified', 'waitlisted'];
