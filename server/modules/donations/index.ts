// The donations module's public face. Donation rows are written only here (receipt numbers included).
export { Donation, initDonationModels, associateDonationModels, DONATION_STATUSES } from './donations.model.js';
export { toDonationDto } from './donations.schema.js';
export { issueReceiptNumber, receiptNumberFormat } from './donations.receipt.js';
export { getDonorDetail } from './donations.donor-summary.js';
