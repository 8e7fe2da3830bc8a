// The device page (GET /api/devices/:id): the device with its donation, donor, drives, wipe records, evidence files
// and history, read as ONE statement (on MySQL a prepared one, db/select-batch.ts). What MariaDB spends on a page is
// mostly per statement, not per row: parsing, name resolution and optimisation were over half of it, and every
// statement is also a round trip that wakes its thread (docs/performance.md).
import { selectRows, selectList, sqlOnce, unprefixed, type Row } from '../../db/select-batch.js';
import { NotFoundError } from '../../lib/errors.js';
import { Device, DeviceEvent, Drive } from './devices.model.js';
import { withEventNames } from './devices.event-names.js';
import { toDeviceDto, toDriveDto, toEventDto } from './devices.schema.js';
import {
  deviceFileSelectList,
  peopleColumns,
  peopleJoins,
  sanitizationRowToDto,
  sanitizationSelectList,
  toDeviceFileDto,
  unprefixedDeviceFile,
  unprefixedSanitization,
  type DeviceFile,
} from '../sanitization/index.js';
import type { CustodyDto, DeviceDetailDto } from '../../shared/index.js';
import { partnerSummariesOf } from '../partners/index.js';

/**
 * The history shown with a device; longer histories are paged by GET /api/devices/:id/events. Events are numbered
 * 1, 2, 3… per device (the hash chain), so the first 500 are those with seq ≤ 500: a range of the (device_id, seq)
 * index, with no ORDER BY … LIMIT, which a branch of a UNION cannot carry on SQLite.
 */
const EVENTS_SHOWN = 500;

// What the page does not show is not read: each column costs the database and mysql2 on every page view.
const DEVICE = { except: ['serialKey', 'lastEventSeq', 'lastEventHash'] };
const DRIVE = { prefix: 'drive_', except: ['deviceId', 'serialKey', 'createdAt', 'updatedAt'] };
const SANITIZATION = { prefix: 'san_' };
const FILE = { prefix: 'file_', except: ['deviceId', 'uploadedBy'] };
const EVENT = { prefix: 'event_', except: ['deviceId'] };

/**
 * Four branches under one column list (the names are the first branch's; every other column of a branch is NULL):
 * - one row per drive and wipe record of that drive, the device's columns repeated (one row with empty drive columns
 *   for a device without drives);
 * - one row per wipe record of the whole device (no drive: a phone's or tablet's factory reset, docs/phones.md);
 * - one row per evidence file;
 * - one row per event of the shown history, with its actor's name.
 * Files and events are branches rather than joins, which would multiply the rows by their numbers.
 */
const pageSql = sqlOnce(() => {
  const deviceAndDrive = [
    ...selectList(Device, 'd', DEVICE),
    'dn.code AS donationCode',
    'dr.id AS donorId',
    'dr.name AS donorName',
    ...selectList(Drive, 'v', DRIVE),
  ];
  // Who recorded and who is to confirm (or confirmed) each wipe record (spec §10), shown with it.
  const record = [...sanitizationSelectList('s', SANITIZATION), ...peopleColumns('s', SANITIZATION.prefix)];
  const device = [...deviceAndDrive, ...record];
  const file = deviceFileSelectList('f', FILE);
  const event = [...selectList(DeviceEvent, 't', EVENT), 'u.name AS event_actorName'];
  const blank = (columns: string[]) => columns.map(() => 'NULL');
  return `SELECT ${[...device, ...deviceFileSelectList(null, FILE), ...selectList(DeviceEvent, null, EVENT), 'NULL AS event_actorName'].join(', ')}
  FROM devices d LEFT JOIN donations dn ON dn.id = d.donation_id LEFT JOIN donors dr ON dr.id = dn.donor_id
  LEFT JOIN drives v ON v.device_id = d.id LEFT JOIN sanitizations s ON s.drive_id = v.id ${peopleJoins('s')} WHERE d.id = :id
  UNION ALL
  SELECT ${[...blank(deviceAndDrive), ...record, ...blank(file), ...blank(event)].join(', ')}
  FROM sanitizations s ${peopleJoins('s')} WHERE s.device_id = :id AND s.drive_id IS NULL
  UNION ALL
  SELECT ${[...blank(device), ...file, ...blank(event)].join(', ')} FROM device_files f WHERE f.device_id = :id
  UNION ALL
  SELECT ${[...blank(device), ...blank(file), ...event].join(', ')}
  FROM device_events t LEFT JOIN users u ON u.id = t.actor_id WHERE t.device_id = :id AND t.seq <= ${EVENTS_SHOWN}`;
});

/** Rows of `rows` with a non-null `key`, one per distinct value, in ascending order of it. */
function distinctBy(rows: Row[], key: string): Row[] {
  const byKey = new Map<number, Row>();
  for (const row of rows) if (row[key] !== null && !byKey.has(row[key] as number)) byKey.set(row[key] as number, row);
  return [...byKey.values()].sort((a, b) => (a[key] as number) - (b[key] as number));
}

/** Whose custody the device is in (spec §13): one more read, only for a device a partner holds. */
async function custodyOf(device: Row): Promise<CustodyDto | null> {
  const partnerId = device.custodyPartnerId as number | null;
  if (partnerId == null) return null;
  const partner = (await partnerSummariesOf([partnerId])).get(partnerId);
  return {
    partnerId,
    partnerName: partner?.name ?? '',
    since: new Date(device.custodySince as string | Date).toISOString(),
    batchId: (device.custodyBatchId as number | null) ?? null,
  };
}

/** The whole device page; 404 when the device does not exist. */
export async function readDevicePage(id: number): Promise<DeviceDetailDto> {
  const rows = await selectRows(pageSql(), { id });
  const device = rows.find((r) => r.id !== null);
  if (!device) throw new NotFoundError(`Device ${id} not found`);
  return {
    custody: await custodyOf(device),
    ...toDeviceDto(device as unknown as Device, (device.donationCode as string | null) ?? undefined),
    donorId: (device.donorId as number | null) ?? 0,
    donorName: (device.donorName as string | null) ?? '',
    drives: distinctBy(rows, 'drive_id').map((r) => toDriveDto(unprefixed(r, Drive, DRIVE.prefix) as unknown as Drive)),
    // The names its sentences need: one more read per kind of name the history holds (sites, people, ...).
    events: await withEventNames(
      distinctBy(rows, 'event_seq').map((r) =>
        toEventDto(
          Object.assign(unprefixed(r, DeviceEvent, EVENT.prefix) as unknown as DeviceEvent, {
            actor: { name: r.event_actorName as string },
          }),
        ),
      ),
    ),
    sanitizations: distinctBy(rows, 'san_id').map((r) =>
      sanitizationRowToDto({
        ...unprefixedSanitization(r, SANITIZATION.prefix),
        driveSerial: r.drive_serialNumber,
        operatorName: r.san_operatorName,
        verifierName: r.san_verifierName,
      }),
    ),
    files: distinctBy(rows, 'file_id').map((r) =>
      toDeviceFileDto(unprefixedDeviceFile(r, FILE.prefix) as unknown as DeviceFile),
    ),
  };
}
