import { randomUUID } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response } from 'express';
import rateLimit from 'express-rate-limit';
import { RateLimitedError, UnsupportedTypeError } from './errors.js';
import { logger } from './logger.js';
import { runWithContext, type RequestContext } from './request-context.js';
import type { BodyKind } from './route.js';

const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * The path the request log names: the matched route's pattern ("/receipts/:token", "/api/scan/:code"), never the
 * values in it, which can be secrets (a donor's receipt link) or personal data (a national ID typed into the scan
 * box). A request that no route took is logged with its long opaque or numeric segments masked.
 */
function loggedPath(req: Request): string {
  const pattern: unknown = req.route?.path;
  if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`;
  return req.path.replace(/[A-Za-z0-9_-]{20,}|\d{6,}/g, '[redacted]');
}

/** Gives every request an id (from x-request-id when sane) and writes one log line when it finishes. */
export const requestContext: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  req.requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.set('X-Request-Id', req.requestId);
  const ctx: RequestContext = { requestId: req.requestId };
  // Below the level (production logs at info) the line is not even prepared: no listener, nothing for winston,
  // whose stream machinery runs per call.
  if (logger.isLevelEnabled('http')) logWhenFinished(req, res, ctx);
  runWithContext(ctx, next);
};

function logWhenFinished(req: Request, res: Response, ctx: RequestContext): void {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // No query string: it can carry search terms typed by users.
    runWithContext(ctx, () =>
      logger.http('http.request', {
        method: req.method,
        path: loggedPath(req),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        userId: ctx.userId,
      }),
    );
  });
}

const hasBody = (req: Parameters<RequestHandler>[0]): boolean =>
  Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;

/** Refuses a body of the wrong media type with 415, then parses JSON bodies. */
export function bodyFor(kind: BodyKind, jsonLimit: string): RequestHandler[] {
  if (kind === 'none') return [];
  const expected = {
    json: ['application/json'],
    multipart: ['multipart/form-data'],
    json_or_multipart: ['application/json', 'multipart/form-data'],
  }[kind];
  const check: RequestHandler = (req, _res, next) => {
    if (hasBody(req) && !req.is(expected)) {
      throw new UnsupportedTypeError('UNSUPPORTED_MEDIA_TYPE', `Send the body as ${expected.join(' or ')}`, {
        expected,
        received: req.get('content-type') ?? null,
      });
    }
    next();
  };
  return kind === 'multipart' ? [check] : [check, express.json({ limit: jsonLimit, strict: true })];
}

/**
 * Limits requests per address, counted in memory by each application instance. Route lists are built once per
 * process and shared by every createApp(), so the limiter (and its store) is made per app on its first request;
 * a limiter made at module load would share one count between all apps of the process.
 */
export function publicRateLimit(limit: number, windowMs = 15 * 60_000): RequestHandler {
  const perApp = new WeakMap<object, RequestHandler>();
  const create = () =>
    rateLimit({
      windowMs,
      limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      // Made on an app's first request on purpose (see above), which this check would otherwise report.
      validate: { creationStack: false },
      handler: (_req, _res, next) =>
        next(new RateLimitedError('Too many requests from this address; try again later', Math.ceil(windowMs / 1000))),
    });
  return (req, res, next) => {
    let limiter = perApp.get(req.app);
    if (!limiter) {
      limiter = create();
      perApp.set(req.app, limiter);
    }
    return limiter(req, res, next);
  };
}
