// Allocation: a ready, sanitized device reserved for a verified or waitlisted beneficiary. Device, beneficiary
// and allocation change together in one transaction; the device's compare-and-set makes exactly one of many
// concurrent allocations of the same device win.
import { Op, type Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import type { Actor, Role } from '../auth/index.js';
import {
  changeBeneficiaryStatus,
  lockBeneficiary,
  type Beneficiary,
  type BeneficiaryStatus,
} from '../beneficiaries/index.js';
import { assetTagOf, assetTagsOf, changeStatus, findDevice, type Device } from '../devices/index.js';
import { programmeExists } from '../programmes/index.js';
import { drivesMissingWipe } from '../sanitization/index.js';
import { Allocation } from './allocations.model.js';
import {
  toAllocationDto,
  type AllocateInput,
  type AllocationDto,
  type AllocationListQuery,
} from './allocations.schema.js';
import { publishEvent } from '../webhooks/index.js';
import { allocationEvent } from './allocations.events.js';

const ELIGIBLE: BeneficiaryStatus[] = ['verified', 'waitlisted'];
const ACTIVE = ['reserved', 'handed_over'];

export async function allocate(input: AllocateInput, actor: Actor): Promise<AllocationDto> {
  if (input.overrideReason && actor.role !== 'admin')
    throw new ForbiddenError('Only an admin may override the one-allocation rule');
  const allocation = await withTransaction(async (t) => {
    // Locked first, so that concurrent allocations of one device queue here. Unlocked, both took a shared lock on
    // the device (the foreign-key check of the allocation insert) and then both asked for the exclusive one to
    // change its status: a deadlock on MySQL (found by the soak test), answered 503 instead of one 409.
    const device = await findDevice(input.deviceId, { transaction: t, lock: true });
    if (!device)
      throw new UnprocessableError('REFERENCE_NOT_FOUND', `Device ${input.deviceId} does not exist`, [
        { path: 'deviceId', message: 'does not exist' },
      ]);
    const beneficiary = await lockBeneficiary(input.beneficiaryId, t);
    if (!beneficiary)
      throw new UnprocessableError('REFERENCE_NOT_FOUND', `Beneficiary ${input.beneficiaryId} does not exist`, [
        { path: 'beneficiaryId', message: 'does not exist' },
      ]);
    if (input.programmeId && !(await programmeExists(input.programmeId, t))) {
      throw new UnprocessableError('REFERENCE_NOT_FOUND', `Programme ${input.programmeId} does not exist`, [
        { path: 'programmeId', message: 'does not exist' },
      ]);
    }
    await assertDeviceAllocatable(device, t);
    await assertBeneficiaryEligible(beneficiary, input, t);
    const prev = beneficiary.status;
    const row = await Allocation.create(
      {
        deviceId: device.id,
        beneficiaryId: beneficiary.id,
        programmeId: input.programmeId ?? null,
        status: 'reserved',
        beneficiaryPrevStatus: prev,
        overrideReason: input.overrideReason ?? null,
        allocatedBy: actor.id,
      },
      { transaction: t },
    );
    await changeStatus(
      device,
      {
        action: 'allocate',
        version: device.version,
        to: 'allocated',
        actorId: actor.id,
        payload: { allocationId: row.id, programmeId: row.programmeId, override: Boolean(input.overrideReason) },
      },
      t,
    );
    if (ELIGIBLE.includes(prev))
      await changeBeneficiaryStatus(beneficiary, 'allocated', actor.id, t, { allowSystem: true });
    await publishEvent(t, 'allocation.reserved', String(row.id), allocationEvent(row, device));
    return row;
  });
  logger.info('allocation.created', { allocationId: allocation.id, deviceId: allocation.deviceId });
  return getAllocation(allocation.id, actor.role);
}

async function assertDeviceAllocatable(device: Device, t: Transaction): Promise<void> {
  if (device.status !== 'ready') {
    throw new ConflictError('DEVICE_NOT_READY', `Device ${device.assetTag} is ${device.status}, not ready`, {
      status: device.status,
    });
  }
  const missing = await drivesMissingWipe(device.id, t);
  if (missing.length) {
    throw new UnprocessableError(
      'WIPE_INCOMPLETE',
      `${missing.length} drive(s) of ${device.assetTag} have no passed sanitization record`,
      missing.map((d) => ({
        driveId: d.id,
        serialNumber: d.serialNumber,
        message: 'has no passed sanitization record',
      })),
    );
  }
}

async function assertBeneficiaryEligible(b: Beneficiary, input: AllocateInput, t: Transaction): Promise<void> {
  if (input.overrideReason) {
    if (b.status === 'rejected' || b.status === 'applied') {
      throw new ConflictError('BENEFICIARY_NOT_ELIGIBLE', `The beneficiary is ${b.status}; verify them first`, {
        status: b.status,
      });
    }
    return;
  }
  if (!ELIGIBLE.includes(b.status)) {
    throw new ConflictError(
      'BENEFICIARY_NOT_ELIGIBLE',
      `The beneficiary is ${b.status}; only verified or waitlisted beneficiaries can be allocated a device`,
      { status: b.status, allowed: ELIGIBLE },
    );
  }
  const active = await Allocation.count({
    where: { beneficiaryId: b.id, programmeId: input.programmeId ?? null, status: { [Op.in]: ACTIVE } },
    transaction: t,
  });
  if (active) {
    throw new ConflictError(
      'ALREADY_ALLOCATED',
      'This beneficiary already has a device in this programme; an admin can override with a reason',
      { beneficiaryId: b.id, programmeId: input.programmeId ?? null },
    );
  }
}

export async function cancelAllocation(id: number, reason: string, actor: Actor): Promise<AllocationDto> {
  await withTransaction(async (t) => {
    const allocation = await Allocation.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!allocation) throw new NotFoundError(`Allocation ${id} not found`);
    if (allocation.status !== 'reserved') {
      throw new ConflictError(
        'INVALID_TRANSITION',
        `A ${allocation.status} allocation cannot be cancelled${allocation.status === 'handed_over' ? '; record a return of the device instead' : ''}`,
        { status: allocation.status },
      );
    }
    const device = (await findDevice(allocation.deviceId, { transaction: t }))!;
    await changeStatus(
      device,
      {
        action: 'cancel_allocation',
        version: device.version,
        to: 'ready',
        actorId: actor.id,
        payload: { allocationId: id, reason },
      },
      t,
    );
    const beneficiary = (await lockBeneficiary(allocation.beneficiaryId, t))!;
    if (
      beneficiary.status === 'allocated' &&
      ELIGIBLE.includes(allocation.beneficiaryPrevStatus as BeneficiaryStatus)
    ) {
      const stillActive = await Allocation.count({
        where: { beneficiaryId: beneficiary.id, status: 'reserved', id: { [Op.ne]: id } },
        transaction: t,
      });
      if (!stillActive)
        await changeBeneficiaryStatus(beneficiary, allocation.beneficiaryPrevStatus as BeneficiaryStatus, actor.id, t, {
          allowSystem: true,
          reason,
        });
    }
    await allocation.update({ status: 'cancelled', cancelReason: reason }, { transaction: t });
    await publishEvent(t, 'allocation.cancelled', String(allocation.id), allocationEvent(allocation, device));
  });
  logger.info('allocation.cancelled', { allocationId: id });
  return getAllocation(id, actor.role);
}

/** `role` decides what the caller may see of the people involved (see toAllocationDto). */
export async function getAllocation(id: number, role: Role): Promise<AllocationDto> {
  const allocation = await Allocation.findByPk(id);
  if (!allocation) throw new NotFoundError(`Allocation ${id} not found`);
  return toAllocationDto(allocation, role, await assetTagOf(allocation.deviceId));
}

export async function listAllocations(q: AllocationListQuery, role: Role): Promise<Page<AllocationDto>> {
  const where: Record<string, unknown> = {};
  for (const key of ['status', 'programmeId', 'beneficiaryId', 'deviceId'] as const)
    if (q[key] !== undefined) where[key] = q[key];
  const { rows, count } = await Allocation.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  const tags = await assetTagsOf(rows.map((r) => r.deviceId));
  return {
    items: rows.map((r) => toAllocationDto(r, role, tags.get(r.deviceId) ?? null)),
    total: count,
    page: q.page,
    pageSize: q.pageSize,
  };
}
