// The document routes under /api: PDFs for staff.
import { parse } from '../../lib/parse.js';
import { defineRoutes, type RouteDef } from '../../lib/route.js';
import { actorOf, ALL_ROLES, idParams, MANAGERS, STAFF, type Access } from '../auth/index.js';
import { sendPdf, sendPdfBytes, streamPdf } from './documents.http.js';
import { dateRangeQuery, labelsBody, labelsQuery } from './documents.schema.js';
import * as documents from './documents.service.js';
import { printLabels, renderLabels } from './documents.labels-service.js';
import { publicDocumentRoutes } from './documents.public-routes.js';
import { mayContactDonors } from '../donors/index.js';

export const apiDocumentRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/allocations/:id/certificate.pdf',
    access: MANAGERS,
    handler: async (req, res) => sendPdf(res, await documents.handoverCertificate(parse(idParams, req.params).id)),
  },
  {
    method: 'get',
    path: '/api/devices/:id/sanitization-certificate.pdf',
    access: ALL_ROLES,
    handler: async (req, res) => sendPdf(res, await documents.sanitizationCertificate(parse(idParams, req.params).id)),
  },
  {
    method: 'get',
    path: '/api/donations/:id/receipt.pdf',
    access: ALL_ROLES,
    handler: async (req, res) =>
      sendPdf(
        res,
        await documents.donorReceipt({ id: parse(idParams, req.params).id }, mayContactDonors(actorOf(req).role)),
      ),
  },
  {
    // Views or downloads the labels; records nothing (a GET never writes). Printing is the POST below.
    method: 'get',
    path: '/api/labels.pdf',
    access: STAFF,
    handler: async (req, res) => {
      const { pdf, fileName } = await renderLabels(parse(labelsQuery, req.query));
      sendPdfBytes(res, pdf, fileName);
    },
  },
  {
    // Prints: the same PDF, and one `label_printed` event per device in the device history.
    method: 'post',
    path: '/api/labels/print',
    access: STAFF,
    handler: async (req, res) => {
      const { pdf, fileName } = await printLabels(parse(labelsBody, req.body), actorOf(req));
      sendPdfBytes(res, pdf, fileName);
    },
  },
  {
    // Express answers HEAD with this route too: headers only, X-Total-Count included, nothing drawn.
    method: 'get',
    path: '/api/programmes/:id/certificates.pdf',
    access: MANAGERS,
    handler: async (req, res) =>
      streamPdf(
        req,
        res,
        await documents.programmeCertificates(parse(idParams, req.params).id, parse(dateRangeQuery, req.query)),
      ),
  },
  {
    method: 'get',
    path: '/api/programmes/:id/certificates/count',
    access: MANAGERS,
    handler: async (req, res) =>
      res.json(await documents.certificateCount(parse(idParams, req.params).id, parse(dateRangeQuery, req.query))),
  },
]);

/** Every route of the module: the API above and the public pages (documents.public-routes.ts). */
export const documentRoutes: RouteDef<Access>[] = [...apiDocumentRoutes, ...publicDocumentRoutes];
