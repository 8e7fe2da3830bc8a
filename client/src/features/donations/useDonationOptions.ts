import { endpoints } from '../../api/endpoints';
import type { DonationStatus } from '../../api/types';

/** Donations that can still receive devices: received first, then those on their way (scheduled, pledged). */
export const OPEN_STATUSES: readonly DonationStatus[] = ['received', 'scheduled', 'pledged'];

/** The donations intake may add devices to (a charity has a few hundred open at most). */
export const openDonations = () => endpoints.donations.list({ status: OPEN_STATUSES.join(','), pageSize: 200 });

/** Plain-text labels go into <input> values where no <bdi> can be used: U+2066…U+2069 isolate the code instead. */
export function isolateLtr(s: string): string {
  return `\u2066${s}\u2069`;
}
