// Batch allocation (spec §13): many ready, sanitized devices for one institution or partner association, reserved
// in one transaction, all or none. Every device is locked in id order first, so two batches sharing a device queue
// on it and exactly one wins; the loser's 409 names every device it could not take and why.
import type { Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { nextSequenceValue } from '../../db/sequences.js';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import type { Actor, Role } from '../auth/index.js';
import {
  changeBeneficiaryStatus,
  lockBeneficiary,
  recipientSummariesOf,
  type Beneficiary,
  type BeneficiaryStatus,
} from '../beneficiaries/index.js';
import { changeStatus, devicesByIds, lockDeviceRows, type DeviceRow } from '../devices/index.js';
import { partnerExists, partnerSummariesOf } from '../partners/index.js';
import { programmeExists } from '../programmes/index.js';
import { devicesWithUnwipedDrives } from '../sanitization/index.js';
import { publishEvent } from '../webhooks/index.js';
import type { BatchDeviceDto, BatchDto, BatchInput, BatchRefusalDto } from '../../shared/index.js';
import { allocationEvent } from './allocations.events.js';
import { Allocation, AllocationBatch } from './allocations.model.js';
import { toBatchDto, type BatchListQuery } from './allocations.batch-schema.js';

/** An institution may receive batch after batch: any status past verification and not rejected. */
const INSTITUTION_ELIGIBLE: BeneficiaryStatus[] = ['verified', 'waitlisted', 'allocated', 'served'];

const batchCode = (year: number, n: number) => `BT-${year}-${String(n).padStart(4, '0')}`;

async function assertProgramme(programmeId: number, t: Transaction): Promise<void> {
  if (!(await programmeExists(programmeId, t)))
    throw new UnprocessableError('REFERENCE_NOT_FOUND', `Programme ${programmeId} does not exist`, [
      { path: 'programmeId', message: 'does not exist' },
    ]);
}

/** The institution, locked; 422 when missing, 400 when not an institution, 409 when not (yet) eligible. */
async function lockInstitution(beneficiaryId: number, t: Transaction): Promise<Beneficiary> {
  const b = await lockBeneficiary(beneficiaryId, t);
  if (!b)
    throw new UnprocessableError('REFERENCE_NOT_FOUND', `Beneficiary ${beneficiaryId} does not exist`, [
      { path: 'recipient.beneficiaryId', message: 'does not exist' },
    ]);
  if (b.kind !== 'institution')
    throw new ValidationError('A batch goes to an institution or a partner association', [
      {
        path: 'recipient.beneficiaryId',
        message: `is a ${b.kind}; a batch goes to an institution (or to a partner: recipient.partnerId)`,
        type: 'recipient.institution',
      },
    ]);
  if (!INSTITUTION_ELIGIBLE.includes(b.status))
    throw new ConflictError('BENEFICIARY_NOT_ELIGIBLE', `The institution is ${b.status}; verify it first`, {
      status: b.status,
      allowed: INSTITUTION_ELIGIBLE,
    });
  return b;
}

/** Every device the batch cannot take, each with its reason (none missing: those are a 422 first). */
async function refusalsOf(devices: DeviceRow[], t: Transaction): Promise<BatchRefusalDto[]> {
  const unwiped = await devicesWithUnwipedDrives(
    devices.map((d) => d.id),
    t,
  );
  return devices.flatMap((d): BatchRefusalDto[] => {
    const base = { deviceId: d.id, assetTag: d.assetTag, status: d.status };
    if (d.status !== 'ready') return [{ ...base, reason: 'not_ready', message: `is ${d.status}, not ready` }];
    if (d.custodyPartnerId != null)
      return [{ ...base, reason: 'in_custody', message: "is in a partner's custody already" }];
    if (unwiped.has(d.id))
      return [{ ...base, reason: 'not_sanitized', message: 'has a drive without a passed sanitization record' }];
    return [];
  });
}

export async function createBatch(input: BatchInput, actor: Actor): Promise<BatchDto> {
  const id = await withTransaction(async (t) => {
    const institution =
      'beneficiaryId' in input.recipient ? await lockInstitution(input.recipient.beneficiaryId, t) : null;
    const partnerId = 'partnerId' in input.recipient ? input.recipient.partnerId : null;
    if (partnerId != null && !(await partnerExists(partnerId, t)))
      throw new UnprocessableError('REFERENCE_NOT_FOUND', `Partner ${partnerId} does not exist`, [
        { path: 'recipient.partnerId', message: 'does not exist' },
      ]);
    await assertProgramme(input.programmeId, t);
    const devices = await lockDeviceRows(input.deviceIds, t);
    const found = new Set(devices.map((d) => d.id));
    const missing = input.deviceIds.flatMap((deviceId, i) =>
      found.has(deviceId) ? [] : [{ path: `deviceIds.${i}`, message: `device ${deviceId} does not exist` }],
    );
    if (missing.length)
      throw new UnprocessableError('REFERENCE_NOT_FOUND', `${missing.length} device(s) do not exist`, missing);
    const refused = await refusalsOf(devices, t);
    if (refused.length)
      throw new ConflictError(
        'BATCH_DEVICES_UNAVAILABLE',
        `${refused.length} of ${devices.length} devices cannot go in this batch`,
        refused,
      );
    const year = new Date().getUTCFullYear();
    const batch = await AllocationBatch.create(
      {
        code: batchCode(year, await nextSequenceValue(`batch:${year}`, t)),
        status: 'reserved',
        recipientKind: institution ? 'institution' : 'partner',
        beneficiaryId: institution?.id ?? null,
        partnerId,
        programmeId: input.programmeId,
        deviceIds: JSON.stringify(input.deviceIds),
        deviceCount: input.deviceIds.length,
        note: input.note ?? null,
        createdBy: actor.id,
      },
      { transaction: t },
    );
    for (const device of devices) await reserve(device, batch, institution, actor, t);
    if (institution && (institution.status === 'verified' || institution.status === 'waitlisted'))
      await changeBeneficiaryStatus(institution, 'allocated', actor.id, t, { allowSystem: true });
    return batch.id;
  });
  logger.info('batch.created', { batchId: id, devices: input.deviceIds.length });
  return getBatch(id, actor.role);
}

/** One device into the batch: an allocation of its own for an institution; for a partner, the batch alone. */
async function reserve(
  device: DeviceRow,
  batch: AllocationBatch,
  institution: Beneficiary | null,
  actor: Actor,
  t: Transaction,
): Promise<void> {
  const allocation = institution
    ? await Allocation.create(
        {
          deviceId: device.id,
          beneficiaryId: institution.id,
          programmeId: batch.programmeId,
          status: 'reserved',
          beneficiaryPrevStatus: institution.status,
          overrideReason: null,
          allocatedBy: actor.id,
          batchId: batch.id,
        },
        { transaction: t },
      )
    : null;
  await changeStatus(
    device,
    {
      action: 'allocate',
      version: device.version,
      to: 'allocated',
      actorId: actor.id,
      payload: {
        batchId: batch.id,
        batchCode: batch.code,
        programmeId: batch.programmeId,
        ...(allocation ? { allocationId: allocation.id } : { partnerId: batch.partnerId }),
      },
    },
    t,
  );
  if (allocation)
    await publishEvent(t, 'allocation.reserved', String(allocation.id), allocationEvent(allocation, device));
}

/** A reserved batch cancelled whole: every device back to ready, the institution back to where it waited. */
export async function cancelBatch(id: number, reason: string, actor: Actor): Promise<BatchDto> {
  await withTransaction(async (t) => {
    const batch = await AllocationBatch.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!batch) throw new NotFoundError(`Batch ${id} not found`);
    if (batch.status !== 'reserved')
      throw new ConflictError('INVALID_TRANSITION', `A ${batch.status} batch cannot be cancelled`, {
        status: batch.status,
      });
    const devices = await lockDeviceRows(JSON.parse(batch.deviceIds) as number[], t);
    const allocations = await Allocation.findAll({ where: { batchId: id, status: 'reserved' }, transaction: t });
    const allocationOf = new Map(allocations.map((a) => [a.deviceId, a]));
    for (const device of devices) {
      const allocation = allocationOf.get(device.id);
      await changeStatus(
        device,
        {
          action: 'cancel_allocation',
          version: device.version,
          to: 'ready',
          actorId: actor.id,
          payload: {
            batchId: id,
            batchCode: batch.code,
            reason,
            ...(allocation ? { allocationId: allocation.id } : {}),
          },
        },
        t,
      );
      if (allocation) {
        await allocation.update({ status: 'cancelled', cancelReason: reason }, { transaction: t });
        await publishEvent(t, 'allocation.cancelled', String(allocation.id), allocationEvent(allocation, device));
      }
    }
    if (batch.beneficiaryId != null) await restoreInstitution(batch, allocations, reason, actor, t);
    await batch.update({ status: 'cancelled', cancelReason: reason }, { transaction: t });
  });
  logger.info('batch.cancelled', { batchId: id });
  return getBatch(id, actor.role);
}

