// Turns a route into a list of malformed requests: who sends it, to which path (real ids or hostile segments),
// with which query string and body. All choices come from the seeded Rng, so a seed replays the same requests.
import { config } from '../../server/config.js';
import { bodyKindOf, type RouteDef } from '../../server/lib/route.js';
import type { Access } from '../../server/modules/auth/index.js';
import { jsonBody, oversizedJson, type Body, type BodyFacts } from './fuzz-bodies.js';
import { multipartBody, oversizedUpload } from './fuzz-multipart.js';
import { endsSession, realPath, routeKey, type RealIds } from './fuzz-probe.js';
import { JSON_VALUES, PATH_SEGMENTS, QUERY_KEYS, QUERY_VALUES, type Rng } from './fuzz-values.js';
import type { RawRequest } from './raw-http.js';

export type Who = 'admin' | 'anonymous' | 'cookie without X-Requested-With' | 'junk token' | 'junk cookie';
export interface Planned extends RawRequest {
  route: string;
  who: Who;
  note: string;
}

const JUNK_TOKENS = ["' OR 1=1 --", 'null', '<script>', 'A'.repeat(43), '..%2F..', 'Bearer'];
const REQUEST_IDS = ['../../etc/passwd', 'x'.repeat(200), "' OR 1=1 --", '<script>'];

/** The first two requests of every route go without the admin's token; the rest mostly with it, so handlers run. */
function whoFor(rng: Rng, route: RouteDef<Access>, index: number): Who {
  if (index === 0) return 'anonymous';
  // A bodiless write without a path parameter is valid from the admin whatever else is sent: only others send it.
  const validFromAdmin = bodilessWrite(route) && !route.path.includes(':');
  if (endsSession(route) || validFromAdmin || index === 1)
    return rng.pick(['anonymous', 'junk token', 'junk cookie'] as const);
  const r = rng.next();
  if (r < 0.82) return 'admin';
  if (r < 0.88) return 'anonymous';
  if (r < 0.92) return 'cookie without X-Requested-With';
  return r < 0.96 ? 'junk token' : 'junk cookie';
}

function authHeaders(rng: Rng, who: Who, token: string): Record<string, string> {
  switch (who) {
    case 'admin':
      return { Authorization: `Bearer ${token}` };
    case 'cookie without X-Requested-With':
      return { Cookie: `nimah_session=${token}` };
    case 'junk token':
      return { Authorization: `${rng.pick(['Bearer ', 'Basic ', 'bearer  ', ''])}${rng.pick(JUNK_TOKENS)}` };
    case 'junk cookie':
      return { Cookie: `nimah_session=${rng.pick(JUNK_TOKENS)}; nimah_session=%00` };
    default:
      return {};
  }
}

/**
 * A write that takes no body (DELETE /api/users/:id/lockout) has nothing to make malformed but its path: sent by the
 * admin to a real id it is a valid request, so such routes always get hostile path segments.
 */
const bodilessWrite = (route: RouteDef<Access>): boolean => route.method !== 'get' && bodyKindOf(route) === 'none';

function fuzzPath(rng: Rng, route: RouteDef<Access>, ids: RealIds): string {
  if (!route.path.includes(':') || (!bodilessWrite(route) && rng.chance(0.65))) return realPath(route.path, ids);
  return route.path.replace(/:\w+/g, () => rng.pick(PATH_SEGMENTS));
}

function fuzzQuery(rng: Rng): string {
  if (!rng.chance(0.3)) return '';
  const pairs = Array.from(
    { length: 1 + rng.int(4) },
    () => `${encodeURIComponent(rng.pick(QUERY_KEYS))}=${rng.pick(QUERY_VALUES)}`,
  );
  return `?${pairs.join('&')}`;
}

function bodyFor(rng: Rng, route: RouteDef<Access>, facts: BodyFacts): Body {
  const kind = bodyKindOf(route);
  if (kind === 'none') {
    return rng.chance(0.85)
      ? { headers: {}, note: 'query and path only' }
      : {
          headers: { 'Content-Type': 'application/json' },
          body: Buffer.from(`{"x":${rng.pick(JSON_VALUES)}}`),
          note: 'a body on a read',
        };
  }
  if (kind === 'multipart') return rng.chance(0.85) ? multipartBody(rng) : jsonBody(rng, facts);
  if (kind === 'json_or_multipart') return rng.chance(0.5) ? multipartBody(rng) : jsonBody(rng, facts);
  return rng.chance(0.9) ? jsonBody(rng, facts) : multipartBody(rng);
}

function request(rng: Rng, route: RouteDef<Access>, body: Body, who: Who, path: string, token: string): Planned {
  const headers = {
    ...body.headers,
    ...authHeaders(rng, who, token),
    ...(rng.chance(0.05) ? { 'X-Request-Id': rng.pick(REQUEST_IDS) } : {}),
  };
  return {
    route: routeKey(route),
    who,
    note: body.note,
    method: route.method.toUpperCase(),
    path,
    headers,
    body: body.body,
  };
}

/** `count` random requests for the route, plus one body over its size limit when it takes a body. */
export function planRoute(
  rng: Rng,
  route: RouteDef<Access>,
  facts: BodyFacts,
  ids: RealIds,
  token: string,
  count: number,
): Planned[] {
  const out: Planned[] = [];
  for (let i = 0; i < count; i += 1) {
    const who = whoFor(rng, route, i);
    out.push(
      request(rng, route, bodyFor(rng, route, facts), who, `${fuzzPath(rng, route, ids)}${fuzzQuery(rng)}`, token),
    );
  }
  const kind = bodyKindOf(route);
  const who: Who = endsSession(route) ? 'anonymous' : 'admin';
  if (kind === 'json' || kind === 'json_or_multipart')
    out.push(request(rng, route, oversizedJson(facts), who, realPath(route.path, ids), token));
  if (kind === 'multipart' || kind === 'json_or_multipart')
    out.push(request(rng, route, oversizedUpload(config.upload.maxBytes), who, realPath(route.path, ids), token));
  return out;
}
