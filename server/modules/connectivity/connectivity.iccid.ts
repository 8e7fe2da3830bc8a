// A SIM's ICCID (18–22 digits, ITU-T E.118) or its phone number, as typed or scanned: Arabic-Indic (٠-٩) and
// Eastern Arabic-Indic (۰-۹) digits, spaces, hyphens, dots, bidi marks and a leading + are accepted. Pure: no config,
// no database. The value is personal data (it reaches a family's line): stored encrypted, shown as its last 4.
import { toLatinDigits } from '../../lib/text.js';

export const ICCID_MIN_DIGITS = 8;
export const ICCID_MAX_DIGITS = 22;

/** The digits alone ('' when anything but digits and the separators above was typed), never logged. */
export function normalizeIccid(raw: string): string {
  const text = toLatinDigits(raw)
    .normalize('NFKC')
    .replace(/[\s\-.\u200e\u200f\u2066-\u2069]/g, '');
  const digits = text.startsWith('+') ? text.slice(1) : text;
  return /^[0-9]+$/.test(digits) ? digits : '';
}

/** The normalised digits when they can be an ICCID or a phone number (8 to 22 digits), else undefined. */
export function parseIccid(raw: string): string | undefined {
  const digits = normalizeIccid(raw);
  return digits.length >= ICCID_MIN_DIGITS && digits.length <= ICCID_MAX_DIGITS ? digits : undefined;
}

/** Where the ciphertext lives (lib/pii.ts AAD): bound to the allocation, so it decrypts in that row only. */
export const iccidAad = (allocationId: number): string => `bundle_assignments.iccid:${allocationId}`;
