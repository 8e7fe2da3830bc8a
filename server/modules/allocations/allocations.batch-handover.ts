// A batch handed over with one signature by the receiving contact (spec §13). For an institution every device is
// handed over (its allocation, the figures, a certificate code per device) and the batch gets the institution's
// certificate code; for a partner association the devices pass into its custody, ready to be handed on to the
// families it follows (each onward handover then counts). One transaction, whatever the number of devices.
import { withTransaction } from '../../db/sequelize.js';
import { storeFile } from '../../lib/file-store.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import type { Actor } from '../auth/index.js';
import { changeBeneficiaryStatus, lockBeneficiary } from '../beneficiaries/index.js';
import { changeStatus, lockDeviceRows, transferToCustody } from '../devices/index.js';
import { recordHandover } from '../figures/index.js';
import { publishEvent } from '../webhooks/index.js';
import type { BatchDto } from '../../shared/index.js';
import { storedAccessories } from './allocations.batch-schema.js';
import { getBatch } from './allocations.batches.js';
import { allocationEvent } from './allocations.events.js';
import { newCertificateCode } from './allocations.handover.js';
import { Allocation, AllocationBatch } from './allocations.model.js';
import type { HandoverInput } from './allocations.schema.js';

export async function handoverBatch(
  id: number,
  input: HandoverInput,
  signature: { data: Buffer; type: string },
  actor: Actor,
): Promise<BatchDto> {
  const sha = await storeFile(signature.data);
  await withTransaction(async (t) => {
    const batch = await AllocationBatch.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!batch) throw new NotFoundError(`Batch ${id} not found`);
    if (batch.status !== 'reserved')
      throw new ConflictError('INVALID_TRANSITION', `A ${batch.status} batch cannot be handed over`, {
        status: batch.status,
      });
    const handedOverAt = input.handedOverAt ?? new Date();
    const accessories = storedAccessories(input.accessories);
    const signed = {
      receivedBy: input.receivedBy,
      signatureSha256: sha,
      signatureType: signature.type,
      handedOverAt,
      handedOverBy: actor.id,
      accessories,
      accessoriesNote: input.accessoriesNote ?? null,
    };
    const devices = await lockDeviceRows(JSON.parse(batch.deviceIds) as number[], t);
    if (batch.recipientKind === 'partner') {
      for (const device of devices)
        await transferToCustody(device, { partnerId: batch.partnerId!, batchId: batch.id, actorId: actor.id }, t);
      await batch.update({ status: 'handed_over', ...signed }, { transaction: t });
      return;
    }
    const allocations = await Allocation.findAll({ where: { batchId: id, status: 'reserved' }, transaction: t });
    const allocationOf = new Map(allocations.map((a) => [a.deviceId, a]));
    for (const device of devices) {
      const allocation = allocationOf.get(device.id)!;
      const code = newCertificateCode();
      await changeStatus(
        device,
        {
          action: 'handover',
          version: device.version,
          to: 'handed_over',
          actorId: actor.id,
          payload: {
            allocationId: allocation.id,
            batchId: batch.id,
            batchCode: batch.code,
            certificateCode: code,
            signatureSha256: sha,
            handedOverAt: handedOverAt.toISOString(),
          },
        },
        t,
      );
      await allocation.update({ status: 'handed_over', certificateCode: code, ...signed }, { transaction: t });
      await recordHandover(allocation.id, t);
      await publishEvent(t, 'allocation.handed_over', String(allocation.id), allocationEvent(allocation, device));
    }
    const institution = (await lockBeneficiary(batch.beneficiaryId!, t))!;
    if (institution.status === 'allocated')
      await changeBeneficiaryStatus(institution, 'served', actor.id, t, { allowSystem: true });
    await batch.update({ status: 'handed_over', certificateCode: newCertificateCode(), ...signed }, { transaction: t });
  });
  logger.info('batch.handed_over', { batchId: id });
  return getBatch(id, actor.role);
}
