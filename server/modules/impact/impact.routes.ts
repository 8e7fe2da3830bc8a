// GET /api/public/impact and GET /impact (spec §11): public, rate limited per address, and cacheable by HTTP: a
// strong ETag over the body (the app turns ETags off for the API; these answers are the same for everyone) and
// `Cache-Control: public, max-age=300`, so browsers and proxies revalidate with If-None-Match and get 304 while the
// figures have not changed. The process keeps nothing: each request reads the read model. 404 while not opted in.
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { config } from '../../config.js';
import { NotFoundError } from '../../lib/errors.js';
import { publicRateLimit } from '../../lib/http-middleware.js';
import { defineRoutes } from '../../lib/route.js';
import type { Access } from '../auth/index.js';
import { documentLanguageOf, drawingIn, notFoundPage } from '../documents/index.js';
import { impactPage } from './impact.page.js';
import { publicImpact } from './impact.service.js';

/** Seconds a browser or proxy may reuse the answer before revalidating. */
export const IMPACT_MAX_AGE_SECONDS = 300;

// A public page is shown to many people behind one address (an office, a school): four times the other public pages' budget.
const limited = (name: string) => [publicRateLimit(name, config.publicRateLimitPer15Min * 4)];

function sendCacheable(req: Request, res: Response, type: 'json' | 'html', body: string): void {
  res.set('ETag', `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`);
  res.set('Cache-Control', `public, max-age=${IMPACT_MAX_AGE_SECONDS}`);
  res.set('Vary', 'Accept-Encoding');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.type(type).send(body);
}

const notPublished = () => new NotFoundError('The charity does not publish its impact figures');

export const impactRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/public/impact',
    reads: 'replica',
    access: 'public',
    before: limited('impact-api'),
    handler: async (req, res) => {
      const impact = await publicImpact();
      if (!impact) throw notPublished();
      sendCacheable(req, res, 'json', JSON.stringify(impact));
    },
  },
  {
    method: 'get',
    path: '/impact',
    reads: 'replica',
    access: 'public',
    before: limited('impact-page'),
    // Arabic and the second language: `?lang=en|fr`, by default the country's (French in Morocco); 400 for another.
    handler: async (req, res) => {
      const lang = documentLanguageOf(req.query);
      const impact = await publicImpact();
      if (!impact) {
        res.status(404).type('html').set('Cache-Control', 'no-store');
        const gone = {
          ar: 'لا تنشر الجمعية أرقام أثرها.',
          en: 'The charity does not publish its impact figures.',
          fr: 'L’association ne publie pas les chiffres de son impact.',
        };
        res.send(drawingIn(lang, () => notFoundPage(gone)));
        return;
      }
      sendCacheable(
        req,
        res,
        'html',
        drawingIn(lang, () => impactPage(impact)),
      );
    },
  },
]);
