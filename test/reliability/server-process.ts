// The real server as a child process (test/helpers/processes.ts), for tests that kill it, and a tiny HTTP client.
// Each server logs to a file in the suite's temp folder, so the log scan that runs last reads those lines too.
import path from 'node:path';
import { testDir } from '../env.js';
import { operatorEnv, startServer as startNode, type Server, type ServerOptions } from '../helpers/processes.js';

export const ADMIN = { email: 'crash-admin@nimah.test', password: 'crash-admin-password-2026' };

export type ServerProcess = Server;

let serial = 0;

/**
 * Starts `server/main.ts` (or the compiled build, `opts.entry`) with only the variables an operator would set, plus
 * `env`; resolves once /api/health answers.
 */
export async function startServer(env: Record<string, string>, opts: ServerOptions = {}): Promise<ServerProcess> {
  serial += 1;
  return startNode(
    operatorEnv({
      LOG_LEVEL: 'info',
      LOG_FILE: path.join(testDir, `server-${process.pid}-${serial}.log`),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    }),
    opts,
  );
}

/** SIGKILL: no shutdown handler runs, as when the power goes. */
export async function kill(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

export async function stop(server: ServerProcess): Promise<void> {
  await server.stop();
}

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
}

/** JSON in, JSON out, with a bearer token. */
export async function call<T = unknown>(
  base: string,
  token: string | null,
  method: string,
  url: string,
  body?: unknown,
): Promise<JsonResponse<T>> {
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
  };
}

export async function signInAdmin(base: string): Promise<string> {
  const res = await call<{ token: string }>(base, null, 'POST', '/api/auth/login', ADMIN);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** A donor and a donation of the given channel, through the API. */
export async function createDonation(
  base: string,
  token: string,
  channel: 'drop_off' | 'pickup' = 'drop_off',
): Promise<{ id: number; status: string }> {
  const donor = await call<{ id: number }>(base, token, 'POST', '/api/donors', {
    kind: 'company',
    name: 'Crash Test Co.',
    email: 'csr@crash.example',
  });
  if (donor.status !== 201) throw new Error(`donor: ${donor.status} ${JSON.stringify(donor.body)}`);
  const donation = await call<{ id: number; status: string }>(base, token, 'POST', '/api/donations', {
    donorId: donor.body.id,
    channel,
    expectedCount: 10_000,
  });
  if (donation.status !== 201) throw new Error(`donation: ${donation.status} ${JSON.stringify(donation.body)}`);
  return donation.body;
}
