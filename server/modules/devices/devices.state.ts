// The ONE function that writes Device.status: compare-and-set on (status, version), then the hash-chained
// event, inside the caller's transaction. Workshop actions and allocations both come through here.
import type { InferAttributes, Transaction } from 'sequelize';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { appendEvent } from './devices.events.js';
import { assertActionAllowed, assertTarget, type DeviceAction, type DeviceStatus } from './devices.lifecycle.js';
import { Device } from './devices.model.js';

export type DeviceFields = Partial<Pick<InferAttributes<Device>,
  'disposition' | 'grade' | 'r2Function' | 'r2Cosmetic' | 'os' | 'licence' | 'windows11Eligible' | 'siteId'>>;

export interface StatusChange {
  action: DeviceAction;
  version: number;
  to: DeviceStatus;
  actorId: number | null;
  payload: Record<string, unknown>;
  fields?: DeviceFields;
}

/** Loads the device for an action: 404, then 409 STALE_VERSION, then 409 INVALID_TRANSITION. */
export async function loadForAction(id: number, action: DeviceAction, version: number, transaction: Transaction): Promise<Device> {
  const device = await Device.findByPk(id, { transaction });
  if (!device) throw new NotFoundError(`Device ${id} not found`);
  if (device.version !== version) {
    throw new ConflictError('STALE_VERSION', `Device ${device.assetTag} changed meanwhile (version ${device.version}, not ${version}); reload and retry`,
      { currentVersion: device.version, status: device.status });
  }
  assertActionAllowed(device.status, action);
  return device;
}

export async function changeStatus(device: Device, change: StatusChange, transaction: Transaction): Promise<Device> {
  const from = device.status;
  assertActionAllowed(from, change.action);
  assertTarget(change.action, change.to);
  // The WHERE on the old state makes a concurrent change lose cleanly on MySQL and SQLite alike.
  const [changed] = await Device.update(
    { ...change.fields, status: change.to, version: change.version + 1, statusChangedAt: new Date() },
    { where: { id: device.id, status: from, version: change.version }, transaction },
  );
  if (changed === 0) throw new ConflictError('STALE_VERSION', `Device ${device.assetTag} changed meanwhile; reload and retry`);
  await appendEvent(device.id, { type: change.action, actorId: change.actorId, fromStatus: from, toStatus: change.to, payload: change.payload }, transaction);
  return device.reload({ transaction });
}
