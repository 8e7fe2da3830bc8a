// `npm run worker`: the outbox's delivery worker as its own process, for deployments that run it apart from the web
// instances (set OUTBOX_WORKER=off on those). Several may run at once against one MariaDB: claims never overlap.
// It does not migrate: the web instances do.
async function main(): Promise<void> {
  let config;
  try {
    ({ config } = await import('./config.js'));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
  const { logger } = await import('./lib/logger.js');
  const { preparePiiKey } = await import('./lib/pii-key.js');
  const { closeSequelize, ensureDatabaseExists } = await import('./db/sequelize.js');
  const { initModels } = await import('./models.js');
  const { registerChannels } = await import('./channels.js');
  const { startOutboxWorker } = await import('./modules/outbox/index.js');
  const { refreshSettingsCache, refreshSettingsEvery } = await import('./modules/settings/index.js');
  try {
    await preparePiiKey();
    await ensureDatabaseExists();
    initModels();
    // The charity's country (messages to families are worded by it): the stored one, re-read every minute.
    await refreshSettingsCache();
    refreshSettingsEvery(60_000);
    registerChannels();
    const worker = startOutboxWorker();
    const stop = (signal: string) => {
      logger.info('worker.stopping', { signal });
      worker
        .stop()
        .then(closeSequelize)
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    logger.info('worker.running', { database: config.db.dialect, pollMs: config.outbox.pollMs });
  } catch (err) {
    logger.error('worker.start_failed', { error: (err as Error).message });
    process.exit(1);
  }
}

void main();
