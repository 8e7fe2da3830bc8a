// `npm run reports:rebuild`: recomputes the figures' read model (server/modules/figures/) from the source tables in
// one transaction, prints every difference it found (table, key, expected against stored) and repairs it. Exit 0
// when it ran, drift or not (drift is reported and fixed); 1 when it could not run. `--check` only reports.
// Modules are imported inside main() so that an invalid configuration is reported as a message, not a stack.
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  let close: (() => Promise<void>) | undefined;
  try {
    const [{ ensureDatabaseExists, closeSequelize }, { initModels }, { rebuildFigures }] = await Promise.all([
      import('../db/sequelize.js'),
      import('../models.js'),
      import('../modules/figures/index.js'),
    ]);
    close = closeSequelize;
    await ensureDatabaseExists();
    initModels();
    const started = Date.now();
    const drift = await rebuildFigures({ repair: !check });
    for (const d of drift) say(`drift: ${d.table} ${d.key}: expected ${d.expected}, stored ${d.stored}`);
    const verb = check ? 'checked' : 'rebuilt';
    say(
      drift.length
        ? `${verb}: ${drift.length} difference(s) ${check ? 'found' : 'found and repaired'} in ${Date.now() - started} ms`
        : `${verb}: the read model equals a recount (${Date.now() - started} ms)`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`reports:rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await close?.().catch(() => undefined);
  }
}

process.exitCode = await main(process.argv.slice(2));
