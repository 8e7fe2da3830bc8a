// The beneficiaries module's public face: the allocations module and the app use only what is exported here.
export { initBeneficiaryModels, associateBeneficiaryModels } from './beneficiaries.model.js';
export type { Beneficiary, BeneficiaryAudit } from './beneficiaries.model.js';
export {
  beneficiaryByNationalId,
  beneficiaryNameOf,
  certificateBeneficiariesOf,
  familyContactOf,
  lockBeneficiary,
  recipientSummariesOf,
  type FamilyContact,
} from './beneficiaries.queries.js';
export {
  enqueueFamilyMessages,
  FAMILY_MESSAGE_TOPICS,
  type ApplicationReceivedPayload,
  type AppointmentPayload,
  type FamilyMessage,
  type FamilyMessageTopic,
  type WaitlistPlacePayload,
} from './beneficiaries.messages.js';
export {
  BENEFICIARY_STATUSES,
  ELIGIBLE_STATUSES,
  NEEDS,
  PURPOSES,
  allowedTransitions,
  type BeneficiaryStatus,
  type BeneficiaryKind,
  type Need,
  type Purpose,
} from './beneficiaries.lifecycle.js';
export {
  changeBeneficiaryStatus,
  writeAudit as auditBeneficiary,
  type AuditEntry,
  type StatusChangeExtra,
} from './beneficiaries.state.js';
export {
  rankedWaitlist,
  beneficiaryPriority,
  priorityWeights,
  type RankedBeneficiary,
  type RankingOptions,
  type WaitlistOptions,
} from './beneficiaries.waitlist.js';
export type { CandidateRow } from './beneficiaries.ranking.js';
export { ageOn, birthDateSchema, charityToday } from './beneficiaries.age.js';
export { nationalIdSchema } from './beneficiaries.schema.js';
export {
  maskNationalId,
  initialsOf,
  toBeneficiaryDto,
  type BeneficiaryDto,
  type BeneficiaryRedactedDto,
  type BeneficiaryAuditDto,
} from './beneficiaries.dto.js';
export { findBeneficiary, registerApplicant } from './beneficiaries.service.js';
export { nationalIdAad } from './beneficiaries.national-id.js';
export { priorityScore, type PriorityBreakdown, type PriorityWeights } from './beneficiaries.priority.js';
