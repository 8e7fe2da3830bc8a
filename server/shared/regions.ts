// Regions as a reference list (spec §11): the first-level subdivisions of Saudi Arabia (13 regions) and Morocco
// (12 regions since 2015), by their ISO 3166-2 codes, with names in Arabic, English and French. Sites, partners and
// beneficiaries carry one of these codes as `regionCode`; figures by region group on it. Shared by server and client.
// French names are those Moroccan institutions and the French press use (French documents print them).

export type CountryCode = 'SA' | 'MA';

export interface Region {
  /** ISO 3166-2 code, e.g. 'SA-01'. */
  code: string;
  country: CountryCode;
  nameAr: string;
  nameEn: string;
  nameFr: string;
}

const region = (code: string, nameAr: string, nameEn: string, nameFr: string): Region => ({
  code,
  country: code.slice(0, 2) as CountryCode,
  nameAr,
  nameEn,
  nameFr,
});

export const REGIONS: readonly Region[] = [
  // Saudi Arabia: there is no SA-13 (the codes follow the old emirate numbering).
  region('SA-01', 'الرياض', 'Riyadh', 'Riyad'),
  region('SA-02', 'مكة المكرمة', 'Makkah', 'La Mecque'),
  region('SA-03', 'المدينة المنورة', 'Madinah', 'Médine'),
  region('SA-04', 'المنطقة الشرقية', 'Eastern Province', 'Province orientale'),
  region('SA-05', 'القصيم', 'Al-Qassim', 'Qassim'),
  region('SA-06', 'حائل', "Ha'il", 'Haïl'),
  region('SA-07', 'تبوك', 'Tabuk', 'Tabuk'),
  region('SA-08', 'الحدود الشمالية', 'Northern Borders', 'Frontières du Nord'),
  region('SA-09', 'جازان', 'Jazan', 'Jazan'),
  region('SA-10', 'نجران', 'Najran', 'Najran'),
  region('SA-11', 'الباحة', 'Al-Bahah', 'Al-Baha'),
  region('SA-12', 'الجوف', 'Al-Jawf', 'Al-Jawf'),
  region('SA-14', 'عسير', 'Asir', 'Asir'),
  // Morocco: the twelve regions of the 2015 division.
  region('MA-01', 'طنجة تطوان الحسيمة', 'Tanger-Tetouan-Al Hoceima', 'Tanger-Tétouan-Al Hoceïma'),
  region('MA-02', 'الشرق', 'Oriental', "L'Oriental"),
  region('MA-03', 'فاس مكناس', 'Fes-Meknes', 'Fès-Meknès'),
  region('MA-04', 'الرباط سلا القنيطرة', 'Rabat-Sale-Kenitra', 'Rabat-Salé-Kénitra'),
  region('MA-05', 'بني ملال خنيفرة', 'Beni Mellal-Khenifra', 'Béni Mellal-Khénifra'),
  region('MA-06', 'الدار البيضاء سطات', 'Casablanca-Settat', 'Casablanca-Settat'),
  region('MA-07', 'مراكش آسفي', 'Marrakesh-Safi', 'Marrakech-Safi'),
  region('MA-08', 'درعة تافيلالت', 'Draa-Tafilalet', 'Drâa-Tafilalet'),
  region('MA-09', 'سوس ماسة', 'Souss-Massa', 'Souss-Massa'),
  region('MA-10', 'كلميم واد نون', 'Guelmim-Oued Noun', 'Guelmim-Oued Noun'),
  region('MA-11', 'العيون الساقية الحمراء', 'Laayoune-Sakia El Hamra', 'Laâyoune-Sakia El Hamra'),
  region('MA-12', 'الداخلة وادي الذهب', 'Dakhla-Oued Ed-Dahab', 'Dakhla-Oued Ed-Dahab'),
];

export const REGION_CODES: readonly string[] = REGIONS.map((r) => r.code);

const byCode = new Map(REGIONS.map((r) => [r.code, r]));

export function regionByCode(code: string | null | undefined): Region | undefined {
  return code ? byCode.get(code) : undefined;
}

export function isRegionCode(code: unknown): code is string {
  return typeof code === 'string' && byCode.has(code);
}

export type RegionLanguage = 'ar' | 'en' | 'fr';

/** A region's name in `language` ('' for no region; the code itself for an unknown one). */
export function regionName(code: string | null | undefined, language: RegionLanguage): string {
  if (!code) return '';
  const r = byCode.get(code);
  if (!r) return code;
  return language === 'ar' ? r.nameAr : language === 'en' ? r.nameEn : r.nameFr;
}

/** GET /api/regions: each region with its main cities (server/shared/cities.ts). */
export interface RegionWithCitiesDto extends Region {
  cities: { nameAr: string; nameEn: string; nameFr: string }[];
}
