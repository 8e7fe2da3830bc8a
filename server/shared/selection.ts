// Selection per programme (spec §14): who is eligible, how they are scored, the committee's score, the programme's
// own waiting list and its public application form (server/modules/programmes, server/modules/beneficiaries).
import type {
  BeneficiaryDto,
  BeneficiaryKind,
  ContactLanguage,
  Need,
  PriorityBreakdown,
  PriorityWeights,
  Purpose,
} from './beneficiaries.js';

/**
 * Who may be on a programme's list. Empty `kinds` or `regionCodes` = any. An age range needs the beneficiary's birth
 * date: one without it is not eligible while a range is set. `maxIncomePerMember`: monthly household income divided by
 * household size, in local currency, at most this (null = no ceiling; institutions are never held to it).
 */
export interface ProgrammeEligibility {
  kinds: BeneficiaryKind[];
  minAge: number | null;
  maxAge: number | null;
  regionCodes: string[];
  maxIncomePerMember: number | null;
}
export const OPEN_ELIGIBILITY: ProgrammeEligibility = {
  kinds: [],
  minAge: null,
  maxAge: null,
  regionCodes: [],
  maxIncomePerMember: null,
};

/** A programme's score weights: the family score's (null = the country's defaults) plus the committee's share. */
export type ProgrammeWeights = PriorityWeights & {
  /** Points for a committee score of 10 (a score of s gives committee × s / 10). 0 unless committeeScoring. */
  committee: number;
};

/** PATCH /api/programmes/:id: every field optional; what is sent replaces what was there. */
export interface ProgrammePatch {
  name?: string;
  nameLatin?: string | null;
  targetFamilies?: number;
  targetStudents?: number;
  startsOn?: string | null;
  endsOn?: string | null;
  requiresTraining?: boolean;
  courseId?: number | null;
  /** Percent of the course's sessions, 1–100 (75 by default). */
  attendanceThreshold?: number;
  eligibility?: ProgrammeEligibility;
  /** Null = the country's defaults (and 0 for the committee). */
  weights?: ProgrammeWeights | null;
  committeeScoring?: boolean;
  applicationsOpen?: boolean;
}

/** PUT /api/programmes/:id/committee-scores/:beneficiaryId (managers). */
export interface CommitteeScoreInput {
  /** 0–10, halves allowed (7.5). */
  score: number;
  note?: string | null;
}
export interface CommitteeScoreDto {
  programmeId: number;
  beneficiaryId: number;
  score: number;
  note: string | null;
  scoredBy: number;
  scoredByName: string;
  scoredAt: string;
}

/** The breakdown of a programme's score: the family score's factors plus the committee's points. */
export type ProgrammeBreakdown = PriorityBreakdown & { committee: number };

/** GET /api/programmes/:id/waitlist: the eligible verified or waitlisted beneficiaries, by the programme's score. */
export interface ProgrammeWaitlistItemDto<B = BeneficiaryDto> {
  rank: number;
  score: number;
  breakdown: ProgrammeBreakdown;
  /** Null when the committee has not scored this beneficiary (or the programme has no committee scoring). */
  committeeScore: CommitteeScoreDto | null;
  beneficiary: B;
  /** The application's reference when the beneficiary applied to this programme through its public form. */
  applicationReference: string | null;
}
export interface ProgrammeWaitlistDto {
  programmeId: number;
  items: ProgrammeWaitlistItemDto[];
  total: number;
  page: number;
  pageSize: number;
  weights: ProgrammeWeights;
  eligibility: ProgrammeEligibility;
  /** How many verified or waitlisted beneficiaries each rule left out (one may fail several). */
  excluded: { kind: number; age: number; region: number; income: number };
}

/** GET /api/public/programmes/:id: what the public application page shows (404 unless applicationsOpen). */
export interface PublicProgrammeDto {
  id: number;
  name: string;
  nameLatin: string | null;
  eligibility: ProgrammeEligibility;
  endsOn: string | null;
}

/**
 * POST /api/public/programmes/:id/applications: a person applies (families and students only). `website` is the
 * honeypot (must be empty). The national ID is validated like the registry's; `contactConsent` lets the charity
 * send the reference (and later messages) by SMS to `phone`.
 */
export interface PublicApplicationInput {
  kind: 'family' | 'student';
  name: string;
  nationalId: string;
  phone: string;
  birthDate: string;
  regionCode: string;
  city?: string;
  householdSize: number;
  monthlyIncome: number;
  schoolChildren?: number;
  need?: Need;
  purpose?: Purpose;
  /** Why they apply (the committee reads it). */
  motivation?: string;
  contactConsent: boolean;
  contactLanguage?: ContactLanguage;
  website?: string;
}
/** 201: the reference the applicant quotes (AP-2026-000123). */
export interface PublicApplicationDto {
  reference: string;
  programmeId: number;
  smsQueued: boolean;
}
