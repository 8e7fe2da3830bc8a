// createApp(): the Express application without listen(), so tests drive it with supertest.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler, type Response, type Router } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { config } from './config.js';
import { errorHandler, notFoundHandler } from './lib/error-handler.js';
import { bodyFor, requestContext } from './lib/http-middleware.js';
import { bodyKindOf, type RouteDef } from './lib/route.js';
import { handlerWithReads, markWrites } from './lib/replica-reads.js';
import { authorize, type Access } from './modules/auth/index.js';
import { projectRoot } from './paths.js';
import { allRoutes } from './routes.js';

const clientDist = path.join(projectRoot, 'client', 'dist');

/** The security headers' policy (helmet), the same for every answer. */
export const helmetOptions: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
};

export function createApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  // No ETag on API answers: they are per user and change with every action, no client revalidates them, and the
  // tag is a SHA-1 of every body. Static files keep theirs (express.static sets its own).
  app.set('etag', false);
  app.use(requestContext);
  app.use(securityHeaders());
  app.use(mountRoutes(express.Router(), allRoutes));
  app.use('/api', notFoundHandler);
  serveClient(app);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

function mountRoutes(router: Router, routes: RouteDef<Access>[]): Router {
  for (const route of routes) {
    // The session lookup (authorize) reads the primary: only the handler's reads may go to a replica.
    const handler = handlerWithReads(route);
    router[route.method](
      route.path,
      authorize(route.access),
      ...markWrites(route),
      ...bodyFor(bodyKindOf(route), route.jsonLimit ?? config.upload.jsonLimit),
      ...(route.before ?? []),
      async (req, res) => {
        await handler(req, res);
      },
    );
  }
  return router;
}

/**
 * helmet's security headers, worked out once at start: with our static policy they do not depend on the request,
 * and running helmet's dozen middlewares on every request was 9 % of a scan lookup's CPU (docs/performance.md).
 * helmet stays the source of the values; test/security/headers.test.ts compares the answers with helmet's own.
 */
function securityHeaders(): RequestHandler {
  const headers = new Map<string, string | number | readonly string[]>();
  const recorder = {
    setHeader: (name: string, value: string) => headers.set(name, value),
    removeHeader: () => undefined,
  };
  helmet(helmetOptions)(undefined as never, recorder as unknown as Response, () => undefined);
  return (_req, res, next) => {
    res.setHeaders(headers);
    next();
  };
}

/** The built client (client/dist) and its history-API fallback; absent in tests that never built it. */
function serveClient(app: Express): void {
  if (!fs.existsSync(path.join(clientDist, 'index.html'))) return;
  app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(clientDist, 'index.html')));
}
