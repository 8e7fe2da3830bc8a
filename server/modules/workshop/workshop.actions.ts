// POST /api/devices/:id/actions — the technicians' lifecycle actions. Each is one transaction: load and check
// (404, STALE_VERSION, INVALID_TRANSITION), the action's guard (422), side rows, then changeStatus()
// (compare-and-set + hash-chained event).
import { randomInt } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { UnprocessableError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import type { Actor } from '../auth/index.js';
import {
  changeStatus,
  countDrives,
  loadForAction,
  toDeviceDto,
  type DeviceRow,
  type DeviceFields,
  type DeviceStatus,
} from '../devices/index.js';
import { deviceLevelWipe, drivesMissingWipe, type DeviceLevelWipe } from '../sanitization/index.js';
import { getSettings } from '../settings/index.js';
import { Disposal, Part, VerificationSample } from './workshop.model.js';
import type { PartRef, WorkshopAction } from './workshop.schema.js';
import { carriesImei, type DeviceDto } from '../../shared/index.js';

interface Outcome {
  to: DeviceStatus;
  fields?: DeviceFields;
  payload: Record<string, unknown>;
}
type Handler<A extends WorkshopAction> = (
  device: DeviceRow,
  input: A,
  actor: Actor,
  t: Transaction,
) => Promise<Outcome>;

const withoutHeader = <A extends WorkshopAction>(input: A): Record<string, unknown> => {
  const { action: _a, version: _v, ...payload } = input;
  return payload;
};

const triage: Handler<Extract<WorkshopAction, { action: 'triage' }>> = async (_d, input) => ({
  // Devices bound for recycling or parts still go through the wipe: no drive leaves unsanitized.
  to: input.needsRepair && input.disposition === 'reuse' ? 'repair' : 'wipe',
  fields: { disposition: input.disposition },
  payload: withoutHeader(input),
});

const repair: Handler<Extract<WorkshopAction, { action: 'repair' }>> = async (device, input, _actor, t) => {
  const used = await takeParts(device, input.partsUsed, t);
  const disposition = input.fixed ? (device.disposition ?? 'reuse') : (input.disposition ?? 'parts');
  return { to: 'wipe', fields: { disposition }, payload: { ...withoutHeader(input), partsUsed: used } };
};

/**
 * A phone's or tablet's own storage (docs/phones.md): a record of the whole device. A phone needs one (it always has
 * storage, and no drive of it is recorded); a tablet may have one instead of a noStorage confirmation. Either way a
 * factory reset whose record says encryption was not verified on is no purge, and the wipe is refused for it.
 */
async function wholeDeviceWipe(device: DeviceRow, t: Transaction): Promise<DeviceLevelWipe> {
  if (!carriesImei(device.type)) return { state: 'missing' };
  const whole = await deviceLevelWipe(device.id, t);
  if (whole.state === 'unverified')
    throw new UnprocessableError(
      'WIPE_INCOMPLETE',
      `The factory reset of ${device.assetTag} is recorded without encryption verified on: it is no purge (NIST SP 800-88)`,
      [
        {
          path: 'encryptionVerified',
          reason: 'encryption_not_verified',
          sanitizationId: whole.sanitizationId,
          message:
            'the factory reset was recorded without encryption verified on, so it only cleared the file system: verify encryption, reset again and record it, or destroy the storage',
        },
      ],
    );
  if (whole.state === 'missing' && device.type === 'phone')
    throw new UnprocessableError(
      'WIPE_INCOMPLETE',
      `Phone ${device.assetTag} has no counted, passed factory reset with encryption (or destruction) recorded`,
      [
        {
          path: 'technique',
          reason: 'factory_reset_missing',
          message:
            'needs a counted, passed record of the device: a factory reset with encryption verified on (factory_reset_encrypted), or its destruction',
        },
      ],
    );
  return whole;
}

const completeWipe: Handler<Extract<WorkshopAction, { action: 'complete_wipe' }>> = async (device, input, actor, t) => {
  const driveCount = await countDrives(device.id, t);
  const whole = await wholeDeviceWipe(device, t);
  if (driveCount === 0 && !input.noStorage && whole.state !== 'passed') {
    throw new UnprocessableError(
      'WIPE_INCOMPLETE',
      `Device ${device.assetTag} has no drives recorded; send noStorage: true to confirm it has none`,
      [{ path: 'noStorage', message: 'must be true for a device without drives' }],
    );
  }
  const missing = await drivesMissingWipe(device.id, t);
  if (missing.length) {
    // Spec §10: only counted records count; one typed in by hand counts once the verifier it names confirms it.
    throw new UnprocessableError(
      'WIPE_INCOMPLETE',
      `${missing.length} drive(s) of ${device.assetTag} have no counted, passed sanitization record`,
      missing.map((d) => ({
        driveId: d.id,
        serialNumber: d.serialNumber,
        message: 'has no counted, passed sanitization record (with an evidence file, or confirmed by its verifier)',
      })),
    );
  }
  const wiped = driveCount > 0 || whole.state === 'passed';
  const sampled = wiped && (await drawSample(device, actor, t));
  const reuse = (device.disposition ?? 'reuse') === 'reuse';
  return {
    to: reuse ? 'refurbish' : 'disposal',
    payload: {
      noStorage: !wiped,
      drives: driveCount,
      verificationSampled: sampled,
      ...(whole.state === 'passed' ? { deviceRecord: whole.sanitizationId } : {}),
    },
  };
};

const refurbish: Handler<Extract<WorkshopAction, { action: 'refurbish' }>> = async (_d, input) => {
  const failed = Object.entries(input.qa)
    .filter(([, v]) => v === 'fail')
    .map(([k]) => k);
  if (failed.length) return { to: 'repair', payload: { ...withoutHeader(input), failedItems: failed } };
  return {
    to: 'ready',
    payload: withoutHeader(input),
    fields: {
      os: input.os,
      licence: input.licence,
      windows11Eligible: input.windows11Eligible ?? null,
      grade: input.grade,
      r2Function: input.r2Function ?? null,
      r2Cosmetic: input.r2Cosmetic ?? null,
    },
  };
};

const recycle: Handler<Extract<WorkshopAction, { action: 'recycle' }>> = async (device, input, actor, t) => {
  await Disposal.create(
    {
      deviceId: device.id,
      kind: 'recycle',
      recycler: input.recycler,
      weightKg: input.weightKg,
      certificateRef: input.certificateRef,
      createdBy: actor.id,
    },
    { transaction: t },
  );
  return { to: 'recycled', fields: { disposition: 'recycle' }, payload: withoutHeader(input) };
};

const harvest: Handler<Extract<WorkshopAction, { action: 'harvest' }>> = async (device, input, actor, t) => {
  await Disposal.create(
    { deviceId: device.id, kind: 'harvest', recycler: null, weightKg: null, certificateRef: null, createdBy: actor.id },
    { transaction: t },
  );
  const parts = await Part.bulkCreate(
    input.parts.map((p) => ({
      type: p.type,
      serialNumber: p.serialNumber || null,
      description: p.description || null,
      status: 'available' as const,
      sourceDeviceId: device.id,
    })),
    { transaction: t },
  );
  return {
    to: 'harvested',
    fields: { disposition: 'parts' },
    payload: { parts: parts.map((p) => ({ partId: p.id, type: p.type, serialNumber: p.serialNumber })) },
  };
};

const returned: Handler<Extract<WorkshopAction, { action: 'return' }>> = async (_d, input) => ({
  // A new cycle: the old grade and disposition no longer hold until the device is checked again.
  to: 'intake',
  fields: { disposition: null, grade: null, r2Function: null, r2Cosmetic: null },
  payload: withoutHeader(input),
});

const HANDLERS: { [K in WorkshopAction['action']]: Handler<Extract<WorkshopAction, { action: K }>> } = {
  triage,
  repair,
  complete_wipe: completeWipe,
  refurbish,
  recycle,
  harvest,
  return: returned,
};

export async function act(deviceId: number, input: WorkshopAction, actor: Actor): Promise<DeviceDto> {
  const { device, from } = await withTransaction(async (t) => {
    const device = await loadForAction(deviceId, input.action, input.version, t);
    const from = device.status;
    const handler = HANDLERS[input.action] as Handler<WorkshopAction>;
    const outcome = await handler(device, input, actor, t);
    const changed = await changeStatus(
      device,
      {
        action: input.action,
        version: input.version,
        to: outcome.to,
        actorId: actor.id,
        payload: outcome.payload,
        fields: outcome.fields,
      },
      t,
    );
    return { device: changed, from };
  });
  logger.info('device.action', { deviceId, action: input.action, from, to: device.status, actorId: actor.id });
  return toDeviceDto(device);
}

/** Parts drawn from the inventory must be available; they are marked used by this device. */
async function takeParts(device: DeviceRow, refs: PartRef[], t: Transaction): Promise<PartRef[]> {
  for (const [i, ref] of refs.entries()) {
    if (!ref.partId) continue;
    const [n] = await Part.update(
      { status: 'used', usedInDeviceId: device.id },
      { where: { id: ref.partId, status: 'available' }, transaction: t },
    );
    if (n === 0)
      throw new UnprocessableError('PART_UNAVAILABLE', `Part ${ref.partId} is not in the inventory`, [
        { path: `partsUsed.${i}.partId`, message: 'is not an available part' },
      ]);
  }
  return refs;
}

/** R2: a share of wiped devices is flagged for an independent check. */
async function drawSample(device: DeviceRow, actor: Actor, t: Transaction): Promise<boolean> {
  const { verificationSamplePercent } = await getSettings(t);
  if (randomInt(0, 10_000) >= verificationSamplePercent * 100) return false;
  await VerificationSample.create({ deviceId: device.id, operatorId: actor.id, status: 'pending' }, { transaction: t });
  return true;
}
