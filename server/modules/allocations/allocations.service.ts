// Allocation: a ready, sanitized device reserved for a verified or waitlisted beneficiary. Device, beneficiary
// and allocation change together in one transaction; the device's compare-and-set makes exactly one of many
// concurrent allocations of the same device win.
import { literal, Op, type Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import type { Actor } from '../auth/index.js';
import {
  changeBeneficiaryStatus,
  lockBeneficiary,
  type Beneficiary,
  type BeneficiaryStatus,
} from '../beneficiaries/index.js';
import { assignedBundlesOf } from '../connectivity/index.js';
import { assetTagOf, assetTagsOf, changeStatus, findDevice, type Device } from '../devices/index.js';
import { programmeExists } from '../programmes/index.js';
import { drivesMissingWipe } from '../sanitization/index.js';
import { Allocation, AllocationBatch } from './allocations.model.js';
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

/**
 * A partner user acts only on devices in its organisation's custody: any other allocation is "not found" to it, so
 * ids tell it nothing. Staff pass.
 */
export function assertPartnerHolds(device: Pick<Device, 'custodyPartnerId'>, actor: Actor, allocationId: number): void {
  if (actor.role === 'partner' && (actor.partnerId == null || device.custodyPartnerId !== actor.partnerId))
    throw new NotFoundError(`Allocation ${allocationId} not found`);
}

/**
 * Custody decides who may hand a device on: a device in a partner's custody only by that partner's users (to a
 * family the partner referred), and a partner only its own devices. The programme defaults to the batch's.
 */
async function checkCustody(
  device: Device,
  beneficiary: Beneficiary,
  input: AllocateInput,
  actor: Actor,
  t: Transaction,
) {
  if (actor.role !== 'partner') {
    if (device.custodyPartnerId != null)
      throw new ConflictError(
        'DEVICE_IN_CUSTODY',
        `Device ${device.assetTag} is in a partner's custody; the partner hands it on, or returns it first`,
        { partnerId: device.custodyPartnerId },
      );
    return input.programmeId;
  }
  const notYours = (path: string, what: string) =>
    new UnprocessableError('REFERENCE_NOT_FOUND', `${what} does not exist`, [{ path, message: 'does not exist' }]);
  if (actor.partnerId == null || device.custodyPartnerId !== actor.partnerId)
    throw notYours('deviceId', `Device ${input.deviceId}`);
  if (beneficiary.partnerId !== actor.partnerId) throw notYours('beneficiaryId', `Beneficiary ${input.beneficiaryId}`);
  return input.programmeId ?? (await batchProgrammeOf(device.custodyBatchId, t)) ?? undefined;
}

async function batchProgrammeOf(batchId: number | null, t: Transaction): Promise<number | null> {
  if (batchId == null) return null;
  const batch = await AllocationBatch.findByPk(batchId, { attributes: ['programmeId'], transaction: t });
  return batch?.programmeId ?? null;
}

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
    input = { ...input, programmeId: await checkCustody(device, beneficiary, input, actor, t) };
    if (input.programmeId && !(await programmeExists(input.programmeId, t))) {
      throw new UnprocessableError('REFERENCE_NOT_FOUND', `Programme ${input.programmeId} does not exist`, [
        { path: 'programmeId', message: 'does not exist' },
      ]);
    }
    if (beneficiary.kind === 'institution')
      throw new ConflictError(
        'USE_A_BATCH',
        'An institution receives its devices as a batch (POST /api/allocation-batches)',
        { beneficiaryId: beneficiary.id },
      );
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
  return getAllocation(allocation.id, actor);
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
    assertPartnerHolds(device, actor, id);
    if (allocation.batchId != null)
      throw new ConflictError(
        'IN_BATCH',
        'This device is cancelled with its batch (POST /api/allocation-batches/:id/cancel)',
        {
          batchId: allocation.batchId,
        },
      );
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
  return getAllocation(id, actor);
}

/**
 * The caller's role decides what it may see of the people involved (see toAllocationDto); a partner sees only the
 * allocations of devices in its custody.
 */
export async function getAllocation(id: number, actor: Pick<Actor, 'role' | 'partnerId'>): Promise<AllocationDto> {
  const allocation = await Allocation.findByPk(id);
  if (!allocation) throw new NotFoundError(`Allocation ${id} not found`);
  if (actor.role === 'partner') {
    const device = await findDevice(allocation.deviceId);
    assertPartnerHolds(device ?? { custodyPartnerId: null }, actor as Actor, id);
  }
  const [assetTag, bundles] = await Promise.all([assetTagOf(allocation.deviceId), assignedBundlesOf([id])]);
  return toAllocationDto(allocation, actor.role, assetTag, bundles.get(id) ?? null);
}

export async function listAllocations(
  q: AllocationListQuery,
  actor: Pick<Actor, 'role' | 'partnerId'>,
): Promise<Page<AllocationDto>> {
  const role = actor.role;
  const where: Record<string, unknown> = {};
  for (const key of ['status', 'programmeId', 'beneficiaryId', 'deviceId'] as const)
    if (q[key] !== undefined) where[key] = q[key];
  // A partner's own: the allocations of devices in its custody (an integer from the session, never from the query).
  const partnerDevices = () =>
    literal(`(SELECT id FROM devices WHERE custody_partner_id = ${Math.trunc(Number(actor.partnerId ?? -1))})`);
  if (role === 'partner')
    where.deviceId =
      q.deviceId !== undefined
        ? { [Op.and]: [q.deviceId, { [Op.in]: partnerDevices() }] }
        : { [Op.in]: partnerDevices() };
  const { rows, count } = await Allocation.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  const [tags, bundles] = await Promise.all([
    assetTagsOf(rows.map((r) => r.deviceId)),
    assignedBundlesOf(rows.map((r) => r.id)),
  ]);
  return {
    items: rows.map((r) => toAllocationDto(r, role, tags.get(r.deviceId) ?? null, bundles.get(r.id) ?? null)),
    total: count,
    page: q.page,
    pageSize: q.pageSize,
  };
}
