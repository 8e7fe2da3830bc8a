// A webhook receiver in its own process, as a charity's partner would run one: a few lines of node:http that verify
// `X-Nimah-Signature` with node:crypto alone (no server code), refuse a signature older than five minutes, dedupe on
// `X-Nimah-Delivery`, and answer with the status the test asks for, or not at all (stall). What it received is
// reported by `GET /received`; `POST /control` changes its behaviour.
import { spawnNode, type NodeProcess } from './processes.js';

/** The receiver, as plain CommonJS run by `node -e`: it imports nothing but Node's own modules. */
const RECEIVER_SCRIPT = String.raw`
const http = require('node:http');
const crypto = require('node:crypto');

const TOLERANCE_SECONDS = 300;
const state = { secret: process.env.RECEIVER_SECRET || '', status: 200, location: '', stall: false, acceptThenStall: false, clockOffsetSeconds: 0 };
const seen = new Set();
let received = [];

function verify(raw, header) {
  if (!header) return 'missing signature';
  const parts = new Map(String(header).split(',').map((p) => p.trim().split('=', 2)));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') || '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return 'malformed signature';
  const now = Date.now() / 1000 + state.clockOffsetSeconds;
  if (Math.abs(now - t) > TOLERANCE_SECONDS) return 'stale signature';
  const expected = crypto.createHmac('sha256', state.secret).update(Buffer.concat([Buffer.from(t + '.'), raw])).digest();
  return crypto.timingSafeEqual(expected, Buffer.from(v1, 'hex')) ? null : 'bad signature';
}

function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    if (req.method === 'GET' && req.url === '/received') return json(res, 200, received);
    if (req.method === 'POST' && req.url === '/control') {
      const body = JSON.parse(raw.toString('utf8') || '{}');
      if (body.reset) { received = []; seen.clear(); }
      for (const k of Object.keys(state)) if (body[k] !== undefined) state[k] = body[k];
      res.writeHead(204);
      return res.end();
    }
    const delivery = req.headers['x-nimah-delivery'] || null;
    const entry = {
      path: req.url,
      method: req.method,
      delivery,
      event: req.headers['x-nimah-event'] || null,
      contentType: req.headers['content-type'] || null,
      userAgent: req.headers['user-agent'] || null,
      signature: req.headers['x-nimah-signature'] || null,
      body: raw.toString('utf8'),
      receivedAt: new Date().toISOString(),
      verified: false,
      reason: null,
      duplicate: false,
      accepted: false,
      answered: null,
      closedBeforeAnswer: false,
    };
    received.push(entry);
    const reason = verify(raw, entry.signature);
    entry.verified = reason === null;
    entry.reason = reason;
    if (reason) {
      entry.answered = 401;
      return json(res, 401, { error: reason });
    }
    if (state.acceptThenStall) {
      // Processes the delivery (or knows it as a duplicate), then never answers: the sender cannot tell it arrived.
      entry.duplicate = Boolean(delivery && seen.has(delivery));
      entry.accepted = !entry.duplicate;
      if (delivery) seen.add(delivery);
      res.on('close', () => { if (!res.writableEnded) entry.closedBeforeAnswer = true; });
      return;
    }
    if (state.stall) {
      // Never answer; note when the sender gives up and closes the connection.
      res.on('close', () => { if (!res.writableEnded) entry.closedBeforeAnswer = true; });
      return;
    }
    if (delivery && seen.has(delivery)) {
      entry.duplicate = true;
      entry.answered = 200;
      return json(res, 200, { duplicate: true });
    }
    if (state.status >= 200 && state.status < 300 && delivery) seen.add(delivery);
    entry.accepted = state.status >= 200 && state.status < 300;
    entry.answered = state.status;
    const headers = { 'Content-Type': 'application/json' };
    if (state.location) headers.Location = state.location;
    res.writeHead(state.status, headers);
    res.end(JSON.stringify({ ok: state.status < 300 }));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n'));
process.on('SIGTERM', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });
`;

export interface ReceivedDelivery {
  path: string;
  method: string;
  delivery: string | null;
  event: string | null;
  contentType: string | null;
  userAgent: string | null;
  signature: string | null;
  /** The raw body, as the bytes arrived (UTF-8). */
  body: string;
  receivedAt: string;
  /** The signature matched the body and was no older than five minutes (by the receiver's clock). */
  verified: boolean;
  reason: string | null;
  /** A delivery id it had already accepted (answered 200 without processing again). */
  duplicate: boolean;
  /** Processed: verified, not a duplicate, and answered 2xx (or taken in and left unanswered, `acceptThenStall`). */
  accepted: boolean;
  /** The status it answered with; null while stalled. */
  answered: number | null;
  /** Stalled, and the sender closed the connection first. */
  closedBeforeAnswer: boolean;
}

export interface ReceiverControl {
  secret?: string;
  /** The status of the next answers (200 unless told). */
  status?: number;
  /** A Location header to send with a 3xx status. */
  location?: string;
  /** Never answer. */
  stall?: boolean;
  /** Process each delivery (dedupe included), then never answer: as if the sender died before reading the answer. */
  acceptThenStall?: boolean;
  /** Seconds added to the receiver's clock: 301 makes every signature made now look too old. */
  clockOffsetSeconds?: number;
  /** Forget what it received and the delivery ids it has seen. */
  reset?: boolean;
}

export interface WebhookReceiver {
  /** http://127.0.0.1:<port> */
  base: string;
  /** Where webhooks go: `<base>/hook`. */
  url: string;
  control(change: ReceiverControl): Promise<void>;
  received(): Promise<ReceivedDelivery[]>;
  /** POSTs raw bytes with the given headers, as an attacker replaying a captured request would. */
  replay(body: string, headers: Record<string, string>): Promise<number>;
  stop(): Promise<void>;
  process: NodeProcess;
}

/** Starts a receiver process that checks signatures with `secret`; resolves once it listens. */
export async function startWebhookReceiver(secret = ''): Promise<WebhookReceiver> {
  const proc = spawnNode(['-e', RECEIVER_SCRIPT], { PATH: process.env.PATH ?? '', RECEIVER_SECRET: secret });
  const until = Date.now() + 10_000;
  let port: number | undefined;
  while (port === undefined) {
    const line = proc.stdout().split('\n')[0];
    if (line.endsWith('}')) port = (JSON.parse(line) as { port: number }).port;
    else if (proc.child.exitCode !== null) throw new Error(`webhook receiver exited:\n${proc.output()}`);
    else if (Date.now() > until) {
      await proc.stop(1000);
      throw new Error(`webhook receiver did not start:\n${proc.output()}`);
    } else await new Promise((r) => setTimeout(r, 20));
  }
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    url: `${base}/hook`,
    process: proc,
    async control(change) {
      const res = await fetch(`${base}/control`, { method: 'POST', body: JSON.stringify(change) });
      if (res.status !== 204) throw new Error(`receiver control answered ${res.status}`);
    },
    async received() {
      return (await (await fetch(`${base}/received`)).json()) as ReceivedDelivery[];
    },
    async replay(body, headers) {
      const res = await fetch(`${base}/hook`, { method: 'POST', headers, body });
      await res.body?.cancel();
      return res.status;
    },
    stop: () => proc.stop(2000),
  };
}
