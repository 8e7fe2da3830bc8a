import type { Server } from 'node:http';
import { config } from './config.js';
import { closeSequelize, ensureDatabaseExists } from './db/sequelize.js';
import { initModels } from './models.js';
import { migrateUp } from './db/umzug.js';
import { withBootLock } from './db/boot-lock.js';
import { logger } from './lib/logger.js';
import { createApp } from './app.js';
import { ensureFirstAdmin } from './modules/auth/index.js';
import { preparePiiKey } from './lib/pii-key.js';
import { registerChannels } from './channels.js';
import { startOutboxWorker, type RunningWorker } from './modules/outbox/index.js';
import { startReplicaMonitor, stopReplicaMonitor } from './db/replicas.js';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export async function start(port = config.port): Promise<RunningServer> {
  await preparePiiKey();
  await ensureDatabaseExists();
  initModels();
  // Any number of instances may start at once on one database: one at a time migrates and creates the first admin,
  // the others then find nothing to do (db/boot-lock.ts, docs/scaling.md).
  const admin = await withBootLock(async () => {
    if (config.db.migrateOnBoot) {
      const applied = await migrateUp();
      if (applied.length) logger.info('db.migrated', { applied });
    }
    return ensureFirstAdmin();
  });
  if (admin === 'created') logger.info('auth.first_admin_created');
  if (admin === 'not_configured')
    logger.warn('auth.no_users', { hint: 'set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin' });
  // With DATABASE_REPLICA_URLS: the heartbeat on the primary and the replicas' checks (db/replicas.ts). Until the first
  // check has found them fit, every read goes to the primary.
  await startReplicaMonitor();
  const server: Server = createApp().listen(port);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  // The outbox's delivery worker runs in this process unless OUTBOX_WORKER=off (then `npm run worker` runs it). Here
  // it sends one message at a time, so requests never wait behind several deliveries (docs/performance.md).
  registerChannels();
  const worker: RunningWorker | undefined = config.outbox.worker ? startOutboxWorker({ concurrency: 1 }) : undefined;
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker?.stop();
      await stopReplicaMonitor();
      await closeSequelize();
    },
  };
}