/** Back to verified or waitlisted when this batch was what made the institution `allocated`. */
async function restoreInstitution(
  batch: AllocationBatch,
  allocations: Allocation[],
  reason: string,
  actor: Actor,
  t: Transaction,
): Promise<void> {
  const institution = (await lockBeneficiary(batch.beneficiaryId!, t))!;
  const before = allocations[0]?.beneficiaryPrevStatus as BeneficiaryStatus | undefined;
  if (institution.status !== 'allocated' || (before !== 'verified' && before !== 'waitlisted')) return;
  const others = await Allocation.count({
    where: { beneficiaryId: institution.id, status: ['reserved', 'handed_over'] },
    transaction: t,
  });
  if (!others) await changeBeneficiaryStatus(institution, before, actor.id, t, { allowSystem: true, reason });
}

async function recipientsOf(batches: AllocationBatch[]) {
  const [institutions, partners] = await Promise.all([
    recipientSummariesOf(batches.flatMap((b) => (b.beneficiaryId != null ? [b.beneficiaryId] : []))),
    partnerSummariesOf(batches.flatMap((b) => (b.partnerId != null ? [b.partnerId] : []))),
  ]);
  return (b: AllocationBatch) => {
    const r = b.beneficiaryId != null ? institutions.get(b.beneficiaryId) : partners.get(b.partnerId ?? 0);
    return { name: r?.name ?? '', city: r?.city ?? null, regionCode: r?.regionCode ?? null };
  };
}

