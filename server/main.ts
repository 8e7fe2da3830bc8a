// Boot: config → database → migrations → first admin → listen. SIGTERM/SIGINT close cleanly.
async function main(): Promise<void> {
  let config;
  try {
    ({ config } = await import('./config.js'));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
  const { logger } = await import('./lib/logger.js');
  const { start } = await import('./server.js');
  try {
    const server = await start();
    const stop = (signal: string) => {
      logger.info('server.stopping', { signal });
      server.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('unhandledRejection', (reason) => {
      logger.error('process.unhandled_rejection', { reason: reason instanceof Error ? reason.stack : String(reason) });
      server.close().finally(() => process.exit(1));
    });
    logger.info('server.listening', { port: config.port, database: config.db.dialect });
  } catch (err) {
    logger.error('server.start_failed', { error: (err as Error).message });
    process.exit(1);
  }
}

void main();
