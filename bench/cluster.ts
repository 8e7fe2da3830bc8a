// The figures of docs/scaling.md: one instance behind nginx against three, on the cluster that
// `scripts/cluster/run.sh --measure` started (CLUSTER_URL: nginx over the three; CLUSTER_SOLO_URL: the same nginx
// over instance 1 alone). Seeds a few thousand devices through the API, then for each topology: a read-heavy mix
// (device page, device list, scan lookup) and a write mix (triage of distinct devices and new intakes at once),
// after a short warm-up, in rounds that alternate the topologies. Prints a Markdown table: the median and range of
// the rounds, and each instance's share of the CPU the instances used.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuMs } from './processes.js';
import { runLoad, type LoadResult, type RequestPlan } from './load.js';
import { call, createDonation } from '../test/reliability/server-process.js';
import { manifestCsv, uploadManifest } from '../test/reliability/workloads.js';

const DEVICES = Number(process.env.CLUSTER_BENCH_DEVICES ?? 12000);
const SECONDS = Number(process.env.CLUSTER_BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.CLUSTER_BENCH_ROUNDS ?? 3);
const WARM_UP = 3;
const READ_CONNECTIONS = 16;
const TRIAGE_CONNECTIONS = 8;
const INTAKE_CONNECTIONS = 4;

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run scripts/cluster/run.sh --measure`);
  return value;
};
const three = env('CLUSTER_URL');
const solo = env('CLUSTER_SOLO_URL');
const dir = env('CLUSTER_DIR');
const ports = env('CLUSTER_INSTANCES').split(',').map(Number);
const pids = () => ports.map((p) => Number(fs.readFileSync(path.join(dir, `instance-${p}.pid`), 'utf8')));

let rand = 42;
const next = () => {
  rand = (rand * 1103515245 + 12345) % 2 ** 31;
  return rand / 2 ** 31;
};

async function signIn(): Promise<string> {
  const res = await call<{ token: string }>(three, null, 'POST', '/api/auth/login', {
    email: 'admin@cluster.test',
    password: 'cluster-admin-password',
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

async function seed(token: string): Promise<{ donation: number; ids: number[] }> {
  const donation = await createDonation(three, token);
  for (let done = 0; done < DEVICES; done += 1000) {
    const status = await uploadManifest(three, token, donation.id, manifestCsv(1000, `SCALE${done / 1000}X`)).answered;
    if (status !== 201) throw new Error(`manifest upload answered ${status}`);
  }
  // The device list reads the replica unless the client just wrote: the cookie a write answers with (a browser sends
  // it back by itself) keeps these pages on the primary, so no page is read while the replica is still catching up.
  const ids = new Set<number>();
  for (let page = 1; ids.size < DEVICES; page += 1) {
    const res = await fetch(`${three}/api/devices?page=${page}&pageSize=100`, {
      headers: { Authorization: `Bearer ${token}`, Cookie: 'nimah_wrote=1' },
    });
    const body = (await res.json()) as { items?: { id: number }[] };
    if (!body.items?.length) break;
    for (const d of body.items) ids.add(d.id);
  }
  return { donation: donation.id, ids: [...ids] };
}

function readPlan(headers: Record<string, string>, ids: number[]): RequestPlan {
  let i = 0;
  return {
    method: 'GET',
    headers,
    next: () => {
      i += 1;
      const id = ids[Math.floor(next() * ids.length)];
      if (i % 3 === 0) return { path: `/api/devices?page=${1 + Math.floor(next() * 20)}` };
      if (i % 3 === 1) return { path: `/api/scan/NM${String(id).padStart(6, '0')}` };
      return { path: `/api/devices/${id}` };
    },
  };
}

function triagePlan(headers: Record<string, string>, pool: number[]): RequestPlan {
  return {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    next: () => {
      const id = pool.shift() ?? 0;
      const body = { action: 'triage', version: 0, needsRepair: false, disposition: 'reuse', findings: 'bench' };
      return { path: `/api/devices/${id}/actions`, body: JSON.stringify(body) };
    },
  };
}

let serial = 0;
function intakePlan(headers: Record<string, string>, donation: number): RequestPlan {
  return {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    next: () => {
      serial += 1;
      const body = { type: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad T480', serialNumber: `NEW${serial}` };
      return { path: `/api/donations/${donation}/devices`, body: JSON.stringify(body) };
    },
  };
}

interface Sample {
  topology: string;
  mix: string;
  result: LoadResult;
  /** CPU time each instance used during the run, in ms. */
  cpu: number[];
}

async function sample(
  topology: string,
  mix: string,
  run: (seconds: number) => Promise<LoadResult>,
  samples: Sample[],
): Promise<void> {
  const before = pids().map(cpuMs);
  const result = await run(SECONDS);
  samples.push({ topology, mix, result, cpu: pids().map((pid, i) => cpuMs(pid) - before[i]) });
}

const sumResults = (a: LoadResult, b: LoadResult): LoadResult => ({
  ...a,
  rps: a.rps + b.rps,
  p50: Math.max(a.p50, b.p50),
  p99: Math.max(a.p99, b.p99),
  requests: a.requests + b.requests,
  ok: a.ok + b.ok,
  non2xx: a.non2xx + b.non2xx,
  errors: a.errors + b.errors,
  statusCodes: Object.fromEntries(
    [...new Set([...Object.keys(a.statusCodes), ...Object.keys(b.statusCodes)])].map((k) => [
      k,
      (a.statusCodes[k] ?? 0) + (b.statusCodes[k] ?? 0),
    ]),
  ),
});

/** Non-2xx answers of the runs, by status: `0` or `404×200`. */
function nonSuccess(runs: Sample[]): string {
  const codes: Record<string, number> = {};
  for (const r of runs)
    for (const [code, n] of Object.entries(r.result.statusCodes))
      if (!code.startsWith('2')) codes[code] = (codes[code] ?? 0) + n;
  const text = Object.entries(codes).map(([code, n]) => `${code}×${n}`);
  return text.length ? text.join(', ') : '0';
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const token = await signIn();
  const headers = { authorization: `Bearer ${token}` };
  const began = Date.now();
  const { donation, ids } = await seed(token);
  console.log(`seeded ${ids.length} devices through nginx in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  // Each device is triaged once: warm-ups and runs of both topologies take from one pool.
  const pool = [...ids];
  const topologies = [
    ['1 instance', solo],
    ['3 instances', three],
  ] as const;
  const mixes = [
    ['read', (base: string, s: number) => runLoad(base, readPlan(headers, ids), READ_CONNECTIONS, s)],
    [
      'write',
      async (base: string, s: number) => {
        const [triage, intake] = await Promise.all([
          runLoad(base, triagePlan(headers, pool), TRIAGE_CONNECTIONS, s),
          runLoad(base, intakePlan(headers, donation), INTAKE_CONNECTIONS, s),
        ]);
        return sumResults(triage, intake);
      },
    ],
  ] as const;
  for (const [, base] of topologies) for (const [, run] of mixes) await run(base, WARM_UP);
  // Rounds alternate which topology goes first, so that whatever else the machine does falls on both.
  const samples: Sample[] = [];
  for (let round = 0; round < ROUNDS; round += 1)
    for (const [topology, base] of round % 2 ? [...topologies].reverse() : topologies)
      for (const [mix, run] of mixes) await sample(topology, mix, (s) => run(base, s), samples);

  console.log(
    `\n${ids.length} devices; ${ROUNDS} rounds of ${SECONDS} s per topology and mix after ${WARM_UP} s of warm-up; read: ${READ_CONNECTIONS} connections; write: ${TRIAGE_CONNECTIONS} triage + ${INTAKE_CONNECTIONS} intake connections; load average at the end ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores\n`,
  );
  console.log(
    '| topology | mix | requests/s (2xx), median (range) | p50 ms | p99 ms | non-2xx | errors | CPU share per instance |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [topology] of topologies)
    for (const [mix] of mixes) {
      const runs = samples.filter((x) => x.topology === topology && x.mix === mix);
      const rps = runs.map((x) => x.result.rps);
      const cpu = ports.map((_, i) => runs.reduce((n, x) => n + x.cpu[i], 0));
      const total = cpu.reduce((a, b) => a + b, 0) || 1;
      console.log(
        `| ${topology} | ${mix} | ${median(rps).toFixed(0)} (${Math.min(...rps).toFixed(0)}–${Math.max(...rps).toFixed(0)}) | ${median(runs.map((x) => x.result.p50))} | ${median(runs.map((x) => x.result.p99))} | ${nonSuccess(runs)} | ${runs.reduce((n, x) => n + x.result.errors, 0)} | ${cpu.map((c) => `${Math.round((100 * c) / total)}%`).join(' / ')} |`,
      );
    }
  if (pool.length === 0) console.log('\nthe triage pool ran out (404s above): raise CLUSTER_BENCH_DEVICES');
}

await main();
