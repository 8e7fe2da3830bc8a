import Joi from 'joi';
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { ALL_ROLES, type Access } from '../auth/index.js';
import { resolveScan } from './scan.service.js';

const scanParams = Joi.object<{ code: string }>({ code: Joi.string().trim().min(1).max(300).required() });

export const scanRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/scan/:code',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await resolveScan(parse(scanParams, req.params).code)),
  },
]);
