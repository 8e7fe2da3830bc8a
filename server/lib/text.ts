// Digits typed in Arabic-Indic (U+0660..0669) or Persian (U+06F0..06F9) become ASCII digits.
export function toLatinDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (c) => String((c.charCodeAt(0) & 0xf) % 10));
}

/** Upper-case, Latin digits, no spaces, hyphens, dots, slashes or underscores: the form serials are compared in. */
export function serialKey(s: string): string {
  return toLatinDigits(s)
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_./\\\u200e\u200f\u2066-\u2069]/g, '');
}
