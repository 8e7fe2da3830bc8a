// Reads of device, drive rows for other modules (issue 15, point 1: they call these, never the models). Each is named
// for what its callers need and reads a whole list in one query; a caller inside a transaction passes it, and one
// that must hold the device row locks it here (lockDevice / findDevice with `lock`).
import { Op, type InferAttributes, type Transaction, type WhereOptions } from 'sequelize';
import { columnsOf, sqlOnce } from '../../db/select-batch.js';
import { selectIn } from '../../db/statements.js';
import { Device, Drive } from './devices.model.js';
import type { DeviceStatus } from './devices.lifecycle.js';
import type { DeviceListQuery } from './devices.schema.js';
import { deviceWhere } from './devices.service.js';

/** The device list's filters, without paging. */
export type DeviceFilter = Omit<DeviceListQuery, 'page' | 'pageSize'>;

type DeviceAttribute = keyof Device['_attributes'];

/**
 * A device by id, or null. With `lock` (inside `transaction`) the row is locked FOR UPDATE: every writer of a
 * device's records and events locks the device row first, one lock order.
 */
export function findDevice(
  id: number,
  options: { transaction?: Transaction; lock?: boolean } = {},
): Promise<Device | null> {
  const { transaction, lock } = options;
  return Device.findByPk(id, { transaction, ...(lock && transaction ? { lock: transaction.LOCK.UPDATE } : {}) });
}

/** A device's row as plain values: what a use case reads, changes and answers with, without a model instance. */
export type DeviceRow = InferAttributes<Device>;

const deviceRowSql = sqlOnce(() => `SELECT ${columnsOf(Device, 'd')} FROM devices d WHERE d.id = ?`);

/**
 * A device's whole row inside `transaction`, or null: one plain SELECT, no model instance (a lifecycle action's
 * hot path, db/statements.ts). Dates come back as Dates and the flag as a boolean in both dialects.
 */
export async function readDeviceRow(id: number, transaction: Transaction): Promise<DeviceRow | null> {
  const [row] = await selectIn<DeviceRow>(transaction, deviceRowSql(), [id]);
  return row ? typed(row) : null;
}

/** Dates as Dates and the flag as a boolean, whichever dialect and driver read the row. */
function typed(row: DeviceRow): DeviceRow {
  const date = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
  row.statusChangedAt = date(row.statusChangedAt);
  row.createdAt = date(row.createdAt);
  row.updatedAt = date(row.updatedAt);
  if (row.windows11Eligible !== null) row.windows11Eligible = Boolean(row.windows11Eligible);
  if (row.custodySince) row.custodySince = date(row.custodySince);
  return row;
}

/**
 * Many devices' rows, locked FOR UPDATE in id order inside `transaction` (a batch allocation): two batches sharing a
 * device queue on it instead of deadlocking, and the second then reads the first one's result. Missing ids are
 * simply absent.
 */
export async function lockDeviceRows(ids: readonly number[], transaction: Transaction): Promise<DeviceRow[]> {
  if (!ids.length) return [];
  // The locking read itself returns the rows: on MySQL it reads the latest committed values, where a plain SELECT
  // after it would read the transaction's snapshot (taken before a concurrent batch committed).
  const rows = await Device.findAll({
    where: { id: [...ids] },
    order: [['id', 'ASC']],
    transaction,
    lock: transaction.LOCK.UPDATE,
    raw: true,
  });
  return (rows as unknown as DeviceRow[]).map(typed);
}

/** Locks the device row FOR UPDATE (nothing read), before writing records that hang off it. */
export async function lockDevice(id: number, transaction: Transaction): Promise<void> {
  await Device.findByPk(id, { attributes: ['id'], transaction, lock: transaction.LOCK.UPDATE });
}

/** The asset tag of one device, or null when there is no such device. */
export async function assetTagOf(id: number): Promise<string | null> {
  const device = await Device.findByPk(id, { attributes: ['assetTag'] });
  return device?.assetTag ?? null;
}

/** The asset tags of the given devices, in one query: id → tag (an unknown id is absent). */
export async function assetTagsOf(ids: readonly number[]): Promise<Map<number, string>> {
  const rows = await Device.findAll({ attributes: ['id', 'assetTag'], where: { id: [...ids] }, raw: true });
  return new Map(rows.map((d) => [d.id, d.assetTag]));
}

