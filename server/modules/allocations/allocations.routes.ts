import Joi from 'joi';
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { singleFile } from '../../lib/upload.js';
import { actorOf, idParams, MANAGERS, ALL_ROLES, HANDOVER_ROLES, type Access } from '../auth/index.js';
import { batchListQuery, batchInput } from './allocations.batch-schema.js';
import { handoverBatch } from './allocations.batch-handover.js';
import { cancelBatch, createBatch, getBatch, listBatches } from './allocations.batches.js';
import { custodyListQuery, custodyPage, custodyReturnInput, returnDevice } from './allocations.custody.js';
import { setAppointment } from './allocations.appointment.js';
import { handover, MAX_SIGNATURE_BYTES, readSignature } from './allocations.handover.js';
import { allocate, cancelAllocation, getAllocation, listAllocations } from './allocations.service.js';
import {
  allocateInput,
  allocationListQuery,
  appointmentInput,
  batchHandoverInput,
  cancelInput,
  handoverInput,
} from './allocations.schema.js';
import { suggestions } from './allocations.suggestions.js';

/** Every staff role reads allocations; a partner its own (the service scopes them to its custody). */
const READERS: Access = [...ALL_ROLES, 'partner'];

const suggestionQuery = Joi.object<{ limit: number }>({ limit: Joi.number().integer().min(1).max(100).default(20) });

export const allocationRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/allocations',
    reads: 'replica',
    access: READERS,
    handler: async (req, res) => res.json(await listAllocations(parse(allocationListQuery, req.query), actorOf(req))),
  },
  {
    // A partner hands on a device in its custody to a family it referred (spec §13); the service checks both.
    method: 'post',
    path: '/api/allocations',
    access: HANDOVER_ROLES,
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
    access: READERS,
    handler: async (req, res) => res.json(await getAllocation(parse(idParams, req.params).id, actorOf(req))),
  },
  {
    method: 'post',
    path: '/api/allocations/:id/cancel',
    access: HANDOVER_ROLES,
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
    access: HANDOVER_ROLES,
    body: 'json_or_multipart',
    jsonLimit: '2mb',
    before: [singleFile('signature', MAX_SIGNATURE_BYTES)],
    handler: async (req, res) => {
      const { id } = parse(idParams, req.params);
      const input = parse(handoverInput, req.body);
      res.json(await handover(id, input, readSignature(input, req.file), actorOf(req)));
    },
  },
  {
    method: 'post',
    path: '/api/allocation-batches',
    access: MANAGERS,
    handler: async (req, res) => res.status(201).json(await createBatch(parse(batchInput, req.body), actorOf(req))),
  },
  {
    method: 'get',
    path: '/api/allocation-batches',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await listBatches(parse(batchListQuery, req.query), actorOf(req).role)),
  },
  {
    method: 'get',
    path: '/api/allocation-batches/:id',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await getBatch(parse(idParams, req.params).id, actorOf(req).role)),
  },
  {
    // One signature by the receiving contact for the whole batch: JSON with a data URL, or multipart "signature".
    method: 'post',
    path: '/api/allocation-batches/:id/handover',
    access: MANAGERS,
    body: 'json_or_multipart',
    jsonLimit: '2mb',
    before: [singleFile('signature', MAX_SIGNATURE_BYTES)],
    handler: async (req, res) => {
      const { id } = parse(idParams, req.params);
      // The same body as one device's handover: receiver, signature, date, accessories (no bundle).
      const input = parse(batchHandoverInput, req.body);
      res.json(await handoverBatch(id, input, readSignature(input, req.file), actorOf(req)));
    },
  },
  {
    method: 'post',
    path: '/api/allocation-batches/:id/cancel',
    access: MANAGERS,
    handler: async (req, res) =>
      res.json(await cancelBatch(parse(idParams, req.params).id, parse(cancelInput, req.body).reason, actorOf(req))),
  },
  {
    // A partner's own custody, or (staff) every partner's, optionally one.
    method: 'get',
    path: '/api/custody/devices',
    access: [...ALL_ROLES, 'partner'],
    handler: async (req, res) => res.json(await custodyPage(parse(custodyListQuery, req.query), actorOf(req))),
  },
  {
    method: 'post',
    path: '/api/custody/devices/:id/return',
    access: HANDOVER_ROLES,
    handler: async (req, res) =>
      res.json(await returnDevice(parse(idParams, req.params).id, parse(custodyReturnInput, req.body), actorOf(req))),
  },
]);
