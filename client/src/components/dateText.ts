// What a date field shows and reads: a calendar day as typed the local way (day first, DD/MM/YYYY), whatever the
// UI language, with Arabic-Indic digits accepted; on the wire it stays ISO "YYYY-MM-DD".
import type { Language } from '../api/types';
import type { Digits } from '../i18n/format';
import { toLatinDigits } from '../i18n/format';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isDay(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "YYYY-MM-DD" when `iso` is a real calendar day, else null. */
export function isoDay(iso: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m && isDay(Number(m[1]), Number(m[2]), Number(m[3])) ? (iso as string) : null;
}

/**
 * What was typed, as "YYYY-MM-DD": day first (7/12/2026, 07-12-2026, ٠٧/١٢/٢٠٢٦, 07.12.2026), or ISO as pasted
 * (2026-12-07). Null for an empty, partial or impossible day (31/02/2026).
 */
export function parseDayFirst(text: string): string | null {
  const parts = toLatinDigits(text)
    .trim()
    .split(/[^0-9]+/)
    .filter(Boolean);
  if (parts.length !== 3) return null;
  const [first, m, last] = parts.map(Number) as [number, number, number];
  const isoOrder = parts[0].length === 4;
  if (!isoOrder && parts[2].length !== 4) return null;
  const [y, d] = isoOrder ? [first, last] : [last, first];
  return isDay(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
}

/** "YYYY-MM-DD" as the field shows it: DD/MM/YYYY, Latin digits (what people type and read back). */
export function formatDayFirst(iso: string | null | undefined): string {
  const day = isoDay(iso);
  return day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '';
}

/** The Umm al-Qura (Hijri) date of a calendar day, spelled out in the UI language ("٢٦ جمادى الآخرة ١٤٤٨ هـ"). */
export function hijriDay(iso: string, language: Language, digits: Digits): string {
  const day = isoDay(iso);
  if (!day) return '';
  const tag = language === 'ar' ? 'ar-SA' : language === 'fr' ? 'fr-FR' : 'en-GB';
  const nu = language === 'ar' ? digits : 'latn';
  const f = new Intl.DateTimeFormat(`${tag}-u-ca-islamic-umalqura-nu-${nu}`, { dateStyle: 'long', timeZone: 'UTC' });
  return f.format(new Date(`${day}T00:00:00Z`));
}

/** The dayjs locale of the calendar's month and weekday names: Morocco's Arabic names (ماي، يوليوز، غشت…) there. */
export function calendarLocale(language: Language, country: string | null | undefined): 'ar' | 'ar-ma' | 'fr' | 'en' {
  if (language !== 'ar') return language;
  return country?.toUpperCase() === 'MA' ? 'ar-ma' : 'ar';
}

/** "YYYY-MM" when `ym` is a calendar month, else null. */
export function isoMonth(ym: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(ym ?? '');
  return m && Number(m[1]) >= 1000 && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? (ym as string) : null;
}

/**
 * What was typed in a month field, as "YYYY-MM": month first (12/2026, 3-2026, ١٢/٢٠٢٦, 12.2026), or ISO as pasted
 * (2026-12). Null for an empty, partial or impossible month (13/2026, 12/26).
 */
export function parseMonth(text: string): string | null {
  const parts = toLatinDigits(text)
    .trim()
    .split(/[^0-9]+/)
    .filter(Boolean);
  if (parts.length !== 2) return null;
  const isoOrder = parts[0].length === 4;
  const [y, m] = isoOrder ? parts : [parts[1], parts[0]];
  if (y.length !== 4 || m.length > 2) return null;
  return isoMonth(`${y}-${pad(Number(m))}`);
}

/** "YYYY-MM" as the month field shows it: MM/YYYY, Latin digits. */
export function formatMonth(ym: string | null | undefined): string {
  const month = isoMonth(ym);
  return month ? `${month.slice(5, 7)}/${month.slice(0, 4)}` : '';
}
