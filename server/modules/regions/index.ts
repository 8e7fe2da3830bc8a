// The regions module: the reference list of regions and their main cities (server/shared/regions.ts, cities.ts),
// the request schema other modules use for `regionCode` and `city`, and the matcher that recognises a region in
// free text. It owns no table: sites, partners and beneficiaries store the code in their own `region_code`.
export { citySchema, regionCodeSchema } from './regions.schema.js';
export { placeKey, regionFromCityText, regionFromRegionText, regionOf } from './regions.match.js';
