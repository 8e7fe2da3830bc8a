import type { Server } from 'node:http';
import { config } from './config.js';
import { closeSequelize, ensureDatabaseExists } from './db/sequelize.js';
import { initModels } from './models.js';
import { migrateUp } from './db/umzug.js';
import { logger } from './lib/logger.js';
import { createApp } from './app.js';
import { ensureFirstAdmin } from './modules/auth/index.js';
import { refreshSettingsCache, refreshSettingsEvery } from './modules/settings/index.js';
import { announceSetup, storeConfiguredCharity } from './modules/setup/index.js';
import { preparePiiKey } from './lib/pii-key.js';
import { registerChannels } from './channels.js';
import { startOutboxWorker, type RunningWorker } from './modules/outbox/index.js';

export interface RunningServer {
  port: number;
  /** The one-time setup link while no user exists (issue 22). */
  setupLink?: string;
  close(): Promise<void>;
}

export async function start(port = config.port): Promise<RunningServer> {
  await preparePiiKey();
  await ensureDatabaseExists();
  initModels();
  if (config.db.migrateOnBoot) {
    const applied = await migrateUp();
    if (applied.length) logger.info('db.migrated', { applied });
  }
  await refreshSettingsCache(); // the stored country, before any request is validated by it
  const admin = await ensureFirstAdmin();
  if (admin === 'created') {
    logger.info('auth.first_admin_created');
    await storeConfiguredCharity(); // CHARITY_NAME… of an unattended install
  }
  // While no user exists: the one-time setup link (logged; main.ts prints it to the terminal too).
  const setupLink = await announceSetup();
  const server: Server = createApp().listen(port);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  // The outbox's delivery worker runs in this process unless OUTBOX_WORKER=off (then `npm run worker` runs it). Here
  // it sends one message at a time, so requests never wait behind several deliveries (docs/performance.md).
  registerChannels();
  const worker: RunningWorker | undefined = config.outbox.worker ? startOutboxWorker({ concurrency: 1 }) : undefined;
  // Another instance's settings change (the country) reaches this one within a minute.
  const stopRefresh = refreshSettingsEvery(60_000);
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    setupLink,
    close: async () => {
      stopRefresh();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker?.stop();
      await closeSequelize();
    },
  };
}
