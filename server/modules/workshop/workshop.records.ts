// Non-status events of a device (notes, moves between sites) and the outcome of a verification sample.
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors.js';
import type { Actor } from '../auth/index.js';
import { appendEvent, Device } from '../devices/index.js';
import { Site } from '../sites/sites.js';
import { readDevicePage } from './device-page.js';
import { VerificationSample } from './workshop.model.js';
import { toSampleDto, type SampleDto } from './workshop.queries.js';
import type { DeviceDetailDto } from '../../shared/api-types.js';

export async function addNote(deviceId: number, text: string, actor: Actor): Promise<DeviceDetailDto> {
  await withTransaction(async (t) => {
    if (!(await Device.count({ where: { id: deviceId }, transaction: t }))) throw new NotFoundError(`Device ${deviceId} not found`);
    await appendEvent(deviceId, { type: 'note', actorId: actor.id, payload: { text } }, t);
  });
  return readDevicePage(deviceId);
}

export async function moveDevice(deviceId: number, input: { siteId: number; reason?: string }, actor: Actor): Promise<DeviceDetailDto> {
  await withTransaction(async (t) => {
    const device = await Device.findByPk(deviceId, { transaction: t, lock: t.LOCK.UPDATE });
    if (!device) throw new NotFoundError(`Device ${deviceId} not found`);
    if (!(await Site.count({ where: { id: input.siteId }, transaction: t }))) {
      throw new UnprocessableError('REFERENCE_NOT_FOUND', `Site ${input.siteId} does not exist`, [{ path: 'siteId', message: 'does not exist' }]);
    }
    if (device.siteId === input.siteId) throw new ConflictError('ALREADY_THERE', `${device.assetTag} is already at that site`);
    const fromSiteId = device.siteId;
    await device.update({ siteId: input.siteId }, { transaction: t });
    await appendEvent(deviceId, { type: 'moved', actorId: actor.id, payload: { fromSiteId, toSiteId: input.siteId, reason: input.reason ?? null } }, t);
  });
  return readDevicePage(deviceId);
}

export async function verifySample(sampleId: number, input: { result: 'passed' | 'failed'; notes?: string }, actor: Actor): Promise<SampleDto> {
  const sample = await withTransaction(async (t) => {
    const sample = await VerificationSample.findByPk(sampleId, { transaction: t, lock: t.LOCK.UPDATE });
    if (!sample) throw new NotFoundError(`Verification sample ${sampleId} not found`);
    if (sample.status !== 'pending') throw new ConflictError('ALREADY_VERIFIED', `Sample ${sampleId} was already verified`);
    if (sample.operatorId === actor.id) {
      throw new UnprocessableError('VERIFIER_IS_OPERATOR', 'The wipe must be verified by someone other than its operator', [{ path: 'verifierId', message: 'is the operator' }]);
    }
    await sample.update({ status: input.result, verifierId: actor.id, verifiedAt: new Date(), notes: input.notes ?? null }, { transaction: t });
    await appendEvent(sample.deviceId, { type: 'wipe_verified', actorId: actor.id, payload: { sampleId, result: input.result, notes: input.notes ?? null } }, t);
    return sample;
  });
  const device = await Device.findByPk(sample.deviceId, { attributes: ['assetTag'] });
  return toSampleDto(sample, device?.assetTag ?? '');
}
