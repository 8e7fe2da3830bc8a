// Places as documents print them: a region by its code in Arabic, English and French (server/shared/regions.ts), and
// a city as it was typed, with its English and French names when it is one of the listed cities (server/shared/
// cities.ts). A city typed freely prints as typed in every language: no guess at a transliteration.
import { CITIES, citiesOf, regionName } from '../../shared/index.js';
import { both } from './documents.layout.js';
import type { Bilingual } from './documents.format.js';

export function regionOf(regionCode: string | null | undefined): Required<Bilingual> | null {
  return regionCode
    ? { ar: regionName(regionCode, 'ar'), en: regionName(regionCode, 'en'), fr: regionName(regionCode, 'fr') }
    : null;
}

/** The city as typed, named in each language when it is one of the region's listed cities (any region's without one). */
export function cityOf(city: string | null | undefined, regionCode?: string | null): Required<Bilingual> | null {
  if (!city) return null;
  const typed = city.trim();
  const known = (regionCode ? citiesOf(regionCode) : CITIES).find((c) => c.nameAr === typed || c.nameEn === typed);
  return known ? { ar: known.nameAr, en: known.nameEn, fr: known.nameFr } : { ar: city, en: city, fr: city };
}

/** `الرياض · Riyad` on a French document: a city field's value in Arabic and the second language. */
export function cityName(city: string | null | undefined, regionCode?: string | null): string {
  const names = cityOf(city, regionCode);
  return names ? both(names) : '';
}