/** The id of the device carrying `assetTag`, or null. */
export async function deviceIdByTag(assetTag: string): Promise<number | null> {
  const device = await Device.findOne({ where: { assetTag }, attributes: ['id'] });
  return device?.id ?? null;
}

/** The `limit` devices longest in `status` (the (status, status_changed_at) index serves this). */
export function oldestInStatus(status: DeviceStatus, limit: number): Promise<Device[]> {
  return Device.findAll({
    where: { status },
    order: [
      ['statusChangedAt', 'ASC'],
      ['id', 'ASC'],
    ],
    limit,
  });
}

/** Ready devices of the given types, longest ready first (at most `limit`). */
export function readyDevicesOfTypes(types: readonly string[], limit: number): Promise<Device[]> {
  return Device.findAll({
    where: { status: 'ready', type: { [Op.in]: [...types] } },
    order: [
      ['statusChangedAt', 'ASC'],
      ['id', 'ASC'],
    ],
    limit,
  });
}

/** The devices of a donation, by id, with only `attributes` read. */
export function devicesOfDonation(donationId: number, attributes: DeviceAttribute[]): Promise<Device[]> {
  return Device.findAll({ where: { donationId }, attributes, order: [['id', 'ASC']] });
}

/** The devices among `ids` that exist (in no particular order), with only `attributes` read. */
export function devicesByIds(ids: readonly number[], attributes: DeviceAttribute[]): Promise<Device[]> {
  return Device.findAll({ where: { id: [...ids] }, attributes });
}

/** What a handover certificate prints of each device, as plain rows (a batch holds many; instances are heavier). */
export function deviceSpecsOf(ids: readonly number[]) {
  return Device.findAll({
    where: { id: [...ids] },
    attributes: [
      'id',
      'assetTag',
      'type',
      'manufacturer',
      'model',
      'serialNumber',
      'cpu',
      'ramGb',
      'storageSummary',
      'grade',
      'os',
    ],
    raw: true,
  });
}

/** The drives of the given devices as plain rows (device, media, capacity), in drive order. */
export function driveSpecsOf(deviceIds: readonly number[]) {
  return Drive.findAll({
    where: { deviceId: [...deviceIds] },
    attributes: ['deviceId', 'mediaType', 'capacityBytes'],
    order: [['id', 'ASC']],
    raw: true,
  });
}

/** The drives of one device, in drive order. */
export function drivesOf(deviceId: number, transaction?: Transaction): Promise<Drive[]> {
  return Drive.findAll({ where: { deviceId }, order: [['id', 'ASC']], transaction });
}

/** How many drives a device has. */
export function countDrives(deviceId: number, transaction?: Transaction): Promise<number> {
  return Drive.count({ where: { deviceId }, transaction });
}

/** Which devices a CSV holds: those among `ids` (a selection) when given, those matching `filter` when given; all. */
export interface DeviceCsvScope {
  ids?: readonly number[];
  filter?: DeviceFilter;
}

/**
 * One keyset batch of the device list for the CSV report, with donation code and donor name, in ONE query: ids
 * above `afterId`, among `scope.ids` when given (the caller passes a bounded slice of a selection per batch) and
 * matching `scope.filter` when given (the list's WHERE).
 */
export function devicesCsvBatch(
  afterId: number,
  limit: number,
  scope: DeviceCsvScope = {},
): Promise<(Device & { donation?: { code: string; donor?: { name: string } } })[]> {
  const id: WhereOptions<Device> = {
    id: scope.ids ? { [Op.gt]: afterId, [Op.in]: [...scope.ids] } : { [Op.gt]: afterId },
  };
  const where = scope.filter ? { [Op.and]: [deviceWhere(scope.filter), id] } : id;
  return Device.findAll({
    where,
    order: [['id', 'ASC']],
    limit,
    attributes: [
      'id',
      'assetTag',
      'type',
      'manufacturer',
      'model',
      'serialNumber',
      'imei',
      'status',
      'grade',
      'disposition',
      'createdAt',
      'statusChangedAt',
    ],
    include: [
      { association: 'donation', attributes: ['code'], include: [{ association: 'donor', attributes: ['name'] }] },
    ],
  });
}

/** The select list of every device column under `alias` (for a batched raw SELECT). */
export const deviceColumns = (alias: string): string => columnsOf(Device, alias);
