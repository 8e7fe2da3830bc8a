import { config } from '../../config.js';
import { getSequelize } from '../../db/sequelize.js';
import { defineRoutes } from '../../lib/route.js';
import type { Access } from '../auth/index.js';
import pkg from '../../../package.json' with { type: 'json' };

export const healthRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/health',
    access: 'public',
    handler: async (_req, res) => {
      await getSequelize().query('SELECT 1');
      res.json({ status: 'ok', database: config.db.dialect, version: pkg.version });
    },
  },
]);
