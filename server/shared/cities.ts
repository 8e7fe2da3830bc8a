// The main cities of each region (server/shared/regions.ts), names in Arabic, English and French. Forms suggest the
// chosen region's cities; the city itself stays free text (a family may live in a village not listed here). The
// migration that maps legacy free text (2026.12.06T00.00.22) also recognises a region from one of these cities.
// Shared by server and client.

export interface City {
  /** The region's ISO 3166-2 code. */
  regionCode: string;
  nameAr: string;
  nameEn: string;
  nameFr: string;
}

type Row = readonly [nameAr: string, nameEn: string, nameFr?: string];

const TABLE: Readonly<Record<string, readonly Row[]>> = {
  'SA-01': [
    ['الرياض', 'Riyadh', 'Riyad'],
    ['الخرج', 'Al-Kharj'],
    ['الدوادمي', 'Ad-Dawadmi'],
    ['المجمعة', 'Al-Majmaah'],
    ['الزلفي', 'Az-Zulfi'],
    ['وادي الدواسر', 'Wadi ad-Dawasir'],
    ['عفيف', 'Afif'],
  ],
  'SA-02': [
    ['مكة المكرمة', 'Makkah', 'La Mecque'],
    ['جدة', 'Jeddah', 'Djeddah'],
    ['الطائف', 'Taif', 'Taëf'],
    ['رابغ', 'Rabigh'],
    ['القنفذة', 'Al-Qunfudhah'],
    ['الليث', 'Al-Lith'],
  ],
  'SA-03': [
    ['المدينة المنورة', 'Madinah', 'Médine'],
    ['ينبع', 'Yanbu', 'Yanbu'],
    ['العلا', 'AlUla', 'Al-Ula'],
    ['بدر', 'Badr'],
    ['خيبر', 'Khaybar'],
  ],
  'SA-04': [
    ['الدمام', 'Dammam'],
    ['الخبر', 'Khobar', 'Khobar'],
    ['الظهران', 'Dhahran'],
    ['الأحساء', 'Al-Ahsa', 'Al-Hassa'],
    ['الجبيل', 'Jubail'],
    ['القطيف', 'Qatif'],
    ['حفر الباطن', 'Hafar Al-Batin'],
  ],
  'SA-05': [
    ['بريدة', 'Buraydah', 'Bouraïda'],
    ['عنيزة', 'Unaizah', 'Unayzah'],
    ['الرس', 'Ar-Rass'],
    ['البكيرية', 'Al-Bukayriyah'],
  ],
  'SA-06': [
    ['حائل', "Ha'il", 'Haïl'],
    ['بقعاء', 'Baqaa'],
    ['الغزالة', 'Al-Ghazalah'],
  ],
  'SA-07': [
    ['تبوك', 'Tabuk', 'Tabouk'],
    ['الوجه', 'Al-Wajh'],
    ['ضباء', 'Duba'],
    ['تيماء', 'Tayma'],
    ['أملج', 'Umluj'],
  ],
  'SA-08': [
    ['عرعر', 'Arar'],
    ['رفحاء', 'Rafha'],
    ['طريف', 'Turaif'],
  ],
  'SA-09': [
    ['جازان', 'Jazan', 'Jizan'],
    ['صبيا', 'Sabya'],
    ['أبو عريش', 'Abu Arish'],
    ['صامطة', 'Samtah'],
  ],
  'SA-10': [
    ['نجران', 'Najran'],
    ['شرورة', 'Sharurah', 'Charourah'],
    ['حبونا', 'Hubuna'],
  ],
  'SA-11': [
    ['الباحة', 'Al-Bahah'],
    ['بلجرشي', 'Baljurashi'],
    ['المندق', 'Al-Mandaq'],
  ],
  'SA-12': [
    ['سكاكا', 'Sakaka'],
    ['دومة الجندل', 'Dumat al-Jandal'],
    ['القريات', 'Al-Qurayyat'],
  ],
  'SA-14': [
    ['أبها', 'Abha'],
    ['خميس مشيط', 'Khamis Mushait'],
    ['بيشة', 'Bisha'],
    ['النماص', 'An-Namas'],
    ['محايل عسير', 'Muhayil Asir'],
  ],
  'MA-01': [
    ['طنجة', 'Tangier', 'Tanger'],
    ['تطوان', 'Tetouan', 'Tétouan'],
    ['الحسيمة', 'Al Hoceima', 'Al Hoceïma'],
    ['العرائش', 'Larache'],
    ['القصر الكبير', 'Ksar El Kebir'],
    ['شفشاون', 'Chefchaouen'],
  ],
  'MA-02': [
    ['وجدة', 'Oujda'],
    ['الناظور', 'Nador'],
    ['بركان', 'Berkane'],
    ['تاوريرت', 'Taourirt'],
    ['جرادة', 'Jerada'],
    ['فجيج', 'Figuig'],
  ],
  'MA-03': [
    ['فاس', 'Fes', 'Fès'],
    ['مكناس', 'Meknes', 'Meknès'],
    ['تازة', 'Taza'],
    ['إفران', 'Ifrane'],
    ['صفرو', 'Sefrou'],
  ],
  'MA-04': [
    ['الرباط', 'Rabat'],
    ['سلا', 'Sale', 'Salé'],
    ['القنيطرة', 'Kenitra', 'Kénitra'],
    ['تمارة', 'Temara', 'Témara'],
    ['الخميسات', 'Khemisset'],
  ],
  'MA-05': [
    ['بني ملال', 'Beni Mellal', 'Béni Mellal'],
    ['خريبكة', 'Khouribga'],
    ['خنيفرة', 'Khenifra', 'Khénifra'],
    ['الفقيه بن صالح', 'Fquih Ben Salah'],
    ['أزيلال', 'Azilal'],
  ],
  'MA-06': [
    ['الدار البيضاء', 'Casablanca'],
    ['المحمدية', 'Mohammedia'],
    ['سطات', 'Settat'],
    ['الجديدة', 'El Jadida'],
    ['برشيد', 'Berrechid'],
  ],
  'MA-07': [
    ['مراكش', 'Marrakesh', 'Marrakech'],
    ['آسفي', 'Safi'],
    ['الصويرة', 'Essaouira'],
    ['قلعة السراغنة', 'El Kelaa des Sraghna', 'El Kelâa des Sraghna'],
    ['اليوسفية', 'Youssoufia'],
  ],
  'MA-08': [
    ['الرشيدية', 'Errachidia'],
    ['ورزازات', 'Ouarzazate'],
    ['تنغير', 'Tinghir'],
    ['زاكورة', 'Zagora'],
    ['ميدلت', 'Midelt'],
  ],
  'MA-09': [
    ['أكادير', 'Agadir'],
    ['إنزكان', 'Inezgane'],
    ['تارودانت', 'Taroudant'],
    ['تيزنيت', 'Tiznit'],
    ['طاطا', 'Tata'],
  ],
  'MA-10': [
    ['كلميم', 'Guelmim'],
    ['طانطان', 'Tan-Tan'],
    ['سيدي إفني', 'Sidi Ifni'],
    ['أسا', 'Assa'],
  ],
  'MA-11': [
    ['العيون', 'Laayoune', 'Laâyoune'],
    ['بوجدور', 'Boujdour'],
    ['السمارة', 'Smara', 'Smara'],
    ['طرفاية', 'Tarfaya'],
  ],
  'MA-12': [
    ['الداخلة', 'Dakhla'],
    ['أوسرد', 'Aousserd'],
  ],
};

export const CITIES: readonly City[] = Object.entries(TABLE).flatMap(([regionCode, rows]) =>
  rows.map(([nameAr, nameEn, nameFr]) => ({ regionCode, nameAr, nameEn, nameFr: nameFr ?? nameEn })),
);

const byRegion = new Map<string, City[]>();
for (const c of CITIES) byRegion.set(c.regionCode, [...(byRegion.get(c.regionCode) ?? []), c]);

/** The main cities of region `code`, largest first (empty for an unknown code). */
export function citiesOf(code: string | null | undefined): readonly City[] {
  return (code && byRegion.get(code)) || [];
}
