import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { ALL_ROLES, idParams, MANAGERS, type Access } from '../auth/index.js';
import { programmeInput, programmePatch } from './programmes.schema.js';
import { createProgramme, listProgrammes, patchProgramme, readProgramme, readProgress } from './programmes.service.js';
import { courseExists } from '../training/index.js';

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
    method: 'patch',
    path: '/api/programmes/:id',
    access: MANAGERS,
    handler: async (req, res) =>
      res.json(await patchProgramme(parse(idParams, req.params).id, parse(programmePatch, req.body), courseExists)),
  },
  {
    method: 'get',
    path: '/api/programmes/:id/progress',
    reads: 'replica',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await readProgress(parse(idParams, req.params).id)),
  },
]);
