// The device page in one statement: the device with its donation and donor, drives and history, plus any lists
// other modules add (sanitization records, files), each as a JSON sub-select (db/json-sets.ts). It was six.
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../db/sequelize.js';
import { jsonSetSql, readJsonSet, type JsonSet } from '../../db/json-sets.js';
import { NotFoundError } from '../../lib/errors.js';
import { Device, DeviceEvent, Drive } from './devices.model.js';
import { toDeviceDto, toDriveDto, toEventDto } from './devices.schema.js';
import type { DeviceDetailDto } from '../../shared/api-types.js';

/** The history shown with a device; longer histories are paged by GET /api/devices/:id/events. */
const EVENTS_SHOWN = 500;

const DRIVES: JsonSet = { model: Drive, from: '(SELECT * FROM drives WHERE device_id = :id) t' };
const EVENTS: JsonSet = {
  model: DeviceEvent,
  from: `(SELECT e.*, u.name AS actor_name FROM device_events e LEFT JOIN users u ON u.id = e.actor_id
          WHERE e.device_id = :id ORDER BY e.seq LIMIT ${EVENTS_SHOWN}) t`,
  extra: { actorName: 't.actor_name' },
};

type Row = Record<string, unknown>;

/** The select list of the device's own columns, each under its attribute name (as `raw: true` reads them). */
let deviceColumns: string | undefined;
function deviceColumnsSql(): string {
  const quote = (name: string) => getSequelize().getQueryInterface().quoteIdentifier(name);
  deviceColumns ??= Object.entries(Device.getAttributes()).map(([name, def]) => `d.${quote(def.field ?? name)} AS ${quote(name)}`).join(', ');
  return deviceColumns;
}

/**
 * A device's page, and the rows of `more` (JSON sets whose FROM clauses may use `:id`), in one round trip.
 * Array orders are not guaranteed by either database's aggregate, so each list is sorted here.
 */
export async function readDevicePage<K extends string = never>(id: number, more = {} as Record<K, JsonSet>): Promise<{ detail: DeviceDetailDto; rows: Record<K, Row[]> }> {
  const sets = { drives: DRIVES, events: EVENTS, ...more } as Record<string, JsonSet>;
  const quote = (name: string) => getSequelize().getQueryInterface().quoteIdentifier(name);
  const lists = Object.entries(sets).map(([key, set]) => `${jsonSetSql(set)} AS ${quote(`set_${key}`)}`);
  const [row] = await getSequelize().query<Row>(
    `SELECT ${deviceColumnsSql()}, dn.code AS donationCode, dr.id AS donorId, dr.name AS donorName, ${lists.join(', ')}
       FROM devices d LEFT JOIN donations dn ON dn.id = d.donation_id LEFT JOIN donors dr ON dr.id = dn.donor_id
      WHERE d.id = :id`,
    { replacements: { id }, type: QueryTypes.SELECT },
  );
  if (!row) throw new NotFoundError(`Device ${id} not found`);
  const rows = Object.fromEntries(Object.entries(sets).map(([key, set]) => [key, byId(readJsonSet<Row>(row[`set_${key}`], set.model))]));
  const events = (rows.events as unknown as DeviceEvent[]).sort((a, b) => a.seq - b.seq);
  const detail: DeviceDetailDto = {
    ...toDeviceDto(row as unknown as Device, (row.donationCode as string | null) ?? undefined),
    donorId: (row.donorId as number | null) ?? 0, donorName: (row.donorName as string | null) ?? '',
    drives: (rows.drives as unknown as Drive[]).map(toDriveDto),
    events: events.map((e) => toEventDto(Object.assign(e, { actor: { name: (e as unknown as Row).actorName as string } }))),
  };
  return { detail, rows: rows as Record<K, Row[]> };
}

const byId = (rows: Row[]): Row[] => rows.sort((a, b) => (a.id as number) - (b.id as number));

export async function getDeviceDetail(id: number): Promise<DeviceDetailDto> {
  return (await readDevicePage(id)).detail;
}
