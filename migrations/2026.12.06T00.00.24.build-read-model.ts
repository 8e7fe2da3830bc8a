// Fills the figures' read model (the tables of …23.read-model) from the data already there, with the same recount
// as `npm run reports:rebuild` (server/modules/figures/figures.rebuild.ts): handover facts from the allocations
// handed over (who and where as the data says today), stage spans from the status events, the counters from the
// source tables. Safe to run again: it only repairs what differs.
import type { Migration } from '../server/db/umzug.js';
import { rebuildFiguresIn } from '../server/modules/figures/index.js';

export const up: Migration = async ({ context: q }) => {
  await q.sequelize.transaction(async (transaction) => {
    await rebuildFiguresIn(transaction);
  });
};

// Going down leaves the rows: …23's down drops the tables.
export const down: Migration = async () => undefined;
