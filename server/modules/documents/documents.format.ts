// How values read on documents: printed tags, bilingual labels for stored codes, dates in the charity's own
// time zone (Gregorian and Hijri), sizes. Pure: no database, no pdfkit.
import { currentCountry } from '../../lib/country.js';
import { charityTimeZone } from '../../lib/time-zone.js';

/**
 * The wording of the same thing in Arabic, English and (where a document may print it) French. Documents print
 * Arabic first and one second language: English, or French for Moroccan institutions and families.
 */
export interface Bilingual {
  ar: string;
  en: string;
  fr?: string;
}

/** The language printed after Arabic on a document (`?lang=` on its route). */
export type SecondLanguage = 'en' | 'fr';
export const SECOND_LANGUAGES: readonly SecondLanguage[] = ['en', 'fr'];

/** The second language when the request names none: French in Morocco (institutions work in French), else English. */
export function defaultSecondLanguage(country: 'SA' | 'MA'): SecondLanguage {
  return country === 'MA' ? 'fr' : 'en';
}

// The second language of the document being drawn. Drawing is synchronous (PdfJob.draw), so one request's drawing
// never interleaves with another's: `drawingIn` sets it for the drawing and puts the previous one back.
let current: SecondLanguage = 'en';

/** Runs a (synchronous) drawing with `language` as the second language. */
export function drawingIn<T>(language: SecondLanguage, draw: () => T): T {
  const previous = current;
  current = language;
  try {
    return draw();
  } finally {
    current = previous;
  }
}

export function secondLanguage(): SecondLanguage {
  return current;
}

/** The second-language wording of `text` (English when no French was written for it). */
export function second(text: Bilingual, language: SecondLanguage = current): string {
  return language === 'fr' ? (text.fr ?? text.en) : text.en;
}

/** An inline second-language wording: the English or the French one, for the document being drawn. */
export function enFr(en: string, fr: string): string {
  return current === 'fr' ? fr : en;
}

/** `NM000123` → `NM-000123`: labels and certificates print the tag with a hyphen; scanning accepts both. */
export function printTag(tag: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(tag);
  return m ? `${m[1]}-${m[2]}` : tag;
}

export { charityTimeZone };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: charityTimeZone(), ...options });
    formatters.set(key, f);
  }
  return f;
}

// Latin digits in Arabic text (nu-latn): Saudi documents commonly print them, and ar-SA's default digits differ
// between ICU versions. The calendar is named explicitly for the same reason.
const AR_GREGORIAN = (): string =>
  currentCountry() === 'MA' ? 'ar-MA-u-ca-gregory-nu-latn' : 'ar-SA-u-ca-gregory-nu-latn';
/** French as Morocco writes it: `7 décembre 2026`, `1.234,5`. */
const FR = 'fr-MA';
const AR_HIJRI = 'ar-SA-u-ca-islamic-umalqura-nu-latn';

/** `23 نوفمبر 2026` / `23 November 2026`. */
export function gregorianDate(date: Date): Bilingual {
  return {
    ar: formatter(AR_GREGORIAN(), { dateStyle: 'long' }).format(date),
    en: formatter('en-GB', { dateStyle: 'long' }).format(date),
    fr: formatter(FR, { dateStyle: 'long' }).format(date),
  };
}

/** Umm al-Qura: `13 جمادى الآخرة 1448 هـ` / `13 Jumada II 1448 AH`. */
export function hijriDate(date: Date): Bilingual {
  return {
    ar: formatter(AR_HIJRI, { dateStyle: 'long' }).format(date),
    en: formatter('en-GB-u-ca-islamic-umalqura', { dateStyle: 'long' }).format(date),
    fr: formatter(`${FR}-u-ca-islamic-umalqura`, { dateStyle: 'long' }).format(date),
  };
}

/** `2026-11-23 13:00` in the charity's time zone: for start/finish times, where the clock matters. */
export function isoDateTime(date: Date): string {
  const parts = Object.fromEntries(
    formatter('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** `2026-11-23`, the calendar day in the charity's time zone. */
export function isoDay(date: Date): string {
  return isoDateTime(date).slice(0, 10);
}

/** The UTC instant at which `day` (YYYY-MM-DD) starts in the charity's time zone. */
export function startOfLocalDay(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // The zone's offset at that moment: format the instant there and read it back as if it were UTC.
  const local = new Date(`${isoDateTime(utcMidnight).replace(' ', 'T')}:00Z`);
  return new Date(utcMidnight.getTime() - (local.getTime() - utcMidnight.getTime()));
}

/** Drive capacity the way vendors print it (decimal units): 256060514304 → `256 GB`. */
export function formatCapacity(bytes: number | null): string {
  if (!bytes) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${units[unit]}`;
}

/** Numbers with thousands separators and at most one decimal: `1,234.5`, in French `1.234,5`. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(current === 'fr' ? FR : 'en-US', { maximumFractionDigits: 1 }).format(n);
}

/** Looks a stored code up in a bilingual dictionary; an unknown code prints as itself in both languages, none as ''. */
export function wording(dictionary: Readonly<Record<string, Bilingual>>, code: string | null | undefined): Bilingual {
  if (!code) return { ar: '', en: '', fr: '' };
  return dictionary[code] ?? { ar: code, en: code, fr: code };
}
