import Joi from 'joi';
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError } from '../../lib/errors.js';
import { invalid, parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { ALL_ROLES, idParams, MANAGERS, type Access } from '../auth/index.js';
import { Programme } from './programmes.model.js';
import { programmeProgress } from './programmes.progress.js';

const isoDate = Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/, { name: 'date.pattern' }).message('{{#label}} must be a date like 2026-01-01');
const programmeInput = Joi.object({
  name: Joi.string().trim().min(1).max(200).required(),
  nameLatin: Joi.string().trim().max(200).allow('', null).empty(['', null]),
  targetFamilies: Joi.number().integer().min(0).max(10_000_000).default(0),
  targetStudents: Joi.number().integer().min(0).max(10_000_000).default(0),
  startsOn: isoDate, endsOn: isoDate,
}).custom((v: { startsOn?: string; endsOn?: string }, h) => (v.startsOn && v.endsOn && v.endsOn < v.startsOn ? invalid(h, 'dateRange.order', 'endsOn must not be before startsOn', { start: 'startsOn', end: 'endsOn' }) : v));

export interface ProgrammeDto { id: number; name: string; nameLatin: string | null; targetFamilies: number; targetStudents: number; startsOn: string | null; endsOn: string | null; createdAt: string }
export const toProgrammeDto = (p: Programme): ProgrammeDto => ({
  id: p.id, name: p.name, nameLatin: p.nameLatin, targetFamilies: p.targetFamilies, targetStudents: p.targetStudents,
  startsOn: p.startsOn, endsOn: p.endsOn, createdAt: new Date(p.createdAt).toISOString(),
});

async function findProgramme(id: number): Promise<Programme> {
  const p = await Programme.findByPk(id);
  if (!p) throw new NotFoundError(`Programme ${id} not found`);
  return p;
}

export const programmeRoutes = defineRoutes<Access>([
  { method: 'get', path: '/api/programmes', access: ALL_ROLES, handler: async (_req, res) => res.json((await Programme.findAll({ order: [['id', 'ASC']] })).map(toProgrammeDto)) },
  {
    method: 'post', path: '/api/programmes', access: MANAGERS,
    handler: async (req, res) => {
      const input = parse(programmeInput, req.body);
      res.status(201).json(toProgrammeDto(await withTransaction((transaction) => Programme.create(input, { transaction }))));
    },
  },
  { method: 'get', path: '/api/programmes/:id', access: ALL_ROLES, handler: async (req, res) => res.json(toProgrammeDto(await findProgramme(parse(idParams, req.params).id))) },
  { method: 'get', path: '/api/programmes/:id/progress', access: ALL_ROLES, handler: async (req, res) => res.json(await programmeProgress(await findProgramme(parse(idParams, req.params).id))) },
]);
