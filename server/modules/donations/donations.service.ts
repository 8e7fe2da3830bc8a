import { Op, type Transaction, type WhereOptions } from 'sequelize';
import { nextSequenceValue } from '../../db/sequences.js';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import { containsPattern } from '../../lib/sql.js';
import { countByStatus, createDevice, createDevicesBulk, toDeviceDto, type DeviceInput } from '../devices/index.js';
import { createDonor, donorExists } from '../donors/index.js';
import { siteExists } from '../sites/index.js';
import { Donation, newReceiptToken } from './donations.model.js';
import { readManifest } from './donations.import.js';
import { announceDonation } from './donations.notify.js';
import { issueReceiptNumber } from './donations.receipt.js';
import {
  receiptUrlOf,
  toDonationDto,
  type DonationInput,
  type DonationListQuery,
  type DonationPatch,
  type PledgeInput,
} from './donations.schema.js';
import type { Actor, Role } from '../auth/index.js';
import type {
  DeviceDto,
  DonationDetailDto,
  DonationDto,
  DonationStatus,
  ImportResponse,
  PledgeResponse,
} from '../../shared/index.js';

/** Which status a donation may move to from each status (forward only; closing is always possible). */
const NEXT_STATUS: Record<DonationStatus, DonationStatus[]> = {
  pledged: ['scheduled', 'received', 'closed'],
  scheduled: ['received', 'closed'],
  received: ['closed'],
  closed: [],
};

async function nextDonationCode(transaction: Transaction): Promise<string> {
  const year = new Date().getUTCFullYear();
  const n = await nextSequenceValue(`donation:${year}`, transaction);
  return `DN-${year}-${String(n).padStart(4, '0')}`;
}

const withDonor = { include: [{ association: 'donor', attributes: ['id', 'name'] }] };

/** A donor or site id that names nothing is the caller's mistake: 422 naming the field, not a database conflict. */
const REFERENCES = {
  donorId: {
    label: 'Donor',
    exists: (id: number, transaction: Transaction) => donorExists(id, transaction),
  },
  siteId: {
    label: 'Site',
    exists: (id: number, transaction: Transaction) => siteExists(id, transaction),
  },
};
async function assertReference(
  path: keyof typeof REFERENCES,
  id: number | undefined,
  transaction: Transaction,
): Promise<void> {
  if (id === undefined) return;
  if (!(await REFERENCES[path].exists(id, transaction))) {
    throw new UnprocessableError('REFERENCE_NOT_FOUND', `${REFERENCES[path].label} ${id} does not exist`, [
      { path, message: 'does not exist' },
    ]);
  }
}

export async function createDonation(input: DonationInput, actor: Actor): Promise<DonationDto> {
  const donation = await withTransaction(async (transaction) => {
    await assertReference('donorId', input.donorId, transaction);
    await assertReference('siteId', input.siteId, transaction);
    const status: DonationStatus =
      input.channel === 'drop_off' ? 'received' : input.channel === 'pickup' ? 'scheduled' : 'pledged';
    const created = await Donation.create(
      {
        code: await nextDonationCode(transaction),
        donorId: input.donorId,
        channel: input.channel,
        status,
        expectedCount: input.expectedCount ?? null,
        siteId: input.siteId ?? null,
        notes: input.notes ?? null,
        scheduledPickupDate: input.scheduledPickupDate ?? null,
        receivedAt: status === 'received' ? new Date() : null,
        createdBy: actor.id,
        receiptToken: newReceiptToken(),
      },
      { transaction },
    );
    if (status === 'received') await announceDonation(transaction, created, 'received');
    return created;
  });
  logger.info('donation.created', { donationId: donation.id, channel: donation.channel });
  return getDonation(donation.id, actor.role);
}

export async function pledge(input: PledgeInput): Promise<PledgeResponse> {
  const donation = await withTransaction(async (transaction) => {
    const donor = await createDonor({ ...input.donor }, transaction);
    return Donation.create(
      {
        code: await nextDonationCode(transaction),
        donorId: donor.id,
        channel: 'pledge',
        status: 'pledged',
        expectedCount: input.items.reduce((n, i) => n + i.count, 0),
        siteId: null,
        notes: input.notes ?? null,
        pledgeItems: JSON.stringify(input.items),
        preferredPickupDate: input.preferredPickupDate ?? null,
        createdBy: null,
        receiptToken: newReceiptToken(),
      },
      { transaction },
    );
  });
  logger.info('donation.pledged', { donationId: donation.id });
  return { code: donation.code, status: 'pledged' };
}

