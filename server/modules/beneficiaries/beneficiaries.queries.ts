// Reads of beneficiary rows for other modules (issue 15, point 1: they call these, never the model). A row another
// module is about to change through changeBeneficiaryStatus() is read here, locked inside the caller's transaction.
import type { Transaction } from 'sequelize';
import { piiHash } from '../../lib/pii.js';
import type { ContactChannel, ContactLanguage } from '../../shared/index.js';
import type { BeneficiaryStatus } from './beneficiaries.lifecycle.js';
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

/** What the SMS channel needs at send time: where to write (E.164), whether it still may, how, and where they stand. */
export interface FamilyContact {
  id: number;
  phone: string;
  status: BeneficiaryStatus;
  consent: boolean;
  channel: ContactChannel | null;
  language: ContactLanguage | null;
}

/** The contact of beneficiary `id` as it is now, or null when there is no such beneficiary. */
export async function familyContactOf(id: number): Promise<FamilyContact | null> {
  const b = await Beneficiary.findByPk(id, {
    attributes: ['id', 'phone', 'status', 'contactConsent', 'contactConsentChannel', 'contactLanguage'],
  });
  if (!b) return null;
  return {
    id: b.id,
    phone: b.phone,
    status: b.status,
    consent: Boolean(b.contactConsent),
    channel: b.contactConsentChannel ?? null,
    language: b.contactLanguage ?? null,
  };
}

/** Name, city and region of the given beneficiaries (institutions, for batches), in one query. */
export async function recipientSummariesOf(
  ids: readonly number[],
): Promise<Map<number, { name: string; city: string | null; regionCode: string | null; kind: string }>> {
  if (!ids.length) return new Map();
  const rows = await Beneficiary.findAll({
    where: { id: [...new Set(ids)] },
    attributes: ['id', 'name', 'city', 'regionCode', 'kind'],
    raw: true,
  });
  return new Map(
    rows.map((b) => [b.id, { name: b.name, city: b.city ?? null, regionCode: b.regionCode ?? null, kind: b.kind }]),
  );
}

/**
 * The beneficiary registered with `nationalId` (normalised, e.g. by the registry's nationalIdSchema), found by its
 * keyed hash in the caller's transaction, or null. Only what linking an application needs: never the ID itself.
 */
export function beneficiaryByNationalId(
  nationalId: string,
  transaction: Transaction,
): Promise<Pick<Beneficiary, 'id' | 'contactConsent'> | null> {
  return Beneficiary.findOne({
    where: { nationalIdHash: piiHash(nationalId) },
    attributes: ['id', 'contactConsent'],
    transaction,
  });
}
