// The donations module's public face. Donation rows are written only here (receipt numbers included).
export { initDonationModels, associateDonationModels, DONATION_STATUSES } from './donations.model.js';
export type { Donation } from './donations.model.js';
export {
  DEMO_LOT_PREFIX,
  demoDevicesAmong,
  donationCodeOf,
  donationColumns,
  findDonationWithDonor,
  type DonationWithDonor,
} from './donations.queries.js';
export { toDonationDto } from './donations.schema.js';
export { issueReceiptNumber, receiptNumberFormat } from './donations.receipt.js';
export { getDonorDetail } from './donations.donor-summary.js';
