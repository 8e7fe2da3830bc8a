import Joi from 'joi';
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { pageQueryKeys } from '../../lib/pagination.js';
import { actorOf, ALL_ROLES, idParams, STAFF, type Access } from '../auth/index.js';
import { act } from './workshop.actions.js';
import { readDeviceFile } from '../sanitization/index.js';
import { readDevicePage } from './device-page.js';
import { listParts, listSamples, workQueues } from './workshop.queries.js';
import { addNote, moveDevice, verifySample } from './workshop.records.js';
import { parseWorkshopAction } from './workshop.schema.js';

const fileParams = Joi.object<{ id: number; fileId: number }>({
  id: Joi.number().integer().positive().max(2 ** 31 - 1).required(), fileId: Joi.number().integer().positive().max(2 ** 31 - 1).required(),
});
const queueQuery = Joi.object<{ limit: number }>({ limit: Joi.number().integer().min(1).max(50).default(5) });
const noteInput = Joi.object<{ text: string }>({ text: Joi.string().trim().min(1).max(4000).required() });
const moveInput = Joi.object<{ siteId: number; reason?: string }>({ siteId: Joi.number().integer().positive().required(), reason: Joi.string().trim().max(500).allow('') });
const partsQuery = Joi.object({ ...pageQueryKeys, status: Joi.string().valid('available', 'used'), type: Joi.string().trim().lowercase().max(32) });
const samplesQuery = Joi.object({ ...pageQueryKeys, status: Joi.string().valid('pending', 'passed', 'failed').default('pending') });
const verifyInput = Joi.object<{ result: 'passed' | 'failed'; notes?: string }>({ result: Joi.string().valid('passed', 'failed').required(), notes: Joi.string().trim().max(2000).allow('') });

export const workshopRoutes = defineRoutes<Access>([
  {
    // The device page: the device with its drives and history, plus its sanitization records and evidence files.
    method: 'get', path: '/api/devices/:id', access: ALL_ROLES,
    handler: async (req, res) => res.json(await readDevicePage(parse(idParams, req.params).id)),
  },
  {
    method: 'post', path: '/api/devices/:id/actions', access: STAFF,
    handler: async (req, res) => res.json(await act(parse(idParams, req.params).id, parseWorkshopAction(req.body), actorOf(req))),
  },
  {
    // Evidence as it was uploaded, always as a download: never rendered by the browser, whatever it holds.
    method: 'get', path: '/api/devices/:id/files/:fileId', access: ALL_ROLES,
    handler: async (req, res) => {
      const { id, fileId } = parse(fileParams, req.params);
      const file = await readDeviceFile(id, fileId);
      res.attachment(file.name).type('application/octet-stream').send(file.data);
    },
  },
  {
    method: 'post', path: '/api/devices/:id/notes', access: STAFF,
    handler: async (req, res) => res.status(201).json(await addNote(parse(idParams, req.params).id, parse(noteInput, req.body).text, actorOf(req))),
  },
  {
    method: 'post', path: '/api/devices/:id/moves', access: STAFF,
    handler: async (req, res) => res.status(201).json(await moveDevice(parse(idParams, req.params).id, parse(moveInput, req.body), actorOf(req))),
  },
  { method: 'get', path: '/api/work-queues', access: ALL_ROLES, handler: async (req, res) => res.json(await workQueues(parse(queueQuery, req.query).limit)) },
  { method: 'get', path: '/api/parts', access: ALL_ROLES, handler: async (req, res) => res.json(await listParts(parse(partsQuery, req.query))) },
  { method: 'get', path: '/api/verification-samples', access: ALL_ROLES, handler: async (req, res) => res.json(await listSamples(parse(samplesQuery, req.query))) },
  {
    method: 'post', path: '/api/verification-samples/:id/verify', access: STAFF,
    handler: async (req, res) => res.json(await verifySample(parse(idParams, req.params).id, parse(verifyInput, req.body), actorOf(req))),
  },
]);
