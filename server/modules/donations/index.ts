export { donationRoutes } from './donations.routes.js';
export { donorRoutes } from './donors.routes.js';
export { Donation, initDonationModels, associateDonationModels, DONATION_STATUSES } from './donations.model.js';
export { toDonationDto } from './donations.schema.js';
export { issueReceiptNumber, receiptNumberFormat } from './donations.receipt.js';
