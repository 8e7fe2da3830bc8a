import Joi from 'joi';
import { currentCountry } from '../../lib/country.js';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';
import { invalid, listOf } from '../../lib/parse.js';
import { phoneSchema } from '../../lib/phone.js';
import { citySchema, regionCodeSchema } from '../regions/index.js';
import {
  CONTACT_CHANNELS,
  CONTACT_LANGUAGES,
  INSTITUTION_TYPES,
  type ContactConsentInput,
  type InstitutionInput,
} from '../../shared/index.js';
import {
  BENEFICIARY_KINDS,
  BENEFICIARY_STATUSES,
  NEEDS,
  PURPOSES,
  type BeneficiaryKind,
  type BeneficiaryStatus,
  type Need,
  type Purpose,
} from './beneficiaries.lifecycle.js';
import { nationalIdRule, parseNationalId, type Country } from './beneficiaries.national-id.js';
import { birthDateSchema } from './beneficiaries.age.js';

const optional = (max: number) => Joi.string().trim().max(max).allow('', null).empty(['', null]);

/** A national ID valid in `country`, converted to its normalised form (Latin digits, upper case, no spaces). */
export function nationalIdSchema(countryOf: Country | (() => Country)): Joi.StringSchema {
  return Joi.string()
    .trim()
    .max(40)
    .custom((value: string, helpers) => {
      // Asked at each validation: the charity's country is a setting (lib/country.ts).
      const country = typeof countryOf === 'function' ? countryOf() : countryOf;
      return (
        parseNationalId(value, country) ??
        invalid(helpers, `nationalId.${country}`, `{{#label}} ${nationalIdRule(country)}`)
      );
    });
}

export interface BeneficiaryInput {
  kind: BeneficiaryKind;
  name: string;
  /** People only: an institution has none (spec §13). */
  nationalId?: string;
  phone: string;
  city?: string;
  /** ISO 3166-2 region (server/shared/regions.ts); null clears it. */
  regionCode?: string | null;
  /** Legacy free text, kept as typed; `regionCode` is what figures group on. */
  region?: string;
  /** People only: YYYY-MM-DD (beneficiaries.age.ts); null clears it. */
  birthDate?: string | null;
  householdSize?: number;
  monthlyIncome?: number;
  schoolChildren: number;
  need: Need;
  purpose: Purpose;
  partnerId?: number | null;
  /** Kind `institution` only: its type, registration, contact person, requested devices and why. */
  institution?: InstitutionInput;
  /** The family's answer to "may we message you?", recorded with who and when (spec §12). */
  contactConsent?: ContactConsentInput;
}

/** A yes names its channel; a no (a withdrawal) needs nothing else, and any channel or language sent with it is dropped. */
const contactConsentSchema = Joi.object<ContactConsentInput>({
  given: Joi.boolean().required(),
  channel: Joi.when('given', {
    is: true,
    then: Joi.string()
      .valid(...CONTACT_CHANNELS)
      .required(),
    otherwise: Joi.string()
      .valid(...CONTACT_CHANNELS)
      .allow(null)
      .strip(),
  }),
  language: Joi.when('given', {
    is: true,
    then: Joi.string()
      .valid(...CONTACT_LANGUAGES)
      .allow(null),
    otherwise: Joi.string()
      .valid(...CONTACT_LANGUAGES)
      .allow(null)
      .strip(),
  }),
});

const institutionSchema = Joi.object<InstitutionInput>({
  type: Joi.string()
    .valid(...INSTITUTION_TYPES)
    .required(),
  // Kept as written but for spaces and case, so that the same registration typed twice is one institution.
  registrationNumber: Joi.string()
    .trim()
    .max(50)
    .uppercase()
    .replace(/\s+/g, '')
    .allow('', null)
    .empty(['', null])
    .default(null),
  contactPerson: Joi.string().trim().min(1).max(200).required(),
  requestedDevices: Joi.number().integer().min(1).max(10_000).required(),
  justification: optional(2000).default(null),
});

