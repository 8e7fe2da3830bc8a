// Child processes of the bench (spawned through test/helpers/processes.ts): the server under test, the baseline,
// the seeder; startup timing and RSS sampling.
import fs from 'node:fs';
import {
  assertPortFree,
  buildServer as ensureServer,
  runNode,
  spawnNode,
  waitForHealth,
  type NodeProcess,
} from '../test/helpers/processes.js';

/**
 * The server under test runs as `npm start` runs it: the compiled JavaScript under plain node. Under tsx it
 * would carry ~45 MB of loader and compiled sources that production does not, and the RSS targets would be off.
 */
export const SERVER_ENTRY = 'dist/server/main.js';

/** Compiles server/, migrations/ and seeders/ into dist/ (what `npm run build:server` does), once per bench run. */
export function buildServer(): void {
  ensureServer({ force: true });
}

export type Child = NodeProcess;
/** The bench's servers take fixed ports: one taken by another run would answer its health checks and requests. */
export { assertPortFree };

/** A long-running child (a server): the last 200 chunks of its output are kept for the error that names it. */
export function launch(args: string[], env: NodeJS.ProcessEnv): Child {
  return spawnNode(args, env, { tail: 200 });
}

/** Polls GET /api/health until it answers 200; returns the milliseconds since `since`. */
export async function waitHealthy(child: Child, baseUrl: string, since: number, timeoutMs = 60_000): Promise<number> {
  await waitForHealth(baseUrl, { server: child, timeoutMs, everyMs: 20 });
  return performance.now() - since;
}

/** Resident memory of a process in MB, from /proc (Linux), or `ps` elsewhere. */
export function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** Preloaded into the server under test: writes its V8 heap figures to BENCH_HEAP_FILE (see the file). */
export const MEMORY_PROBE = 'bench/memory-probe.mjs';

export interface HeapFigures {
  heapUsedMb: number;
  heapTotalMb: number;
  peakUsedMb: number;
  peakTotalMb: number;
}

/** What the memory probe last wrote; undefined before its first sample. */
export function heapOf(file: string): HeapFigures | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as HeapFigures;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); 0 elsewhere. */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Samples RSS every `everyMs` and keeps the peak. */
export class RssSampler {
  peak = 0;
  /** Peak since the last mark(). */
  private window = 0;
  private timer: NodeJS.Timeout | undefined;
  constructor(
    private readonly pid: number,
    private readonly everyMs = 100,
  ) {}
  start(): this {
    this.timer = setInterval(() => {
      const now = rssMb(this.pid);
      this.peak = Math.max(this.peak, now);
      this.window = Math.max(this.window, now);
    }, this.everyMs);
    return this;
  }

  mark(): number {
    const peak = Math.max(this.window, rssMb(this.pid));
    this.window = 0;
    return peak;
  }
  stop(): number {
    clearInterval(this.timer);
    this.peak = Math.max(this.peak, rssMb(this.pid));
    return this.peak;
  }
}

/** Runs a script to completion; resolves with its stdout and exit code, whatever the code. */
export async function runCollect(
  args: string[],
  env: NodeJS.ProcessEnv,
  echo: boolean,
): Promise<{ out: string; code: number }> {
  const { stdout, code } = await runNode(args, env, { echo, keep: 'all' });
  return { out: stdout, code: code ?? 1 };
}

/** Runs a script to completion; resolves with its stdout, rejects with its output on a non-zero exit. */
export async function runToEnd(args: string[], env: NodeJS.ProcessEnv, echo: boolean): Promise<string> {
  const { stdout, stderr, code } = await runNode(args, env, { echo: echo ? 'stdout' : false });
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}\n${stderr.slice(-3000)}`);
  return stdout;
}
