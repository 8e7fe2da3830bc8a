// Upload parsers benchmark: each parser's throughput on hostile input (test/security/hostile-corpus.ts) and on
// normal input (the test fixtures, repeated to about 1 MB), and how fast an HTTP health check answers while a
// hostile 10 MB nwipe log is parsed in the worker pool, against the same parse run on the request thread.
//   npm run bench:parsers            (or: node --import tsx bench/parsers.bench.ts --mb 10)
// Targets: every parser at least 5 MB/s on hostile input (a 10 MB upload within 2 s, well inside the 5 s
// PARSE_TIMEOUT_MS); health checks within 100 ms during the parse.
import { fixture, fixtureText } from '../test/helpers/fixtures.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

Object.assign(process.env, { NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const { HOSTILE_CASES } = await import('../test/security/hostile-corpus.js');
const { parseNwipeLog, readNwipeLog } = await import('../server/modules/sanitization/sanitization.nwipe.js');
const { parseHardwareReport } = await import('../server/modules/hardware/index.js');
const { parseManifest } = await import('../server/modules/donations/donations.import.js');
const { assertPrintableSize, inspectImage } = await import('../server/lib/image-check.js');

const arg = (name: string): string | undefined =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const HEALTH_MB = Number(arg('--mb')) || 10;
const TARGET_MB_PER_S = 5;
const TARGET_HEALTH_MS = 100;
type Parser = 'nwipe' | 'hardware' | 'csv' | 'image';

function parseAs(parser: Parser, content: Buffer): void {
  try {
    if (parser === 'nwipe') parseNwipeLog(content.toString('utf8'));
    else if (parser === 'hardware') parseHardwareReport(content);
    else if (parser === 'csv') parseManifest(content);
    else {
      const info = inspectImage(content);
      if (info) assertPrintableSize(info, 'file');
    }
  } catch (error) {
    if (!(error as { status?: number }).status) throw error;
  }
}

/** MB/s of the best of three parses (wall time, on this otherwise idle process). */
function throughput(parser: Parser, content: Buffer): number {
  parseAs(parser, content);
  let best = Infinity;
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    parseAs(parser, content);
    best = Math.min(best, performance.now() - started);
  }
  return content.length / 1e6 / (best / 1000);
}

/** About `bytes` of a real file: whole copies of it (an appended nwipe log, a CSV's rows). */
function repeated(file: string, bytes: number, header = ''): Buffer {
  const body = fixtureText(file).slice(header.length);
  return Buffer.from(header + body.repeat(Math.max(1, Math.floor(bytes / body.length))));
}

const csvRows = Array.from(
  { length: 9000 },
  (_, i) => `laptop,Dell,Latitude 5490,BENCH${String(i).padStart(6, '0')}\n`,
).join('');
const NORMAL: Array<[string, Parser, Buffer]> = [
  ['nwipe: two-drive log, appended runs', 'nwipe', repeated('nwipe/all-erased-two-drives.log', 1e6)],
  ['lshw -json (desktop)', 'hardware', fixture('hardware/lshw-desktop.json')],
  ['dmidecode (laptop)', 'hardware', fixture('hardware/dmidecode-laptop.txt')],
  ['smartctl --json (mixed array)', 'hardware', fixture('hardware/smartctl-array-mixed.json')],
  ['Workbench 11 snapshot', 'hardware', fixture('hardware/workbench11-snapshot.json')],
  ['CSV manifest, 9,000 rows', 'csv', Buffer.from(`type,manufacturer,model,serialNumber\n${csvRows}`)],
];

const line = (name: string, mb: number, ok: boolean) =>
  `  ${name.padEnd(78)} ${mb.toFixed(1).padStart(8)} MB/s  ${ok ? 'ok' : 'BELOW TARGET'}`;
console.log(`Throughput on hostile input, 1 MB each (target ≥ ${TARGET_MB_PER_S} MB/s):`);
for (const hostile of HOSTILE_CASES) {
  const mbps = throughput(hostile.parser, hostile.make(1e6));
  console.log(line(hostile.name, mbps, mbps >= TARGET_MB_PER_S));
}
console.log(`Throughput on normal input (target ≥ ${TARGET_MB_PER_S} MB/s):`);
for (const [name, parser, content] of NORMAL) {
  const mbps = throughput(parser, content);
  console.log(line(`${name} (${(content.length / 1e3).toFixed(0)} KB)`, mbps, mbps >= TARGET_MB_PER_S));
}

/** Health checks, one after another, until `done` settles: each one's time in ms. */
async function healthDuring(base: string, done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const times: number[] = [];
  while (!finished) {
    const started = performance.now();
    await (await fetch(`${base}/api/health`)).arrayBuffer();
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return times;
}

// A health endpoint on this process's event loop: what a parse on the request thread would stall.
const server = http.createServer((_req, res) => res.end('{"status":"ok"}'));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const hostileLog = HOSTILE_CASES[0].make(HEALTH_MB * 1e6);
await readNwipeLog(Buffer.from(NORMAL[0][2])).catch(() => undefined); // starts and warms the worker
const summary = (times: number[]) =>
  `${times.length} checks, median ${times.sort((a, b) => a - b)[times.length >> 1].toFixed(1)} ms, ` +
  `slowest ${times[times.length - 1].toFixed(1)} ms`;
let started = performance.now();
const inWorker = await healthDuring(
  base,
  readNwipeLog(hostileLog).catch(() => undefined),
);
const workerMs = performance.now() - started;
console.log(
  `Health during a hostile ${HEALTH_MB} MB nwipe parse in the worker pool (${workerMs.toFixed(0)} ms): ` +
    `${summary(inWorker)}  (target ≤ ${TARGET_HEALTH_MS} ms: ${inWorker[inWorker.length - 1] <= TARGET_HEALTH_MS ? 'ok' : 'ABOVE TARGET'})`,
);
started = performance.now();
const onThread = await healthDuring(
  base,
  new Promise((resolve) => setTimeout(() => resolve(parseAs('nwipe', hostileLog)), 20)),
);
console.log(
  `For contrast, the same parse on the request thread (${(performance.now() - started).toFixed(0)} ms): ${summary(onThread)}`,
);
server.close();
