// The HTTP side of read replicas (db/replicas.ts): a route that says `reads: 'replica'` (lib/route.ts) runs its
// handler with replica reads allowed, except for a client that has just written. Every write request answers with a
// short-lived cookie, nimah_wrote, that lasts longer than a replica may be behind (REPLICA_MAX_LAG_MS and one
// heartbeat); while a client sends it back, its reads all go to the primary, so nobody reads a list or a report
// that is missing what they themselves just did, on whichever instance the load balancer sends them to. Without
// replicas neither runs. The cookie holds nothing but "1".
import type { Request, RequestHandler, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { config } from '../config.js';
import { HEARTBEAT_MS } from '../db/replicas.js';
import { readingReplicas, replicasConfigured } from '../db/replica-routing.js';
import type { RouteDef } from './route.js';

export const WROTE_COOKIE = 'nimah_wrote';

/** The route's handler, with its reads on a replica when the route allows it and the client has not just written. */
export function handlerWithReads(route: RouteDef<unknown>): (req: Request, res: Response) => Promise<unknown> {
  const run = async (req: Request, res: Response) => route.handler(req, res);
  if (route.reads !== 'replica' || !replicasConfigured()) return run;
  return (req, res) => (justWrote(req) ? run(req, res) : readingReplicas(() => run(req, res)));
}

function justWrote(req: Request): boolean {
  const header = req.headers.cookie;
  return header !== undefined && header.includes(WROTE_COOKIE) && parseCookies(header)[WROTE_COOKIE] === '1';
}

/** Marks the client as having written (before the handler: a write that fails half-way still pins, harmlessly). */
export function markWrites(route: RouteDef<unknown>): RequestHandler[] {
  if (route.method === 'get' || !replicasConfigured()) return [];
  // Whole seconds (Max-Age): the lag allowed, one heartbeat (the lag is measured that late at most) and a second.
  const maxAge = Math.ceil((config.db.replicaMaxLagMs + HEARTBEAT_MS) / 1000 + 1) * 1000;
  return [
    (_req, res, next) => {
      res.cookie(WROTE_COOKIE, '1', {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.publicUrl.startsWith('https:'),
        path: '/',
        maxAge,
      });
      next();
    },
  ];
}
