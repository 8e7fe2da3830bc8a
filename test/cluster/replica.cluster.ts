// Read replicas (issue 21): which reads a replica serves, and what happens when it falls behind or dies. A Nimah
// server process reads a MariaDB primary and its replica (scripts/cluster/db-pair.sh): the one the cluster harness
// started (CLUSTER_PRIMARY_URL, CLUSTER_REPLICA_URL, the pair in CLUSTER_DIR/db), or, run alone
// (`npm run test:cluster:replica`), a pair of its own on free ports in a temp folder, stopped after.
// The server gets a database of its own on the pair, so the harness's tables are not touched.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import mysql from 'mysql2/promise';
import { freePort, root, tempDataDir } from '../helpers/processes.js';
import { call, createDonation, signInAdmin, startServer, type ServerProcess } from '../reliability/server-process.js';

const PAIR = path.join(root, 'scripts', 'cluster', 'db-pair.sh');
/** Long enough for the stale reads of the first test to be done well inside it on a busy machine. */
const MAX_LAG_MS = 8000;

interface Health {
  status: string;
  reason?: string;
  replicas?: Array<{ replica: string; state: string; lagMs?: number }>;
}
interface Dashboard {
  totalDevices: number;
}
interface DeviceList {
  items: Array<{ id: number }>;
}

