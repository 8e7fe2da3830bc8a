// GET /api/reports/devices.csv: every device with status, grade, donor and dates, streamed in keyset
// batches so memory stays flat at any size. No beneficiary data.
import type { Response } from 'express';
import { csvStringifier } from '../../lib/csv.js';
import { devicesCsvBatch } from '../devices/index.js';

const BATCH = 1000;
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

export async function streamDevicesCsv(res: Response): Promise<void> {
  res.type('text/csv; charset=utf-8');
  res.attachment(`nimah-devices-${new Date().toISOString().slice(0, 10)}.csv`);
  const csv = csvStringifier({ header: true, columns: COLUMNS, bom: true });
  csv.pipe(res);
  let lastId = 0;
  for (;;) {
    const rows = await devicesCsvBatch(lastId, BATCH);
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
