import Joi from 'joi';
import { currentCountry } from '../../lib/country.js';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';
import { invalid } from '../../lib/parse.js';
import { phoneSchema } from '../../lib/phone.js';
import { MANAGERS, mayAccess, STAFF, type Role } from '../auth/index.js';
import type { Donor } from './donors.model.js';
import { pageUrlOf } from './donors.page-token.js';
import type { StatementRecord } from './donors.statements.js';
import {
  DOCUMENT_LANGUAGES,
  type DonorDto,
  type DonorInput as DonorFormInput,
  type DonorKind,
  type DonorStatementDto,
} from '../../shared/index.js';

const optional = (max: number) => Joi.string().trim().max(max).allow('', null).empty(['', null]);

/** What POST and PATCH /api/donors take (creditOnCertificates: false unless given). */
export type DonorInput = DonorFormInput;
export const donorKeys = {
  kind: Joi.string().valid('company', 'individual'),
  name: Joi.string().trim().min(1).max(200),
  nameLatin: optional(200),
  contactPerson: optional(200),
  email: Joi.string().trim().lowercase().email({ tlds: false }).max(254).allow('', null).empty(['', null]),
  phone: phoneSchema(currentCountry).allow('', null).empty(['', null]),
  city: optional(100),
  crNumber: Joi.string()
    .trim()
    .pattern(/^[0-9A-Za-z-]{4,32}$/, { name: 'crNumber.format' })
    .message('{{#label}} must be 4 to 32 letters or digits')
    .allow('', null)
    .empty(['', null]),
  preferredLanguage: Joi.string().valid(...DOCUMENT_LANGUAGES),
  creditOnCertificates: Joi.boolean(),
};
export const donorInput = Joi.object<DonorInput>({
  ...donorKeys,
  kind: donorKeys.kind.required(),
  name: donorKeys.name.required(),
  preferredLanguage: donorKeys.preferredLanguage.default('ar'),
});
/** Contact fields a patch may clear: there '' and null mean "remove it" (on create they mean "not given"). */
const CLEARABLE = ['nameLatin', 'contactPerson', 'email', 'phone', 'city', 'crNumber'] as const;
type Clearable = (typeof CLEARABLE)[number];
export type DonorPatch = Partial<Omit<DonorInput, Clearable>> & { [K in Clearable]?: string | null };
export const donorPatch = Joi.object<DonorPatch>({
  ...donorKeys,
  ...Object.fromEntries(CLEARABLE.map((k) => [k, donorKeys[k].empty()])),
}).min(1);

export interface DonorListQuery extends PageQuery {
  q?: string;
  kind?: DonorKind;
}
export const donorListQuery = Joi.object<DonorListQuery>({
  ...pageQueryKeys,
  q: Joi.string().trim().max(100).allow('').empty(''),
  kind: Joi.string().valid('company', 'individual'),
});

/** Staff reach donors (pickups, receipts); a viewer (board member, auditor) sees who gave, never how to reach them. */
export const mayContactDonors = (role: Role): boolean => mayAccess(STAFF, role);

/**
 * The donor's page link opens every donation, receipt and statement of the donor: managers and admins, who also
 * rotate it, get it on a single donor (lists never carry it, like receipt links); technicians and viewers never.
 */
export const maySeeDonorPage = (role: Role): boolean => mayAccess(MANAGERS, role);

export function toDonorDto(d: Donor, role: Role, options: { inList?: boolean } = {}): DonorDto {
  const contact = mayContactDonors(role);
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    nameLatin: d.nameLatin,
    contactPerson: d.contactPerson,
    email: contact ? d.email : null,
    phone: contact ? d.phone : null,
    city: d.city,
    crNumber: d.crNumber,
    preferredLanguage: d.preferredLanguage,
    creditOnCertificates: d.creditOnCertificates,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    ...(maySeeDonorPage(role) && !options.inList && d.pageToken ? { pageUrl: pageUrlOf(d.pageToken) } : {}),
  };
}

/**
 * A statement year: four digits from 2000. Up to next year, since the charity's new year (UTC+3 in Riyadh) starts
 * before UTC's; a year without a donation received gets its own answer (422 on issue, 404 on read).
 */
const statementYear = Joi.number()
  .integer()
  .min(2000)
  .custom((v: number, h) => {
    const limit = new Date().getUTCFullYear() + 1;
    return v > limit ? invalid(h, 'number.max', '{{#label}} must be less than or equal to {{#limit}}', { limit }) : v;
  });
export const statementInput = Joi.object<{ year: number }>({ year: statementYear.required() });
/** `?year=` and, optionally, `?lang=ar|en|fr`: the statement in that language instead of the donor's own. */
export const statementQuery = Joi.object<{ year: number; lang?: 'ar' | 'en' | 'fr' }>({
  year: statementYear.required(),
  lang: Joi.string().valid('ar', 'en', 'fr'),
});

export function toStatementDto(s: Omit<StatementRecord, 'issuedBy'>): DonorStatementDto {
  return { donorId: s.donorId, year: s.year, number: s.number, issuedAt: s.issuedAt.toISOString() };
}
