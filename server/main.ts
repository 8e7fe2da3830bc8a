// Boot: config → database → migrations → first admin → listen. SIGTERM/SIGINT close cleanly.
import v8 from 'node:v8';

// Let the heap grow to twice what survived the last full collection before collecting again (V8 otherwise allows
// up to 4×). The live heap of a busy server is ~50 MB; the default let RSS reach 330 MB under 32 concurrent
// clients, this keeps it near 200 MB for a few more, short, collections (docs/performance.md). V8 reads the flag
// each time it sets the next limit, so setting it at start works.
v8.setFlagsFromString('--heap-growing-percent=100');

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
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('unhandledRejection', (reason) => {
      logger.error('process.unhandled_rejection', { reason: reason instanceof Error ? reason.stack : String(reason) });
      void server.close().finally(() => process.exit(1));
    });
    logger.info('server.listening', { port: config.port, database: config.db.dialect });
    // The terminal that ran `npm start` shows the setup link even when the log goes to a file (LOG_FILE).
    if (server.setupLink)
      process.stdout.write(
        `\n  Nimah is not set up yet. Open this link to set it up (it works once):\n  ${server.setupLink}\n\n`,
      );
  } catch (err) {
    logger.error('server.start_failed', { error: (err as Error).message });
    process.exit(1);
  }
}

void main();
