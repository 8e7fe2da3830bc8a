// The sites module (warehouses and branches): the smallest module, and the worked example of docs/architecture.md.
// Other modules read a site through Site (names on documents) and check one with siteExists(); they never write it.
export { Site, initSiteModels } from './sites.model.js';
export { siteExists, listSites } from './sites.service.js';
export { toSiteDto } from './sites.schema.js';
