import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { ALL_ROLES, idParams, type Access } from '../auth/index.js';
import { documentLanguageOf, regionalReport, sendPdf } from '../documents/index.js';
import { REGIONAL_REPORT_ROLES } from '../../shared/index.js';
import { csvScopeOf, devicesCsvQuery, devicesCsvSelection, streamDevicesCsv } from './reports.csv.js';
import { dashboard, dashboardFilters, dashboardQuery } from './reports.dashboard.js';
import { dashboardTableParams, sendCumulativeCsv, sendDashboardTableCsv } from './reports.tables-csv.js';
import { programmeCumulative } from './reports.programme-cumulative.js';
import { partnersReport, sendPartnersCsv } from './reports.partners.js';
import { regionalReportData, regionPdfParams, regionsQuery, regionsReport, sendRegionsCsv } from './reports.regions.js';

/** The partners' figures with the dashboard's filters, as its partner card counts them (all time unless from/to). */
const partnerFilters = (raw: unknown) => dashboardFilters(parse(dashboardQuery, raw)).filters;

export const reportRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/reports/dashboard',
    reads: 'replica',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await dashboard(parse(dashboardQuery, req.query))),
  },
  {
    method: 'get',
    path: '/api/reports/devices.csv',
    reads: 'replica',
    access: ALL_ROLES,
    handler: async (req, res) => streamDevicesCsv(res, csvScopeOf(parse(devicesCsvQuery, req.query))),
  },
  {
    // A selection too large for a URL: its ids in the body. Reads only, like the GET.
    method: 'post',
    path: '/api/reports/devices.csv',
    access: ALL_ROLES,
    handler: async (req, res) => streamDevicesCsv(res, { ids: parse(devicesCsvSelection, req.body).ids }),
  },
  // Figures by region (spec §11): the table, the same as CSV, and the regional report for public partners.
  {
    method: 'get',
    path: '/api/reports/regions',
    reads: 'replica',
    access: REGIONAL_REPORT_ROLES,
    handler: async (req, res) => {
      // The dashboard's filters (programme, region, site, from/to) bound the figures when given.
      const { format, ...query } = parse(regionsQuery, req.query);
      return format === 'csv' ? sendRegionsCsv(res, query) : res.json(await regionsReport(query));
    },
  },
  {
    // Served through each partner association, by region, and what each holds in custody (spec §13).
    method: 'get',
    path: '/api/reports/partners',
    reads: 'replica',
    access: REGIONAL_REPORT_ROLES,
    handler: async (req, res) => res.json({ items: await partnersReport(partnerFilters(req.query)) }),
  },
  {
    method: 'get',
    path: '/api/reports/partners.csv',
    reads: 'replica',
    access: REGIONAL_REPORT_ROLES,
    handler: async (req, res) => sendPartnersCsv(res, partnerFilters(req.query)),
  },
  {
    method: 'get',
    path: '/api/reports/regions.csv',
    reads: 'replica',
    access: REGIONAL_REPORT_ROLES,
    handler: async (req, res) => sendRegionsCsv(res, parse(dashboardQuery, req.query)),
  },
  {
    // `:code` is a region code (SA-01) for its page, or `all` for one page per region with figures; `?lang=en|fr`
    // is the language after Arabic (by default the country's: French in Morocco).
    method: 'get',
    path: '/api/reports/regions/:code.pdf',
    reads: 'replica',
    access: REGIONAL_REPORT_ROLES,
    handler: async (req, res) => {
      const { code } = parse(regionPdfParams, req.params);
      const lang = documentLanguageOf(req.query);
      sendPdf(res, await regionalReport(await regionalReportData(code), code.toLowerCase(), lang));
    },
  },
  {
    method: 'get',
    path: '/api/reports/programmes/:id/cumulative',
    reads: 'replica',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await programmeCumulative(parse(idParams, req.params).id)),
  },
  // The dashboard's tables as CSV, with the dashboard's filters: monthly, status or stages.
  {
    method: 'get',
    path: '/api/reports/dashboard/:table.csv',
    reads: 'replica',
    access: ALL_ROLES,
    handler: async (req, res) =>
      sendDashboardTableCsv(res, parse(dashboardTableParams, req.params).table, parse(dashboardQuery, req.query)),
  },
  {
    method: 'get',
    path: '/api/reports/programmes/:id/cumulative.csv',
    reads: 'replica',
    access: ALL_ROLES,
    handler: async (req, res) => sendCumulativeCsv(res, parse(idParams, req.params).id),
  },
]);
