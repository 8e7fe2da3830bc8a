import { defineRoutes } from '../../lib/route.js';
import { ALL_ROLES, type Access } from '../auth/index.js';
import { streamDevicesCsv } from './reports.csv.js';
import { cachedDashboard } from './reports.dashboard.js';

export const reportRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/reports/dashboard',
    access: ALL_ROLES,
    handler: async (_req, res) => res.json(await cachedDashboard()),
  },
  {
    method: 'get',
    path: '/api/reports/devices.csv',
    access: ALL_ROLES,
    handler: async (_req, res) => streamDevicesCsv(res),
  },
]);
