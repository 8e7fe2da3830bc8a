import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { ALL_ROLES, idParams, MANAGERS, type Access } from '../auth/index.js';
import { programmeInput } from './programmes.schema.js';
import { createProgramme, listProgrammes, readProgramme, readProgress } from './programmes.service.js';

export const programmeRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/programmes',
    access: ALL_ROLES,
    handler: async (_req, res) => res.json(await listProgrammes()),
  },
  {
    method: 'post',
    path: '/api/programmes',
    access: MANAGERS,
    handler: async (req, res) => res.status(201).json(await createProgramme(parse(programmeInput, req.body))),
  },
  {
    method: 'get',
    path: '/api/programmes/:id',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await readProgramme(parse(idParams, req.params).id)),
  },
  {
    method: 'get',
    path: '/api/programmes/:id/progress',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await readProgress(parse(idParams, req.params).id)),
  },
]);
