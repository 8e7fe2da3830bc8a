// The cluster that scripts/cluster/run.sh started (nginx in front of three instances, a MariaDB primary and replica),
// as the cluster suites see it: its addresses from the environment, a JSON client that notes which instance
// answered (nginx's X-Upstream header), the instances' pids, and waits for an instance to be back.
import fs from 'node:fs';
import path from 'node:path';
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../server/db/sequelize.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the cluster suites with scripts/cluster/run.sh`);
  return value;
}

export const cluster = {
  /** nginx in front of every instance. */
  url: required('CLUSTER_URL'),
  /** The instances' ports (each also answers directly on 127.0.0.1:<port>). */
  ports: required('CLUSTER_INSTANCES').split(',').map(Number),
  dir: required('CLUSTER_DIR'),
  /** Empty when the run has no replica. */
  replicaUrl: process.env.CLUSTER_REPLICA_URL ?? '',
};

/** The current pid of the instance on `port` (its supervisor writes it; it changes when the instance restarts). */
export function instancePid(port: number): number {
  return Number(fs.readFileSync(path.join(cluster.dir, `instance-${port}.pid`), 'utf8').trim());
}

export interface ClusterResponse<T = unknown> {
  status: number;
  body: T;
  /** The instance(s) nginx passed the request to, `127.0.0.1:3911` (several, comma-separated, after a retry). */
  upstream: string;
}

/** JSON in, JSON out, through nginx (or `base`), with a bearer token. */
export async function send<T = unknown>(
  token: string | null,
  method: string,
  url: string,
  body?: unknown,
  base = cluster.url,
): Promise<ClusterResponse<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T,
    upstream: res.headers.get('x-upstream') ?? '',
  };
}

/** The distinct instances (ports) that answered these responses: the last upstream of each (the one that answered). */
export function instancesThatServed(responses: { upstream: string }[]): number[] {
  const ports = responses
    .map((r) => r.upstream.split(',').pop()?.trim() ?? '')
    .filter(Boolean)
    .map((a) => Number(a.split(':').pop()));
  return [...new Set(ports)].sort();
}

export const tally = (statuses: number[]): Record<number, number> =>
  statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

/** Asks `probe` every 100 ms until it returns a value; fails naming `what` after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves once the instance on `port` answers /api/health directly (after a restart by its supervisor). */
export async function instanceHealthy(port: number): Promise<void> {
  await until(`instance ${port} to answer /api/health`, async () =>
    (await fetch(`http://127.0.0.1:${port}/api/health`)).ok ? true : undefined,
  );
}

/** Plain SQL on the primary, from the suite's own connection. */
export const select = <T extends object>(sql: string, replacements?: Record<string, unknown>): Promise<T[]> =>
  getSequelize().query<T>(sql, { type: QueryTypes.SELECT, replacements });
