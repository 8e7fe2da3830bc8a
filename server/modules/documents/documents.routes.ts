// The document routes under /api: PDFs for staff.
import { parse } from '../../lib/parse.js';
import { defineRoutes, type RouteDef } from '../../lib/route.js';
import { actorOf, ALL_ROLES, HANDOVER_ROLES, idParams, MANAGERS, STAFF, type Access } from '../auth/index.js';
import { sendPdf, sendPdfBytes, streamPdf } from './documents.http.js';
import { certificatesQueryOf, dateRangeQuery, labelsBody, labelsQuery, languageOf } from './documents.schema.js';
import * as documents from './documents.service.js';
import { printLabels, renderLabels } from './documents.labels-service.js';
import { publicDocumentRoutes } from './documents.public-routes.js';
import { mayContactDonors } from '../donors/index.js';
import { assertCertificateVisible } from './documents.handover-certificate-data.js';
import { batchCertificate, deliveryNote } from './documents.delivery-note-job.js';

export const apiDocumentRoutes = defineRoutes<Access>([
  {
    // A partner prints the certificates of its own onward handovers (devices in its custody); any other id is a 404.
    method: 'get',
    path: '/api/allocations/:id/certificate.pdf',
    access: HANDOVER_ROLES,
    handler: async (req, res) => {
      const { id } = parse(idParams, req.params);
      const lang = languageOf(req.query);
      await assertCertificateVisible(id, actorOf(req));
      sendPdf(res, await documents.handoverCertificate(id, lang));
    },
  },
  {
    // Managers only: it carries the receiving contact's name and phone, and once signed their signature (people,
    // whom viewers and technicians see redacted on the batch itself).
    method: 'get',
    path: '/api/allocation-batches/:id/delivery-note.pdf',
    access: MANAGERS,
    handler: async (req, res) =>
      sendPdf(res, await deliveryNote(parse(idParams, req.params).id, languageOf(req.query))),
  },
  {
    // The institution's certificate (institution batches, after handover): it prints who signed, as the
    // single-device certificate does, hence managers only too.
    method: 'get',
    path: '/api/allocation-batches/:id/certificate.pdf',
    access: MANAGERS,
    handler: async (req, res) =>
      sendPdf(res, await batchCertificate(parse(idParams, req.params).id, languageOf(req.query))),
  },
  {
    method: 'get',
    path: '/api/devices/:id/sanitization-certificate.pdf',
    access: ALL_ROLES,
    handler: async (req, res) =>
      sendPdf(res, await documents.sanitizationCertificate(parse(idParams, req.params).id, languageOf(req.query))),
  },
  {
    method: 'get',
    path: '/api/donations/:id/receipt.pdf',
    access: ALL_ROLES,
    handler: async (req, res) =>
      sendPdf(
        res,
        await documents.donorReceipt(
          { id: parse(idParams, req.params).id },
          mayContactDonors(actorOf(req).role),
          languageOf(req.query),
        ),
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
    // Express answers HEAD with this route too: headers only, X-Total-Count included, nothing drawn. `?lang` as the
    // single certificate takes it (each page drawn as that one).
    method: 'get',
    path: '/api/programmes/:id/certificates.pdf',
    access: MANAGERS,
    handler: async (req, res) => {
      const { range, lang } = certificatesQueryOf(req.query);
      await streamPdf(req, res, await documents.programmeCertificates(parse(idParams, req.params).id, range, lang));
    },
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
