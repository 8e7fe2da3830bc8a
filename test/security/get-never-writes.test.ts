// A GET never writes. Every GET route of the application (walked from allRoutes, so new ones are covered) is
// called as an admin with the ids, tags, codes and tokens of real records, and afterwards every table has the same
// row count and checksum as before. Receipts used to be numbered by the first GET of a receipt; now the first
// intake numbers them (server/modules/donations/donations.receipt.ts). Viewing labels used to record a
// `label_printed` event per device; printing is now `POST /api/labels/print`.
import { expect } from 'chai';
import { getSequelize } from '../../server/db/sequelize.js';
import { allRoutes } from '../../server/routes.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { snapshot, type Snapshot } from './data-snapshot.js';
import { buildWorld, urlsOf } from './world.js';

// The public rate limits' counters (rate_limit_hits) are bookkeeping, left out of every snapshot (data-snapshot.ts).
const changedTables = (before: Snapshot, after: Snapshot): string[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]))
    .sort();

describe('a GET never writes', () => {
  it('when every GET route is called with real ids, no table changes (receipts included: viewing one numbers nothing)', async function () {
    this.timeout(300_000);
    const world = await buildWorld();
    const { token } = await signIn('admin');
    const [donation] = await rawSelect<{ id: number; receipt_number: string | null }>(
      "SELECT id, receipt_number FROM donations WHERE channel = 'pledge'",
    );
    const [device] = await rawSelect<{ id: number }>('SELECT id FROM devices ORDER BY id LIMIT 1');
    // Filters many list and document routes take; unknown ones are ignored or refused with 400.
    const queries = ['', `?donationId=${donation.id}`, `?deviceIds=${device.id}`, '?status=handed_over'];
    const sequelize = getSequelize();
    let before = await snapshot(sequelize);
    const writes: string[] = [];
    let calls = 0;
    for (const route of allRoutes.filter((r) => r.method === 'get')) {
      for (const url of urlsOf(route.path, world.paramValues)) {
        for (const query of route.path.includes(':') ? [''] : queries) {
          const res = await api()
            .get(url + query)
            .set(bearer(token))
            .set('Accept', 'application/json, text/html');
          calls += 1;
          if (res.status >= 500) writes.push(`GET ${url}${query} → ${res.status}`);
        }
      }
      const after = await snapshot(sequelize);
      const changed = changedTables(before, after);
      if (changed.length) writes.push(`GET ${route.path} changed ${changed.join(', ')}`);
      before = after;
    }

    expect(calls).to.be.greaterThan(100);
    expect(writes).to.deep.equal([]);
    expect(donation.receipt_number, 'the intake numbered the receipt').to.match(/^RC-\d{4}-\d{4}$/);
  });
});
