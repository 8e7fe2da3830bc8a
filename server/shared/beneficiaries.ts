// Beneficiaries, the waiting list and partners (server/modules/beneficiaries). Only the manager's shape is here:
// the client never shows beneficiaries to other roles.

export const BENEFICIARY_STATUSES = ['applied', 'verified', 'waitlisted', 'allocated', 'served', 'rejected'] as const;
export type BeneficiaryStatus = (typeof BENEFICIARY_STATUSES)[number];
export const BENEFICIARY_KINDS = ['family', 'student', 'institution'] as const;
export type BeneficiaryKind = (typeof BENEFICIARY_KINDS)[number];
/** People (a national ID, a household, a priority score) as opposed to institutions (spec §13). */
export const PERSON_KINDS = ['family', 'student'] as const;
export const INSTITUTION_TYPES = [
  'school',
  'association',
  'ngo',
  'training_centre',
  'innovation_centre',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
/**
 * An institution as a recipient (spec §13): a school, an association, a training centre… No national ID and no
 * family score; its place in the list comes from the day it asked and how many devices it still needs.
 */
export interface InstitutionDto {
  type: InstitutionType;
  registrationNumber: string | null;
  contactPerson: string;
  requestedDevices: number;
  justification: string | null;
  /** Devices handed over to it so far (every programme). */
  devicesReceived: number;
}
export interface InstitutionInput {
  type: InstitutionType;
  registrationNumber?: string | null;
  contactPerson: string;
  requestedDevices: number;
  justification?: string | null;
}
export const NEEDS = ['laptop', 'desktop', 'any'] as const;
export type Need = (typeof NEEDS)[number];
export const PURPOSES = ['study', 'business', 'training', 'general'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const PARTNER_KINDS = ['school', 'family_centre', 'association', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
/** How a family agreed to be messaged (spec §12): text messages or WhatsApp, both through the SMS gateway. */
export const CONTACT_CHANNELS = ['sms', 'whatsapp'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
/** The language a family asked to be written to in; none = the country's default (SA Arabic, MA French + Arabic). */
export const CONTACT_LANGUAGES = ['ar', 'fr', 'en'] as const;
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];

/** Whether the family may be messaged, and who recorded that answer (a yes or a withdrawal) and when. */
export interface ContactConsentDto {
  given: boolean;
  /** Null when consent is not given. */
  channel: ContactChannel | null;
  language: ContactLanguage | null;
  /** The user who recorded the answer; null before anyone did. */
  byUserId: number | null;
  at: string | null;
}
/** What a create or a PATCH sends: `channel` is required when `given` is true; `language` is optional. */
export interface ContactConsentInput {
  given: boolean;
  channel?: ContactChannel;
  language?: ContactLanguage | null;
}

/** The national ID never comes back: only `nationalIdMasked` (`******0008`). */
export interface BeneficiaryDto {
  redacted: false;
  id: number;
  kind: BeneficiaryKind;
  name: string;
  /** Null for institutions, which have no national ID. */
  nationalIdMasked: string | null;
  phone: string;
  city: string | null;
  /** ISO 3166-2 region (server/shared/regions.ts), null when not set. */
  regionCode: string | null;
  /** Legacy free text as typed before regions became a reference list (spec §11). */
  region: string | null;
  /** YYYY-MM-DD; null when not recorded (and always for institutions). Personal data: managers only. */
  birthDate: string | null;
  /** Null for institutions (no household, no income). */
  householdSize: number | null;
  monthlyIncome: number | null;
  schoolChildren: number;
  need: Need;
  purpose: Purpose;
  partnerId: number | null;
  /** Set for kind `institution` only. */
  institution: InstitutionDto | null;
  status: BeneficiaryStatus;
  rejectionReason: string | null;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
  allowedTransitions: BeneficiaryStatus[];
  contactConsent: ContactConsentDto;
}

export const PRIORITY_FACTORS = [
  'incomePerMember',
  'householdSize',
  'schoolChildren',
  'daysWaiting',
  'partnerReferral',
] as const;
export type PriorityFactor = (typeof PRIORITY_FACTORS)[number];
export type PriorityBreakdown = Record<PriorityFactor, number>;
export type PriorityWeights = Record<PriorityFactor, number> & { incomeCeilingPerMember: number };

export interface BeneficiaryDetailDto extends BeneficiaryDto {
  priority?: { score: number; breakdown: PriorityBreakdown };
}

/** The server requires nationalId (on create), householdSize and monthlyIncome; the form leaves out what is empty so that it says so. */
export interface BeneficiaryInput {
  kind: BeneficiaryKind;
  name: string;
  nationalId?: string;
  phone: string;
  city?: string;
  regionCode?: string | null;
  region?: string;
  /** People only: YYYY-MM-DD, not in the future, not before 1900; null clears it (PATCH). */
  birthDate?: string | null;
  householdSize?: number;
  monthlyIncome?: number;
  schoolChildren?: number;
  need: Need;
  purpose: Purpose;
  partnerId?: number | null;
  contactConsent?: ContactConsentInput;
  /** Required with kind `institution` (which then sends no nationalId, householdSize, monthlyIncome or schoolChildren). */
  institution?: InstitutionInput;
}
export type BeneficiaryPatch = Partial<BeneficiaryInput> & { status?: BeneficiaryStatus; rejectionReason?: string };

/** `B`: the server's list may hold redacted rows for other roles; the client (managers only) sees BeneficiaryDto. */
export interface WaitlistItemDto<B = BeneficiaryDto> {
  rank: number;
  score: number;
  breakdown: PriorityBreakdown;
  beneficiary: B;
  /** The institutions' list only (`?kind=institution`): what it asked for, when, and what it still needs. */
  institution?: InstitutionWaitDto;
}
export interface InstitutionWaitDto {
  requestedDevices: number;
  devicesReceived: number;
  outstanding: number;
  requestedAt: string;
}
export interface WaitlistDto {
  items: WaitlistItemDto[];
  total: number;
  page: number;
  pageSize: number;
  /** Null on the institutions' list: institutions have no score. */
  weights: PriorityWeights | null;
}

export interface PartnerDto {
  id: number;
  name: string;
  nameLatin: string | null;
  kind: PartnerKind;
  city: string | null;
  /** ISO 3166-2 region (server/shared/regions.ts), null when not set. */
  regionCode: string | null;
  contactPerson: string | null;
  phone: string | null;
  email: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface PartnerInput {
  name: string;
  nameLatin?: string;
  kind: PartnerKind;
  city?: string;
  regionCode?: string | null;
  contactPerson?: string;
  phone?: string;
  email?: string;
}
export type PartnerPatch = Partial<PartnerInput>;
