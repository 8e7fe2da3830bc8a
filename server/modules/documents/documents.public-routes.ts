// The public pages, outside /api and without login: the donor's receipt by its secret link, certificate
// verification, and the short device URL that labels carry. Rate limited per address.
import type { Request } from 'express';
import { config } from '../../config.js';
import { NotFoundError } from '../../lib/errors.js';
import { publicRateLimit } from '../../lib/http-middleware.js';
import { defineRoutes } from '../../lib/route.js';
import type { Access } from '../auth/index.js';
import { deviceIdByTag } from '../devices/index.js';
import { sendHtml, sendPdf } from './documents.http.js';
import { isReceiptToken } from './documents.schema.js';
import { donorReceipt } from './documents.service.js';
import path from 'node:path';
import { projectRoot } from '../../paths.js';
import { notFoundPage, PUBLIC_FONTS } from './documents.public-html.js';
import { publicSeal } from './documents.public-seal.js';
import { receiptPage, unknownReceiptPage } from './documents.receipt-page.js';
import { unknownCertificatePage, verificationPage, verifyCertificate } from './documents.verify.js';
import { isPageToken, statementQuery } from '../donors/index.js';
import { parse } from '../../lib/parse.js';
import { donorPage, publicStatement, unknownDonorPage } from './documents.donor-page.js';

const limited = (name: string) => [publicRateLimit(name, config.publicRateLimitPer15Min)];
const donorPageLimit = publicRateLimit('donor-page', config.publicRateLimitPer15Min);
const clientPageLimit = publicRateLimit('client-page', config.publicRateLimitPer15Min * 20);
const param = (req: Request, name: string): string => String(req.params[name] ?? '');
const wantsJson = (req: Request): boolean => req.accepts(['html', 'json']) === 'json';

export const publicDocumentRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/receipts/:token',
    access: 'public',
    before: limited('receipt-page'),
    handler: async (req, res) => {
      const { status, html } = await receiptPage(param(req, 'token'));
      sendHtml(res, status, html);
    },
  },
  {
    method: 'get',
    path: '/receipts/:token/receipt.pdf',
    access: 'public',
    before: limited('receipt-pdf'),
    handler: async (req, res) => {
      const token = param(req, 'token');
      if (!isReceiptToken(token)) return sendHtml(res, 404, unknownReceiptPage());
      sendPdf(res, await donorReceipt({ receiptToken: token }, true));
    },
  },
  {
    method: 'get',
    path: '/verify/:code',
    access: 'public',
    before: limited('verify'),
    handler: async (req, res) => {
      const code = param(req, 'code');
      const result = await verifyCertificate(code);
      if (wantsJson(req)) {
        if (!result) throw new NotFoundError('No certificate has this number', { genuine: false });
        return res.json(result);
      }
      sendHtml(
        res,
        result ? 200 : 404,
        result ? verificationPage(result, await publicSeal()) : unknownCertificatePage(code),
      );
    },
  },
  {
    // The public pages' font (IBM Plex Sans Arabic, the web client's family): the CSP allows fonts from 'self' only.
    method: 'get',
    path: '/public-fonts/:file',
    access: 'public',
    before: [clientPageLimit],
    handler: (req, res) => {
      const file = PUBLIC_FONTS[param(req, 'file')];
      if (!file || !Object.hasOwn(PUBLIC_FONTS, param(req, 'file')))
        return sendHtml(res, 404, notFoundPage({ ar: 'لا يوجد ملف بهذا الاسم.', en: 'No such file.' }));
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      res.type('font/woff').sendFile(path.join(projectRoot, 'server', 'assets', 'fonts', file));
    },
  },
  {
    // The donor's page (spec §12). The staff client has its own /donors/<id>, /donors/new screens: a segment that
    // is not a page token (43 base64url characters) goes on to the client, under the looser limit of /d/:tag (staff
    // reload those screens from one office address), not the donor pages' budget.
    method: 'get',
    path: '/donors/:token',
    access: 'public',
    before: [
      (req, res, next) =>
        isPageToken(param(req, 'token'))
          ? donorPageLimit(req, res, next)
          : clientPageLimit(req, res, (err?: unknown) => next(err ?? 'route')),
    ],
    handler: async (req, res) => {
      const { status, html } = await donorPage(param(req, 'token'));
      sendHtml(res, status, html);
    },
  },
  {
    method: 'get',
    path: '/donors/:token/statement.pdf',
    access: 'public',
    before: limited('donor-statement'),
    handler: async (req, res) => {
      const token = param(req, 'token');
      const { year } = parse(statementQuery, req.query);
      if (!isPageToken(token)) return sendHtml(res, 404, unknownDonorPage());
      const result = await publicStatement(token, year);
      if ('job' in result) return sendPdf(res, result.job);
      sendHtml(res, result.status, result.html);
    },
  },
  {
    // Scanned from a label by a phone camera; the client's device page asks for login. Staff scan many labels
    // from one warehouse address, hence a looser limit than the other public pages.
    method: 'get',
    path: '/d/:tag',
    access: 'public',
    before: [publicRateLimit('label-link', config.publicRateLimitPer15Min * 20)],
    handler: async (req, res) => {
      const tag = param(req, 'tag').toUpperCase().replace(/[\s-]/g, '');
      const deviceId = /^[A-Z0-9]{1,30}$/.test(tag) ? await deviceIdByTag(tag) : null;
      if (deviceId === null)
        return sendHtml(res, 404, notFoundPage({ ar: 'لا يوجد جهاز بهذا الرقم.', en: 'No device has this tag.' }));
      res.redirect(302, `/devices/${deviceId}`);
    },
  },
]);
