// Outbox drain benchmark (issue 17 point 6): 10,000 queued webhook messages drain to a local receiver without
// blocking requests.
//   npm run bench:outbox       (or: node --import tsx bench/outbox.bench.ts --count 10000 --rate 200)
//   npm run bench:outbox -- --worker process     (the worker as its own `npm run worker` process instead)
// Targets: every message delivered (all `sent`, none dead, the receiver verified each signature and saw every
// delivery id once), and the p99 of a steady read load while the queue drains at most twice its p99 with no drain.
//
// 1. Seeds a small MariaDB database (bench/seed.ts, 2,000 devices: it drops and re-creates the bench database and
//    refuses a name without "bench") and starts a webhook receiver process (test/helpers/webhook-receiver.ts).
// 2. Starts the compiled server with OUTBOX_WORKER=off, creates a webhook endpoint to the receiver through the API,
//    writes the messages as enqueue() writes them (multi-row INSERTs of 1,000), and stops the server.
// 3. Starts it again with OUTBOX_WORKER=on: the worker finds the queue at once. From the moment the server answers
//    /api/health, a steady open-loop read load (GET /api/scan/:tag at --rate requests/s) runs until every message is
//    settled; the outbox is counted every 150 ms.
// 4. The same load for the same time with no drain: on a freshly started server (the baseline the target compares
//    with: the drain also ran on a fresh process), and on the drained process once it is warm (printed beside it,
//    at most 30 s).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import mysql, { type RowDataPacket } from 'mysql2/promise';
import { spawnNode, startServer, type NodeProcess, type Server } from '../test/helpers/processes.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test/helpers/webhook-receiver.js';
import { BENCH_ADMIN, serverEnv } from './env.js';
import { assertDroppable, databaseOf } from './options.js';
import { buildServer, cpuMs, runToEnd } from './processes.js';
import { readScenarios } from './scenarios.js';

const arg = (name: string): string | undefined =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const URL_ = arg('--url') ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/nimah_bench_outbox';
const COUNT = Number(arg('--count')) || 10_000;
/** Allow dropping a database whose name does not contain "bench" (as `npm run bench -- --force`). */
const FORCE = process.argv.includes('--force');
/** Requests per second of the read load (open loop: sent on schedule whether or not earlier ones were answered). */
const RATE = Number(arg('--rate')) || 200;
/**
 * Where the worker runs: in the web server's process (`server`, what `npm start` does by default, the measured
 * configuration), or as its own `npm run worker` process beside a server started with OUTBOX_WORKER=off (`process`).
 */
const WORKER: 'server' | 'process' = arg('--worker') === 'process' ? 'process' : 'server';
const DEVICES = 2000;
const INSERT_CHUNK = 1000;
const POLL_MS = 150;
/** The warm idle run (no target, printed beside the baseline) is at most this long, so a slow drain does not triple the run. */
const WARM_SECONDS = 30;
const DRAIN_TIMEOUT_MS = Number(arg('--timeout')) * 1000 || 300_000;
const TOPIC = 'device.status_changed';
const log = (m: string) => process.stdout.write(`[bench:outbox] ${m}\n`);
const load1 = () => os.loadavg()[0];

// ---------------------------------------------------------------------------------------------------------------
// The read load: open loop at a fixed rate, every latency kept.

interface LoadFigures {
  seconds: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Statuses of the non-2xx answers, and names of the errors. */
  codes: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
  /** Server CPU time over the window, ms. */
  serverCpuMs: number;
  /** The same percentiles over the requests sent from SETTLED_SECONDS on (the first seconds of a fresh process excluded). */
  settled: { requests: number; p50: number; p99: number; max: number };
}

/** Requests sent in a run's first seconds are left out of its `settled` figures (JIT, pools and the worker starting). */
const SETTLED_SECONDS = 2;

const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

