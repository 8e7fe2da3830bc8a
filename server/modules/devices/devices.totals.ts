// Totals of filtered device lists, shared for a few seconds. COUNT(*) reads every matching index entry: about
// 20,000 for `status=ready` at 100,000 devices, ~3 ms of database CPU on every page request, as much as the page
// itself (docs/performance.md). A total may therefore lag the rows by up to TOTALS_TTL_MS; the rows on the page
// are always read fresh. Under test every request counts afresh, because tests change the data between requests.
import type { WhereOptions } from 'sequelize';
import { config } from '../../config.js';
import { Device } from './devices.model.js';

const TOTALS_TTL_MS = config.env === 'test' ? 0 : 5_000;
const MAX_KEYS = 500;
const totals = new Map<string, { at: number; value: Promise<number> }>();

/** COUNT(*) of devices matching `where`; `key` names the filter (equal keys must mean equal filters). */
export function countDevices(where: WhereOptions<Device>, key: string): Promise<number> {
  if (TOTALS_TTL_MS === 0) return Device.count({ where });
  const now = Date.now();
  const hit = totals.get(key);
  if (hit && now - hit.at < TOTALS_TTL_MS) return hit.value;
  // One count per filter at a time: concurrent requests share the promise instead of all counting at once.
  const value = Device.count({ where });
  totals.delete(key);
  if (totals.size >= MAX_KEYS) totals.delete(totals.keys().next().value as string);
  totals.set(key, { at: now, value });
  value.catch(() => { if (totals.get(key)?.value === value) totals.delete(key); });
  return value;
}
