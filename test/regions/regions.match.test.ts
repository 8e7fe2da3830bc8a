// The matcher behind the free-text migration (server/modules/regions/regions.match.ts): realistic spellings of
// regions and cities in Arabic, English and French find their ISO 3166-2 code; what names no region stays null.
import { expect } from 'chai';
import { CITIES, citiesOf } from '../../server/shared/cities.js';
import { REGIONS, REGION_CODES, regionName } from '../../server/shared/regions.js';
import {
  placeKey,
  placeKeys,
  regionFromCityText,
  regionFromRegionText,
  regionOf,
} from '../../server/modules/regions/regions.match.js';

describe('regions: recognising a region in free text', () => {
  it('when a region is written in Arabic, English or French, with or without its generic word, finds its code', () => {
    const cases: [string, string][] = [
      ['الرياض', 'SA-01'],
      ['Riyadh', 'SA-01'],
      ['riyad', 'SA-01'],
      ['منطقة الرياض', 'SA-01'],
      ['منطقة مكة المكرمة', 'SA-02'],
      ['منطقه مكه المكرمه', 'SA-02'],
      ['Makkah Region', 'SA-02'],
      ['Mecca', 'SA-02'],
      ['La Mecque', 'SA-02'],
      ['Eastern Province', 'SA-04'],
      ['Eastern', 'SA-04'],
      ['الشرقية', 'SA-04'],
      ['المنطقة الشرقية', 'SA-04'],
      ['Province orientale', 'SA-04'],
      ['al-qassim', 'SA-05'],
      ['QASSIM', 'SA-05'],
      ["Ha'il", 'SA-06'],
      ['Hail', 'SA-06'],
      ['عسير', 'SA-14'],
      ['Région de Fès-Meknès', 'MA-03'],
      ['fes meknes', 'MA-03'],
      ['جهة الدار البيضاء سطات', 'MA-06'],
      ['Casablanca-Settat', 'MA-06'],
      ['casablanca settat', 'MA-06'],
      ['Laâyoune-Sakia El Hamra', 'MA-11'],
      ["L'Oriental", 'MA-02'],
      ['الشرق', 'MA-02'],
    ];
    for (const [text, code] of cases) expect(regionFromRegionText(text), text).to.equal(code);
  });

  it('when a city is written in Arabic, English or French, finds the region it lies in', () => {
    const cases: [string, string][] = [
      ['الرياض', 'SA-01'],
      ['Riyadh', 'SA-01'],
      ['جدة', 'SA-02'],
      ['جده', 'SA-02'],
      ['Jeddah', 'SA-02'],
      ['الدمام', 'SA-04'],
      ['الأحساء', 'SA-04'],
      ['الاحساء', 'SA-04'],
      ['Al Khobar', 'SA-04'],
      ['أبها', 'SA-14'],
      ['Casablanca', 'MA-06'],
      ['الدار البيضاء', 'MA-06'],
      ['Fès', 'MA-03'],
      ['fes', 'MA-03'],
      ['Fez', 'MA-03'],
      ['فاس', 'MA-03'],
      ['Marrakech', 'MA-07'],
      ['مراكش', 'MA-07'],
      ['Tanger', 'MA-01'],
      ['Salé', 'MA-04'],
      ['sale', 'MA-04'],
      ['الرياض، حي النسيم', 'SA-01'],
      ['Casablanca (Maarif)', 'MA-06'],
    ];
    for (const [text, code] of cases) expect(regionFromCityText(text), text).to.equal(code);
  });

  it('when the text names no known region or city, or two regions at once, returns null', () => {
    for (const text of ['', '   ', 'حي النسيم', 'Springfield', 'North', 'منطقة', 'Region', 'Jeddah, Casablanca'])
      expect(regionFromCityText(text), text).to.equal(null);
    expect(regionFromRegionText(null)).to.equal(null);
    expect(regionFromCityText(undefined)).to.equal(null);
  });

  it('when a row has both, the region field wins and the city is the fallback', () => {
    expect(regionOf({ region: 'Eastern', city: 'جدة' })).to.equal('SA-04');
    expect(regionOf({ region: 'somewhere', city: 'جدة' })).to.equal('SA-02');
    expect(regionOf({ region: null, city: 'Dammam' })).to.equal('SA-04');
    expect(regionOf({ region: 'x', city: 'y' })).to.equal(null);
  });

  it('normalises case, diacritics, Arabic letter variants, articles and separators to one key', () => {
    expect(placeKey('Fès-Meknès')).to.equal(placeKey('fes meknes'));
    expect(placeKey('مكة المكرمة')).to.equal(placeKey('مكه المكرمه'));
    expect(placeKey('إفران')).to.equal(placeKey('افران'));
    expect(placeKey('آسفي')).to.equal(placeKey('اسفي'));
    expect(placeKey('الشرقية')).to.equal(placeKey('المنطقة الشرقية'));
    expect(placeKey('مستشفى')).to.equal(placeKey('مستشفي'));
    expect(placeKey('Al-Qassim')).to.equal(placeKey('Qassim'));
    expect(placeKey('الـريـاض')).to.equal(placeKey('الرياض'));
  });

  it('the reference lists are consistent: every city in a known region, no key naming two regions', () => {
    expect(REGIONS).to.have.length(25);
    expect(new Set(REGION_CODES).size).to.equal(25);
    for (const r of REGIONS) expect(citiesOf(r.code).length, r.code).to.be.greaterThan(1);
    for (const c of CITIES) expect(REGION_CODES, c.nameEn).to.include(c.regionCode);
    const { regions, cities } = placeKeys();
    // A region's name that is also a city's name must point at the same region (Riyadh, Makkah, Tabuk…).
    for (const [key, code] of cities) if (regions.has(key)) expect(regions.get(key), key).to.equal(code);
    // Every official name finds its own region.
    for (const r of REGIONS)
      for (const name of [r.nameAr, r.nameEn, r.nameFr]) expect(regionFromRegionText(name), name).to.equal(r.code);
    for (const c of CITIES)
      for (const name of [c.nameAr, c.nameEn, c.nameFr]) expect(regionFromCityText(name), name).to.equal(c.regionCode);
    expect(regionName('SA-04', 'fr')).to.equal('Province orientale');
    expect(regionName(null, 'ar')).to.equal('');
  });
});
