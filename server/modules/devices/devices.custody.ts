// Partner custody (spec §13): a partner association holds devices of the charity to hand them on to the families it
// follows. Custody is three columns of the device (partner, since, batch), written here and only here: into custody
// by the batch handover (a status change, allocated → ready, through changeStatus), out of it by a return (an event,
// status unchanged) or implicitly by the onward handover (the device leaves as handed over; custody is kept as the
// record of who handed it on).
import type { Transaction } from 'sequelize';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors.js';
import type { Actor } from '../auth/index.js';
import { recordDeviceChanged } from '../figures/index.js';
import { siteExists } from '../sites/index.js';
import { appendEvent } from './devices.events.js';
import { Device } from './devices.model.js';
import type { DeviceRow } from './devices.queries.js';
import { changeStatus } from './devices.state.js';

/** The batch's handover to a partner: the reserved device becomes ready again, now in the partner's custody. */
export function transferToCustody(
  device: DeviceRow,
  custody: { partnerId: number; batchId: number; actorId: number },
  transaction: Transaction,
): Promise<DeviceRow> {
  return changeStatus(
    device,
    {
      action: 'transfer_custody',
      version: device.version,
      to: 'ready',
      actorId: custody.actorId,
      payload: { batchId: custody.batchId, partnerId: custody.partnerId },
      fields: { custodyPartnerId: custody.partnerId, custodySince: new Date(), custodyBatchId: custody.batchId },
    },
    transaction,
  );
}

/**
 * A device comes back from a partner to the charity (unused, or to be checked again), optionally to a named site.
 * `partnerId` limits the return to that partner's custody (a partner user returning its own device). Only a ready
 * device can come back this way: one reserved for a family is cancelled first, one handed over is a `return`.
 */
export async function returnFromCustody(
  deviceId: number,
  input: { reason: string; siteId?: number; partnerId?: number },
  actor: Actor,
  transaction: Transaction,
): Promise<void> {
  const device = await Device.findByPk(deviceId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!device || (input.partnerId != null && device.custodyPartnerId !== input.partnerId))
    throw new NotFoundError(`Device ${deviceId} not found`);
  if (device.custodyPartnerId == null)
    throw new ConflictError('NOT_IN_CUSTODY', `${device.assetTag} is not in custody`);
  if (device.status !== 'ready')
    throw new ConflictError(
      'INVALID_TRANSITION',
      `${device.assetTag} is ${device.status}; cancel its reservation before returning it`,
      { status: device.status },
    );
  if (input.siteId != null && !(await siteExists(input.siteId, transaction)))
    throw new UnprocessableError('REFERENCE_NOT_FOUND', `Site ${input.siteId} does not exist`, [
      { path: 'siteId', message: 'does not exist' },
    ]);
  const fromSiteId = device.siteId;
  const partnerId = device.custodyPartnerId;
  const siteId = input.siteId ?? device.siteId;
  await device.update({ custodyPartnerId: null, custodySince: null, custodyBatchId: null, siteId }, { transaction });
  if (siteId !== fromSiteId)
    await recordDeviceChanged(deviceId, { siteId: fromSiteId, type: device.type }, transaction);
  await appendEvent(
    deviceId,
    {
      type: 'custody_returned',
      actorId: actor.id,
      payload: { partnerId, reason: input.reason, fromSiteId, toSiteId: siteId },
    },
    transaction,
  );
}
