// Learns, per route, which body fields make its validation fail, without any table of routes: it reads the
// field names the API itself returns (GET responses) and names in error details, then sends them all set to
// SENTINEL. The fields the 400 names are the route's "poison": set to SENTINEL, any body is refused.
import { config } from '../../server/config.js';
import { bodyKindOf, type RouteDef } from '../../server/lib/route.js';
import type { Access } from '../../server/modules/auth/index.js';
import type { BodyFacts } from './fuzz-bodies.js';
import { SENTINEL } from './fuzz-values.js';
import { send } from './raw-http.js';

/** Routes that end the caller's session: fuzzed without the admin's token, or the run would sign itself out. */
export const endsSession = (route: RouteDef<Access>): boolean =>
  route.method === 'post' && /\/logout$/.test(route.path);

export const routeKey = (r: RouteDef<Access>): string => `${r.method.toUpperCase()} ${r.path}`;

/** Real values for path parameters, by the collection named before the parameter (e.g. /api/devices/:id). */
export type RealIds = Record<string, string>;

export function realPath(path: string, ids: RealIds): string {
  return path.replace(
    /\/([^/]+)\/:(\w+)/g,
    (_m, collection: string, param: string) => `/${collection}/${ids[param === 'id' ? collection : param] ?? '1'}`,
  );
}

function limitBytes(limit: string): number {
  const m = /^(\d+)(b|kb|mb)$/i.exec(limit);
  if (!m) return 1024 * 1024;
  return Number(m[1]) * ({ b: 1, kb: 1024, mb: 1024 * 1024 } as Record<string, number>)[m[2].toLowerCase()];
}

function collectKeys(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 4 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 5)) collectKeys(v, into, depth + 1);
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    into.add(k);
    collectKeys(v, into, depth + 1);
  }
}

const jsonHeaders = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

async function probe(
  port: number,
  token: string,
  method: string,
  path: string,
  body: string,
): Promise<{ status: number; fields: string[] }> {
  const res = await send(port, {
    method: method.toUpperCase(),
    path,
    headers: jsonHeaders(token),
    body: Buffer.from(body),
  });
  let fields: string[] = [];
  try {
    const details = (JSON.parse(res.text) as { error?: { details?: { path?: string }[] } }).error?.details;
    if (Array.isArray(details)) fields = details.map((d) => String(d.path ?? '').split('.')[0]).filter(Boolean);
  } catch {
    // a non-JSON answer names no fields
  }
  return { status: res.status, fields };
}

export async function discover(
  port: number,
  token: string,
  routes: RouteDef<Access>[],
  ids: RealIds,
): Promise<Map<string, BodyFacts>> {
  const candidates = new Set<string>(['name', 'email', 'password', 'status', 'type', 'notes', 'action', 'version']);
  for (const r of routes.filter((x) => x.method === 'get')) {
    const res = await send(port, {
      method: 'GET',
      path: realPath(r.path, ids),
      headers: { Authorization: `Bearer ${token}` },
    });
    try {
      collectKeys(JSON.parse(res.text), candidates);
    } catch {
      /* CSV and other non-JSON answers */
    }
  }
  const facts = new Map<string, BodyFacts>();
  for (const r of routes) {
    const kind = bodyKindOf(r);
    const f: BodyFacts = {
      poison: [],
      known: [],
      emptyRejected: false,
      limitBytes: limitBytes(r.jsonLimit ?? config.upload.jsonLimit),
    };
    facts.set(routeKey(r), f);
    if (kind === 'none' || kind === 'multipart' || endsSession(r)) continue;
    const path = realPath(r.path, ids);
    const empty = await probe(port, token, r.method, path, '{}');
    f.emptyRejected = empty.status >= 400 && empty.status < 500;
    for (const k of empty.fields) candidates.add(k);
    const all = await probe(
      port,
      token,
      r.method,
      path,
      `{${[...candidates].map((k) => `${JSON.stringify(k)}:${SENTINEL}`).join(',')}}`,
    );
    if (all.status === 400) f.poison = [...new Set(all.fields.filter((k) => candidates.has(k)))];
    f.known = [...new Set([...empty.fields, ...f.poison])];
  }
  return facts;
}
