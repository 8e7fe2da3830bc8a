// HTTP hardening, on every route of allRoutes: helmet's headers on every answer (errors included), the CSRF
// header on every cookie-authenticated write, and a per-address limit on every public route.
// Covered elsewhere and not repeated here: one CSRF case and cookie flags (test/auth/auth.api.test.ts "cookie
// sessions and cross-site requests"), login throttling and the password policy (same file), the pledge limit
// and its per-app count (test/donations/pledges.api.test.ts).
import { expect } from 'chai';
import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { createApp, helmetOptions } from '../../server/app.js';
import { allRoutes } from '../../server/routes.js';
import { api } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { routeKey } from './fuzz-probe.js';

const urlOf = (path: string) => path.replace(/:\w+/g, '1');

function headerProblems(headers: Record<string, string | undefined>): string[] {
  const csp = headers['content-security-policy'] ?? '';
  const problems: string[] = [];
  if (!/(^|;)\s*default-src 'self'/.test(csp)) problems.push(`CSP default-src: ${csp}`);
  if (!/frame-ancestors 'none'/.test(csp)) problems.push('CSP frame-ancestors');
  if (!/object-src 'none'/.test(csp)) problems.push('CSP object-src');
  if (/script-src[^;]*'unsafe-(inline|eval)'/.test(csp)) problems.push('CSP allows inline script');
  if (headers['x-content-type-options'] !== 'nosniff') problems.push('nosniff');
  if (headers['x-powered-by'] !== undefined) problems.push('X-Powered-By');
  if (!headers['strict-transport-security']) problems.push('HSTS');
  if (headers['referrer-policy'] !== 'no-referrer') problems.push(`Referrer-Policy ${headers['referrer-policy']}`);
  return problems;
}

describe('HTTP hardening', () => {
  it('sends the security headers on every route, on errors and on the client pages', async () => {
    const failures: string[] = [];
    const fresh = request(createApp()); // public routes count requests per app: leave the shared app's budget alone
    const urls = [
      ...allRoutes.map((r) => [r.method, urlOf(r.path)] as const),
      ['get', '/api/no-such-route'] as const,
      ['get', '/'] as const,
      ['get', '/devices/1'] as const,
    ];
    for (const [method, url] of urls) {
      const res = await fresh[method](url);
      for (const p of headerProblems(res.headers))
        failures.push(`${method.toUpperCase()} ${url} (${res.status}): ${p}`);
    }
    expect(failures).to.deep.equal([]);
  });

  it('sends exactly the headers helmet itself sets with our policy (they are worked out once at start)', async () => {
    const reference = express()
      .disable('x-powered-by')
      .use(helmet(helmetOptions))
      .get('/', (_req, res) => {
        res.json({});
      });
    const expected = (await request(reference).get('/')).headers;
    const actual = (await request(createApp()).get('/api/health')).headers;
    const helmetHeaders = Object.keys(expected).filter(
      (name) => !['content-type', 'content-length', 'etag', 'date', 'connection', 'keep-alive'].includes(name),
    );
    expect(helmetHeaders).to.include.members([
      'content-security-policy',
      'strict-transport-security',
      'x-frame-options',
      'cross-origin-opener-policy',
    ]);
    expect(Object.fromEntries(helmetHeaders.map((name) => [name, actual[name]]))).to.deep.equal(
      Object.fromEntries(helmetHeaders.map((name) => [name, expected[name]])),
    );
  });

  it('refuses a cookie-authenticated write without X-Requested-With on every signed-in write route, with 403 CSRF_CHECK_FAILED', async () => {
    const { token } = await signIn('admin');
    const failures: string[] = [];
    for (const route of allRoutes.filter((r) => r.method !== 'get' && r.access !== 'public')) {
      const res = await api()[route.method](urlOf(route.path)).set('Cookie', `nimah_session=${token}`).send({});
      if (res.status !== 403 || res.body.error?.code !== 'CSRF_CHECK_FAILED')
        failures.push(`${routeKey(route)}: ${res.status} ${res.body.error?.code}`);
    }
    expect(failures).to.deep.equal([]);
  });

  it('limits every public route but health and login (throttled by failures) per address, and answers 429 past the limit', async function () {
    this.timeout(60_000);
    const limited = allRoutes.filter(
      (r) => r.access === 'public' && !['/api/health', '/api/auth/login'].includes(r.path),
    );
    const failures: string[] = [];
    for (const route of limited) {
      const app = createApp(); // a fresh count
      const first = await request(app)[route.method](urlOf(route.path)).send({});
      // draft-7 headers: "RateLimit-Policy: <limit>;w=<seconds>"
      const limit = Number(/^(\d+);/.exec(String(first.headers['ratelimit-policy'] ?? ''))?.[1]);
      if (!limit) {
        failures.push(`${routeKey(route)}: no RateLimit-Policy header, so no per-address limit`);
        continue;
      }
      let last = 0;
      for (let i = 1; i <= limit; i += 1) last = (await request(app)[route.method](urlOf(route.path)).send({})).status;
      if (last !== 429) failures.push(`${routeKey(route)}: request ${limit + 1} answered ${last}`);
    }
    expect(limited.length).to.be.greaterThan(0);
    expect(failures).to.deep.equal([]);
  });
});
