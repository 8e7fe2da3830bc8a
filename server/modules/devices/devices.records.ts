// Non-status events of a device: notes, and moves between sites (the move also writes the device's site).
import type { Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors.js';
import type { Actor } from '../auth/index.js';
import { recordDeviceChanged } from '../figures/index.js';
import { siteExists } from '../sites/index.js';
import { appendEvent } from './devices.events.js';
import { Device } from './devices.model.js';
import { readDevicePage } from './devices.page.js';
import type { DeviceDetailDto } from '../../shared/index.js';

export async function addNote(deviceId: number, text: string, actor: Actor): Promise<DeviceDetailDto> {
  await withTransaction(async (t) => {
    if (!(await Device.count({ where: { id: deviceId }, transaction: t })))
      throw new NotFoundError(`Device ${deviceId} not found`);
    await appendEvent(deviceId, { type: 'note', actorId: actor.id, payload: { text } }, t);
  });
  return readDevicePage(deviceId);
}

export async function moveDevice(
  deviceId: number,
  input: { siteId: number; reason?: string },
  actor: Actor,
): Promise<DeviceDetailDto> {
  await withTransaction(async (t) => {
    await assertSiteExists(input.siteId, t);
    await moveInTransaction(deviceId, input, actor, t);
  });
  return readDevicePage(deviceId);
}

/** 422 REFERENCE_NOT_FOUND naming `siteId` when the site does not exist. */
export async function assertSiteExists(siteId: number, t: Transaction): Promise<void> {
  if (!(await siteExists(siteId, t))) {
    throw new UnprocessableError('REFERENCE_NOT_FOUND', `Site ${siteId} does not exist`, [
      { path: 'siteId', message: 'does not exist' },
    ]);
  }
}

/**
 * One device's move inside the caller's transaction (the single move and each device of a bulk move): the row
 * locked, 409 STALE_VERSION when `expectedVersion` is given and the device's version moved on, 409 ALREADY_THERE,
 * then the site, the version (a move changes the device: a client holding the old version reloads before acting),
 * the read model's counters and the `moved` event.
 */
export async function moveInTransaction(
  deviceId: number,
  input: { siteId: number; reason?: string },
  actor: Actor,
  t: Transaction,
  expectedVersion?: number,
): Promise<void> {
  const device = await Device.findByPk(deviceId, { transaction: t, lock: t.LOCK.UPDATE });
  if (!device) throw new NotFoundError(`Device ${deviceId} not found`);
  if (expectedVersion !== undefined && device.version !== expectedVersion)
    throw new ConflictError(
      'STALE_VERSION',
      `Device ${device.assetTag} changed meanwhile (version ${device.version}, not ${expectedVersion})`,
      { currentVersion: device.version, status: device.status },
    );
  if (device.siteId === input.siteId)
    throw new ConflictError('ALREADY_THERE', `${device.assetTag} is already at that site`);
  const fromSiteId = device.siteId;
  await device.update({ siteId: input.siteId, version: device.version + 1 }, { transaction: t });
  await recordDeviceChanged(deviceId, { siteId: fromSiteId, type: device.type }, t);
  await appendEvent(
    deviceId,
    {
      type: 'moved',
      actorId: actor.id,
      payload: { fromSiteId, toSiteId: input.siteId, reason: input.reason ?? null },
    },
    t,
  );
}
