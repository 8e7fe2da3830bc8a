// A person's birth date and age (spec §14: a programme may take only an age range). Dates of birth are calendar dates
// (YYYY-MM-DD) with no time of day, so an age is counted against today's date where the charity is, not in UTC: at
// 01:00 in Riyadh on someone's 18th birthday they are 18, although it is still the day before in UTC.
import Joi from 'joi';
import { charityTimeZone } from '../../lib/time-zone.js';
import { invalid } from '../../lib/parse.js';

/** No one registered was born before this. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The calendar date (YYYY-MM-DD) at `now` in `timeZone`. */
export function localDate(now: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Today's date where the charity is. */
export const charityToday = (now = new Date()): string => localDate(now, charityTimeZone());

/**
 * Full years from `birthDate` to `today` (both YYYY-MM-DD): the birthday itself counts. Someone born on 29 February
 * turns a year older on 1 March in a common year.
 */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Whether `value` (YYYY-MM-DD) names a day of the calendar (not 2026-02-30). */
const isCalendarDate = (value: string): boolean => {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
};

/** A birth date: YYYY-MM-DD, a real day, not before 1900 and not after today (in the charity's time zone). */
export const birthDateSchema = Joi.string()
  .trim()
  .pattern(/^\d{4}-\d{2}-\d{2}$/, { name: 'date.pattern' })
  .message('{{#label}} must be a date like 2001-09-30')
  .custom((value: string, h) => {
    if (!isCalendarDate(value)) return invalid(h, 'date.invalid', '{{#label}} is not a real date');
    if (value < EARLIEST_BIRTH_DATE)
      return invalid(h, 'date.min', `{{#label}} must not be before ${EARLIEST_BIRTH_DATE}`, {
        limit: EARLIEST_BIRTH_DATE,
      });
    const today = charityToday();
    if (value > today) return invalid(h, 'date.max', '{{#label}} must not be in the future', { limit: today });
    return value;
  });
