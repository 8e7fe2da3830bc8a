// Child processes of the bench: the server under test, the baseline, the seeder; startup timing and RSS sampling.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The server under test runs as `npm start` runs it: the compiled JavaScript under plain node. Under tsx it
 * would carry ~45 MB of loader and compiled sources that production does not, and the RSS targets would be off.
 */
export const SERVER_ENTRY = 'dist/server/main.js';

/** Compiles server/, migrations/ and seeders/ into dist/ (what `npm run build:server` does), once per bench run. */
export async function buildServer(root: string): Promise<void> {
  await runToEnd([path.join(root, 'scripts', 'ensure-server.mjs'), '--force'], process.env, true);
}

export interface Child { proc: ChildProcess; output: string[]; stop(): Promise<void> }

export function launch(args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  return {
    proc, output,
    stop: () => new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      proc.once('exit', () => { clearTimeout(timer); resolve(); });
      proc.kill('SIGTERM');
    }),
  };
}

/** Polls GET /api/health until it answers 200; returns the milliseconds since `since`. */
export async function waitHealthy(child: Child, baseUrl: string, since: number, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    if (child.proc.exitCode !== null) throw new Error(`the server exited (${child.proc.exitCode}):\n${child.output.join('').slice(-3000)}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`no healthy answer from ${baseUrl} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
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
  constructor(private readonly pid: number, private readonly everyMs = 100) {}
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
export function runCollect(args: string[], env: NodeJS.ProcessEnv, echo: boolean): Promise<{ out: string; code: number }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (echo) process.stdout.write(c);
    });
    proc.stderr.on('data', (c: Buffer) => { if (echo) process.stderr.write(c); });
    proc.on('exit', (code) => resolve({ out, code: code ?? 1 }));
  });
}

/** Runs a script to completion; resolves with its stdout, rejects with its output on a non-zero exit. */
export function runToEnd(args: string[], env: NodeJS.ProcessEnv, echo: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (echo) process.stdout.write(c);
    });
    proc.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    proc.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}\n${err.slice(-3000)}`))));
  });
}
