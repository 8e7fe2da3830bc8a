// What the programme routes accept and return.
import Joi from 'joi';
import { invalid } from '../../lib/parse.js';
import type { Programme } from './programmes.model.js';
import {
  BENEFICIARY_KINDS,
  OPEN_ELIGIBILITY,
  PRIORITY_FACTORS,
  REGION_CODES,
  type ProgrammeDto,
  type ProgrammeEligibility,
  type ProgrammeInput,
  type ProgrammePatch,
  type ProgrammeWeights,
} from '../../shared/index.js';

export type { ProgrammeDto, ProgrammeInput, ProgrammePatch };

const isoDate = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}$/, { name: 'date.pattern' })
  .message('{{#label}} must be a date like 2026-01-01');

const dateOrder = (v: { startsOn?: string | null; endsOn?: string | null }, h: Joi.CustomHelpers) =>
  v.startsOn && v.endsOn && v.endsOn < v.startsOn
    ? invalid(h, 'dateRange.order', 'endsOn must not be before startsOn', { start: 'startsOn', end: 'endsOn' })
    : v;

export const programmeInput = Joi.object<ProgrammeInput>({
  name: Joi.string().trim().min(1).max(200).required(),
  nameLatin: Joi.string().trim().max(200).allow('', null).empty(['', null]),
  targetFamilies: Joi.number().integer().min(0).max(10_000_000).default(0),
  targetStudents: Joi.number().integer().min(0).max(10_000_000).default(0),
  startsOn: isoDate,
  endsOn: isoDate,
}).custom(dateOrder);

const age = Joi.number().integer().min(0).max(120).allow(null);
export const eligibilitySchema = Joi.object<ProgrammeEligibility>({
  kinds: Joi.array()
    .items(Joi.string().valid(...BENEFICIARY_KINDS))
    .unique()
    .default([]),
  minAge: age.default(null),
  maxAge: age.default(null),
  regionCodes: Joi.array()
    .items(Joi.string().valid(...REGION_CODES))
    .unique()
    .max(50)
    .default([]),
  maxIncomePerMember: Joi.number().min(0).max(10_000_000).allow(null).default(null),
}).custom((v: ProgrammeEligibility, h) =>
  v.minAge != null && v.maxAge != null && v.maxAge < v.minAge
    ? invalid(h, 'ageRange.order', 'maxAge must not be below minAge', { min: 'minAge', max: 'maxAge' })
    : v,
);

const points = Joi.number().min(0).max(1000).required();
export const weightsSchema = Joi.object<ProgrammeWeights>({
  ...Object.fromEntries(PRIORITY_FACTORS.map((f) => [f, points])),
  incomeCeilingPerMember: Joi.number().positive().max(10_000_000).required(),
  committee: points,
});

/** PATCH: what is sent replaces what was there; at least one field. */
export const programmePatch = Joi.object<ProgrammePatch>({
  name: Joi.string().trim().min(1).max(200),
  nameLatin: Joi.string().trim().max(200).allow('', null).empty(''),
  targetFamilies: Joi.number().integer().min(0).max(10_000_000),
  targetStudents: Joi.number().integer().min(0).max(10_000_000),
  startsOn: isoDate.allow(null),
  endsOn: isoDate.allow(null),
  requiresTraining: Joi.boolean(),
  courseId: Joi.number().integer().positive().allow(null),
  attendanceThreshold: Joi.number().integer().min(1).max(100),
  eligibility: eligibilitySchema,
  weights: weightsSchema.allow(null),
  committeeScoring: Joi.boolean(),
  applicationsOpen: Joi.boolean(),
})
  .min(1)
  .custom(dateOrder);

function parseJson<T>(text: string | null, fallback: T): T {
  return text ? (JSON.parse(text) as T) : fallback;
}
/** The programme's eligibility rules (open when it set none). */
export const eligibilityOf = (p: Pick<Programme, 'eligibility'>): ProgrammeEligibility =>
  parseJson(p.eligibility, OPEN_ELIGIBILITY);
/** The programme's own weights, or null for the country's defaults. */
export const weightsOf = (p: Pick<Programme, 'weights'>): ProgrammeWeights | null =>
  parseJson<ProgrammeWeights | null>(p.weights, null);

export const toProgrammeDto = (p: Programme): ProgrammeDto => ({
  id: p.id,
  name: p.name,
  nameLatin: p.nameLatin,
  targetFamilies: p.targetFamilies,
  targetStudents: p.targetStudents,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  requiresTraining: p.requiresTraining,
  courseId: p.courseId,
  attendanceThreshold: p.attendanceThreshold,
  eligibility: eligibilityOf(p),
  weights: weightsOf(p),
  committeeScoring: p.committeeScoring,
  applicationsOpen: p.applicationsOpen,
  createdAt: new Date(p.createdAt).toISOString(),
});
