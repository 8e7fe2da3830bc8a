// The partners module's public face: the beneficiaries module links a beneficiary to a partner (association,
// existence check) and lists a partner's referrals. Partner rows are written only here.
export { PARTNER_KINDS, associatePartnerRows, initPartnerModels, type PartnerKind } from './partners.model.js';
export type { Partner } from './partners.model.js';
export { findPartner, partnerExists, partnerSummariesOf, toPartnerDto, type PartnerDto } from './partners.service.js';
