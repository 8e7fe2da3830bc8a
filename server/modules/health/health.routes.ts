import { config } from '../../config.js';
import { getSequelize } from '../../db/sequelize.js';
import { replicaHealth } from '../../db/replicas.js';
import { replicasConfigured } from '../../db/replica-routing.js';
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
      if (!replicasConfigured()) return res.json({ status: 'ok', database: config.db.dialect, version: pkg.version });
      // With read replicas: "degraded" while one is unreachable or too far behind, still 200 (this instance serves
      // every request, reading the primary instead), so a load balancer keeps sending traffic here. The replicas'
      // states are the monitor's last look (db/replicas.ts): health never queries them, and never writes.
      const replicas = replicaHealth();
      const reasons = replicas.flatMap((r) => (r.reason ? [r.reason] : []));
      res.json({
        status: reasons.length ? 'degraded' : 'ok',
        ...(reasons.length ? { reason: reasons.join('; ') } : {}),
        database: config.db.dialect,
        version: pkg.version,
        replicas,
      });
    },
  },
]);
