// Handover: who received the device, their signature (PNG or JPEG, checked by content, at most 1 MB) and
// when. Device → handed_over, beneficiary → served, and an unguessable certificate code, in one transaction.
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { storeFile } from '../../lib/file-store.js';
import { assertPrintableSize, inspectImage } from '../../lib/image-check.js';
import {
  ConflictError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedTypeError,
  ValidationError,
} from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import type { Actor } from '../auth/index.js';
import { changeBeneficiaryStatus, lockBeneficiary, type Beneficiary } from '../beneficiaries/index.js';
import { assignBundle } from '../connectivity/index.js';
import { changeStatus, findDevice, type Device } from '../devices/index.js';
import { recordHandover } from '../figures/index.js';
import { findSite } from '../sites/index.js';
import { Allocation } from './allocations.model.js';
import { assertPartnerHolds, getAllocation } from './allocations.service.js';
import { storedAccessories } from './allocations.batch-schema.js';
import type { AllocationDto, HandoverInput } from './allocations.schema.js';
import type { AssignedBundleDto } from '../../shared/index.js';
import { publishEvent } from '../webhooks/index.js';
import { allocationEvent } from './allocations.events.js';
import { checkTraining } from './allocations.training-gate.js';

export const MAX_SIGNATURE_BYTES = 1024 * 1024;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 10 base32 characters from 50 random bits: not guessable, short enough to read out over the phone. */
export function newCertificateCode(length = 10): string {
  const bytes = randomBytes(length);
  return [...bytes].map((b) => BASE32[b & 31]).join('');
}

/** A whole PNG or JPEG, by its structure (the certificate prints it); 422 IMAGE_TOO_LARGE past 16 megapixels. */
export function signatureType(data: Buffer): 'image/png' | 'image/jpeg' | undefined {
  const info = inspectImage(data);
  if (info) assertPrintableSize(info, 'signature');
  return info?.type;
}

/** The signature from a data URL or an uploaded file; refused unless it really is a PNG or JPEG. */
export function readSignature(input: HandoverInput, file?: Express.Multer.File): { data: Buffer; type: string } {
  const data =
    file?.buffer ?? (input.signature ? Buffer.from(input.signature.replace(/^data:[^,]+,/, ''), 'base64') : undefined);
  if (!data || !data.length)
    throw new ValidationError('A signature is required', [
      {
        path: 'signature',
        message: 'is required (a PNG or JPEG data URL, or a file field "signature")',
        type: 'signature.required',
      },
    ]);
  if (data.length > MAX_SIGNATURE_BYTES)
    throw new PayloadTooLargeError('FILE_TOO_LARGE', 'The signature image is larger than 1 MB', {
      field: 'signature',
      limitBytes: MAX_SIGNATURE_BYTES,
    });
  const type = signatureType(data);
  if (!type)
    throw new UnsupportedTypeError('UNSUPPORTED_FILE_TYPE', 'The signature must be a PNG or JPEG image', {
      field: 'signature',
    });
  return { data, type };
}

export async function handover(
  id: number,
  input: HandoverInput,
  signature: { data: Buffer; type: string },
  actor: Actor,
): Promise<AllocationDto> {
  const sha = await storeFile(signature.data);
  await withTransaction(async (t) => {
    const allocation = await Allocation.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!allocation) throw new NotFoundError(`Allocation ${id} not found`);
    const device = (await findDevice(allocation.deviceId, { transaction: t }))!;
    assertPartnerHolds(device, actor, id);
    if (allocation.status !== 'reserved')
      throw new ConflictError('INVALID_TRANSITION', `A ${allocation.status} allocation cannot be handed over`, {
        status: allocation.status,
      });
    if (allocation.batchId != null)
      throw new ConflictError(
        'IN_BATCH',
        'This device is handed over with its batch (POST /api/allocation-batches/:id/handover)',
        {
          batchId: allocation.batchId,
        },
      );
    const override = await checkTraining(allocation, input, actor, t);
    const code = newCertificateCode();
    const handedOverAt = input.handedOverAt ?? new Date();
    await changeStatus(
      device,
      {
        action: 'handover',
        version: device.version,
        to: 'handed_over',
        actorId: actor.id,
        payload: {
          allocationId: id,
          certificateCode: code,
          signatureSha256: sha,
          handedOverAt: handedOverAt.toISOString(),
          // The reason is hashed into the chain but not shown in the history (every role reads it; the reason may
          // speak of the family): managers read it on the allocation.
          ...(override && {
            trainingOverrideReason: override.reason,
            trainingOverride: {
              courseId: override.missing.courseId,
              attendancePercent: override.missing.attendancePercent,
              attendanceThreshold: override.missing.attendanceThreshold,
            },
          }),
        },
      },
      t,
    );
    const beneficiary = (await lockBeneficiary(allocation.beneficiaryId, t))!;
    if (beneficiary.status === 'allocated')
      await changeBeneficiaryStatus(beneficiary, 'served', actor.id, t, { allowSystem: true });
    await allocation.update(
      {
        status: 'handed_over',
        receivedBy: input.receivedBy,
        signatureSha256: sha,
        signatureType: signature.type,
        certificateCode: code,
        handedOverAt,
        handedOverBy: actor.id,
        accessories: storedAccessories(input.accessories),
        accessoriesNote: input.accessoriesNote ?? null,
        trainingOverrideReason: override?.reason ?? null,
        trainingOverrideBy: override?.byUserId ?? null,
      },
      { transaction: t },
    );
    const bundle = await giveBundle(t, input, { allocation, device, beneficiary, actor });
    await recordHandover(id, t);
    await publishEvent(t, 'allocation.handed_over', String(id), allocationEvent(allocation, device, bundle));
  });
  logger.info('allocation.handed_over', { allocationId: id });
  return getAllocation(id, actor);
}

/**
 * The body's connectivity bundle (spec §14), taken from the sponsor's stock by this transaction, after every other
 * check, so a refused handover writes nothing of it. It is kept with the handover's facts: the beneficiary's
 * region (the site's when they have none, as the handover figures) and the month.
 */
async function giveBundle(
  t: Transaction,
  input: HandoverInput,
  at: { allocation: Allocation; device: Device; beneficiary: Beneficiary; actor: Actor },
): Promise<AssignedBundleDto | null> {
  if (!input.bundle) return null;
  const { allocation, device, beneficiary, actor } = at;
  const siteRegion = async () => (device.siteId != null ? (await findSite(device.siteId))?.regionCode : null);
  return assignBundle(t, input.bundle, {
    allocationId: allocation.id,
    deviceId: device.id,
    regionCode: beneficiary.regionCode ?? (await siteRegion()) ?? '',
    handedOverAt: new Date(allocation.handedOverAt!),
    actorId: actor.id,
  });
}
