// The country the charity works in (SA or MA): its ID rules, phone region, currency, calendar and time zone. It is a
// stored setting chosen at setup (modules/settings); COUNTRY is only the default until one is stored (unattended
// installs). The value lives here, below every module, so that schemas, lib/ and documents read it synchronously and
// cheaply; the settings module fills it at start, after each change, and on a short timer (other instances).
import { config } from '../config.js';

export type CountryCode = 'SA' | 'MA';

let current: CountryCode = config.country;

/** The effective country now: the stored setting, or COUNTRY while none is stored. */
export const currentCountry = (): CountryCode => current;

/** Called by the settings module only (it reads the stored setting). */
export function setCurrentCountry(country: CountryCode | undefined): void {
  current = country ?? config.country;
}
