// The charity's time zone by country: dates are stored in UTC, but a handover at 01:00 in Riyadh belongs to that day
// there, and an appointment at 10:00 is written 10:00. Documents and messages to families both format with it.
import { currentCountry } from './country.js';

export type Country = 'SA' | 'MA';

const TIME_ZONES: Readonly<Record<Country, string>> = { SA: 'Asia/Riyadh', MA: 'Africa/Casablanca' };

export const timeZoneOf = (country: Country): string => TIME_ZONES[country];

/** The zone of the country the charity works in (the stored setting, COUNTRY by default). */
export const charityTimeZone = (): string => timeZoneOf(currentCountry());
