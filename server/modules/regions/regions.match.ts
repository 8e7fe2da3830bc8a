// Recognising a region in free text (spec §11): the names of server/shared/regions.ts and the cities of
// server/shared/cities.ts in Arabic, English or French, as people type them. Used by the migration that maps the
// free text stored before regions became a reference list (2026.12.06T00.00.22); what it cannot place stays null
// and is listed by `npm run regions:unmapped`.
import { CITIES } from '../../shared/cities.js';
import { REGIONS } from '../../shared/regions.js';

// Other spellings seen in addresses: transliterations the three official names do not cover.
const REGION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'SA-01': ['Riyad', 'Ar Riyad', 'Er Riyadh'],
  'SA-02': ['Mecca', 'Makka', 'Mekka', 'Makkah Al-Mukarramah', 'مكة'],
  'SA-03': ['Medina', 'Madina', 'Al-Madinah Al-Munawwarah', 'المدينة'],
  'SA-04': ['Eastern', 'Eastern Region', 'Sharqiya', 'Ash Sharqiyah', 'Al-Sharqiyah', 'الشرقية'],
  'SA-05': ['Qassim', 'Qaseem', 'Gassim'],
  'SA-06': ['Hail', 'Hayil'],
  'SA-07': ['Tabouk'],
  'SA-08': ['Northern Border', 'Al-Hudud ash-Shamaliyah', 'الشمالية'],
  'SA-09': ['Jizan', 'Gizan', 'Jazan Region'],
  'SA-11': ['Baha', 'Al Baha'],
  'SA-12': ['Jouf', 'Al Jouf'],
  'SA-14': ['Aseer', 'Assir'],
  'MA-01': ['Tanger Tetouan', 'Tangier-Tetouan-Al Hoceima'],
  'MA-02': ['Oriental', 'Orientale', 'Eastern Morocco'],
  'MA-03': ['Fez-Meknes', 'Fes Meknes'],
  'MA-07': ['Marrakech-Safi'],
  'MA-08': ['Draa Tafilalt'],
  'MA-11': ['Laayoune Sakia El Hamra', 'Layoune'],
};

// Alternative spellings of cities (the region they lie in).
const CITY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'SA-02': ['Jiddah', 'Jedda', 'Taef', 'جده'],
  'SA-03': ['Yanbu Al Bahr'],
  'SA-04': ['Al Khobar', 'Dhahran', 'Hofuf', 'الهفوف', 'Al-Hasa', 'Hassa', 'Al-Jubail', 'Al-Qatif'],
  'SA-05': ['Buraidah', 'Buraida', 'Unayzah'],
  'SA-14': ['Khamis Mushayt'],
  'MA-01': ['Tetuan', 'Hoceima'],
  'MA-03': ['Fez', 'Meknès'],
  'MA-04': ['Salé', 'Kénitra'],
  'MA-06': ['Casa', 'Dar El Beida', 'Dar el-Beida', 'الدار البيضا'],
  'MA-07': ['Marrakesh', 'Marrakech', 'Mogador'],
  'MA-09': ['Agadir Ida Ou Tanane'],
};

// Words that name the kind of place rather than the place: منطقة مكة المكرمة, Makkah Region, Région de Fès-Meknès.
const GENERIC_WORDS = new Set([
  'منطقه',
  'المنطقه',
  'اماره',
  'جهه',
  'اقليم',
  'محافظه',
  'region',
  'regions',
  'province',
  'provincia',
  'emirate',
  'governorate',
  'wilaya',
  'of',
  'the',
  'de',
  'du',
  'des',
  'la',
  'le',
  'l',
  'd',
]);
// Latin spellings of the Arabic article: Al-Qassim, Ar-Rass, El Jadida, Ad-Dawadmi.
const LATIN_ARTICLE = /^(?:al|el|ar|er|ad|as|az|an|at|ash|adh)$/;

/**
 * The comparison key of a place name: case and diacritics folded, Arabic letter variants merged (أ إ آ → ا,
 * ة → ه, ى → ي), harakat and tatweel dropped, the article (ال, al-, el-…) and generic words (منطقة, region,
 * province…) removed, hyphens, apostrophes and spaces ignored. '' when nothing is left.
 */
export function placeKey(text: string): string {
  const folded = text
    .normalize('NFKD') // é → e + ́; أ → ا + ٔ: the combining marks go below
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\u0640/g, '') // tatweel
    .replace(/[ٱأإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/[ىی]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return folded
    .split(' ')
    .filter((w) => w && !GENERIC_WORDS.has(w) && !LATIN_ARTICLE.test(w))
    .map((w) => (w.length > 3 && w.startsWith('ال') ? w.slice(2) : w))
    .join('');
}

function index(entries: [code: string, names: readonly string[]][]): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, names] of entries)
    for (const name of names) {
      const key = placeKey(name);
      if (key && !map.has(key)) map.set(key, code);
    }
  return map;
}

const regionIndex = index([
  ...REGIONS.map((r) => [r.code, [r.nameAr, r.nameEn, r.nameFr]] as [string, string[]]),
  ...Object.entries(REGION_ALIASES),
]);
const cityIndex = index([
  ...CITIES.map((c) => [c.regionCode, [c.nameAr, c.nameEn, c.nameFr]] as [string, string[]]),
  ...Object.entries(CITY_ALIASES),
]);

/** Every key of either index with the region it names (for the tests: no key names two regions). */
export function placeKeys(): { regions: Map<string, string>; cities: Map<string, string> } {
  return { regions: new Map(regionIndex), cities: new Map(cityIndex) };
}

function lookup(text: string, first: Map<string, string>, second: Map<string, string>): string | null {
  const whole = placeKey(text);
  if (!whole) return null;
  const found = first.get(whole) ?? second.get(whole);
  if (found) return found;
  // "الرياض، حي النسيم", "Casablanca (Maarif)", "Jeddah / Makkah": the parts must agree on one region.
  const parts = text
    .split(/[,،;/()|]+/)
    .map(placeKey)
    .filter(Boolean);
  if (parts.length < 2) return null;
  const codes = new Set(parts.map((p) => first.get(p) ?? second.get(p)).filter((c): c is string => !!c));
  return codes.size === 1 ? [...codes][0] : null;
}

/** The region code a region's name names (any language, usual spellings), or a city of it; null when unsure. */
export function regionFromRegionText(text: string | null | undefined): string | null {
  return text ? lookup(text, regionIndex, cityIndex) : null;
}

/** The region code of a city's name (the main cities of server/shared/cities.ts), or a region named there. */
export function regionFromCityText(text: string | null | undefined): string | null {
  return text ? lookup(text, cityIndex, regionIndex) : null;
}

/** A row's region from its free text: the region field when it names one, else its city. */
export function regionOf(row: { region?: string | null; city?: string | null }): string | null {
  return regionFromRegionText(row.region) ?? regionFromCityText(row.city);
}
