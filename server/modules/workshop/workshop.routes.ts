import Joi from 'joi';
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { pageQueryKeys } from '../../lib/pagination.js';
import { actorOf, ALL_ROLES, idParams, STAFF, type Access } from '../auth/index.js';
import { listParts, listSamples, workQueues } from './workshop.queries.js';
import { verifySample } from './workshop.records.js';

const queueQuery = Joi.object<{ limit: number }>({ limit: Joi.number().integer().min(1).max(50).default(5) });
const partsQuery = Joi.object({
  ...pageQueryKeys,
  status: Joi.string().valid('available', 'used'),
  type: Joi.string().trim().lowercase().max(32),
});
const samplesQuery = Joi.object({
  ...pageQueryKeys,
  status: Joi.string().valid('pending', 'passed', 'failed').default('pending'),
});
const verifyInput = Joi.object<{ result: 'passed' | 'failed'; notes?: string }>({
  result: Joi.string().valid('passed', 'failed').required(),
  notes: Joi.string().trim().max(2000).allow(''),
});

export const workshopRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/work-queues',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await workQueues(parse(queueQuery, req.query).limit)),
  },
  {
    method: 'get',
    path: '/api/parts',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await listParts(parse(partsQuery, req.query))),
  },
  {
    method: 'get',
    path: '/api/verification-samples',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await listSamples(parse(samplesQuery, req.query))),
  },
  {
    method: 'post',
    path: '/api/verification-samples/:id/verify',
    access: STAFF,
    handler: async (req, res) =>
      res.json(await verifySample(parse(idParams, req.params).id, parse(verifyInput, req.body), actorOf(req))),
  },
]);
