// Webhook endpoints (admins only, spec §12). The URL policy is the configuration's (WEBHOOK_ALLOW_PRIVATE,
// PUBLIC_URL), passed to the service as a parameter.
import { config } from '../../config.js';
import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { actorOf, ADMINS, idParams, type Access } from '../auth/index.js';
import type { TargetPolicy } from './webhooks.address.js';
import { webhookDeliveryQuery, webhookInput, webhookListQuery, webhookPatch } from './webhooks.schema.js';
import { createEndpoint, deleteEndpoint, listDeliveries, listEndpoints, updateEndpoint } from './webhooks.service.js';

const policy = (): TargetPolicy => ({ allowPrivate: config.webhooks.allowPrivate, publicUrl: config.publicUrl });

export const webhookRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/webhooks',
    access: ADMINS,
    handler: async (req, res) => res.json(await listEndpoints(parse(webhookListQuery, req.query))),
  },
  {
    method: 'post',
    path: '/api/webhooks',
    access: ADMINS,
    handler: async (req, res) =>
      res.status(201).json(await createEndpoint(parse(webhookInput, req.body), actorOf(req), policy())),
  },
  {
    method: 'patch',
    path: '/api/webhooks/:id',
    access: ADMINS,
    handler: async (req, res) =>
      res.json(
        await updateEndpoint(parse(idParams, req.params).id, parse(webhookPatch, req.body), actorOf(req), policy()),
      ),
  },
  {
    method: 'delete',
    path: '/api/webhooks/:id',
    access: ADMINS,
    handler: async (req, res) => {
      await deleteEndpoint(parse(idParams, req.params).id, actorOf(req));
      res.status(204).end();
    },
  },
  {
    method: 'get',
    path: '/api/webhooks/:id/deliveries',
    access: ADMINS,
    handler: async (req, res) =>
      res.json(await listDeliveries(parse(idParams, req.params).id, parse(webhookDeliveryQuery, req.query))),
  },
]);
