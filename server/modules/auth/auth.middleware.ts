import type { Request, RequestHandler } from 'express';
import { parse as parseCookies } from 'cookie';
import { ForbiddenError, UnauthenticatedError } from '../../lib/errors.js';
import { currentContext } from '../../lib/request-context.js';
import { actorForToken, SESSION_COOKIE } from './sessions.js';
import { mayAccess, type Access, type Actor } from './roles.js';

export function tokenOf(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1];
  }
  const cookies = req.headers.cookie ? parseCookies(req.headers.cookie) : {};
  return cookies[SESSION_COOKIE] || undefined;
}

/** Resolves the caller (if any) and enforces the route's declared access. */
export function authorize(access: Access): RequestHandler {
  return async (req, _res, next) => {
    const token = tokenOf(req);
    if (token) {
      req.sessionToken = token;
      req.actor = await actorForToken(token);
      const ctx = currentContext();
      if (ctx && req.actor) ctx.userId = req.actor.id;
    }
    if (access === 'public') return next();
    if (!req.actor) throw new UnauthenticatedError(token ? 'Your session has expired; sign in again' : 'Sign in first');
    if (!mayAccess(access, req.actor.role)) throw new ForbiddenError();
    next();
  };
}

export function actorOf(req: Request): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}
