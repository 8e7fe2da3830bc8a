// The real server as a child process (as `npm start` runs it), for tests that kill it, and a tiny HTTP client.
// Each server logs to a file in the suite's temp folder, so the log scan that runs last reads those lines too.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { testDir } from '../env.js';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const ADMIN = { email: 'crash-admin@nimah.test', password: 'crash-admin-password-2026' };

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess { child: ChildProcess; base: string; exited: Promise<number | null>; output: () => string }

let serial = 0;

/** Starts `server/main.ts` with only the variables an operator would set, plus `env`; resolves once /api/health answers. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  serial += 1;
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NODE_ENV: 'development', LOG_LEVEL: 'info',
      LOG_FILE: path.join(testDir, `server-${process.pid}-${serial}.log`), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
      PORT: String(port), ...env,
    },
  });
  child.stdout!.on('data', (d) => { out += String(d); });
  child.stderr!.on('data', (d) => { out += String(d); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const server = { child, base: `http://127.0.0.1:${port}`, exited, output: () => out };
  await waitForHealth(server);
  return server;
}

async function waitForHealth(server: ServerProcess, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`server exited with ${server.child.exitCode}: ${server.output()}`);
    try {
      const res = await fetch(`${server.base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`server did not answer within ${ms} ms: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGKILL: no shutdown handler runs, as when the power goes. */
export async function kill(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

export async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

export function tempDataDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `nimah-${prefix}-`));
}

export interface JsonResponse<T = unknown> { status: number; body: T }

/** JSON in, JSON out, with a bearer token. */
export async function call<T = unknown>(base: string, token: string | null, method: string, url: string, body?: unknown): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
}

export async function signInAdmin(base: string): Promise<string> {
  const res = await call<{ token: string }>(base, null, 'POST', '/api/auth/login', ADMIN);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** A donor and a donation of the given channel, through the API. */
export async function createDonation(base: string, token: string, channel: 'drop_off' | 'pickup' = 'drop_off'): Promise<{ id: number; status: string }> {
  const donor = await call<{ id: number }>(base, token, 'POST', '/api/donors', { kind: 'company', name: 'Crash Test Co.', email: 'csr@crash.example' });
  if (donor.status !== 201) throw new Error(`donor: ${donor.status} ${JSON.stringify(donor.body)}`);
  const donation = await call<{ id: number; status: string }>(base, token, 'POST', '/api/donations', { donorId: donor.body.id, channel, expectedCount: 10_000 });
  if (donation.status !== 201) throw new Error(`donation: ${donation.status} ${JSON.stringify(donation.body)}`);
  return donation.body;
}
