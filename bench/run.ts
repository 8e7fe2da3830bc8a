// npm run bench: seed → start the server under test and the baseline as child processes → load each scenario
// from this process with autocannon → print the table. See docs/performance.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mysql, { type RowDataPacket } from 'mysql2/promise';
import { BENCH_ADMIN, serverEnv } from './env.js';
import { combine, runLoad, settle, warmUp, type LoadResult } from './load.js';
import { ladder, parseOptions, type BenchOptions } from './options.js';
import {
  assertPortFree,
  buildServer,
  heapOf,
  launch,
  MEMORY_PROBE,
  rssMb,
  RssSampler,
  runCollect,
  runToEnd,
  SERVER_ENTRY,
  waitHealthy,
  type Child,
} from './processes.js';
import { growthChart } from './chart.js';
import { checks, render, renderGrowth, type ScenarioResult, type VolumeResult } from './report.js';
import type { AuditJobDto } from '../server/shared/index.js';
import {
  actionScenario,
  intakeScenario,
  manifest,
  readScenarios,
  type Dataset,
  type Scenario,
  type Side,
} from './scenarios.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (m: string) => process.stdout.write(`[bench] ${m}\n`);
const IMPORT_ROWS = 10_000;

async function seed(o: BenchOptions, devices: number): Promise<VolumeResult['seed']> {
  log(`seeding ${devices.toLocaleString('en')} devices into ${o.url}`);
  const out = await runToEnd(
    ['--import', 'tsx', 'bench/seed.ts', '--devices', String(devices), '--url', o.url, ...(o.force ? ['--force'] : [])],
    { ...process.env, ...serverEnv(o.url, 0) },
    true,
  );
  const line = out.split('\n').find((l) => l.startsWith('SEED_RESULT '));
  if (!line) throw new Error('the seeder printed no SEED_RESULT line');
  return JSON.parse(line.slice('SEED_RESULT '.length)) as VolumeResult['seed'];
}

async function dataset(db: mysql.Connection): Promise<Dataset> {
  const [[max]] = await db.query<RowDataPacket[]>("SELECT MAX(id) AS id FROM devices WHERE asset_tag NOT LIKE 'BL%'");
  const [open] = await db.query<RowDataPacket[]>(
    "SELECT id FROM donations WHERE status = 'received' ORDER BY id DESC LIMIT 64",
  );
  return { maxDeviceId: Number(max.id), openDonations: open.map((r) => Number(r.id)) };
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

interface Target {
  url: string;
  pid: number;
}

/**
 * Nimah and the baseline take turns (`rounds` runs of duration/rounds seconds each), so a change in the machine's
 * load during the scenario affects both sides alike; the process settles (in-flight requests finish) after each run.
 */
async function measure(
  o: BenchOptions,
  s: Scenario,
  nimah: Target,
  baseline: Target | undefined,
  auth: Record<string, string>,
  warm: boolean,
): Promise<ScenarioResult> {
  const warmSeconds = warm ? Math.min(2, Math.max(1, Math.round(o.duration / 5))) : 0;
  const seconds = Math.max(1, Math.round(o.duration / o.rounds));
  const loadBefore = os.loadavg()[0];
  log(`${s.label} (${o.rounds} × ${seconds} s each side, ${s.connections ?? o.connections} connections)`);
  const runs: { nimah: LoadResult[]; baseline: LoadResult[] } = { nimah: [], baseline: [] };
  const sides: [Side, Target | undefined, Record<string, string>][] = [
    ['nimah', nimah, auth],
    ['baseline', baseline, {}],
  ];
  for (const [side, target, headers] of sides) {
    if (!target) continue;
    await warmUp(target.url, s.plan(headers, side), s.connections ?? o.connections, warmSeconds);
    await settle(target.pid);
  }
  for (let round = 0; round < o.rounds; round += 1) {
    for (const [side, target, headers] of sides) {
      if (!target) continue;
      runs[side].push(
        await runLoad(target.url, s.plan(headers, side), s.connections ?? o.connections, seconds, target.pid),
      );
      await settle(target.pid);
    }
  }
  const n = combine(runs.nimah);
  if (n.non2xx || n.errors)
    log(`  ${s.name}: ${n.non2xx} non-2xx, ${n.errors} errors ${JSON.stringify(n.statusCodes)}`);
  return {
    name: s.name,
    label: s.label,
    nimah: n,
    baseline: runs.baseline.length ? combine(runs.baseline) : undefined,
    load: [loadBefore, os.loadavg()[0]],
  };
}

async function timeImport(nimah: string, token: string, donationId: number): Promise<{ ms: number; status: number }> {
  const form = new FormData();
  form.append('file', new Blob([manifest(IMPORT_ROWS)], { type: 'text/csv' }), 'manifest.csv');
  const t = performance.now();
  const res = await fetch(`${nimah}/api/donations/${donationId}/devices/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  await res.arrayBuffer();
  return { ms: performance.now() - t, status: res.status };
}

/** Someone else's benchmark (2,000 certificates ≤ 20 s): run it when it exists and keep its last lines. */
async function certificatesLine(o: BenchOptions): Promise<string | undefined> {
  if (!fs.existsSync(path.join(root, 'bench', 'certificates.bench.ts'))) return undefined;
  log('bench/certificates.bench.ts');
  const { out, code } = await runCollect(
    ['--import', 'tsx', 'bench/certificates.bench.ts'],
    { ...process.env, ...serverEnv(o.url, 0) },
    true,
  );
  const lines = out.trim().split('\n').filter(Boolean);
  const key = lines.filter((l) => /elapsed|peak RSS|targets/i.test(l));
  return `${(key.length ? key : lines.slice(-2)).join(' / ')}${code === 0 ? '' : ` (exit ${code})`}`;
}

/** The dashboard as its first viewer after a start sees it (cold connections and statement caches). */
async function coldDashboard(nimah: string, auth: Record<string, string>): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${nimah}/api/reports/dashboard`, { headers: auth });
  await res.arrayBuffer();
  return performance.now() - t;
}

/**
 * The last page of the ready devices, as a person paging to the end sees it: the list pages by OFFSET, so the
 * database walks every index entry before the page. Median of three requests, after the list scenario warmed it.
 */
async function deepPage(
  nimah: string,
  auth: Record<string, string>,
): Promise<{ deepPageMs: number; deepPage: number }> {
  const first = await fetch(`${nimah}/api/devices?status=ready&page=1`, { headers: auth });
  const { total, pageSize } = (await first.json()) as { total: number; pageSize: number };
  const page = Math.max(1, Math.ceil(total / pageSize));
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const t = performance.now();
    const res = await fetch(`${nimah}/api/devices?status=ready&page=${page}`, { headers: auth });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`last page: HTTP ${res.status}`);
    times.push(performance.now() - t);
  }
  return { deepPageMs: times.sort((a, b) => a - b)[1], deepPage: page };
}

