// GET /api/scan/:code — what did the scanner read? Tries each reading of the code against asset tags,
// donation codes, device serials, IMEIs, drive serials and batch codes, in that order: the first reading that names a
// record wins, and within a reading the first kind of record.
import { config } from '../../config.js';
import { selectRows, sqlOnce } from '../../db/select-batch.js';
import { NotFoundError } from '../../lib/errors.js';
import { isImei } from '../../lib/imei.js';
import { formatAssetTag } from '../devices/index.js';
import { firstReading, scanCandidates } from './scan.normalize.js';
import type { DeviceStatus, DonationStatus, ScanResultDto } from '../../shared/index.js';

let tagPattern: RegExp | undefined;

function asAssetTag(reading: string): string | undefined {
  const m = (tagPattern ??= new RegExp(`^${config.tags.prefix}0*(\\d{1,12})$`)).exec(reading);
  return m ? formatAssetTag(Number(m[1])) : undefined;
}

function asDonationCode(reading: string): string | undefined {
  const m = /^DN(\d{4})(\d{4,6})$/.exec(reading);
  return m ? `DN-${m[1]}-${m[2]}` : undefined;
}

/** `BT-2026-0001` as printed on a delivery note (spec §13), scanned without its hyphens. */
function asBatchCode(reading: string): string | undefined {
  const m = /^BT(\d{4})(\d{4,6})$/.exec(reading);
  return m ? `BT-${m[1]}-${m[2]}` : undefined;
}

/**
 * A phone's IMEI (docs/phones.md): 15 digits with a valid check digit, as the box's barcode gives it, sometimes after
 * its label ("IMEI 490154203237518"). Arabic-Indic digits and separators are gone already (canonical()).
 */
function asImei(reading: string): string | undefined {
  const digits = /^(?:IMEI)?([0-9]{15})$/.exec(reading)?.[1];
  return digits && isImei(digits) ? digits : undefined;
}

type DeviceRow = { id: number; assetTag: string; status: DeviceStatus };

/**
 * The lookup nearly every scan ends in (the first reading is a tag that exists), as one plain statement: building
 * it through the model (findOne) cost more CPU than the database took to answer it (docs/performance.md).
 */
async function deviceByTag(tag: string): Promise<DeviceRow | undefined> {
  const [row] = await selectRows<DeviceRow>(
    'SELECT id, asset_tag AS assetTag, status FROM devices WHERE asset_tag = :tag LIMIT 1',
    { tag },
  );
  return row;
}

/** scanCandidates() gives at most this many readings; the statement below has a slot for each. */
const SLOTS = 5;
const slots = (name: string) => Array.from({ length: SLOTS }, (_, i) => `:${name}${i}`);
/** `CASE column WHEN :t0 THEN 0 WHEN :t1 THEN 1 … END`: which reading a row was found by (the first, if several). */
const readingOf = (column: string, name: string) =>
  `CASE ${column} ${slots(name)
    .map((p, i) => `WHEN ${p} THEN ${i}`)
    .join(' ')} END`;
const matches = (column: string, name: string) => `${column} IN (${slots(name).join(', ')})`;

/**
 * Every reading against every kind of record in one statement (one round trip, prepared once per connection), the
 * best match first: by reading, then kind (tag, donation code, device serial, IMEI, drive serial, batch code), then
 * the newest record. The same answer as asking one reading and kind after another, which took up to twenty statements for a
 * code that matched nothing and three (two through the ORM) for a tag typed on an Arabic keyboard layout: those
 * few scans made the tail of the scan lookup's latency (docs/performance.md, round 4).
 */
