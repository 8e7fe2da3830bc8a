// GET /api/reports/devices.csv: every device with status, grade, donor and dates, streamed in keyset
// batches so memory stays flat at any size. No beneficiary data. `?ids=1,2,3` (at most 1,000): a selection only.
import Joi from 'joi';
import type { Response } from 'express';
import { invalid } from '../../lib/parse.js';
import { csvStringifier } from '../../lib/csv.js';
import { devicesCsvBatch } from '../devices/index.js';

const BATCH = 1000;
/** At most this many ids in `?ids=` (about 8 KB of query string: under any proxy's URL limit). */
export const CSV_MAX_IDS = 1000;

/** `?ids=1,2,3`: device ids separated by commas, at most CSV_MAX_IDS; absent for every device. */
export const devicesCsvQuery = Joi.object<{ ids?: number[] }>({
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

/** Every device, or only those of `ids` (a selection of the device list, bounded by the route's schema). */
export async function streamDevicesCsv(res: Response, ids?: readonly number[]): Promise<void> {
  res.type('text/csv; charset=utf-8');
  res.attachment(`nimah-devices-${new Date().toISOString().slice(0, 10)}.csv`);
  const csv = csvStringifier({ header: true, columns: COLUMNS, bom: true });
  csv.pipe(res);
  let lastId = 0;
  for (;;) {
    const rows = await devicesCsvBatch(lastId, BATCH, ids);
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
    if (rows.length < BATCH) break;
    lastId = rows[rows.length - 1].id;
  }
  csv.end();
  await new Promise((resolve) => res.once('finish', resolve));
}