describe('read replicas: routing, lag and failure (issue 21)', function () {
  this.timeout(180_000);
  let pairDir: string;
  let ownPair: string | undefined;
  let pairEnv: Record<string, string> = {};
  let primaryServer: string;
  let replicaServer: string;
  let server: ServerProcess;
  let dataDir: string | undefined;
  let token: string;
  let donationId: number;
  const database = `nimah_replica_${process.pid}`;

  const pair = (command: string) =>
    execFileSync(PAIR, [command, pairDir], {
      encoding: 'utf8',
      env: { ...process.env, ...pairEnv },
      stdio: ['ignore', 'pipe', 'pipe'], // its progress lines are in the error when it fails
    });
  const onReplica = async (sql: string) => {
    const connection = await mysql.createConnection(replicaServer);
    try {
      return (await connection.query(sql))[0];
    } finally {
      await connection.end();
    }
  };
  const get = async <T>(url: string, cookie?: string): Promise<T> => {
    const res = await fetch(`${server.base}${url}`, {
      headers: { Authorization: `Bearer ${token}`, ...(cookie ? { Cookie: cookie } : {}) },
    });
    expect(res.status, `${url}: ${res.status}`).to.equal(200);
    return (await res.json()) as T;
  };
  const health = () => get<Health>('/api/health');
  /** Asks /api/health until `ok` holds (the monitor looks every half second); fails after 30 s. */
  const healthUntil = async (ok: (h: Health) => boolean): Promise<Health> => {
    for (const until = Date.now() + 30_000; ;) {
      const h = await health();
      if (ok(h)) return h;
      if (Date.now() > until) throw new Error(`health never got there: ${JSON.stringify(h)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const intake = async (serial: string): Promise<number> => {
    const res = await call<{ id: number }>(server.base, token, 'POST', `/api/donations/${donationId}/devices`, {
      type: 'laptop',
      manufacturer: 'Lenovo',
      model: 'ThinkPad T480',
      serialNumber: serial,
      drives: [],
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.id;
  };
  /** Waits until the replica has applied everything written so far (it holds device `id`). */
  const replicated = async (id: number) => {
    for (const until = Date.now() + 30_000; Date.now() < until;) {
      const rows = (await onReplica(`SELECT id FROM \`${database}\`.devices WHERE id = ${Number(id)}`)) as unknown[];
      if (rows.length) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`device ${id} never reached the replica`);
  };
  const dashboardTotal = async (cookie?: string) =>
    (await get<Dashboard>('/api/reports/dashboard', cookie)).totalDevices;

  before(async function () {
    if (process.env.CLUSTER_PRIMARY_URL) {
      if (!process.env.CLUSTER_REPLICA_URL || !process.env.CLUSTER_DIR) this.skip(); // a primary without replica
      pairDir = path.join(process.env.CLUSTER_DIR, 'db');
      primaryServer = new URL('/', process.env.CLUSTER_PRIMARY_URL).toString().replace(/\/$/, '');
      replicaServer = new URL('/', process.env.CLUSTER_REPLICA_URL).toString().replace(/\/$/, '');
    } else {
      pairDir = ownPair = tempDataDir('replica-pair');
      pairEnv = { CLUSTER_PRIMARY_PORT: String(await freePort()), CLUSTER_REPLICA_PORT: String(await freePort()) };
      const out = pair('start');
      primaryServer = /^CLUSTER_PRIMARY_URL=(.*)$/m.exec(out)?.[1] ?? '';
      replicaServer = /^CLUSTER_REPLICA_URL=(.*)$/m.exec(out)?.[1] ?? '';
    }
    dataDir = tempDataDir('replica-server');
    server = await startServer({
      DATA_DIR: dataDir,
      DATABASE_URL: `${primaryServer}/${database}`,
      DATABASE_REPLICA_URLS: replicaServer,
      REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
      OUTBOX_WORKER: 'off',
    });
    token = await signInAdmin(server.base);
    donationId = (await createDonation(server.base, token)).id;
  });

  after(async () => {
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (ownPair) {
      pair('stop');
      fs.rmSync(ownPair, { recursive: true, force: true });
    } else if (primaryServer) {
      // The harness's pair: replicating as it was, without this test's database.
      pair('start-replica');
      const connection = await mysql.createConnection(primaryServer);
      await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await connection.end();
    }
  });

  it('reports and lists read the replica (stale while replication is stopped), the device page and the intake queue the primary; a client that just wrote reads the primary', async () => {
    const first = await intake('RPL-0001');
    await replicated(first);
    expect((await health()).status).to.equal('ok');
    await onReplica('STOP SLAVE');
    const second = await intake('RPL-0002');
    // Every write answers with nimah_wrote, lasting longer than a replica may lag (8 s) and one heartbeat.
    const write = await fetch(`${server.base}/api/donations/${donationId}/devices`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(write.status).to.equal(400);
    expect(write.headers.get('set-cookie')).to.match(
      /^nimah_wrote=1; Max-Age=10; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/,
    );

    // Routes marked `reads: 'replica'`: what the replica holds, without the second device.
    expect(await dashboardTotal()).to.equal(1);
    expect((await get<DeviceList>('/api/devices')).items.map((d) => d.id)).to.deep.equal([first]);
    // Everything else reads the primary: the device page of the device the replica does not have, the queue.
    expect((await get<{ id: number }>(`/api/devices/${second}`)).id).to.equal(second);
    const queue = await get<{ devices: Array<{ id: number }> }>('/api/intake-queue');
    expect(queue.devices.map((d) => d.id)).to.include.members([first, second]);
    // A browser that has just written carries nimah_wrote (set by its write): its reports read the primary.
    expect(await dashboardTotal('nimah_wrote=1')).to.equal(2);
    // Still within REPLICA_MAX_LAG_MS: the stale answers above were the replica's, not a failure.
    expect((await health()).status).to.equal('ok');
  });

  it('a replica further behind than REPLICA_MAX_LAG_MS is not read: reports come from the primary and health is degraded (200) with the lag', async () => {
    const h = await healthUntil((x) => x.status === 'degraded');
    expect(h.reason).to.match(/^replica 127\.0\.0\.1:\d+ lagging \d+ ms$/);
    expect(h.replicas?.[0]).to.include({ state: 'lagging' });
    expect(await dashboardTotal()).to.equal(2);
    expect((await get<DeviceList>('/api/devices')).items).to.have.length(2);

    await onReplica('START SLAVE');
    expect((await healthUntil((x) => x.status === 'ok')).replicas?.[0]).to.include({ state: 'ok' });
  });

  it('a killed replica: reads still succeed from the primary, health says it is unreachable; started again, it is read again', async () => {
    pair('stop-replica');
    // Right after the kill, before the monitor has looked: the pooled replica connections are dead, the reads
    // fall back to the primary without an error.
    for (let i = 0; i < 5; i += 1) {
      expect(await dashboardTotal()).to.equal(2);
      expect((await get<DeviceList>('/api/devices')).items).to.have.length(2);
    }
    const h = await healthUntil((x) => x.status === 'degraded');
    expect(h.reason).to.match(/^replica 127\.0\.0\.1:\d+ unreachable: /);
    const third = await intake('RPL-0003');
    expect(await dashboardTotal()).to.equal(3);

    pair('start-replica');
    await healthUntil((x) => x.status === 'ok');
    await replicated(third);
    // Read again: stop its replication once more, and the reports show what it holds, not the primary's newest.
    await onReplica('STOP SLAVE');
    const fourth = await intake('RPL-0004');
    expect(await dashboardTotal()).to.equal(3);
    await onReplica('START SLAVE');
    await replicated(fourth);
    expect(await dashboardTotal()).to.equal(4);
  });
});
