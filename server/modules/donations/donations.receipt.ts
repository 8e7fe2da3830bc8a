// The receipt number (`RC-2026-0001`, sequential per calendar year) is given by the write that makes a receipt
// issuable: the first device recorded for the donation, inside that intake's transaction. Viewing a receipt then
// only reads; before, the first GET of a receipt numbered it, so looking at a receipt wrote to the database.
import type { Transaction } from 'sequelize';
import { nextSequenceValue } from '../../db/sequences.js';
import { Donation } from './donations.model.js';

export const receiptNumberFormat = (year: number, n: number): string => `RC-${year}-${String(n).padStart(4, '0')}`;

/**
 * Numbers the donation's receipt unless it has a number already; the caller holds the donation's row lock (or the
 * SQLite write queue), so two intakes into one donation cannot both number it. Never renumbers: a reissued receipt
 * (newer impact figures) keeps its number.
 */
export async function issueReceiptNumber(donation: Donation, transaction: Transaction): Promise<string> {
  if (donation.receiptNumber) return donation.receiptNumber;
  const year = new Date().getUTCFullYear();
  const number = receiptNumberFormat(year, await nextSequenceValue(`receipt:${year}`, transaction));
  await donation.update({ receiptNumber: number }, { transaction });
  return number;
}
