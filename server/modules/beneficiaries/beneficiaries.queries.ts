// Reads of beneficiary rows for other modules (issue 15, point 1: they call these, never the model). A row another
// module is about to change through changeBeneficiaryStatus() is read here, locked inside the caller's transaction.
import type { Transaction } from 'sequelize';
import { Beneficiary } from './beneficiaries.model.js';

/**
 * Beneficiary `id` read and locked (SELECT … FOR UPDATE) inside the caller's transaction, or null: an allocation,
 * its cancellation and its handover hold the row until they commit, so concurrent ones queue here.
 */
export function lockBeneficiary(id: number, transaction: Transaction): Promise<Beneficiary | null> {
  return Beneficiary.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
}

/**
 * What a handover certificate prints of the given beneficiaries (name, kind, the last 4 ID digits; never the
 * national ID itself), in one query, as plain rows (an unknown id is absent).
 */
export function certificateBeneficiariesOf(
  ids: readonly number[],
): Promise<Pick<Beneficiary, 'id' | 'name' | 'kind' | 'nationalIdLast4'>[]> {
  return Beneficiary.findAll({
    where: { id: [...new Set(ids)] },
    attributes: ['id', 'name', 'kind', 'nationalIdLast4'],
    raw: true,
  });
}

/** The name of one beneficiary, or null. */
export function beneficiaryNameOf(id: number): Promise<Pick<Beneficiary, 'id' | 'name'> | null> {
  return Beneficiary.findByPk(id, { attributes: ['id', 'name'] });
}