export async function listDonations(q: DonationListQuery): Promise<Page<DonationDto>> {
  const where: WhereOptions<Donation> = {};
  if (q.status?.length) Object.assign(where, { status: q.status });
  if (q.donorId) Object.assign(where, { donorId: q.donorId });
  if (q.q) {
    const like = containsPattern(q.q);
    Object.assign(where, { [Op.or]: [{ code: { [Op.like]: like } }, { '$donor.name$': { [Op.like]: like } }] });
  }
  const { rows, count } = await Donation.findAndCountAll({
    where,
    ...withDonor,
    order: [['id', 'DESC']],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return { items: rows.map(toDonationDto), total: count, page: q.page, pageSize: q.pageSize };
}

export async function getDonation(id: number, role: Role): Promise<DonationDetailDto> {
  const donation = await Donation.findByPk(id, withDonor);
  if (!donation) throw new NotFoundError(`Donation ${id} not found`);
  return {
    ...toDonationDto(donation),
    devicesByStatus: await countByStatus({ donationId: id }),
    ...receiptUrlOf(donation, role),
  };
}

export async function updateDonation(id: number, patch: DonationPatch, role: Role): Promise<DonationDetailDto> {
  await withTransaction(async (transaction) => {
    const donation = await Donation.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!donation) throw new NotFoundError(`Donation ${id} not found`);
    await assertReference('siteId', patch.siteId, transaction);
    const changes: Partial<Donation> = { ...patch };
    if (patch.status && patch.status !== donation.status) {
      if (!NEXT_STATUS[donation.status].includes(patch.status)) {
        throw new ConflictError('INVALID_TRANSITION', `A ${donation.status} donation cannot become ${patch.status}`, {
          status: donation.status,
          allowed: NEXT_STATUS[donation.status],
        });
      }
      if (patch.status === 'received') changes.receivedAt = new Date();
    }
    const announce = patch.status !== donation.status && (patch.status === 'received' || patch.status === 'closed');
    await donation.update(changes, { transaction });
    if (announce) await announceDonation(transaction, donation, patch.status as 'received' | 'closed');
  });
  return getDonation(id, role);
}

/**
 * Locks the donation and makes sure it can take devices; a pledged or scheduled one becomes received, and the
 * receipt gets its number (the devices about to be written make it issuable).
 */
async function openForIntake(id: number, transaction: Transaction): Promise<Donation> {
  const donation = await Donation.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
  if (!donation) throw new NotFoundError(`Donation ${id} not found`);
  if (donation.status === 'closed')
    throw new ConflictError(
      'DONATION_CLOSED',
      `Donation ${donation.code} is closed; reopen is not possible, start a new donation`,
    );
  if (donation.status !== 'received') {
    await donation.update({ status: 'received', receivedAt: new Date() }, { transaction });
    await announceDonation(transaction, donation, 'received');
  }
  await issueReceiptNumber(donation, transaction);
  return donation;
}

export async function intakeDevice(donationId: number, input: DeviceInput, actor: Actor): Promise<DeviceDto> {
  const { device, code } = await withTransaction(async (transaction) => {
    const donation = await openForIntake(donationId, transaction);
    await assertReference('siteId', input.siteId, transaction);
    const created = await createDevice(
      donationId,
      { ...input, siteId: input.siteId ?? donation.siteId ?? undefined },
      actor.id,
      transaction,
    );
    await donation.increment('receivedCount', { by: 1, transaction });
    return { device: created, code: donation.code };
  });
  logger.info('device.intake', { deviceId: device.id, donationId });
  return toDeviceDto(device, code);
}

export async function importManifest(
  donationId: number,
  file: Buffer,
  defaultType: string | undefined,
  actor: Actor,
): Promise<ImportResponse> {
  const rows = await readManifest(file, defaultType);
  const devices = await withTransaction(async (transaction) => {
    const donation = await openForIntake(donationId, transaction);
    const siteId = donation.siteId ?? undefined;
    const created = await createDevicesBulk(
      donationId,
      rows.map((r) => ({ ...r, siteId })),
      actor.id,
      transaction,
    );
    await donation.increment('receivedCount', { by: created.length, transaction });
    return created;
  });
  logger.info('device.import', { donationId, imported: devices.length });
  return { imported: devices.length, devices };
}