class SteadyLoad {
  /** Each 2xx answer: when its request was sent (s after start) and how long it took (ms). */
  private latencies: { at: number; ms: number }[] = [];
  private non2xx = 0;
  private errors = 0;
  private codes: Record<string, number> = {};
  private sent = 0;
  private inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private started = 0;
  private cpuBefore = 0;

  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string>,
    private readonly next: () => string,
    private readonly pid: number,
  ) {}

  start(): this {
    this.started = performance.now();
    this.cpuBefore = cpuMs(this.pid);
    // Every 5 ms, send what the schedule says is due by now (rate × elapsed).
    this.timer = setInterval(() => {
      const due = Math.floor(((performance.now() - this.started) * RATE) / 1000);
      while (this.sent < due) this.fire();
    }, 5);
    return this;
  }

  private fire(): void {
    this.sent += 1;
    const t = performance.now();
    const p = fetch(`${this.base}${this.next()}`, { headers: this.headers, signal: AbortSignal.timeout(30_000) })
      .then(async (res) => {
        await res.arrayBuffer();
        if (res.status >= 200 && res.status < 300)
          this.latencies.push({ at: (t - this.started) / 1000, ms: performance.now() - t });
        else {
          this.non2xx += 1;
          this.codes[res.status] = (this.codes[res.status] ?? 0) + 1;
        }
      })
      .catch((err: Error) => {
        this.errors += 1;
        this.codes[err.name] = (this.codes[err.name] ?? 0) + 1;
      })
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Stops sending; waits for the requests in flight (their latencies count). */
  async stop(): Promise<LoadFigures> {
    clearInterval(this.timer);
    const seconds = (performance.now() - this.started) / 1000;
    await Promise.all([...this.inFlight]);
    const serverCpuMs = cpuMs(this.pid) - this.cpuBefore;
    const sorted = this.latencies.map((l) => l.ms).sort((a, b) => a - b);
    const settled = this.latencies
      .filter((l) => l.at >= SETTLED_SECONDS)
      .map((l) => l.ms)
      .sort((a, b) => a - b);
    return {
      seconds,
      requests: this.sent,
      ok: sorted.length,
      non2xx: this.non2xx,
      errors: this.errors,
      codes: this.codes,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? 0,
      serverCpuMs,
      settled: {
        requests: settled.length,
        p50: percentile(settled, 50),
        p99: percentile(settled, 99),
        max: settled.at(-1) ?? 0,
      },
    };
  }
}

async function timedLoad(
  server: Server,
  headers: Record<string, string>,
  next: () => string,
  seconds: number,
): Promise<LoadFigures> {
  const load = new SteadyLoad(server.base, headers, next, server.child.pid ?? 0).start();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return load.stop();
}

// ---------------------------------------------------------------------------------------------------------------
// Processes: every one started here is stopped in `finally`, and on Ctrl-C.

const running = new Set<{ stop: () => Promise<void> }>();
async function stopAll(): Promise<void> {
  for (const p of [...running].reverse()) {
    await p.stop().catch(() => undefined);
    running.delete(p);
  }
}
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.once(sig, () => {
    void stopAll().finally(() => process.exit(130));
  });

function env(worker: 'on' | 'off'): NodeJS.ProcessEnv {
  return { ...serverEnv(URL_, 0), OUTBOX_WORKER: worker, WEBHOOK_ALLOW_PRIVATE: 'true' };
}

async function start(worker: 'on' | 'off'): Promise<{ server: Server; healthyAt: number }> {
  const server = await startServer(env(worker), {
    entry: 'compiled',
    tail: 200,
    health: { timeoutMs: 60_000, everyMs: 20 },
  });
  running.add(server);
  return { server, healthyAt: Date.now() };
}

/** The server of phases 2 and 3, and in `--worker process` mode the worker process beside it. */
async function startMeasured(): Promise<{ server: Server; worker?: NodeProcess; startedAt: number }> {
  if (WORKER === 'server') {
    const { server, healthyAt } = await start('on');
    return { server, startedAt: healthyAt };
  }
  const { server } = await start('off');
  const startedAt = Date.now();
  const worker = spawnNode(['dist/server/worker.js'], env('on'), { tail: 200 });
  running.add(worker);
  return { server, worker, startedAt };
}