/** The batch with every device (tag, type, make, model, serial; its allocation for an institution's batch). */
export async function getBatch(id: number, role: Role): Promise<BatchDto> {
  const batch = await AllocationBatch.findByPk(id);
  if (!batch) throw new NotFoundError(`Batch ${id} not found`);
  const ids = JSON.parse(batch.deviceIds) as number[];
  const [devices, allocations, recipientOf] = await Promise.all([
    devicesByIds(ids, ['id', 'assetTag', 'type', 'manufacturer', 'model', 'serialNumber']),
    Allocation.findAll({ where: { batchId: id }, attributes: ['id', 'deviceId', 'status'] }),
    recipientsOf([batch]),
  ]);
  const byId = new Map(devices.map((d) => [d.id, d]));
  // The batch's live allocation of each device (a cancelled batch shows the cancelled ones).
  const allocationOf = new Map(allocations.map((a) => [a.deviceId, a.id]));
  const rows: BatchDeviceDto[] = ids.flatMap((deviceId) => {
    const d = byId.get(deviceId);
    return d
      ? [
          {
            deviceId,
            assetTag: d.assetTag,
            type: d.type,
            manufacturer: d.manufacturer,
            model: d.model,
            serialNumber: d.serialNumber,
            allocationId: allocationOf.get(deviceId) ?? null,
          },
        ]
      : [];
  });
  return toBatchDto(batch, role, recipientOf(batch), rows);
}

export async function listBatches(q: BatchListQuery, role: Role): Promise<Page<BatchDto>> {
  const { rows, count } = await AllocationBatch.findAndCountAll({
    where: q.status ? { status: q.status } : {},
    order: [['id', 'DESC']],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  const recipientOf = await recipientsOf(rows);
  return {
    items: rows.map((b) => toBatchDto(b, role, recipientOf(b))),
    total: count,
    page: q.page,
    pageSize: q.pageSize,
  };
}
