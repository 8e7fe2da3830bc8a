import Joi from 'joi';
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';
import { ALL_ROLES, type Access } from '../auth/index.js';
import { verifyChains } from './devices.events.js';
import { deviceListQuery, idParams } from './devices.schema.js';
import * as devices from './devices.service.js';

const eventsQuery = Joi.object<PageQuery>({ ...pageQueryKeys, pageSize: pageQueryKeys.pageSize.default(200) });

export const deviceRoutes = defineRoutes<Access>([
  { method: 'get', path: '/api/devices', access: ALL_ROLES, handler: async (req, res) => res.json(await devices.listDevices(parse(deviceListQuery, req.query))) },
  {
    method: 'get', path: '/api/devices/:id/events', access: ALL_ROLES,
    handler: async (req, res) => res.json(await devices.listDeviceEvents(parse(idParams, req.params).id, parse(eventsQuery, req.query))),
  },
  { method: 'get', path: '/api/audit/verify', access: ALL_ROLES, handler: async (_req, res) => res.json(await verifyChains()) },
]);
