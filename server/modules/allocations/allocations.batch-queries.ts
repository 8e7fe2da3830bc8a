// Reads of batches for other modules (documents print a batch's delivery note and an institution's certificate, and
// the public page verifies that certificate), and the partner's view of one allocation for its certificate. Plain
// records out, never the model.
import type { Actor } from '../auth/index.js';
import { findDevice } from '../devices/index.js';
import type { Accessory, BatchRecipientKind, BatchStatus } from '../../shared/index.js';
import { accessoriesOf } from './allocations.batch-schema.js';
import { Allocation, AllocationBatch } from './allocations.model.js';

/** What a document prints of a batch: the row, its devices in scan order and its checklist as a list. */
export interface BatchRecord {
  id: number;
  code: string;
  status: BatchStatus;
  recipientKind: BatchRecipientKind;
  beneficiaryId: number | null;
  partnerId: number | null;
  programmeId: number;
  /** The devices, in the order they were scanned. */
  deviceIds: number[];
  deviceCount: number;
  receivedBy: string | null;
  signatureSha256: string | null;
  certificateCode: string | null;
  accessories: Accessory[];
  accessoriesNote: string | null;
  handedOverAt: Date | null;
  handedOverBy: number | null;
  createdAt: Date;
}

function toRecord(b: AllocationBatch): BatchRecord {
  return {
    id: b.id,
    code: b.code,
    status: b.status,
    recipientKind: b.recipientKind,
    beneficiaryId: b.beneficiaryId,
    partnerId: b.partnerId,
    programmeId: b.programmeId,
    deviceIds: JSON.parse(b.deviceIds) as number[],
    deviceCount: b.deviceCount,
    receivedBy: b.receivedBy ?? null,
    signatureSha256: b.signatureSha256 ?? null,
    certificateCode: b.certificateCode ?? null,
    accessories: accessoriesOf(b.accessories),
    accessoriesNote: b.accessoriesNote ?? null,
    handedOverAt: b.handedOverAt ? new Date(b.handedOverAt) : null,
    handedOverBy: b.handedOverBy ?? null,
    createdAt: new Date(b.createdAt),
  };
}

/** Batch `id`, or null. */
export async function findBatchRecord(id: number): Promise<BatchRecord | null> {
  const batch = await AllocationBatch.findByPk(id);
  return batch ? toRecord(batch) : null;
}

/** The handed-over batch carrying the institution's certificate code `code`, or null. */
export async function handedOverBatchByCertificateCode(code: string): Promise<BatchRecord | null> {
  const batch = await AllocationBatch.findOne({ where: { certificateCode: code, status: 'handed_over' } });
  return batch ? toRecord(batch) : null;
}

/**
 * Whether `actor` may read allocation `id` (false also when there is none): staff read every allocation, a partner
 * only those of devices in its organisation's custody (custody is kept after the onward handover, as its record).
 */
export async function allocationVisibleTo(id: number, actor: Pick<Actor, 'role' | 'partnerId'>): Promise<boolean> {
  const allocation = await Allocation.findByPk(id, { attributes: ['id', 'deviceId'] });
  if (!allocation) return false;
  if (actor.role !== 'partner') return true;
  if (actor.partnerId == null) return false;
  const device = await findDevice(allocation.deviceId);
  return device?.custodyPartnerId === actor.partnerId;
}
