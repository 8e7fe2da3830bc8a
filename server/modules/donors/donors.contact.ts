// What a message to a donor needs, read in the transaction that writes the message (the outbox's producers).
import type { Transaction } from 'sequelize';
import type { DocumentLanguage } from '../../shared/index.js';
import { Donor } from './donors.model.js';
import { pageUrlOf } from './donors.page-token.js';

export interface DonorContact {
  id: number;
  name: string;
  /** Null when the donor left none: nothing is emailed. */
  email: string | null;
  language: DocumentLanguage;
  /** The donor's own page (its secret link). */
  pageUrl: string;
}

export async function donorContact(id: number, transaction: Transaction): Promise<DonorContact | null> {
  const donor = await Donor.findByPk(id, {
    attributes: ['id', 'name', 'email', 'preferredLanguage', 'pageToken'],
    transaction,
  });
  if (!donor) return null;
  return {
    id: donor.id,
    name: donor.name,
    email: donor.email || null,
    language: donor.preferredLanguage,
    pageUrl: pageUrlOf(donor.pageToken),
  };
}
