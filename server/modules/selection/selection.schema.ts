// What the selection routes accept (joi) and the converters to their wire shapes (server/shared/selection.ts).
import Joi from 'joi';
import { currentCountry } from '../../lib/country.js';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';
import { phoneSchema } from '../../lib/phone.js';
import { birthDateSchema, nationalIdSchema } from '../beneficiaries/index.js';
import { eligibilityOf, type Programme } from '../programmes/index.js';
import { citySchema, regionCodeSchema } from '../regions/index.js';
import {
  CONTACT_LANGUAGES,
  NEEDS,
  PERSON_KINDS,
  PURPOSES,
  type CommitteeScoreDto,
  type CommitteeScoreInput,
  type Need,
  type PublicApplicationInput,
  type PublicProgrammeDto,
} from '../../shared/index.js';
import type { CommitteeScore } from './selection.model.js';

export const scoreParams = Joi.object<{ id: number; beneficiaryId: number }>({
  id: Joi.number().integer().positive().required(),
  beneficiaryId: Joi.number().integer().positive().required(),
});

export const committeeScoreInput = Joi.object<CommitteeScoreInput>({
  score: Joi.number()
    .min(0)
    .max(10)
    .multiple(0.5)
    .required()
    .messages({ 'number.multiple': '{{#label}} goes in steps of 0.5' }),
  note: Joi.string().trim().max(2000).allow('', null).empty(['', null]).default(null),
});

export interface ProgrammeWaitlistQuery extends PageQuery {
  /** The kind of device on offer, as on GET /api/waitlist: `laptop` lists those who need a laptop or anything. */
  need?: Need;
}
export const programmeWaitlistQuery = Joi.object<ProgrammeWaitlistQuery>({
  ...pageQueryKeys,
  need: Joi.string().valid(...NEEDS),
});

const optional = (max: number) => Joi.string().trim().max(max).allow('', null).empty(['', null]);

/** The public form: validated like the registry (national ID with its check digit, phone, region), plus the honeypot. */
export const publicApplicationInput = Joi.object<PublicApplicationInput>({
  kind: Joi.string()
    .valid(...PERSON_KINDS)
    .required(),
  name: Joi.string().trim().min(1).max(200).required(),
  nationalId: nationalIdSchema(currentCountry).required(),
  phone: phoneSchema(currentCountry).required(),
  birthDate: birthDateSchema.required(),
  regionCode: regionCodeSchema.invalid(null).required(),
  city: citySchema,
  householdSize: Joi.number().integer().min(1).max(50).required(),
  monthlyIncome: Joi.number().min(0).max(10_000_000).precision(2).required(),
  schoolChildren: Joi.number()
    .integer()
    .min(0)
    .max(Joi.ref('householdSize'))
    .default(0)
    .messages({ 'number.max': '{{#label}} cannot exceed householdSize' }),
  need: Joi.string()
    .valid(...NEEDS)
    .default('any'),
  purpose: Joi.string()
    .valid(...PURPOSES)
    .default('general'),
  motivation: optional(2000),
  contactConsent: Joi.boolean().required(),
  contactLanguage: Joi.string()
    .valid(...CONTACT_LANGUAGES)
    .allow(null),
  // A honeypot, as on the pledge form: hidden from people by the form, filled in by bots.
  website: Joi.string().max(0).allow('', null).messages({ 'string.max': 'website must stay empty' }),
});

export function toCommitteeScoreDto(s: CommitteeScore & { scorer?: { name: string } | null }): CommitteeScoreDto {
  return {
    programmeId: s.programmeId,
    beneficiaryId: s.beneficiaryId,
    score: Number(s.score),
    note: s.note ?? null,
    scoredBy: s.scoredBy,
    scoredByName: s.scorer?.name ?? '',
    scoredAt: new Date(s.scoredAt).toISOString(),
  };
}

/** What the public page shows: names, rules and the closing date; nothing about who applied. */
export const toPublicProgrammeDto = (p: Programme): PublicProgrammeDto => ({
  id: p.id,
  name: p.name,
  nameLatin: p.nameLatin ?? null,
  eligibility: eligibilityOf(p),
  endsOn: p.endsOn ?? null,
});
