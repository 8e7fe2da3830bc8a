// Sponsors, their stock of bundles, and the report of bundles given (spec §14). Bundles are given at handover,
// through the allocations' handover routes (`bundle` in the body).
import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { actorOf, ALL_ROLES, idParams, MANAGERS, PARTNERS, type Access } from '../auth/index.js';

// A partner association picks a sponsor's bundle when it hands a device to its family: it reads who gives and what's
// in stock (never the sponsor's contact).
const STOCK_READERS = [...ALL_ROLES, ...PARTNERS];
import { REGIONAL_REPORT_ROLES } from '../../shared/index.js';
import { bundleReport, sendBundlesCsv } from './connectivity.report.js';
import { bundleLotInput, bundleReportQuery, sponsorInput } from './connectivity.schema.js';
import { addLot, createSponsor, getSponsor, listSponsors, sponsorListQuery } from './connectivity.service.js';

export const connectivityRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/sponsors',
    access: STOCK_READERS,
    handler: async (req, res) => res.json(await listSponsors(parse(sponsorListQuery, req.query), actorOf(req).role)),
  },
  {
    method: 'post',
    path: '/api/sponsors',
    access: MANAGERS,
    handler: async (req, res) => res.status(201).json(await createSponsor(parse(sponsorInput, req.body), actorOf(req))),
  },
  {
    method: 'get',
    path: '/api/sponsors/:id',
    access: STOCK_READERS,
    handler: async (req, res) => res.json(await getSponsor(parse(idParams, req.params).id, actorOf(req).role)),
  },
  {
    // A delivery of bundles from the sponsor: a stock lot.
    method: 'post',
    path: '/api/sponsors/:id/bundles',
    access: MANAGERS,
    handler: async (req, res) =>
      res.status(201).json(await addLot(parse(idParams, req.params).id, parse(bundleLotInput, req.body), actorOf(req))),
  },
  // Figures (no personal data), for the same readers as the other regional reports.
  {
    method: 'get',
    path: '/api/reports/bundles',
    reads: 'replica',
    access: REGIONAL_REPORT_ROLES,
    handler: async (req, res) => res.json(await bundleReport(parse(bundleReportQuery, req.query))),
  },
  {
    method: 'get',
    path: '/api/reports/bundles.csv',
    reads: 'replica',
    access: REGIONAL_REPORT_ROLES,
    handler: async (req, res) => sendBundlesCsv(res, parse(bundleReportQuery, req.query)),
  },
]);
