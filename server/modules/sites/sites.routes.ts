import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { ADMINS, ALL_ROLES, idParams, type Access } from '../auth/index.js';
import { siteInput, sitePatch } from './sites.schema.js';
import { createSite, listSites, updateSite } from './sites.service.js';

export const siteRoutes = defineRoutes<Access>([
  { method: 'get', path: '/api/sites', access: ALL_ROLES, handler: async (_req, res) => res.json(await listSites()) },
  {
    method: 'post',
    path: '/api/sites',
    access: ADMINS,
    handler: async (req, res) => res.status(201).json(await createSite(parse(siteInput, req.body))),
  },
  {
    method: 'patch',
    path: '/api/sites/:id',
    access: ADMINS,
    handler: async (req, res) => res.json(await updateSite(parse(idParams, req.params).id, parse(sitePatch, req.body))),
  },
]);
