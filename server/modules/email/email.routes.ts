// The one-click unsubscribe (RFC 8058), public like the receipt pages and rate limited per address. The GET shows a
// question with a button; only the POST records, whatever its body: RFC 8058's `List-Unsubscribe=One-Click`
// (form-encoded, or multipart), the page's own form, or none. The token alone says who, and cannot be forged.
import type { Request, Response } from 'express';
import { config } from '../../config.js';
import { publicRateLimit } from '../../lib/http-middleware.js';
import { defineRoutes } from '../../lib/route.js';
import type { Access } from '../auth/index.js';
import { unsubscribeAnswer, unsubscribeQuestion, type PageResult } from './email.page.js';

const token = (req: Request): string => String(req.params.token ?? '');

function sendPage(res: Response, page: PageResult): void {
  // The link is a secret of its donor: no cache keeps the page, no search engine lists it.
  res.status(page.status).type('html').set('Cache-Control', 'no-store').set('X-Robots-Tag', 'noindex, nofollow');
  res.send(page.html);
}

export const emailRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/unsubscribe/:token',
    access: 'public',
    before: [publicRateLimit('unsubscribe-page', config.publicRateLimitPer15Min)],
    handler: async (req, res) => sendPage(res, await unsubscribeQuestion(token(req))),
  },
  {
    // One-click requests come from the mail provider's servers, many donors behind one address (after a yearly
    // statement goes to every donor, say): a looser limit, so that no opt-out is refused with 429.
    method: 'post',
    path: '/unsubscribe/:token',
    access: 'public',
    body: 'none',
    before: [publicRateLimit('unsubscribe', config.publicRateLimitPer15Min * 10)],
    handler: async (req, res) => sendPage(res, await unsubscribeAnswer(token(req))),
  },
]);
