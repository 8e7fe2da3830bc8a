// A route is data: method, path, who may call it, what body it takes, and a handler.
// app.ts mounts every module's list; the access test walks the same list, so no route escapes it.
import type { Request, Response, RequestHandler } from 'express';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';
export type BodyKind = 'none' | 'json' | 'multipart' | 'json_or_multipart';

export interface RouteDef<A = unknown> {
  method: HttpMethod;
  path: string;
  access: A;
  /** What the request body must be; a body of another media type is refused with 415. Default: json for writes. */
  body?: BodyKind;
  /** Largest JSON body for this route, when it differs from JSON_BODY_LIMIT (e.g. a signature image). */
  jsonLimit?: string;
  /** Extra middleware run before the handler (rate limits, uploads). */
  before?: RequestHandler[];
  /**
   * 'replica': the handler's reads may go to a read replica (DATABASE_REPLICA_URLS; db/replicas.ts), up to
   * REPLICA_MAX_LAG_MS behind, except for a client that wrote in the last moments (lib/replica-reads.ts). Only for
   * GETs whose answer nobody needs to the last millisecond and that no write follows (reports, exports, lists, public
   * pages). Unset: the primary, always.
   */
  reads?: 'replica';
  /** Returns the response body, or a promise of it. */
  handler: (req: Request, res: Response) => unknown;
}

export function defineRoutes<A>(routes: RouteDef<A>[]): RouteDef<A>[] {
  return routes;
}

export function bodyKindOf(route: RouteDef<unknown>): BodyKind {
  return route.body ?? (route.method === 'get' || route.method === 'delete' ? 'none' : 'json');
}
