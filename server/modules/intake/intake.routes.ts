import Joi from 'joi';
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { ALL_ROLES, type Access } from '../auth/index.js';
import { intakeQueue } from './intake.service.js';

/**
 * The queue shows the 50 oldest of each list by default (the totals say how many wait in all, and the device list
 * filtered by status=intake pages through the rest): at 100,000 devices a queue of 100 pledges and 100 devices was
 * ~100 KB of JSON per view, and most of this request's CPU (docs/performance.md).
 */
const queueQuery = Joi.object<{ limit: number }>({ limit: Joi.number().integer().min(1).max(200).default(50) });

export const intakeRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/intake-queue',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await intakeQueue(parse(queueQuery, req.query).limit)),
  },
]);
