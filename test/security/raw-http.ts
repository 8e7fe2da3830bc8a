// A raw HTTP client: sends exactly the bytes and headers it is given (supertest and fetch would fix them up),
// against an application instance listening on a free port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.js';

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  error?: string;
}

export interface AppServer {
  port: number;
  close(): Promise<void>;
}

/** A fresh application instance (so in-memory rate limits start at zero) on a free port. */
export async function listen(): Promise<AppServer> {
  const server = createApp().listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Sends one request. The server may answer before it has read the whole body (413) and close the socket;
 * the answer then wins over the client's write error.
 */
export function send(port: number, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: RawResponse) => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    const headers = { ...req.headers, ...(req.body ? { 'Content-Length': String(req.body.length) } : {}) };
    const out = http.request(
      { host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          finish({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', () =>
          finish({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    out.on('error', (err) => setTimeout(() => finish({ status: 0, headers: {}, text: '', error: err.message }), 50));
    out.end(req.body);
  });
}

export interface Unexpected {
  request: string;
  status: number;
  problem: string;
  body: string;
}

/** The spec's error body, exactly: { error: { code, message, details?, requestId } } and nothing else. */
export function errorShapeProblem(res: RawResponse): string | undefined {
  if (!String(res.headers['content-type'] ?? '').startsWith('application/json'))
    return `content-type ${res.headers['content-type']}`;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    return 'body is not JSON';
  }
  if (!body || typeof body !== 'object' || Object.keys(body).join() !== 'error') return 'body is not { error }';
  const error = (body as { error: Record<string, unknown> }).error;
  const keys = Object.keys(error ?? {}).sort();
  const allowed = ['code', 'details', 'message', 'requestId'];
  if (keys.some((k) => !allowed.includes(k)) || !['code', 'message', 'requestId'].every((k) => keys.includes(k)))
    return `error keys ${keys.join(',')}`;
  if (typeof error.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(error.code)) return `code ${String(error.code)}`;
  if (typeof error.message !== 'string' || !error.message) return 'message is not a string';
  if (error.requestId !== res.headers['x-request-id']) return 'requestId differs from X-Request-Id';
  if (/\bat .+:\d+:\d+\)?/.test(res.text)) return 'a stack trace is in the body';
  return undefined;
}

/**
 * Pages for people (outside /api: receipts, certificate checks, label links) answer errors as HTML, not in the API's
 * shape; they must still never reflect hostile input unescaped, nor show a stack.
 */
export function pageProblem(res: RawResponse): string | undefined {
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('application/json')) return res.status >= 400 ? errorShapeProblem(res) : undefined;
  if (/<script>alert\(|onerror=alert|javascript:alert/i.test(res.text)) return 'hostile input reflected unescaped';
  if (/\bat .+:\d+:\d+\)?/.test(res.text)) return 'a stack trace is in the body';
  return undefined;
}
