// What the programme routes accept and return.
import Joi from 'joi';
import { invalid } from '../../lib/parse.js';
import type { Programme } from './programmes.model.js';
import type { ProgrammeDto, ProgrammeInput } from '../../shared/index.js';

export type { ProgrammeDto, ProgrammeInput };

const isoDate = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}$/, { name: 'date.pattern' })
  .message('{{#label}} must be a date like 2026-01-01');
export const programmeInput = Joi.object<ProgrammeInput>({
  name: Joi.string().trim().min(1).max(200).required(),
  nameLatin: Joi.string().trim().max(200).allow('', null).empty(['', null]),
  targetFamilies: Joi.number().integer().min(0).max(10_000_000).default(0),
  targetStudents: Joi.number().integer().min(0).max(10_000_000).default(0),
  startsOn: isoDate,
  endsOn: isoDate,
}).custom((v: { startsOn?: string; endsOn?: string }, h) =>
  v.startsOn && v.endsOn && v.endsOn < v.startsOn
    ? invalid(h, 'dateRange.order', 'endsOn must not be before startsOn', { start: 'startsOn', end: 'endsOn' })
    : v,
);

export const toProgrammeDto = (p: Programme): ProgrammeDto => ({
  id: p.id,
  name: p.name,
  nameLatin: p.nameLatin,
  targetFamilies: p.targetFamilies,
  targetStudents: p.targetStudents,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  createdAt: new Date(p.createdAt).toISOString(),
});