async function stop(p: { stop: () => Promise<void> }): Promise<void> {
  await p.stop();
  running.delete(p);
}

async function login(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

/** The database's own process, for its CPU time (it also serves anything else on this machine). */
function databasePid(): number {
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      return Number(execFileSync('pidof', ['-s', name], { encoding: 'utf8' }).trim()) || 0;
    } catch {
      // not this name
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------

interface Drain {
  seconds: number;
  sent: number;
  dead: number;
  unsettled: number;
  /** Sent before the read load started (the in-server worker starts as the server begins to listen). */
  sentBeforeHealthy: number;
  firstToLastSeconds: number;
  /** The CPU figures' window: from the first count to the count that found the queue empty. */
  windowSeconds: number;
  attempts: number;
  deliveryRows: number;
  serverCpuMs: number;
  receiverCpuMs: number;
  databaseCpuMs: number;
}

async function enqueueAll(db: mysql.Connection, endpointId: number, maxDeviceId: number): Promise<string[]> {
  const keys: string[] = [];
  const now = new Date();
  for (let from = 0; from < COUNT; from += INSERT_CHUNK) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = from; i < Math.min(COUNT, from + INSERT_CHUNK); i += 1) {
      const deviceId = 1 + (i % maxDeviceId);
      const seq = 1_000_000 + i;
      const key = `${TOPIC}:${deviceId}:${seq}:${endpointId}`;
      keys.push(key);
      const payload = {
        deviceId,
        assetTag: `NM${String(deviceId).padStart(6, '0')}`,
        action: 'triage',
        from: 'intake',
        to: 'triage',
        version: 2,
        at: now.toISOString(),
      };
      // The columns and values enqueue() (server/modules/outbox/outbox.enqueue.ts) writes.
      values.push('webhook', TOPIC, key, String(endpointId), JSON.stringify(payload), 'pending', 0, now, now, now);
      tuples.push('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    }
    await db.query(
      `INSERT INTO outbox_messages (channel, topic, idempotency_key, recipient, payload, status, attempts,
         next_attempt_at, created_at, updated_at) VALUES ${tuples.join(', ')}`,
      values,
    );
  }
  return keys;
}

async function outboxCounts(db: mysql.Connection): Promise<Record<string, number>> {
  const [rows] = await db.query<RowDataPacket[]>('SELECT status, COUNT(*) AS n FROM outbox_messages GROUP BY status');
  return Object.fromEntries(rows.map((r) => [String(r.status), Number(r.n)]));
}

async function waitDrained(
  db: mysql.Connection,
  healthyAt: number,
  early: Record<string, number>,
  pids: { server: number; receiver: number; database: number },
  worker?: NodeProcess,
): Promise<Drain> {
  const cpu0 = { server: cpuMs(pids.server), receiver: cpuMs(pids.receiver), database: cpuMs(pids.database) };
  const t0 = performance.now();
  const until = t0 + DRAIN_TIMEOUT_MS;
  let lastReport = performance.now();
  for (;;) {
    const [[row]] = await db.query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM outbox_messages WHERE status IN ('pending', 'sending')",
    );
    if (Number(row.n) === 0) break;
    if (worker && worker.child.exitCode !== null)
      throw new Error(`the worker process exited with ${worker.child.exitCode}:\n${worker.output()}`);
    if (performance.now() > until) {
      log(`TIMEOUT: ${row.n} messages still queued after ${DRAIN_TIMEOUT_MS / 1000} s`);
      break;
    }
    if (performance.now() - lastReport > 5000) {
      lastReport = performance.now();
      log(`  ${COUNT - Number(row.n)} of ${COUNT} settled`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const cpu = { server: cpuMs(pids.server), receiver: cpuMs(pids.receiver), database: cpuMs(pids.database) };
  const windowSeconds = (performance.now() - t0) / 1000;
  const counts = await outboxCounts(db);
  const [[span]] = await db.query<RowDataPacket[]>(
    "SELECT MIN(sent_at) AS first, MAX(sent_at) AS last, SUM(attempts) AS attempts FROM outbox_messages WHERE status = 'sent'",
  );
  const [[deliveries]] = await db.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM webhook_deliveries');
  const last = span.last instanceof Date ? span.last.getTime() : Date.now();
  const first = span.first instanceof Date ? span.first.getTime() : last;
  return {
    seconds: (last - healthyAt) / 1000,
    sent: counts.sent ?? 0,
    dead: counts.dead ?? 0,
    unsettled: (counts.pending ?? 0) + (counts.sending ?? 0),
    sentBeforeHealthy: early.sent ?? 0,
    firstToLastSeconds: (last - first) / 1000,
    windowSeconds,
    attempts: Number(span.attempts ?? 0),
    deliveryRows: Number(deliveries.n),
    serverCpuMs: cpu.server - cpu0.server,
    receiverCpuMs: cpu.receiver - cpu0.receiver,
    databaseCpuMs: pids.database ? cpu.database - cpu0.database : 0,
  };
}

interface Received {
  total: number;
  distinct: number;
  unverified: number;
  duplicates: number;
  missing: number;
}

async function checkReceived(receiver: WebhookReceiver, keys: string[]): Promise<Received> {
  const got = (await receiver.received()).filter((e) => e.path === '/hook');
  const accepted = new Set(got.filter((e) => e.verified && e.accepted && e.delivery).map((e) => e.delivery!));
  return {
    total: got.length,
    distinct: accepted.size,
    unverified: got.filter((e) => !e.verified).length,
    duplicates: got.filter((e) => e.duplicate).length,
    missing: keys.filter((k) => !accepted.has(k)).length,
  };
}

// ---------------------------------------------------------------------------------------------------------------

const f1 = (n: number) => (n >= 100 ? String(Math.round(n)) : n.toFixed(1));

function table(headers: string[], rows: string[][], right: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

function report(
  drain: Drain,
  received: Received,
  loads: { drain: LoadFigures; fresh: LoadFigures; warm: LoadFigures },
  loadAvg: number[],
): boolean {
  const rate = drain.sent / drain.seconds;
  // The worker's CPU: in the server, its CPU over the drain less what the same read load cost it with no drain (fresh
  // server, same length); in its own process, that process's.
  const serverPerMessage =
    WORKER === 'process'
      ? drain.serverCpuMs
      : drain.serverCpuMs - (loads.fresh.serverCpuMs * drain.windowSeconds) / loads.fresh.seconds;
  const loadRow = (what: string, l: LoadFigures): string[] => [
    what,
    l.seconds.toFixed(1),
    String(l.requests),
    f1(l.p50),
    f1(l.p99),
    f1(l.max),
    l.non2xx + l.errors ? `${l.non2xx + l.errors} ${JSON.stringify(l.codes)}` : '0',
    `${Math.round(l.serverCpuMs / l.seconds / 10)} %`,
  ];
  const settledRow = (what: string, l: LoadFigures): string[] => [
    what,
    (l.seconds - SETTLED_SECONDS).toFixed(1),
    String(l.settled.requests),
    f1(l.settled.p50),
    f1(l.settled.p99),
    f1(l.settled.max),
    '',
    '',
  ];
  const ratio = loads.fresh.p99 > 0 ? loads.drain.p99 / loads.fresh.p99 : Infinity;
  const warmRatio = loads.warm.p99 > 0 ? loads.drain.p99 / loads.warm.p99 : Infinity;
  const delivered =
    drain.sent === COUNT &&
    drain.dead === 0 &&
    drain.unsettled === 0 &&
    received.distinct === COUNT &&
    received.missing === 0 &&
    received.unverified === 0;
  const answered = loads.drain.non2xx + loads.drain.errors === 0;
  const p99met = ratio <= 2;
  const out = [
    '',
    `outbox drain: ${COUNT.toLocaleString('en')} webhook messages to a local receiver process, MariaDB (${databaseOf(URL_)}), worker ${WORKER === 'process' ? 'in its own process (npm run worker; the server has OUTBOX_WORKER=off)' : 'in the server process (OUTBOX_WORKER=on)'}`,
    '',
    table(
      ['figure', 'value'],
      [
        ['messages delivered (sent)', `${drain.sent} of ${COUNT}`],
        ['dead / still queued', `${drain.dead} / ${drain.unsettled}`],
        [
          WORKER === 'process'
            ? 'drain time (worker process spawned → last sent_at)'
            : 'drain time (server healthy → last sent_at)',
          `${drain.seconds.toFixed(2)} s`,
        ],
        ['messages per second delivered', rate.toFixed(0)],
        ['first → last sent_at', `${drain.firstToLastSeconds.toFixed(2)} s`],
        ['sent before the read load started', String(drain.sentBeforeHealthy)],
        ['attempts (sum) / webhook_deliveries rows', `${drain.attempts} / ${drain.deliveryRows}`],
        [
          'receiver: requests / distinct verified ids / unverified / duplicates / missing',
          `${received.total} / ${received.distinct} / ${received.unverified} / ${received.duplicates} / ${received.missing}`,
        ],
        [
          `CPU per message: ${WORKER === 'process' ? 'worker process' : 'server*'} / receiver / mariadbd**`,
          `${(serverPerMessage / drain.sent).toFixed(2)} / ${(drain.receiverCpuMs / drain.sent).toFixed(2)} / ${(drain.databaseCpuMs / drain.sent).toFixed(2)} ms`,
        ],
      ],
      [false, true],
    ),
    '',
    `read load: GET /api/scan/:tag, ${RATE} requests/s, open loop (sent on schedule, latency of each 2xx answer)`,
    '',
    table(
      ['read load', 'seconds', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx/errors', 'server CPU'],
      [
        loadRow('while draining', loads.drain),
        loadRow('idle, fresh server (baseline)', loads.fresh),
        loadRow('idle, same server after the drain', loads.warm),
        settledRow('while draining, from its 3rd second', loads.drain),
        settledRow('idle, fresh server, from its 3rd second', loads.fresh),
      ],
      [false, true, true, true, true, true, true, true],
    ),
    '',
    table(
      ['target', 'measured', 'target', 'result'],
      [
        [
          'drain completes',
          `${drain.sent} sent, ${drain.dead} dead, ${received.distinct} verified ids`,
          `all ${COUNT}, none dead`,
          delivered ? 'met' : 'NOT met',
        ],
        [
          'request p99 while draining vs idle',
          `${f1(loads.drain.p99)} / ${f1(loads.fresh.p99)} ms = ${ratio.toFixed(2)}×`,
          '≤ 2×',
          p99met ? 'met' : 'NOT met',
        ],
        [
          'read requests answered while draining',
          `${loads.drain.ok} of ${loads.drain.requests}`,
          'all 2xx',
          answered ? 'met' : 'NOT met',
        ],
      ],
      [false, true, true, false],
    ),
    '',
    `p99 while draining vs the warm idle server (no target): ${warmRatio.toFixed(2)}×; from the 3rd second on, draining vs fresh idle: ${(loads.drain.settled.p99 / loads.fresh.settled.p99).toFixed(2)}×`,
    WORKER === 'process'
      ? `the worker process's CPU per message includes its start (imports, connections)`
      : `*  the server's CPU during the drain less what the read load cost it on the fresh server, per message sent`,
    `** the whole database process's CPU during the drain, shared with anything else using it on this machine`,
    `server CPU in the load table: % of one core over the window`,
    `load average (1 min) at start / before the drain / at the end: ${loadAvg.map((l) => l.toFixed(2)).join(' / ')} on ${os.availableParallelism()} cores`,
    '',
  ];
  process.stdout.write(out.join('\n'));
  return delivered && p99met && answered;
}

async function main(): Promise<void> {
  const loadAvg = [load1()];
  if (!/^(mysql|mariadb):\/\//.test(URL_))
    throw new Error('The outbox bench runs on MySQL/MariaDB: --url or DATABASE_URL must start with mysql://');
  assertDroppable(URL_, FORCE);
  const started = performance.now();
  log('compiling the server under test (npm run build:server)');
  buildServer();
  log(`seeding ${DEVICES} devices into ${URL_} (drops and re-creates it)`);
  await runToEnd(
    ['--import', 'tsx', 'bench/seed.ts', '--devices', String(DEVICES), '--url', URL_, ...(FORCE ? ['--force'] : [])],
    { ...process.env, ...serverEnv(URL_, 0) },
    false,
  );
  const db = await mysql.createConnection({ uri: URL_.replace(/^mariadb:/, 'mysql:'), timezone: 'Z' });
  try {
    const receiver = await startWebhookReceiver();
    running.add(receiver);
    const [[max]] = await db.query<RowDataPacket[]>('SELECT MAX(id) AS id FROM devices');
    const scan = readScenarios({ maxDeviceId: Number(max.id), openDonations: [] })[0];

    // Phase 1: worker off; the endpoint through the API, then the queue. The session stays valid across restarts.
    const first = await start('off');
    const headers = await login(first.server.base);
    const res = await fetch(`${first.server.base}/api/webhooks`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ url: receiver.url, events: [TOPIC] }),
    });
    const endpoint = (await res.json()) as { id: number; secret: string };
    if (res.status !== 201) throw new Error(`POST /api/webhooks answered ${res.status}: ${JSON.stringify(endpoint)}`);
    await receiver.control({ secret: endpoint.secret });
    const t = performance.now();
    const keys = await enqueueAll(db, endpoint.id, Number(max.id));
    log(`endpoint ${endpoint.id} created; ${COUNT} messages queued in ${Math.round(performance.now() - t)} ms`);
    await stop(first.server);
    const plan = scan.plan(headers, 'nimah');
    const next = () => plan.next().path;

    // Phase 2: worker on; the drain under the read load, which starts as soon as the server is healthy.
    loadAvg.push(load1());
    log(`starting the server with the worker on; read load ${RATE}/s until the queue is empty`);
    const second = await startMeasured();
    const pid = second.server.child.pid ?? 0;
    const duringDrain = new SteadyLoad(second.server.base, headers, next, pid).start();
    const early = await outboxCounts(db);
    const drain = await waitDrained(
      db,
      second.startedAt,
      early,
      {
        server: second.worker?.child.pid ?? pid,
        receiver: receiver.process.child.pid ?? 0,
        database: databasePid(),
      },
      second.worker,
    );
    const drainLoad = await duringDrain.stop();
    log(`drained in ${drain.seconds.toFixed(2)} s; the same load for ${drainLoad.seconds.toFixed(1)} s with no drain`);
    const received = await checkReceived(receiver, keys);
    await new Promise((r) => setTimeout(r, 1000));
    const warm = await timedLoad(second.server, headers, next, Math.min(WARM_SECONDS, drainLoad.seconds));
    await stop(second.server);
    if (second.worker) await stop(second.worker);

    // Phase 3: a fresh server, nothing to drain, the same load from the moment it is healthy.
    const third = await startMeasured();
    const fresh = await timedLoad(third.server, headers, next, drainLoad.seconds);
    await stop(third.server);
    if (third.worker) await stop(third.worker);
    loadAvg.push(load1());
    const ok = report(drain, received, { drain: drainLoad, fresh, warm }, loadAvg);
    log(`finished in ${Math.round((performance.now() - started) / 1000)} s; ${ok ? 'every target met' : 'NOT met'}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await stopAll();
    await db.end();
  }
}

main().catch(async (err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  await stopAll();
  process.exit(1);
});
