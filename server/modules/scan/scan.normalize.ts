// What a barcode scanner "typed" depends on the keyboard layout the OS had: scanners send key codes, and an
// Arabic (101) or French AZERTY layout turns them into other characters. We undo that on the server too,
// producing candidate readings in order of likelihood; the first one that names a record wins.
import { toLatinDigits } from '../../lib/text.js';

/** Arabic (101) layout: the character each physical key gives, mapped back to that key's Latin letter. */
const ARABIC_101: Record<string, string> = {
  ض: 'Q',
  ص: 'W',
  ث: 'E',
  ق: 'R',
  ف: 'T',
  غ: 'Y',
  ع: 'U',
  ه: 'I',
  خ: 'O',
  ح: 'P',
  ش: 'A',
  س: 'S',
  ي: 'D',
  ب: 'F',
  ل: 'G',
  ا: 'H',
  ت: 'J',
  ن: 'K',
  م: 'L',
  ئ: 'Z',
  ء: 'X',
  ؤ: 'C',
  ر: 'V',
  ى: 'N',
  ة: 'M',
  // Shifted keys that produce letters.
  إ: 'Y',
  أ: 'H',
  آ: 'N',
  ـ: 'J',
  '،': 'K',
  '؛': 'P',
  // B gives the two-character ligature لا (and shifted لآ, G لأ, T لإ), handled before the table.
};
const ARABIC_LAM_ALEF: [RegExp, string][] = [
  [/لآ/g, 'B'],
  [/لأ/g, 'G'],
  [/لإ/g, 'T'],
  [/لا/g, 'B'],
];

/** French AZERTY: the unshifted digit row, and the letters that sit on other keys than on QWERTY. */
const AZERTY_DIGITS: Record<string, string> = {
  '&': '1',
  é: '2',
  '"': '3',
  "'": '4',
  '(': '5',
  '-': '6',
  è: '7',
  _: '8',
  ç: '9',
  à: '0',
};
const AZERTY_LETTERS: Record<string, string> = {
  a: 'Q',
  q: 'A',
  z: 'W',
  w: 'Z',
  A: 'Q',
  Q: 'A',
  Z: 'W',
  W: 'Z',
  ',': 'M',
  '?': 'M',
  ';': 'M',
};

// The same characters as serialKey() drops when it stores serials (plus invisible marks), so a scan matches them.
const SEPARATORS = /[\s\-_./\\\u200e\u200f\u2066-\u2069\u061c\u200b]/g;

export function canonical(s: string): string {
  return toLatinDigits(s).normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
}

export function fromArabicLayout(s: string): string {
  let out = s;
  for (const [re, key] of ARABIC_LAM_ALEF) out = out.replace(re, key);
  return [...out].map((c) => ARABIC_101[c] ?? c).join('');
}

/** Keys of the AZERTY digit row that are no separator: only a code holding one of them was typed on AZERTY. */
const AZERTY_ONLY = /[&é"'(èçà]/;

/**
 * Digits typed on AZERTY without Shift. "-" and "_" are digits there too (6 and 8), but elsewhere they are
 * separators: they are read as digits only in a code that shows another AZERTY digit key.
 */
export function fromAzerty(s: string, swapLetters: boolean): string {
  const digits = AZERTY_ONLY.test(s);
  return [...s]
    .map((c) => (digits ? AZERTY_DIGITS[c] : undefined) ?? (swapLetters ? AZERTY_LETTERS[c] : undefined) ?? c)
    .join('');
}

/** If the code is a scanned label or verification URL, the part that identifies the record. */
export function stripUrl(raw: string): { code: string; hint?: 'device' | 'certificate' | 'receipt' } {
  const m = /\/(d|verify|receipts)\/([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(raw.trim());
  if (!m) return { code: raw };
  const hint = m[1].toLowerCase() === 'd' ? 'device' : m[1].toLowerCase() === 'verify' ? 'certificate' : 'receipt';
  return { code: decodeURIComponent(m[2]), hint };
}

/** The most likely reading alone (the first of scanCandidates): what a scanner on a Latin layout typed. */
export function firstReading(raw: string): string {
  return canonical(stripUrl(raw).code);
}

/** Readings of a scanned code, most likely first, without duplicates. */
export function scanCandidates(raw: string): string[] {
  const { code } = stripUrl(raw);
  const readings = [
    firstReading(raw),
    canonical(fromArabicLayout(code)),
    canonical(fromAzerty(code, false)),
    canonical(fromAzerty(code, true)),
    canonical(fromAzerty(fromArabicLayout(code), false)),
  ];
  return [...new Set(readings.filter((r) => r.length > 0))];
}
