import type { Request, RequestHandler } from 'express';
import { parse as parseCookies } from 'cookie';
import { ForbiddenError, UnauthenticatedError } from '../../lib/errors.js';
import { currentContext } from '../../lib/request-context.js';
import { actorForToken, SESSION_COOKIE } from './auth.sessions.js';
import { mayAccess, type Access, type Actor } from './auth.roles.js';

export function tokenOf(req: Request): { token?: string; fromCookie: boolean } {
  const header = req.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return { token: match?.[1], fromCookie: false };
  }
  const cookies = req.headers.cookie ? parseCookies(req.headers.cookie) : {};
  return { token: cookies[SESSION_COOKIE] || undefined, fromCookie: true };
}

export const CSRF_HEADER = 'x-requested-with';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must carry a custom header, which a cross-site form or image cannot send
 * (and a cross-site script cannot either, without a CORS grant we never give). SameSite=Strict is the
 * first wall; this is the second. Bearer-token requests are not exposed to CSRF.
 */
function assertNotCrossSite(req: Request, fromCookie: boolean): void {
  if (!fromCookie || SAFE_METHODS.has(req.method)) return;
  if (!req.get(CSRF_HEADER))
    throw new ForbiddenError(
      'Missing the X-Requested-With header required for cookie-authenticated changes',
      'CSRF_CHECK_FAILED',
    );
}

/** Resolves the caller (if any) and enforces the route's declared access. */
export function authorize(access: Access): RequestHandler {
  return async (req, _res, next) => {
    const { token, fromCookie } = tokenOf(req);
    if (token) {
      req.sessionToken = token;
      req.actor = await actorForToken(token);
      const ctx = currentContext();
      if (ctx && req.actor) ctx.userId = req.actor.id;
    }
    if (access === 'public') return next();
    if (!req.actor) throw new UnauthenticatedError(token ? 'Your session has expired; sign in again' : 'Sign in first');
    if (!mayAccess(access, req.actor.role)) throw new ForbiddenError();
    assertNotCrossSite(req, fromCookie);
    next();
  };
}

export function actorOf(req: Request): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}
