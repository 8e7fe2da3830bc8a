import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { ADMINS, idParams, type Access } from '../auth/index.js';
import { outboxQuery } from './outbox.schema.js';
import { listOutbox, retryMessage } from './outbox.service.js';

export const outboxRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/outbox',
    access: ADMINS,
    handler: async (req, res) => res.json(await listOutbox(parse(outboxQuery, req.query))),
  },
  {
    method: 'post',
    path: '/api/outbox/:id/retry',
    access: ADMINS,
    body: 'none',
    handler: async (req, res) => res.json(await retryMessage(parse(idParams, req.params).id)),
  },
]);