const resolveSql = sqlOnce(
  () => `
SELECT reading, kind, id, assetTag, status, code, deviceId, serialNumber FROM (
  SELECT ${readingOf('d.asset_tag', 't')} AS reading, 0 AS kind, d.id AS id, d.asset_tag AS assetTag, d.status AS status,
         NULL AS code, NULL AS deviceId, NULL AS serialNumber
    FROM devices d WHERE ${matches('d.asset_tag', 't')}
  UNION ALL
  SELECT ${readingOf('dn.code', 'c')}, 1, dn.id, NULL, dn.status, dn.code, NULL, NULL
    FROM donations dn WHERE ${matches('dn.code', 'c')}
  UNION ALL
  SELECT ${readingOf('d.serial_key', 'r')}, 2, d.id, d.asset_tag, d.status, NULL, NULL, NULL
    FROM devices d WHERE ${matches('d.serial_key', 'r')}
  UNION ALL
  SELECT ${readingOf('d.imei', 'i')}, 3, d.id, d.asset_tag, d.status, NULL, NULL, NULL
    FROM devices d WHERE ${matches('d.imei', 'i')}
  UNION ALL
  SELECT ${readingOf('dr.serial_key', 'r')}, 4, dr.id, dv.asset_tag, NULL, NULL, dv.id, dr.serial_number
    FROM drives dr JOIN devices dv ON dv.id = dr.device_id WHERE ${matches('dr.serial_key', 'r')}
  UNION ALL
  SELECT ${readingOf('b.code', 'b')}, 5, b.id, NULL, b.status, b.code, NULL, NULL
    FROM allocation_batches b WHERE ${matches('b.code', 'b')}
) found ORDER BY reading, kind, id DESC LIMIT 1`,
);

type Match = {
  kind: number;
  id: number;
  assetTag: string | null;
  status: string | null;
  code: string | null;
  deviceId: number | null;
  serialNumber: string | null;
};

function toDto(m: Match): ScanResultDto {
  switch (Number(m.kind)) {
    case 0:
    case 2:
    case 3:
      return { kind: 'device', id: m.id, assetTag: m.assetTag!, status: m.status as DeviceStatus };
    case 1:
      return { kind: 'donation', id: m.id, code: m.code!, status: m.status as DonationStatus };
    case 5:
      return { kind: 'batch', id: m.id, code: m.code!, status: m.status! };
    default:
      return {
        kind: 'drive',
        id: m.id,
        deviceId: Number(m.deviceId),
        assetTag: m.assetTag!,
        serialNumber: m.serialNumber!,
      };
  }
}

async function resolveAll(readings: string[]): Promise<ScanResultDto | undefined> {
  const values: Record<string, string | null> = {};
  for (let i = 0; i < SLOTS; i += 1) {
    const reading = readings[i];
    values[`t${i}`] = reading === undefined ? null : (asAssetTag(reading) ?? null);
    values[`c${i}`] = reading === undefined ? null : (asDonationCode(reading) ?? null);
    values[`b${i}`] = reading === undefined ? null : (asBatchCode(reading) ?? null);
    values[`i${i}`] = reading === undefined ? null : (asImei(reading) ?? null);
    values[`r${i}`] = reading ?? null;
  }
  const [match] = await selectRows<Match>(resolveSql(), values);
  return match ? toDto(match) : undefined;
}

export async function resolveScan(raw: string): Promise<ScanResultDto> {
  // The common case first, before working out the other readings: the scanner typed the tag as printed, and a tag
  // is unique.
  const tag = asAssetTag(firstReading(raw));
  const device = tag ? await deviceByTag(tag) : undefined;
  if (device) return { kind: 'device', ...device };
  const readings = scanCandidates(raw).slice(0, SLOTS);
  const found = readings.length ? await resolveAll(readings) : undefined;
  if (found) return found;
  // Report the reading that has the shape of a tag or donation code (`ىة000099` → NM000099), else the plain one.
  const normalized = readings.map((r) => asAssetTag(r) ?? asDonationCode(r)).find(Boolean) ?? readings[0] ?? '';
  throw new NotFoundError('Nothing matches this code', { normalized, tried: readings });
}
