// Child processes for the tests, browser tests and benches: the real server (from source under tsx, or the compiled
// build, as `npm start` runs it), the command line (server/cli/cli.ts), free ports and the wait for /api/health.
// The one home of these: nothing else in test/ or bench/ spawns a server or looks for a port.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { root } from './fixtures.js';

export { root };

/** A port nobody listens on now (the system's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Rejects when a process listens on `port` already. A server started on a port that is taken fails to bind, but the
 * health check there is answered by the other process, and what follows (a sign-in, the requests) goes to it: a
 * bench that ran beside another on the same fixed port measured the other's server, and once that one stopped and
 * its own had bound, met "session expired" with the token the other had issued.
 */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${port} is in use by another process: stop it, or choose another port`)
          : err,
      ),
    );
    srv.listen(port, () => srv.close(() => resolve()));
  });
}

/** A new empty folder under the system's temp folder, `nimah-<prefix>-XXXXXX`. */
export function tempDataDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `nimah-${prefix}-`));
}

/**
 * The environment an operator would set and nothing from the test's own: PATH, HOME, NODE_ENV=development,
 * then `env` (which may override any of them).
 */
export function operatorEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NODE_ENV: 'development', ...env };
}

export interface NodeProcess {
  child: ChildProcess;
  /** What it wrote so far, stdout and stderr interleaved (only what `SpawnOptions.keep` keeps). */
  output: () => string;
  stdout: () => string;
  stderr: () => string;
  /** Its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /**
   * SIGTERM (to its process group when spawned `detached`), SIGKILL after `graceMs`; resolves once it has exited.
   * Does nothing when it has already exited.
   */
  stop: (graceMs?: number) => Promise<void>;
}

export interface SpawnOptions {
  /** The working folder: the repository root unless given. */
  cwd?: string;
  /** Which of its streams to collect: both (the default), only stderr, or none. */
  keep?: 'all' | 'stderr' | 'none';
  /** Keep only the last `tail` chunks of output (a long-running server's). */
  tail?: number;
  /** Its own process group, so that stop() ends it and anything it started. */
  detached?: boolean;
  /** Also copy its output to this process's: both streams (true), or only one. */
  echo?: boolean | 'stdout' | 'stderr';
}

/** `node <args>` with exactly `env`; its output is collected for failure messages. */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv, opts: SpawnOptions = {}): NodeProcess {
  const keep = opts.keep ?? 'all';
  const keepOut = keep === 'all';
  const keepErr = keep !== 'none';
  const echoOut = opts.echo === true || opts.echo === 'stdout';
  const echoErr = opts.echo === true || opts.echo === 'stderr';
  const child = spawn(process.execPath, args, {
    cwd: opts.cwd ?? root,
    env,
    detached: opts.detached ?? false,
    stdio: ['ignore', keepOut || echoOut ? 'pipe' : 'ignore', keepErr || echoErr ? 'pipe' : 'ignore'],
  });
  const chunks: { err: boolean; text: string }[] = [];
  const collect = (err: boolean, chunk: Buffer) => {
    chunks.push({ err, text: chunk.toString('utf8') });
    if (opts.tail !== undefined && chunks.length > opts.tail) chunks.shift();
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    if (keepOut) collect(false, chunk);
    if (echoOut) process.stdout.write(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    if (keepErr) collect(true, chunk);
    if (echoErr) process.stderr.write(chunk);
  });
  const text = (which?: boolean) =>
    chunks
      .filter((c) => which === undefined || c.err === which)
      .map((c) => c.text)
      .join('');
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const signal = (sig: NodeJS.Signals) => {
    try {
      if (opts.detached && child.pid !== undefined) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch {
      // already gone
    }
  };
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => text(), stdout: () => text(false), stderr: () => text(true), exited, stop };
}

export interface RunResult {
  code: number | null;
  /** stdout and stderr interleaved. */
  out: string;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` to its end; resolves with its exit code and output, whatever the code. */
export async function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: Pick<SpawnOptions, 'cwd' | 'echo' | 'keep'> = {},
): Promise<RunResult> {
  const proc = spawnNode(args, env, opts);
  const code = await proc.exited;
  return { code, out: proc.output(), stdout: proc.stdout(), stderr: proc.stderr() };
}

/** The command line (server/cli/cli.ts) under tsx, as `npm run db:…` runs it; resolves with its code and output. */
export function runCli(args: string[], env: Record<string, string>): Promise<RunResult> {
  return runNode(['--import', 'tsx', 'server/cli/cli.ts', ...args], env);
}

/**
 * Compiles server/, migrations/ and seeders/ into dist/ (scripts/ensure-server.mjs) when the build is missing or
 * older than the sources, or always with `force`. `quiet` keeps its output unless it fails.
 */
export function buildServer(opts: { force?: boolean; quiet?: boolean } = {}): void {
  const args = ['scripts/ensure-server.mjs', ...(opts.force ? ['--force'] : [])];
  execFileSync(process.execPath, args, { cwd: root, stdio: opts.quiet ? 'pipe' : 'inherit' });
}

export interface HealthOptions {
  /** The server's process: when it exits first, the wait fails at once with its output. */
  server?: Pick<NodeProcess, 'child' | 'output'>;
  timeoutMs?: number;
  /** How often to ask. */
  everyMs?: number;
}

/** Asks `<base>/api/health` until it answers 2xx; resolves with that answer. */
export async function waitForHealth(base: string, opts: HealthOptions = {}): Promise<Response> {
  const { server, timeoutMs = 30_000, everyMs = 100 } = opts;
  const until = Date.now() + timeoutMs;
  const output = () => server?.output() ?? '';
  for (;;) {
    const code = server?.child.exitCode ?? null;
    if (code !== null) throw new Error(`server exited with ${code} before it was healthy:\n${output()}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return res;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${base} was not healthy within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface Server extends NodeProcess {
  /** http://127.0.0.1:<port> */
  base: string;
  port: number;
}

export interface ServerOptions extends SpawnOptions {
  /** `source` (server/main.ts under tsx, the default) or `compiled` (dist/server/main.js, as `npm start` runs it). */
  entry?: 'source' | 'compiled';
  /** The port, when the caller picked one (a free one otherwise). */
  port?: number;
  health?: Omit<HealthOptions, 'server'>;
}

/**
 * Starts the server with exactly `env` plus PORT and resolves once /api/health answers; stopped (and the error
 * rethrown) if it never does. The compiled build must exist (scripts/ensure-server.mjs makes it).
 */
export async function startServer(env: NodeJS.ProcessEnv, opts: ServerOptions = {}): Promise<Server> {
  if (opts.port !== undefined) await assertPortFree(opts.port);
  const port = opts.port ?? (await freePort());
  const args = opts.entry === 'compiled' ? ['dist/server/main.js'] : ['--import', 'tsx', 'server/main.ts'];
  const proc = spawnNode(args, { ...env, PORT: String(port) }, opts);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, { ...opts.health, server: proc });
    // Healthy, but whose answer? Ours has not exited (a failed bind ends it) if the port was still ours.
    if (proc.child.exitCode !== null) throw new Error(`server exited with ${proc.child.exitCode}:\n${proc.output()}`);
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { ...proc, base, port };
}
