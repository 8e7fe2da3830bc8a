import { randomUUID } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response } from 'express';
import rateLimit from 'express-rate-limit';
import { RateLimitedError, UnsupportedTypeError } from './errors.js';
import { logger } from './logger.js';
import { DatabaseRateLimitStore } from './rate-limit-store.js';
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
 * Limits requests per address over every instance: the hits are counted in the database (rate-limit-store.ts), one
 * count per `name`, so each limiter needs its own name (routes that should share one count share one limiter).
 * The count lives in the table, not in the limiter, so one limiter per call serves every app of the process.
 */
export function publicRateLimit(name: string, limit: number, windowMs = 15 * 60_000): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: new DatabaseRateLimitStore(`${name}:`),
    handler: (_req, _res, next) =>
      next(new RateLimitedError('Too many requests from this address; try again later', Math.ceil(windowMs / 1000))),
  });
}
