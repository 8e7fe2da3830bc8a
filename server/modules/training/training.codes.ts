// The two codes of a trainee: the card's (TR-2026-0042: numbered, printed as a Code128 and scanned when taking
// attendance; it opens nothing by itself) and the training certificate's (TC-2026-K7QM2XWD9P: checked by anyone at
// /verify/<code>, so its tail is random like a handover certificate's code: 50 bits, not to be enumerated).
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { nextSequenceValue } from '../../db/sequences.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const RANDOM_LENGTH = 10;

/** The next trainee code of the year, numbered inside the caller's transaction. */
export async function nextTraineeCode(transaction: Transaction, now = new Date()): Promise<string> {
  const year = now.getUTCFullYear();
  const n = await nextSequenceValue(`trainee:${year}`, transaction);
  return `TR-${year}-${String(n).padStart(4, '0')}`;
}

/** A new training certificate code: `TC-<year>-` and 10 random base32 characters. */
export function newTrainingCertificateCode(now = new Date()): string {
  const tail = [...randomBytes(RANDOM_LENGTH)].map((b) => BASE32[b & 31]).join('');
  return `TC-${now.getUTCFullYear()}-${tail}`;
}

/**
 * A training certificate code as stored, from what was scanned or typed (any case, hyphens or spaces anywhere), or
 * null when it is not one: `tc 2026 k7qm-2xwd-9p` → `TC-2026-K7QM2XWD9P`.
 */
export function normaliseTrainingCertificateCode(raw: string): string | null {
  const m = /^TC(\d{4})([A-Z2-7]{10})$/.exec(raw.toUpperCase().replace(/[\s-]/g, ''));
  return m ? `TC-${m[1]}-${m[2]}` : null;
}
