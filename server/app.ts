// createApp(): the Express application without listen(), so tests drive it with supertest.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { config } from './config.js';
import { errorHandler, notFoundHandler } from './lib/error-handler.js';
import { bodyFor, requestContext } from './lib/http-middleware.js';
import { bodyKindOf, type RouteDef } from './lib/route.js';
import { authorize, type Access } from './modules/auth/index.js';
import { projectRoot } from './paths.js';
import { allRoutes } from './routes.js';

const clientDist = path.join(projectRoot, 'client', 'dist');

export function createApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  // No ETag on API answers: they are per user and change with every action, no client revalidates them, and the
  // tag is a SHA-1 of every body. Static files keep theirs (express.static sets its own).
  app.set('etag', false);
  app.use(requestContext);
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"], connectSrc: ["'self'"], fontSrc: ["'self'"], objectSrc: ["'none'"], frameAncestors: ["'none'"],
      },
    },
  }));
  app.use(mountRoutes(express.Router(), allRoutes));
  app.use('/api', notFoundHandler);
  serveClient(app);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

function mountRoutes(router: Router, routes: RouteDef<Access>[]): Router {
  for (const route of routes) {
    router[route.method](
      route.path,
      authorize(route.access),
      ...bodyFor(bodyKindOf(route), route.jsonLimit ?? config.upload.jsonLimit),
      ...(route.before ?? []),
      async (req, res) => { await route.handler(req, res); },
    );
  }
  return router;
}

/** The built client (client/dist) and its history-API fallback; absent in tests that never built it. */
function serveClient(app: Express): void {
  if (!fs.existsSync(path.join(clientDist, 'index.html'))) return;
  app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(clientDist, 'index.html')));
}
