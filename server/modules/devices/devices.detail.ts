// The device page in one round trip: the device with its donation, donor and drives, its history, plus any lists
// other modules add (sanitization records, files), read as one batch of SELECTs (db/select-batch.ts). It was six
// round trips of six statements; it is one of four.
import { columnsOf, selectBatch, sqlOnce, unprefixed, type Row } from '../../db/select-batch.js';
import { NotFoundError } from '../../lib/errors.js';
import { Device, DeviceEvent, Drive } from './devices.model.js';
import { toDeviceDto, toDriveDto, toEventDto } from './devices.schema.js';
import type { DeviceDetailDto } from '../../shared/api-types.js';

/** The history shown with a device; longer histories are paged by GET /api/devices/:id/events. */
const EVENTS_SHOWN = 500;

// What the page does not show is not read: each column costs the database and mysql2 on every page view.
const DEVICE_UNSHOWN = ['serialKey', 'lastEventSeq', 'lastEventHash'];
const DRIVE_UNSHOWN = ['deviceId', 'serialKey', 'createdAt', 'updatedAt'];
const EVENT_UNSHOWN = ['deviceId', 'prevHash'];

// The device and its drives in one statement: one row per drive (the device's columns repeated; a device has one to
// three drives), or one row with empty drive columns. A statement of its own for the drives cost the database as
// much as reading them.
const deviceSql = sqlOnce(() => `SELECT ${columnsOf(Device, 'd', { except: DEVICE_UNSHOWN })}, dn.code AS donationCode, dr.id AS donorId,
  dr.name AS donorName, ${columnsOf(Drive, 'v', { prefix: 'drive_', except: DRIVE_UNSHOWN })}
  FROM devices d LEFT JOIN donations dn ON dn.id = d.donation_id LEFT JOIN donors dr ON dr.id = dn.donor_id
  LEFT JOIN drives v ON v.device_id = d.id WHERE d.id = :id`);
const eventsSql = sqlOnce(() => `SELECT ${columnsOf(DeviceEvent, 't', { except: EVENT_UNSHOWN })}, u.name AS actorName
  FROM device_events t LEFT JOIN users u ON u.id = t.actor_id WHERE t.device_id = :id ORDER BY t.seq LIMIT ${EVENTS_SHOWN}`);

/**
 * A device's page, and the rows of `more` (SELECTs that may use `:id`, from other modules), in one round trip.
 * Throws 404 when the device does not exist.
 */
export async function readDevicePage<K extends string = never>(id: number, more = {} as Record<K, string>): Promise<{ detail: DeviceDetailDto; rows: Record<K, Row[]> }> {
  const extra = Object.entries(more) as [K, string][];
  const [deviceRows, events, ...lists] = await selectBatch([deviceSql(), eventsSql(), ...extra.map(([, sql]) => sql)], { id });
  const device = deviceRows[0];
  if (!device) throw new NotFoundError(`Device ${id} not found`);
  const drives = deviceRows.filter((r) => r.drive_id !== null).map((r) => unprefixed(r, Drive, 'drive_') as unknown as Drive);
  const detail: DeviceDetailDto = {
    ...toDeviceDto(device as unknown as Device, (device.donationCode as string | null) ?? undefined),
    donorId: (device.donorId as number | null) ?? 0, donorName: (device.donorName as string | null) ?? '',
    drives: drives.sort((a, b) => a.id - b.id).map(toDriveDto),
    events: events.map((e) => toEventDto(Object.assign(e as unknown as DeviceEvent, { actor: { name: e.actorName as string } }))),
  };
  return { detail, rows: Object.fromEntries(extra.map(([key], i) => [key, lists[i]])) as Record<K, Row[]> };
}

export async function getDeviceDetail(id: number): Promise<DeviceDetailDto> {
  return (await readDevicePage(id)).detail;
}
