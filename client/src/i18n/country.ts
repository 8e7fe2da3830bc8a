// What differs by the instance's country (server config COUNTRY) beyond dates and money (./format.ts): kept apart
// from format.ts, which every first screen loads, since only forms need it.
import type { Country } from './format';

/** What a mobile number looks like where the instance serves (the server parses it in that country: lib/phone.ts). */
export const PHONE_PLACEHOLDER: Record<Country, { national: string; international: string }> = {
  SA: { national: '05XXXXXXXX', international: '+9665XXXXXXXX' },
  MA: { national: '06XXXXXXXX', international: '+2126XXXXXXXX' },
};
