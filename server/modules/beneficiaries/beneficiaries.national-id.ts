// National IDs per country (product spec §2, domain notes §6). Pure: no config, no database.
// Saudi Arabia: national ID / iqama, 10 digits, first 1 (citizen) or 2 (resident), last a Luhn check digit.
// Morocco: CIN, 1–2 letters then 1–8 digits, no checksum, so it is validated leniently.
import { toLatinDigits } from '../../lib/text.js';

export type Country = 'SA' | 'MA';

/**
 * The associated data of a national ID's ciphertext (lib/pii.ts): the column and the row's id, so a ciphertext
 * copied to another person's row does not decrypt. The id exists only after the insert, hence the insert writes a
 * placeholder and the same transaction then writes the ciphertext.
 */
export const nationalIdAad = (rowId: number): string => `beneficiaries.national_id:${rowId}`;

/** Latin digits, upper case, no spaces, hyphens, dots or bidi marks: the form the hash and checks use. */
export function normalizeNationalId(raw: string): string {
  return toLatinDigits(raw)
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.\u200e\u200f\u2066-\u2069]/g, '');
}

/** Luhn over all digits, the last one being the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSaudiId(id: string): boolean {
  return /^[12][0-9]{9}$/.test(id) && luhnValid(id);
}

export function isValidCin(id: string): boolean {
  return /^[A-Z]{1,2}[0-9]{1,8}$/.test(id);
}

/** The normalised ID when it is valid in `country`, else undefined. */
export function parseNationalId(raw: string, country: Country): string | undefined {
  const id = normalizeNationalId(raw);
  return (country === 'SA' ? isValidSaudiId(id) : isValidCin(id)) ? id : undefined;
}

export function nationalIdRule(country: Country): string {
  return country === 'SA'
    ? 'must be a Saudi national ID or iqama: 10 digits starting with 1 or 2, with a valid check digit'
    : 'must be a Moroccan CIN: 1 or 2 letters followed by 1 to 8 digits';
}

/**
 * The part of an ID that may be shown: the last 4 characters, but never more than half of a short ID
 * (a 5-character CIN shows 2), so that the masked form never gives the whole ID away.
 */
export function visibleTail(id: string): string {
  return id.slice(id.length - Math.min(4, Math.floor(id.length / 2)));
}
