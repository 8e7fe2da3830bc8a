// Sign-ins from a chosen loopback address. The app sees the real peer address (TRUST_PROXY is off in tests, so a
// forged X-Forwarded-For would be ignored, as it must be): on Linux every 127.x.y.z is the loopback interface, so a
// client bound to 127.0.0.2 is, to the server, another machine in another office.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.js';

let server: http.Server | undefined;

async function port(): Promise<number> {
  if (!server) {
    const s = http.createServer(createApp());
    server = s;
    await new Promise<void>((resolve) => s.listen(0, resolve));
    s.unref();
  }
  return (server.address() as AddressInfo).port;
}

export interface Answer {
  status: number;
  body: { error?: { code: string; details?: { retryAfterSeconds?: number } }; token?: string };
  retryAfter?: string;
}

/** POST /api/auth/login from `address` (a 127.x.y.z). */
export async function signInFrom(address: string, email: string, password: string): Promise<Answer> {
  const payload = JSON.stringify({ email, password });
  const target = await port();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: target,
        localAddress: address,
        method: 'POST',
        path: '/api/auth/login',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text ? JSON.parse(text) : {},
            retryAfter: res.headers['retry-after'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
