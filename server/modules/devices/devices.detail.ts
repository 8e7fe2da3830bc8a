// The device page in one round trip: the device with its donation and donor, drives and history, plus any lists
// other modules add (sanitization records, files), read as one batch of SELECTs (db/select-batch.ts). It was six
// round trips.
import { columnsOf, selectBatch, type Row } from '../../db/select-batch.js';
import { NotFoundError } from '../../lib/errors.js';
import { Device, DeviceEvent, Drive } from './devices.model.js';
import { toDeviceDto, toDriveDto, toEventDto } from './devices.schema.js';
import type { DeviceDetailDto } from '../../shared/api-types.js';

/** The history shown with a device; longer histories are paged by GET /api/devices/:id/events. */
const EVENTS_SHOWN = 500;

/** Built on first use (the models must be initialised first), then reused: they are the same for every device. */
const once = (build: () => string): (() => string) => {
  let sql: string | undefined;
  return () => (sql ??= build());
};

const deviceSql = once(() => `SELECT ${columnsOf(Device, 'd')}, dn.code AS donationCode, dr.id AS donorId, dr.name AS donorName
  FROM devices d LEFT JOIN donations dn ON dn.id = d.donation_id LEFT JOIN donors dr ON dr.id = dn.donor_id WHERE d.id = :id`);
// No ORDER BY: the index (device_id, serial_key) does not give id order, and a sort in MariaDB costs more than
// sorting a device's two or three drives here.
const drivesSql = once(() => `SELECT ${columnsOf(Drive, 't')} FROM drives t WHERE t.device_id = :id`);
const eventsSql = once(() => `SELECT ${columnsOf(DeviceEvent, 't')}, u.name AS actorName
  FROM device_events t LEFT JOIN users u ON u.id = t.actor_id WHERE t.device_id = :id ORDER BY t.seq LIMIT ${EVENTS_SHOWN}`);

/**
 * A device's page, and the rows of `more` (SELECTs that may use `:id`, from other modules), in one round trip.
 * Throws 404 when the device does not exist.
 */
export async function readDevicePage<K extends string = never>(id: number, more = {} as Record<K, string>): Promise<{ detail: DeviceDetailDto; rows: Record<K, Row[]> }> {
  const extra = Object.entries(more) as [K, string][];
  const [[device], drives, events, ...lists] = await selectBatch([deviceSql(), drivesSql(), eventsSql(), ...extra.map(([, sql]) => sql)], { id });
  if (!device) throw new NotFoundError(`Device ${id} not found`);
  const detail: DeviceDetailDto = {
    ...toDeviceDto(device as unknown as Device, (device.donationCode as string | null) ?? undefined),
    donorId: (device.donorId as number | null) ?? 0, donorName: (device.donorName as string | null) ?? '',
    drives: (drives as unknown as Drive[]).sort((a, b) => a.id - b.id).map(toDriveDto),
    events: events.map((e) => toEventDto(Object.assign(e as unknown as DeviceEvent, { actor: { name: e.actorName as string } }))),
  };
  return { detail, rows: Object.fromEntries(extra.map(([key], i) => [key, lists[i]])) as Record<K, Row[]> };
}

export async function getDeviceDetail(id: number): Promise<DeviceDetailDto> {
  return (await readDevicePage(id)).detail;
}
