import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { requireFile, singleFile } from '../../lib/upload.js';
import { actorOf, ALL_ROLES, STAFF, type Access } from '../auth/index.js';
import { deviceIdParams } from '../devices/index.js';
import { decide, listAwaiting, listVerifiers } from './sanitization.confirm.js';
import {
  awaitingQuery,
  nwipeUploadFields,
  rejectInput,
  sanitizationIdParams,
  sanitizationInput,
} from './sanitization.schema.js';
import { listSanitizations, recordNwipeLog, recordSanitizations, recordWithFile } from './sanitization.service.js';

export const sanitizationRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/devices/:id/sanitizations',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await listSanitizations(parse(deviceIdParams, req.params).id)),
  },
  {
    // JSON: one record for one drive, typed in: it awaits its named verifier's confirmation (spec §10). Without a
    // driveSerial, a record of the whole device: a phone's or tablet's factory reset with encryption, or its
    // destruction (docs/phones.md).
    // Multipart with the record's fields (driveSerial, technique, …) and "file": that record, evidenced by the file (a
    // tool's report; for destroy, a photo or certificate), counted at once. Multipart with only "file" (and
    // optionally verifierId, notes): an nwipe log, one counted record per drive in it.
    method: 'post',
    path: '/api/devices/:id/sanitizations',
    access: STAFF,
    body: 'json_or_multipart',
    before: [singleFile('file')],
    handler: async (req, res) => {
      const { id } = parse(deviceIdParams, req.params);
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (req.is('multipart/form-data') && body.driveSerial === undefined && body.technique === undefined) {
        const records = await recordNwipeLog(id, requireFile(req), parse(nwipeUploadFields, req.body), actorOf(req));
        res.status(201).json({ records });
        return;
      }
      const input = parse(sanitizationInput, req.body);
      if (req.is('multipart/form-data')) {
        res.status(201).json(await recordWithFile(id, input, requireFile(req), actorOf(req)));
        return;
      }
      const [record] = await recordSanitizations(id, [{ ...input, source: 'manual' }], actorOf(req));
      res.status(201).json(record);
    },
  },
  {
    // The "awaiting my confirmation" work queue.
    method: 'get',
    path: '/api/sanitizations',
    reads: 'replica',
    access: STAFF,
    handler: async (req, res) => {
      const q = parse(awaitingQuery, req.query);
      res.json(await listAwaiting(actorOf(req), q.page, q.pageSize));
    },
  },
  {
    method: 'get',
    path: '/api/sanitizations/verifiers',
    access: STAFF,
    handler: async (req, res) => res.json(await listVerifiers(actorOf(req))),
  },
  {
    method: 'post',
    path: '/api/sanitizations/:id/confirm',
    access: STAFF,
    body: 'none',
    handler: async (req, res) =>
      res.json(await decide(parse(sanitizationIdParams, req.params).id, { kind: 'confirm' }, actorOf(req))),
  },
  {
    method: 'post',
    path: '/api/sanitizations/:id/reject',
    access: STAFF,
    handler: async (req, res) => {
      const { reason } = parse(rejectInput, req.body);
      res.json(await decide(parse(sanitizationIdParams, req.params).id, { kind: 'reject', reason }, actorOf(req)));
    },
  },
]);
