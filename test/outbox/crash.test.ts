// At least once, exactly once per key at the receiver (issue 17 point 1): server processes are killed with SIGKILL
// (no shutdown code runs) first after their changes committed and before anything was sent, then while the receiver
// had taken the messages in but not yet answered. After each restart every message arrives; the receiver, which
// dedupes by X-Nimah-Delivery, processes each key exactly once, and none is lost.
import { expect } from 'chai';
import path from 'node:path';
import { testDir } from '../env.js';
import { bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { operatorEnv, spawnNode, startServer, type Server } from '../helpers/processes.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const SECRET = 'crash-test-secret-0001';

const serverEnv = (worker: 'on' | 'off', name: string) =>
  operatorEnv({
    DATABASE_URL: process.env.DATABASE_URL!,
    DATA_DIR: testDir,
    PII_KEY: process.env.PII_KEY!,
    LOG_LEVEL: 'info',
    LOG_FILE: path.join(testDir, `server-crash-${name}-${process.pid}.log`),
    WEBHOOK_ALLOW_PRIVATE: 'true',
    OUTBOX_WORKER: worker,
    OUTBOX_POLL_MS: '100',
    OUTBOX_LEASE_MS: '1000',
  });

/** SIGKILL: the process ends at once, mid-whatever, as on a power cut or an OOM kill. */
async function kill(server: Server): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('outbox: SIGKILL between commit and send, and between send and settle', function () {
  this.timeout(120_000);
  let receiver: WebhookReceiver | undefined;
  const servers: Server[] = [];
  before(async () => {
    receiver = await startWebhookReceiver(SECRET);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop(1000)));
    await receiver?.stop();
  });

  it('when servers are killed at those points and restarted, every message arrives and each key is processed once', async () => {
    const { token } = await signIn('admin');
    const call = async (server: Server, method: string, url: string, body?: unknown) => {
      const res = await fetch(`${server.base}${url}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...bearer(token) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };

    // 1. Changes committed by a server whose worker is off, then killed: the messages are only rows.
    const first = await startServer(serverEnv('off', 'first'));
    servers.push(first);
    await call(first, 'POST', '/api/webhooks', {
      url: receiver!.url,
      events: ['donation.received', 'device.status_changed'],
      secret: SECRET,
    });
    const donor = await call(first, 'POST', '/api/donors', { kind: 'company', name: 'شركة الخليج للتقنية' });
    const donation = await call(first, 'POST', '/api/donations', { donorId: donor.id, channel: 'drop_off' });
    for (const serial of ['CRASH-1', 'CRASH-2']) {
      const device = await call(first, 'POST', `/api/donations/${String(donation.id)}/devices`, {
        type: 'laptop',
        serialNumber: serial,
      });
      await call(first, 'POST', `/api/devices/${String(device.id)}/actions`, {
        action: 'triage',
        version: device.version,
        needsRepair: false,
        disposition: 'reuse',
      });
    }
    const queued = (await call(first, 'GET', '/api/outbox')) as {
      items: { idempotencyKey: string; status: string }[];
    };
    expect(queued.items.map((m) => m.status)).to.deep.equal(['pending', 'pending', 'pending']);
    const keys = queued.items.map((m) => m.idempotencyKey).sort();
    await kill(first);
    expect(await receiver!.received()).to.deep.equal([]);

    // 2. A server with a worker sends them; the receiver takes each in but never answers; the server is killed.
    await receiver!.control({ acceptThenStall: true });
    const second = await startServer(serverEnv('on', 'second'));
    servers.push(second);
    await until('the receiver to take the three in', async () =>
      (await receiver!.received()).length >= 3 ? true : undefined,
    );
    await kill(second);

    // 3. Restarted: once the leases of the dead worker end, the messages go again; the receiver knows them.
    await receiver!.control({ acceptThenStall: false });
    const third = await startServer(serverEnv('on', 'third'));
    servers.push(third);
    const settled = await until('every message to be marked sent', async () => {
      const page = (await call(third, 'GET', '/api/outbox')) as { counts: Record<string, number> };
      return page.counts.sent === 3 ? page.counts : undefined;
    });
    expect(settled).to.deep.equal({ pending: 0, sending: 0, sent: 3, dead: 0 });
    await third.stop(5000);

    const got = await receiver!.received();
    expect(got.every((d) => d.verified)).to.equal(true);
    // Every key arrived, each processed exactly once; the resends after the kill were known as duplicates.
    const processed = got.filter((d) => d.accepted).map((d) => d.delivery!);
    expect(processed.sort()).to.deep.equal(keys);
    expect(
      got
        .filter((d) => d.duplicate)
        .map((d) => d.delivery!)
        .sort(),
    ).to.deep.equal(keys);
  });

  it('when the web server runs no worker (OUTBOX_WORKER=off), `npm run worker` as its own process delivers, and stops cleanly on SIGTERM', async () => {
    const { token } = await signIn('admin');
    await receiver!.control({ reset: true, acceptThenStall: false, status: 200 });
    const web = await startServer(serverEnv('off', 'web'));
    servers.push(web);
    const post = async (url: string, body: unknown) => {
      const res = await fetch(`${web.base}${url}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...bearer(token) },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (res.status >= 300) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    await post('/api/webhooks', { url: receiver!.url, events: ['donation.received'], secret: SECRET });
    const donor = await post('/api/donors', { kind: 'individual', name: 'محمد العتيبي' });
    await post('/api/donations', { donorId: donor.id, channel: 'drop_off' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await receiver!.received()).to.deep.equal([]);

    const worker = spawnNode(['--import', 'tsx', 'server/worker.ts'], serverEnv('on', 'worker'));
    try {
      const got = await until('the worker process to deliver', async () => {
        const all = await receiver!.received();
        return all.length ? all : undefined;
      });
      expect(got.map((d) => [d.event, d.verified, d.accepted])).to.deep.equal([['donation.received', true, true]]);
    } finally {
      worker.child.kill('SIGTERM');
    }
    expect(await worker.exited).to.equal(0);
  });
});
