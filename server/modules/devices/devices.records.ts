// Non-status events of a device: notes, and moves between sites (the move also writes the device's site).
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
    const device = await Device.findByPk(deviceId, { transaction: t, lock: t.LOCK.UPDATE });
    if (!device) throw new NotFoundError(`Device ${deviceId} not found`);
    if (!(await siteExists(input.siteId, t))) {
      throw new UnprocessableError('REFERENCE_NOT_FOUND', `Site ${input.siteId} does not exist`, [
        { path: 'siteId', message: 'does not exist' },
      ]);
    }
    if (device.siteId === input.siteId)
      throw new ConflictError('ALREADY_THERE', `${device.assetTag} is already at that site`);
    const fromSiteId = device.siteId;
    await device.update({ siteId: input.siteId }, { transaction: t });
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
  });
  return readDevicePage(deviceId);
}