/** POST /api/audit/verify/full, then its progress until it ends: the whole history re-verified in the background. */
async function fullAudit(
  nimah: string,
  auth: Record<string, string>,
): Promise<{ auditVerifyMs: number; auditOk: boolean; auditEvents: number }> {
  log('full audit verification (background job)');
  const t = performance.now();
  const start = await fetch(`${nimah}/api/audit/verify/full`, { method: 'POST', headers: auth });
  if (start.status !== 202) throw new Error(`full audit: HTTP ${start.status} ${await start.text()}`);
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const res = await fetch(`${nimah}/api/audit/verify/full`, { headers: auth });
    const { job } = (await res.json()) as { job: AuditJobDto | null };
    if (job?.state === 'failed') throw new Error(`full audit failed: ${job.error}`);
    if (job?.state === 'done')
      return { auditVerifyMs: performance.now() - t, auditOk: job.ok === true, auditEvents: job.eventsChecked };
  }
}

async function benchVolume(o: BenchOptions, devices: number): Promise<VolumeResult> {
  const seeded = o.seed ? await seed(o, devices) : undefined;
  const selected = (name: string) => !o.only.length || o.only.includes(name);
  const nimahUrl = `http://127.0.0.1:${o.port}`;
  const baseUrl = `http://127.0.0.1:${o.baselinePort}`;
  await assertPortFree(o.port);
  await assertPortFree(o.baselinePort);
  const children: Child[] = [];
  const db = await mysql.createConnection({ uri: o.url.replace(/^mariadb:/, 'mysql:'), timezone: 'Z' });
  try {
    const baseline = launch(['--import', 'tsx', 'bench/baseline-server.ts'], serverEnv(o.url, o.baselinePort));
    children.push(baseline);
    await waitHealthy(baseline, baseUrl, performance.now());
    const heapFile = path.join(os.tmpdir(), `nimah-bench-heap-${process.pid}.json`);
    fs.rmSync(heapFile, { force: true });
    const t0 = performance.now();
    const server = launch(
      [`--import=${pathToFileURL(path.join(root, MEMORY_PROBE)).href}`, path.join(root, SERVER_ENTRY)],
      {
        ...serverEnv(o.url, o.port),
        BENCH_HEAP_FILE: heapFile,
      },
    );
    children.push(server);
    const startupMs = await waitHealthy(server, nimahUrl, t0);
    log(`server healthy after ${Math.round(startupMs)} ms`);
    const pid = server.child.pid ?? 0;
    const nimah = { url: nimahUrl, pid };
    const base = { url: baseUrl, pid: baseline.child.pid ?? 0 };
    const idleRssMb = rssMb(pid);
    const idleHeapMb = heapOf(heapFile)?.heapUsedMb;
    const sampler = new RssSampler(pid).start();
    const token = await login(nimahUrl);
    const auth = { authorization: `Bearer ${token}` };
    const data = await dataset(db);
    const result: VolumeResult = {
      devices,
      seed: seeded,
      startupMs,
      idleRssMb,
      idleHeapMb,
      peakRssMb: 0,
      scenarios: [],
      connections: o.connections,
      duration: o.duration,
      rounds: o.rounds,
      cores: os.cpus().length,
    };
    if (selected('dashboard')) result.dashboardColdMs = await coldDashboard(nimahUrl, auth);
    // The full re-verification (an admin's background job) first: it leaves the checkpoint that the routine check
    // after the write scenarios starts from.
    if (selected('audit')) Object.assign(result, await fullAudit(nimahUrl, auth));

    const rssOf: Record<string, number> = { start: sampler.mark() };
    const record = (r: ScenarioResult) => {
      result.scenarios.push(r);
      rssOf[r.name] = sampler.mark();
    };
    for (const s of readScenarios(data).filter((x) => selected(x.name)))
      record(await measure(o, s, nimah, base, auth, true));
    if (selected('deep_page')) Object.assign(result, await deepPage(nimahUrl, auth));
    if (selected('intake')) {
      record(await measure(o, intakeScenario(data), nimah, base, auth, false));
      await db.query("DELETE FROM devices WHERE asset_tag LIKE 'BL%'");
    }
    if (selected('import')) {
      log(`CSV import of ${IMPORT_ROWS} rows`);
      const imp = await timeImport(nimahUrl, token, data.openDonations[0]);
      Object.assign(result, { importMs: imp.ms, importRows: IMPORT_ROWS, importStatus: imp.status });
      rssOf.import = sampler.mark();
    }
    if (selected('action')) {
      const [pool] = await db.query<RowDataPacket[]>(
        "SELECT id, version FROM devices WHERE status = 'intake' AND asset_tag NOT LIKE 'BL%' ORDER BY id",
      );
      log(`${pool.length} devices in intake for the lifecycle run`);
      const action = actionScenario(pool.map((r) => ({ id: Number(r.id), version: Number(r.version) })));
      record(await measure(o, action, nimah, base, auth, false));
      await db.query('DELETE FROM device_events WHERE seq >= 1000000');
      if (action.used() > pool.length)
        log(
          `  WARNING: ${action.used()} requests for ${pool.length} devices: later requests hit devices already triaged`,
        );
    }
    result.peakRssMb = sampler.stop();
    result.peakHeapMb = heapOf(heapFile)?.peakUsedMb;
    result.rssByScenario = Object.fromEntries(Object.entries(rssOf).map(([k, v]) => [k, Math.round(v)]));
    if (selected('audit')) {
      // The routine check: only the events written since the full job's checkpoint (the intake and action runs').
      const t = performance.now();
      const res = await fetch(`${nimahUrl}/api/audit/verify`, { headers: auth });
      const body = (await res.json()) as { ok?: boolean; eventsChecked?: number; mode?: string };
      Object.assign(result, {
        auditIncrementalMs: performance.now() - t,
        auditIncrementalEvents: body.eventsChecked ?? 0,
        auditOk: result.auditOk !== false && res.status === 200 && body.ok === true && body.mode !== 'full',
      });
    }
    for (const c of children.splice(0)) await c.stop();
    result.certificates = await certificatesLine(o);
    return result;
  } finally {
    for (const c of children) await c.stop();
    await db.end();
  }
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  if (o.ladder) o.devices = ladder(o.devices);
  const started = performance.now();
  log('compiling the server under test (npm run build:server)');
  buildServer();
  const results: VolumeResult[] = [];
  for (const devices of o.devices) {
    const r = await benchVolume(o, devices);
    results.push(r);
    process.stdout.write(`\n${render(r)}\n\n`);
  }
  const growth = renderGrowth(results);
  if (growth) process.stdout.write(`${growth}\n\n`);
  if (o.chart && results.length > 1) {
    fs.writeFileSync(path.resolve(root, o.chart), growthChart(results));
    log(`growth chart written to ${o.chart}`);
  }
  if (o.json) fs.writeFileSync(o.json, JSON.stringify(results, null, 2));
  const missed = results.flatMap((r) =>
    checks(r)
      .filter((c) => !c.met)
      .map((c) => `${r.devices}: ${c.what}`),
  );
  log(
    `finished in ${Math.round((performance.now() - started) / 1000)} s; ${missed.length ? `NOT met: ${missed.join('; ')}` : 'every target met'}`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
