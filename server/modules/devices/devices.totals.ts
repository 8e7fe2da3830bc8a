// Totals of filtered device lists, shared for a few seconds. COUNT(*) reads every matching index entry: about
// 20,000 for `status=ready` at 100,000 devices, ~3 ms of database CPU on every page request, as much as the page
// itself (docs/performance.md). A total is recounted after any write committed by this instance, and is never
// older than LIST_TOTALS_CACHE_MS (writes through other instances); the rows on the page are always read fresh.
import type { WhereOptions } from 'sequelize';
import { config } from '../../config.js';
import { writeGeneration } from '../../db/sequelize.js';
import { sharedResults } from '../../lib/shared-results.js';
import { Device } from './devices.model.js';

const totals = sharedResults<number>({
  maxAgeMs: config.cache.listTotalsMs,
  maxKeys: 500,
  generation: writeGeneration,
});

/** COUNT(*) of devices matching `where`; `key` names the filter (equal keys must mean equal filters). */
export function countDevices(where: WhereOptions<Device>, key: string): Promise<number> {
  return totals(key, () => Device.count({ where }));
}
