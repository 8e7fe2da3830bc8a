// Locale strings for Intl. The calendar and numbering system are always explicit: the default calendar of
// ar-SA differs between ICU versions, and ar-SA prints Arabic-Indic digits while ar-MA prints Latin ones.
import type { Language } from '../api/types';

export type Digits = 'latn' | 'arab';
/** The country the instance serves (server config COUNTRY, sent by GET /api/settings): month names, money, hints. */
export type Country = 'SA' | 'MA';
// Phone placeholders live in ./country.ts: only forms need them, and this file is on every first screen.

const BASE: Record<Exclude<Language, 'ar'>, string> = { en: 'en-GB', fr: 'fr-FR' };

// Arabic month names differ by country: CLDR's ar-MA has يناير … ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر, while ar (as
// in Saudi Arabia) has مايو، يوليو، أغسطس، سبتمبر، نوفمبر، ديسمبر.
function localeFor(
  language: Language,
  digits: Digits,
  calendar: 'gregory' | 'islamic-umalqura',
  country: Country = 'SA',
): string {
  const nu = language === 'ar' ? digits : 'latn';
  const arabic = calendar === 'gregory' ? (country === 'MA' ? 'ar-MA' : 'ar') : 'ar-SA';
  const base = language === 'ar' ? arabic : BASE[language];
  return `${base}-u-ca-${calendar}-nu-${nu}`;
}

/**
 * The locale messages are formatted in (plural rules, and the numbers in `{n, number}` and `#`): the digit setting
 * rides on the `-u-nu-` extension, so a count in an Arabic message follows it like every other number.
 */
export function messageLocale(language: Language, digits: Digits): string {
  return language === 'ar' ? `ar-u-nu-${digits}` : `${BASE[language]}-u-nu-latn`;
}

export interface Formatters {
  number: (n: number) => string;
  /** An ISO timestamp: the date (and time) in Gregorian, with the Hijri date after it when asked for. */
  dateTime: (iso: string | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  /** A calendar date "YYYY-MM-DD" (no time zone: it is shown as written). */
  day: (ymd: string | null | undefined) => string;
  /** A calendar month "YYYY-MM" as a short label for chart axes ("Nov 26", "نوفمبر 26"): Gregorian, like the data. */
  month: (ym: string) => string;
  /** An amount of money in the country's currency (riyal or dirham). */
  money: (amount: number) => string;
}

export function makeFormatters(
  language: Language,
  digits: Digits,
  hijri: boolean,
  country: Country = 'SA',
): Formatters {
  const num = new Intl.NumberFormat(localeFor(language, digits, 'gregory'));
  const money = new Intl.NumberFormat(localeFor(language, digits, 'gregory'), {
    style: 'currency',
    currency: country === 'MA' ? 'MAD' : 'SAR', // dirham in Morocco, riyal in Saudi Arabia
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  });
  const greg = (opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(localeFor(language, digits, 'gregory', country), opts);
  const hij = (opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(localeFor(language, digits, 'islamic-umalqura'), opts);
  // Arabic's medium date is all digits (07/12/2026): the month is spelt out, so that it reads in the country's names.
  const dateOpts: Intl.DateTimeFormatOptions =
    language === 'ar' ? { day: 'numeric', month: 'long', year: 'numeric' } : { dateStyle: 'medium' };
  const gDate = greg(dateOpts);
  const gDateTime = greg(
    language === 'ar'
      ? { ...dateOpts, hour: 'numeric', minute: '2-digit' }
      : { dateStyle: 'medium', timeStyle: 'short' },
  );
  const hDate = hij({ dateStyle: 'medium' });
  const gDay = greg({ ...dateOpts, timeZone: 'UTC' });
  const hDay = hij({ dateStyle: 'medium', timeZone: 'UTC' });
  const gMonth = greg({ month: 'short', year: '2-digit', timeZone: 'UTC' });

  const withHijri = (d: Date, main: string, h: Intl.DateTimeFormat) => (hijri ? `${main} · ${h.format(d)}` : main);
  const parse = (iso: string | null | undefined): Date | null => {
    if (!iso) return null;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  return {
    number: (n) => num.format(n),
    dateTime: (iso) => {
      const d = parse(iso);
      return d ? withHijri(d, gDateTime.format(d), hDate) : '—';
    },
    date: (iso) => {
      const d = parse(iso);
      return d ? withHijri(d, gDate.format(d), hDate) : '—';
    },
    day: (ymd) => {
      const d = ymd && /^\d{4}-\d{2}-\d{2}/.test(ymd) ? parse(`${ymd.slice(0, 10)}T00:00:00Z`) : null;
      return d ? withHijri(d, gDay.format(d), hDay) : '—';
    },
    month: (ym) => {
      const d = /^\d{4}-\d{2}$/.test(ym) ? parse(`${ym}-01T00:00:00Z`) : null;
      return d ? gMonth.format(d) : ym;
    },
    money: (amount) => money.format(amount),
  };
}

/** Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9) digits to ASCII, for what people type. */
export function toLatinDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (c) => {
    const code = c.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}
