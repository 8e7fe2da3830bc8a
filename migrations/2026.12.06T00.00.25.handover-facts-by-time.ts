import type { Migration } from '../server/db/umzug.js';

// A programme's progress reads its handovers of the last weeks and its first handover from the handover facts
// (server/modules/figures/figures.programmes.ts): an index on programme then time keeps that to the rows in the window.
const NAME = 'figure_handover_facts_programme_time';

export const up: Migration = async ({ context: q }) => {
  const indexes = (await q.showIndex('figure_handover_facts')) as { name: string }[];
  if (!indexes.some((i) => i.name === NAME))
    await q.addIndex('figure_handover_facts', ['programme_id', 'handed_over_at'], { name: NAME });
};

export const down: Migration = async ({ context: q }) => {
  await q.removeIndex('figure_handover_facts', NAME);
};
