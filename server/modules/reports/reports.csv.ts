// The devices as CSV: status, grade, donor and dates, streamed in keyset batches (one query per batch of rows, donor
// and donation joined) so memory stays flat at any size. No beneficiary data. Three ways to say which devices:
// GET with no query: every device; GET with the device list's filters (q, status, type, donationId, siteId): every
// device matching them, however many (the list's "all matching" selection); GET `?ids=1,2,3` (at most 1,000, a URL's
// worth) or POST `{ ids: [...] }` (up to a selection's 5,000, in the body): a selection. The POST only reads.
import Joi from 'joi';
import type { Response } from 'express';
import { invalid } from '../../lib/parse.js';
import { csvStringifier } from '../../lib/csv.js';
import {
  devicesCsvBatch,
  SELECTION_MAX,
  selectionQuery,
  type DeviceCsvScope,
  type DeviceFilter,
} from '../devices/index.js';

const BATCH = 1000;
/** At most this many ids in `?ids=` (about 8 KB of query string: under any proxy's URL limit). */
export const CSV_MAX_IDS = 1000;

/**
 * `?ids=1,2,3`: device ids separated by commas, at most CSV_MAX_IDS; or the device list's filters; neither for every
 * device. Both together: the ids among those matching.
 */
export const devicesCsvQuery = (selectionQuery as Joi.ObjectSchema<DeviceFilter & { ids?: number[] }>).keys({
  ids: Joi.any().custom((value: unknown, helpers) => {
    const parts = (Array.isArray(value) ? value.join(',') : String(value))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!parts.length || parts.some((p) => !/^[1-9]\d{0,9}$/.test(p)))
      return invalid(helpers, 'ids.format', '{{#label}} must be device ids separated by commas, e.g. 1,2,3');
    const ids = [...new Set(parts.map(Number))];
    if (ids.length > CSV_MAX_IDS)
      return invalid(helpers, 'ids.max', `{{#label}} may name at most ${CSV_MAX_IDS} devices`, { limit: CSV_MAX_IDS });
    return ids;
  }),
});

/** POST body: `{ ids: [1, 2, 3] }`, 1..SELECTION_MAX device ids, each once (a selection of the device list). */
export const devicesCsvSelection = Joi.object<{ ids: number[] }>({
  ids: Joi.array()
    .items(
      Joi.number()
        .integer()
        .positive()
        .max(2 ** 31 - 1)
        .required(),
    )
    .min(1)
    .max(SELECTION_MAX)
    .unique()
    .required(),
});

/** What a parsed GET query asks for: its ids, its filters (both: the ids among those matching), or every device. */
export function csvScopeOf({ ids, ...filter }: DeviceFilter & { ids?: number[] }): DeviceCsvScope {
  const filtered = Object.values(filter).some((v) => v !== undefined);
  return { ...(ids ? { ids } : {}), ...(filtered ? { filter } : {}) };
}
const COLUMNS = [
  'assetTag',
  'type',
  'manufacturer',
  'model',
  'serialNumber',
  'imei',
  'status',
  'grade',
  'disposition',
  'donationCode',
  'donorName',
  'receivedAt',
  'statusChangedAt',
];

/**
 * The devices of `scope` as CSV. A selection's ids are taken in ascending slices of BATCH, one query each; otherwise
 * keyset batches of BATCH rows by id.
 */
export async function streamDevicesCsv(res: Response, scope: DeviceCsvScope = {}): Promise<void> {
  res.type('text/csv; charset=utf-8');
  res.attachment(`nimah-devices-${new Date().toISOString().slice(0, 10)}.csv`);
  const csv = csvStringifier({ header: true, columns: COLUMNS, bom: true });
  csv.pipe(res);
  const ids = scope.ids ? [...scope.ids].sort((a, b) => a - b) : null;
  let lastId = 0;
  for (let slice = 0; ; slice += 1) {
    const batch = ids ? { ...scope, ids: ids.slice(slice * BATCH, (slice + 1) * BATCH) } : scope;
    const rows = await devicesCsvBatch(lastId, BATCH, batch);
    for (const d of rows) {
      const donation = d.donation;
      const ok = csv.write([
        d.assetTag,
        d.type,
        d.manufacturer,
        d.model,
        d.serialNumber,
        d.imei,
        d.status,
        d.grade,
        d.disposition,
        donation?.code,
        donation?.donor?.name,
        new Date(d.createdAt).toISOString(),
        new Date(d.statusChangedAt).toISOString(),
      ]);
      if (!ok) await new Promise((resolve) => csv.once('drain', resolve));
    }
    if (ids ? (slice + 1) * BATCH >= ids.length : rows.length < BATCH) break;
    if (!ids) lastId = rows[rows.length - 1].id;
  }
  csv.end();
  await new Promise((resolve) => res.once('finish', resolve));
}
