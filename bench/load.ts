// Load generation with autocannon (in the bench process, never in the server's): a fixed number of connections for
// a fixed time, each request built on the fly so tags, pages, ids and bodies vary.
import autocannon, { type RawRequest } from 'autocannon';
import { cpuMs } from './processes.js';

export interface RequestPlan {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  next: () => { path: string; body?: string };
}

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  rps: number;
  p50: number;
  /** From every 2xx response's latency over all rounds (autocannon reports no p95). */
  p95: number;
  p99: number;
  requests: number;
  /** Successful responses and the seconds they took (to combine rounds). */
  ok: number;
  seconds: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** Server CPU time per request (ms), when the server's pid is known. */
  cpuPerRequest?: number;
  /** Latency (ms) of each 2xx response of one run, until combine() turns them into p95. */
  latencies?: number[];
}

/** The q-quantile (0..1) of `values` by the nearest-rank method; 0 when there are none. */
export function quantile(values: number[], q: number): number {
  if (!values.length) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export async function runLoad(
  baseUrl: string,
  plan: RequestPlan,
  connections: number,
  duration: number,
  pid?: number,
): Promise<LoadResult> {
  const cpuBefore = pid ? cpuMs(pid) : 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration,
    timeout: 30,
    method: plan.method,
    headers: plan.headers,
    requests: [
      {
        setupRequest: (request: RawRequest): RawRequest => {
          const { path, body } = plan.next();
          return body === undefined ? { ...request, path } : { ...request, path, body };
        },
      },
    ],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
  );
  return {
    rps: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p95: quantile(latencies, 0.95),
    p99: result.latency.p99,
    requests: result.requests.total,
    ok: result['2xx'],
    seconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
    ...(pid && result.requests.total ? { cpuPerRequest: (cpuMs(pid) - cpuBefore) / result.requests.total } : {}),
    latencies,
  };
}

/**
 * Several rounds of one scenario as one result: throughput over all rounds, p50 as the request-weighted mean of the
 * rounds' p50, p99 as the worst round's p99 (conservative), p95 from the latencies of all rounds' 2xx responses.
 */
export function combine(runs: LoadResult[]): LoadResult {
  const sum = (f: (r: LoadResult) => number) => runs.reduce((n, r) => n + f(r), 0);
  const requests = sum((r) => r.requests);
  const statusCodes: Record<string, number> = {};
  for (const r of runs)
    for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const cpu =
    runs.every((r) => r.cpuPerRequest !== undefined) && requests
      ? sum((r) => (r.cpuPerRequest ?? 0) * r.requests) / requests
      : undefined;
  return {
    rps: sum((r) => r.ok) / sum((r) => r.seconds),
    p50: requests ? sum((r) => r.p50 * r.requests) / requests : 0,
    p95: quantile(
      runs.flatMap((r) => r.latencies ?? []),
      0.95,
    ),
    p99: Math.max(...runs.map((r) => r.p99)),
    requests,
    ok: sum((r) => r.ok),
    seconds: sum((r) => r.seconds),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    statusCodes,
    ...(cpu === undefined ? {} : { cpuPerRequest: cpu }),
  };
}

/** Waits until a process has (nearly) stopped using CPU: requests still in flight after a run are finished. */
export async function settle(pid: number, timeoutMs = 20_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const before = cpuMs(pid);
    await new Promise((r) => setTimeout(r, 250));
    if (cpuMs(pid) - before <= 20) return;
  }
}

/** A short run first, so JIT, pools and the buffer pool are warm for the measured one. */
export async function warmUp(baseUrl: string, plan: RequestPlan, connections: number, seconds: number): Promise<void> {
  if (seconds > 0) await runLoad(baseUrl, plan, connections, seconds);
}
