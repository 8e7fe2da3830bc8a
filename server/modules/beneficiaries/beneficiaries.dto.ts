// Wire shapes of beneficiaries. Redaction lives here and only here: a role that may not see personal data gets
// the redacted shape from the same function, so no route can forget it.
import { HANDOVER_ROLES, mayAccess, type Role } from '../auth/index.js';
import {
  allowedTransitions,
  type BeneficiaryKind,
  type BeneficiaryStatus,
  type Need,
  type Purpose,
} from './beneficiaries.lifecycle.js';
import type { AuditAction, Beneficiary, BeneficiaryAudit } from './beneficiaries.model.js';
import type { BeneficiaryDto, InstitutionDto } from '../../shared/beneficiaries.js';

/** Who reads a beneficiary whole: managers, and partners (only ever given the rows of their own referrals). */
const FULL_READERS = HANDOVER_ROLES;

/** What a manager sees (the wire type, server/shared/). The national ID only ever leaves the server masked. */
export type { BeneficiaryDto };

/** What a technician or viewer may see: no name, phone, ID, income or household details. */
export interface BeneficiaryRedactedDto {
  redacted: true;
  id: number;
  kind: BeneficiaryKind;
  initials: string;
  /** An institution's name (an organisation, not a person: spec §13 lets every role see it); absent for people. */
  name?: string;
  city: string | null;
  regionCode: string | null;
  region: string | null;
  /** Always null: a date of birth is personal data. */
  birthDate: null;
  need: Need;
  purpose: Purpose;
  partnerId: number | null;
  status: BeneficiaryStatus;
  statusChangedAt: string;
  createdAt: string;
}

export interface BeneficiaryAuditDto {
  id: number;
  action: AuditAction;
  fields: string[];
  fromStatus: string | null;
  toStatus: string | null;
  actorId: number | null;
  actorName: string | null;
  createdAt: string;
}

/**
 * `******0008`: `length` characters, all masked but the stored tail (at most the last 4). Saudi IDs are always 10
 * long. Moroccan CINs vary (2 to 10 characters) and only the tail is stored in clear, so they are shown 10 wide
 * too: every screen and PDF can mask from `nationalIdLast4` alone, and the mask does not tell the CIN's length.
 */
export function maskNationalId(last4: string, length = 10): string {
  return '*'.repeat(Math.max(0, length - last4.length)) + last4;
}

// The Arabic article (ال) and its Latin spellings (Al-, El-) say nothing about a family: العتيبي → ع, Al-Harbi → H.
// "الله" (as in عبد الله) is a name, not an article plus a word.
const ARTICLE = /^(ال(?!له$)(?=[\u0621-\u064A]{2})|(?:al|el)-)/i;

/** First letter of the first and last name words: `أسرة العتيبي` → `أ. ع.`, `Sara Ahmed` → `S. A.`. */
export function initialsOf(name: string): string {
  const words = name
    .normalize('NFC')
    .split(/[\s\u200c\u200f\u200e]+/)
    .map((w) => w.replace(ARTICLE, ''))
    .filter(Boolean);
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return picked.map((w) => `${Array.from(w)[0].toLocaleUpperCase()}.`).join(' ');
}

const iso = (d: Date): string => new Date(d).toISOString();

/** An institution's own fields; `devicesReceived` is counted by the caller that has it (0 in lists). */
function institutionOf(b: Beneficiary, devicesReceived: number): InstitutionDto | null {
  if (b.kind !== 'institution') return null;
  return {
    type: b.institutionType ?? 'other',
    registrationNumber: b.registrationNumber ?? null,
    contactPerson: b.contactPerson ?? '',
    requestedDevices: b.requestedDevices ?? 0,
    justification: b.justification ?? null,
    devicesReceived,
  };
}

/**
 * Managers see the whole record; a partner sees the families its organisation referred in full (the routes scope
 * which rows it gets); technicians and viewers get the redacted shape.
 */
export function toBeneficiaryDto(
  b: Beneficiary,
  role: Role,
  devicesReceived = 0,
): BeneficiaryDto | BeneficiaryRedactedDto {
  if (!mayAccess(FULL_READERS, role)) {
    return {
      redacted: true,
      id: b.id,
      kind: b.kind,
      initials: initialsOf(b.name),
      ...(b.kind === 'institution' ? { name: b.name } : {}),
      city: b.city,
      regionCode: b.regionCode ?? null,
      region: b.region,
      birthDate: null,
      need: b.need,
      purpose: b.purpose,
      partnerId: b.partnerId,
      status: b.status,
      statusChangedAt: iso(b.statusChangedAt),
      createdAt: iso(b.createdAt),
    };
  }
  return {
    redacted: false,
    id: b.id,
    kind: b.kind,
    name: b.name,
    nationalIdMasked: b.nationalIdLast4 == null ? null : maskNationalId(b.nationalIdLast4),
    phone: b.phone,
    city: b.city,
    regionCode: b.regionCode ?? null,
    region: b.region,
    birthDate: b.birthDate ?? null,
    householdSize: b.householdSize,
    monthlyIncome: b.monthlyIncome,
    schoolChildren: b.schoolChildren,
    need: b.need,
    purpose: b.purpose,
    partnerId: b.partnerId,
    institution: institutionOf(b, devicesReceived),
    status: b.status,
    rejectionReason: b.rejectionReason ?? null,
    statusChangedAt: iso(b.statusChangedAt),
    createdAt: iso(b.createdAt),
    updatedAt: iso(b.updatedAt),
    allowedTransitions: allowedTransitions(b.status),
    contactConsent: {
      given: Boolean(b.contactConsent),
      channel: b.contactConsent ? (b.contactConsentChannel ?? null) : null,
      language: b.contactConsent ? (b.contactLanguage ?? null) : null,
      byUserId: b.contactConsentBy ?? null,
      at: b.contactConsentAt ? iso(b.contactConsentAt) : null,
    },
  };
}

export function toAuditDto(a: BeneficiaryAudit & { actor?: { name: string } | null }): BeneficiaryAuditDto {
  return {
    id: a.id,
    action: a.action,
    fields: JSON.parse(a.fields) as string[],
    fromStatus: a.fromStatus,
    toStatus: a.toStatus,
    actorId: a.actorId,
    actorName: a.actor?.name ?? null,
    createdAt: iso(a.createdAt),
  };
}
