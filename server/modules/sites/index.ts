// The sites module (warehouses and branches): the smallest module, and the worked example of docs/architecture.md.
// Other modules read a site with findSite() (names on documents) and check one with siteExists(); they never write it.
export { initSiteModels } from './sites.model.js';
export type { Site } from './sites.model.js';
export { findSite, siteExists, listSites } from './sites.service.js';
export { toSiteDto } from './sites.schema.js';
