import Joi from 'joi';
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { singleFile } from '../../lib/upload.js';
import { actorOf, idParams, MANAGERS, ALL_ROLES, type Access } from '../auth/index.js';
import { setAppointment } from './allocations.appointment.js';
import { handover, MAX_SIGNATURE_BYTES, readSignature } from './allocations.handover.js';
import { allocate, cancelAllocation, getAllocation, listAllocations } from './allocations.service.js';
import {
  allocateInput,
  allocationListQuery,
  appointmentInput,
  cancelInput,
  handoverInput,
} from './allocations.schema.js';
import { suggestions } from './allocations.suggestions.js';

const suggestionQuery = Joi.object<{ limit: number }>({ limit: Joi.number().integer().min(1).max(100).default(20) });

export const allocationRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/allocations',
    access: ALL_ROLES,
    handler: async (req, res) =>
      res.json(await listAllocations(parse(allocationListQuery, req.query), actorOf(req).role)),
  },
  {
    method: 'post',
    path: '/api/allocations',
    access: MANAGERS,
    handler: async (req, res) => res.status(201).json(await allocate(parse(allocateInput, req.body), actorOf(req))),
  },
  {
    method: 'get',
    path: '/api/allocations/suggestions',
    access: MANAGERS,
    handler: async (req, res) => res.json(await suggestions(parse(suggestionQuery, req.query).limit)),
  },
  {
    method: 'get',
    path: '/api/allocations/:id',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await getAllocation(parse(idParams, req.params).id, actorOf(req).role)),
  },
  {
    method: 'post',
    path: '/api/allocations/:id/cancel',
    access: MANAGERS,
    handler: async (req, res) =>
      res.json(
        await cancelAllocation(parse(idParams, req.params).id, parse(cancelInput, req.body).reason, actorOf(req)),
      ),
  },
  {
    // The handover appointment; a consenting family is messaged (spec §12). Whoever may hand over may arrange it.
    method: 'put',
    path: '/api/allocations/:id/appointment',
    access: MANAGERS,
    handler: async (req, res) =>
      res.json(await setAppointment(parse(idParams, req.params).id, parse(appointmentInput, req.body), actorOf(req))),
  },
  {
    // JSON with a data-URL signature (the on-screen pad), or multipart with a file field "signature".
    method: 'post',
    path: '/api/allocations/:id/handover',
    access: MANAGERS,
    body: 'json_or_multipart',
    jsonLimit: '2mb',
    before: [singleFile('signature', MAX_SIGNATURE_BYTES)],
    handler: async (req, res) => {
      const { id } = parse(idParams, req.params);
      const input = parse(handoverInput, req.body);
      res.json(await handover(id, input, readSignature(input, req.file), actorOf(req)));
    },
  },
]);
