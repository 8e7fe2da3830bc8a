// IMEI (3GPP TS 23.003 §6.2.1): 15 digits, the last a Luhn check digit over the first 14 (TAC + serial). Printed on a
// phone's box and under its battery or SIM tray, shown by *#06#, and often written with separators
// ("49-015420-323751-8", "490154/20/323751/8"); typed on an Arabic keyboard it may arrive in Arabic-Indic digits.
// Pure: no config, no database.
import { toLatinDigits } from './text.js';

/** What is wrong with a value that is not an IMEI: not 15 digits, or a wrong check digit. */
export type ImeiProblem = 'length' | 'checksum';

/** Spaces, hyphens, slashes, dots and the invisible direction marks a copy from a right-to-left page brings along. */
const SEPARATORS = /[\s\-/.\u200e\u200f\u2066-\u2069\u061c\u200b]/g;

/** Latin digits without separators: the form an IMEI is stored and compared in. */
export function normalizeImei(raw: string): string {
  return toLatinDigits(raw.normalize('NFKC')).replace(SEPARATORS, '');
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

/** The normalised IMEI, or what is wrong with it. */
export function checkImei(raw: string): { imei: string } | { problem: ImeiProblem } {
  const imei = normalizeImei(raw);
  if (!/^[0-9]{15}$/.test(imei)) return { problem: 'length' };
  if (!luhnValid(imei)) return { problem: 'checksum' };
  return { imei };
}

/** Whether `reading` (already normalised, e.g. a scan's canonical form) has the shape of an IMEI: 15 digits, Luhn. */
export function isImei(reading: string): boolean {
  return /^[0-9]{15}$/.test(reading) && luhnValid(reading);
}