/** Required for people, refused for an institution (which has no national ID, household or income). */
const forPeople = (schema: Joi.Schema, required = true) =>
  Joi.when('kind', {
    is: 'institution',
    then: Joi.forbidden().messages({ 'any.unknown': '{{#label}} is not asked of an institution' }),
    otherwise: required ? schema.required() : schema,
  });

const keys = {
  kind: Joi.string().valid(...BENEFICIARY_KINDS),
  name: Joi.string().trim().min(1).max(200),
  nationalId: nationalIdSchema(currentCountry),
  phone: phoneSchema(currentCountry),
  city: citySchema,
  regionCode: regionCodeSchema,
  region: optional(100),
  birthDate: birthDateSchema.allow(null),
  householdSize: Joi.number().integer().min(1).max(50),
  monthlyIncome: Joi.number().min(0).max(10_000_000).precision(2),
  schoolChildren: Joi.number().integer().min(0).max(50),
  need: Joi.string().valid(...NEEDS),
  purpose: Joi.string().valid(...PURPOSES),
  partnerId: Joi.number().integer().positive().allow(null),
  contactConsent: contactConsentSchema,
  institution: institutionSchema,
};

export const beneficiaryInput = Joi.object<BeneficiaryInput>({
  ...keys,
  kind: keys.kind.required(),
  name: keys.name.required(),
  nationalId: forPeople(keys.nationalId),
  phone: keys.phone.required(),
  birthDate: forPeople(keys.birthDate, false),
  householdSize: forPeople(keys.householdSize),
  monthlyIncome: forPeople(keys.monthlyIncome),
  schoolChildren: forPeople(
    keys.schoolChildren
      .default(0)
      .max(Joi.ref('householdSize'))
      .messages({ 'number.max': '{{#label}} cannot exceed householdSize' }),
    false,
  ),
  // An institution names what it needs in `institution.requestedDevices`; its `need` says which kind of device.
  need: Joi.when('kind', { is: 'institution', then: keys.need.default('any'), otherwise: keys.need.required() }),
  purpose: keys.purpose.default('general'),
  institution: Joi.when('kind', {
    is: 'institution',
    then: institutionSchema.required(),
    otherwise: Joi.forbidden().messages({ 'any.unknown': '{{#label}} goes only with kind institution' }),
  }),
});

export interface BeneficiaryPatch extends Partial<BeneficiaryInput> {
  status?: BeneficiaryStatus;
  rejectionReason?: string;
}
export const beneficiaryPatch = Joi.object<BeneficiaryPatch>({
  ...keys,
  status: Joi.string().valid(...BENEFICIARY_STATUSES),
  rejectionReason: Joi.when('status', {
    is: 'rejected',
    then: Joi.string().trim().min(3).max(1000).required(),
    otherwise: Joi.forbidden().messages({ 'any.unknown': '{{#label}} goes only with status rejected' }),
  }),
}).min(1);

export interface BeneficiaryListQuery extends PageQuery {
  status?: BeneficiaryStatus[];
  /** Set by the route for a partner user: only the beneficiaries its organisation referred. */
  scopePartnerId?: number;
  kind?: BeneficiaryKind;
  need?: Need;
  partnerId?: number;
  q?: string;
}
export const beneficiaryListQuery = Joi.object<BeneficiaryListQuery>({
  ...pageQueryKeys,
  status: listOf(BENEFICIARY_STATUSES) as Joi.Schema<BeneficiaryStatus[]>,
  kind: Joi.string().valid(...BENEFICIARY_KINDS),
  need: Joi.string().valid(...NEEDS),
  partnerId: Joi.number().integer().positive(),
  q: Joi.string().trim().max(100).allow('').empty(''),
});

export interface WaitlistQuery extends PageQuery {
  need?: Need;
  /** `institution`: the institutions' list (by request date and outstanding need); otherwise families and students. */
  kind?: 'institution';
}
export const waitlistQuery = Joi.object<WaitlistQuery>({
  ...pageQueryKeys,
  need: Joi.string().valid(...NEEDS),
  kind: Joi.string().valid('institution'),
});

export const pageQuery = Joi.object<PageQuery>(pageQueryKeys);
