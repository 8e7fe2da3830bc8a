import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { requireFile, singleFile } from '../../lib/upload.js';
import { actorOf, ALL_ROLES, STAFF, type Access } from '../auth/index.js';
import { deviceIdParams } from '../devices/index.js';
import { nwipeUploadFields, sanitizationInput } from './sanitization.schema.js';
import { listSanitizations, recordNwipeLog, recordSanitizations } from './sanitization.service.js';

export const sanitizationRoutes = defineRoutes<Access>([
  {
    method: 'get', path: '/api/devices/:id/sanitizations', access: ALL_ROLES,
    handler: async (req, res) => res.json(await listSanitizations(parse(deviceIdParams, req.params).id)),
  },
  {
    // JSON: one record for one drive. Multipart: field "file" holds an nwipe log, one record per drive in it.
    method: 'post', path: '/api/devices/:id/sanitizations', access: STAFF, body: 'json_or_multipart', before: [singleFile('file')],
    handler: async (req, res) => {
      const { id } = parse(deviceIdParams, req.params);
      if (req.is('multipart/form-data')) {
        const records = await recordNwipeLog(id, requireFile(req), parse(nwipeUploadFields, req.body), actorOf(req));
        res.status(201).json({ records });
        return;
      }
      const input = parse(sanitizationInput, req.body);
      const [record] = await recordSanitizations(id, [{ ...input, source: 'manual' }], actorOf(req));
      res.status(201).json(record);
    },
  },
]);
