// The ONE function that writes Beneficiary.status, and the audit trail every write leaves. Both run inside the
// caller's transaction, so a status never changes without its audit row (and vice versa).
import type { Transaction } from 'sequelize';
import { ConflictError, ValidationError } from '../../lib/errors.js';
import { assertTransition, type BeneficiaryStatus } from './beneficiaries.lifecycle.js';
import { messageWaitlistEntry } from './beneficiaries.messages.js';
import { Beneficiary, BeneficiaryAudit, type AuditAction } from './beneficiaries.model.js';
import { publishEvent } from '../webhooks/index.js';

export interface AuditEntry {
  beneficiaryId: number;
  actorId: number | null;
  action: AuditAction;
  /** Names of the fields written. Values never go into the audit: it would become a second copy of personal data. */
  fields: string[];
  fromStatus?: BeneficiaryStatus;
  toStatus?: BeneficiaryStatus;
}

/** Writes the audit row; returns its id. */
export async function writeAudit(entry: AuditEntry, transaction: Transaction): Promise<number> {
  const row = await BeneficiaryAudit.create(
    {
      beneficiaryId: entry.beneficiaryId,
      actorId: entry.actorId,
      action: entry.action,
      fields: JSON.stringify(entry.fields),
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
    },
    { transaction },
  );
  return row.id;
}

export interface StatusChangeExtra {
  /** Required when `to` is `rejected`. */
  reason?: string;
  /** The allocations module's transitions: verified|waitlisted → allocated, allocated → served|waitlisted|verified. */
  allowSystem?: boolean;
}

/**
 * Moves `b` from the status it was read with to `to`: 409 INVALID_TRANSITION when the flow forbids it, 409
 * STALE_BENEFICIARY when someone else changed the status meanwhile (compare-and-set on the old status, which
 * loses cleanly on MySQL and SQLite alike, with no row locks), then the audit row. Returns `b` reloaded.
 */
export async function changeBeneficiaryStatus(
  b: Beneficiary,
  to: BeneficiaryStatus,
  actorId: number | null,
  transaction: Transaction,
  extra: StatusChangeExtra = {},
): Promise<Beneficiary> {
  const from = b.status;
  assertTransition(from, to, extra.allowSystem ?? false);
  const reason = extra.reason?.trim();
  if (to === 'rejected' && !reason) {
    throw new ValidationError('A rejection needs a reason', [
      { path: 'rejectionReason', message: 'is required when status is rejected', type: 'rejectionReason.required' },
    ]);
  }
  const [changed] = await Beneficiary.update(
    { status: to, statusChangedAt: new Date(), rejectionReason: to === 'rejected' ? reason! : null },
    { where: { id: b.id, status: from }, transaction },
  );
  if (changed === 0) {
    throw new ConflictError('STALE_BENEFICIARY', `Beneficiary ${b.id} changed meanwhile; reload and retry`, {
      expectedStatus: from,
    });
  }
  const fields = from === 'rejected' || to === 'rejected' ? ['status', 'rejectionReason'] : ['status'];
  const auditId = await writeAudit(
    { beneficiaryId: b.id, actorId, action: 'status_changed', fields, fromStatus: from, toStatus: to },
    transaction,
  );
  await b.reload({ transaction });
  // Entering the waiting list: a consenting family is told their place, in this transaction (spec §12).
  await messageWaitlistEntry(b, from, to, auditId, transaction);
  // Webhooks: ids and statuses only, never the family's details.
  await publishEvent(transaction, 'beneficiary.status_changed', String(auditId), {
    beneficiaryId: b.id,
    kind: b.kind,
    from,
    to,
    regionCode: b.regionCode ?? null,
    at: new Date().toISOString(),
  });
  return b;
}
