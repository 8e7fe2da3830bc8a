// Failure drills on the cluster, in the middle of a burst of traffic through nginx:
// - one instance killed with SIGKILL (no shutdown code runs): reads never show an error (nginx passes a read that
//   failed to another instance), a write that was cut off is reported to its client (502) and never retried behind
//   its back, nothing is half-written (versions match the events, the figures match a recount, every chain verifies),
//   and the instance, started again by its supervisor, serves again;
// - the replica stopped (scripts/cluster/db-pair.sh stop-replica): reads keep succeeding from the primary and
//   /api/health says "degraded" until the replica is back.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { rebuildFigures } from '../../server/modules/figures/index.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { auditVerify, versionMismatches } from '../reliability/consistency.js';
import { manifestCsv, nextAction, seededRandom, uploadManifest } from '../reliability/workloads.js';
import {
  cluster,
  instanceHealthy,
  instancePid,
  instancesThatServed,
  select,
  send,
  tally,
  until,
  type ClusterResponse,
} from './cluster.js';

const WORKERS = 6;
const DEVICES = 150;

interface Device {
  id: number;
  status: string;
  version: number;
}

interface Burst {
  reads: ClusterResponse[];
  writes: ClusterResponse[];
  /** Requests answered so far, reads and writes. */
  answered: () => number;
}

/**
 * WORKERS loops, each taking devices from the queue and driving them through the workshop: a read of the device
 * page, then its next action with that version. A write that failed is followed by a new read, as a user would
 * reload the page. Runs until `done()` says so or the queue is empty.
 */
async function burst(token: string, queue: number[], done: (b: Burst) => boolean): Promise<Burst> {
  const b: Burst = { reads: [], writes: [], answered: () => b.reads.length + b.writes.length };
  const random = seededRandom(21);
  const worker = async () => {
    while (!done(b)) {
      const id = queue.shift();
      if (id === undefined) return;
      for (;;) {
        if (done(b)) return;
        const page = await send<Device>(token, 'GET', `/api/devices/${id}`);
        b.reads.push(page);
        if (page.status !== 200) break;
        const action = nextAction(page.body.status, random);
        if (!action) break;
        b.writes.push(
          await send(token, 'POST', `/api/devices/${id}/actions`, { ...action, version: page.body.version }),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return b;
}

const run = promisify(execFile);

describe('cluster: failure drills', function () {
  this.timeout(180_000);
  let token: string;
  let queue: number[];
  beforeEach(async () => {
    token = (await signIn('admin')).token;
    const donation = await createDonation();
    const upload = uploadManifest(cluster.url, token, donation.id, manifestCsv(DEVICES, 'DRILL'));
    expect(await upload.answered).to.equal(201);
    queue = (await select<{ id: number }>('SELECT id FROM devices ORDER BY id')).map((r) => Number(r.id));
  });

  it('when an instance is killed with SIGKILL mid-burst, no read fails, cut-off writes are reported, nothing is half-written, and it serves again', async () => {
    const victim = cluster.ports[1];
    const pid = instancePid(victim);
    let killedAt = -1;
    const b = await burst(token, queue, (state) => {
      if (killedAt < 0 && state.answered() >= 90) {
        killedAt = state.answered();
        process.kill(pid, 'SIGKILL');
      }
      return killedAt >= 0 && state.answered() >= killedAt + 180;
    });
    const before = [...b.reads, ...b.writes].slice(0, 30);
    console.log(
      `      killed ${victim} (pid ${pid}) after ${killedAt} answers; reads ${JSON.stringify(tally(b.reads.map((r) => r.status)))}, writes ${JSON.stringify(tally(b.writes.map((r) => r.status)))}; ${[...b.reads, ...b.writes].filter((r) => r.upstream.includes(',')).length} passed on by nginx`,
    );
    expect(killedAt, 'the kill happened mid-burst').to.be.greaterThan(0);
    expect(instancesThatServed(before), 'all three served before the kill').to.deep.equal(cluster.ports);

    // Reads: nginx passed each one that failed on the dead instance to a live one.
    expect(
      b.reads.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.upstream}`),
      'reads that failed',
    ).to.deep.equal([]);
    // Writes: done (200), or cut off and reported as such (502): never anything else, never a silent retry.
    expect(Object.keys(tally(b.writes.map((r) => r.status)))).to.satisfy((codes: string[]) =>
      codes.every((c) => c === '200' || c === '502'),
    );

    // Nothing half-written: every device's version counts its status events, the figures equal a recount.
    expect(await versionMismatches(select)).to.deep.equal([]);
    expect(await rebuildFigures({ repair: false }), 'figures drifted from a recount').to.deep.equal([]);
    const chains = await auditVerify(cluster.url, token);
    expect(chains.broken).to.deep.equal([]);
    expect(chains.ok).to.equal(true);

    // The supervisor started it again: it answers, under a new pid, and nginx sends it requests again.
    await instanceHealthy(victim);
    expect(instancePid(victim)).to.not.equal(pid);
    const served = await until('nginx to pass requests to the restarted instance again', async () => {
      const answers = await Promise.all(Array.from({ length: 6 }, () => send(token, 'GET', '/api/health')));
      return instancesThatServed(answers).includes(victim) ? answers : undefined;
    });
    expect(served.every((r) => r.status === 200)).to.equal(true);
  });

  it('when the replica stops mid-burst, reads keep succeeding and /api/health says degraded until it is back', async function () {
    if (!cluster.replicaUrl) this.skip();
    const pair = (command: string) => run('scripts/cluster/db-pair.sh', [command, path.join(cluster.dir, 'db')]);
    const health = (port: number) =>
      send<{ status: string; reason?: string; replicas?: { state: string }[] }>(
        null,
        'GET',
        '/api/health',
        undefined,
        `http://127.0.0.1:${port}`,
      );
    // Before: every instance reads the replica (the monitor saw it reachable and close behind).
    for (const port of cluster.ports)
      await until(`instance ${port} to read the replica`, async () => {
        const res = await health(port);
        return res.body.status === 'ok' && res.body.replicas?.[0]?.state === 'ok' ? true : undefined;
      });
    // Readers run on until 150 answers after the replica's server was killed (db-pair.sh returns once it is gone).
    let stopping: Promise<unknown> | undefined;
    let stoppedAt = Infinity;
    const readers = async (state: { answered: number; failed: string[] }) => {
      const paths = [
        '/api/devices?page=1',
        '/api/reports/dashboard',
        `/api/devices/${queue[0]}`,
        '/api/devices?q=DRILL',
      ];
      for (let i = 0; state.answered < stoppedAt + 150; i += 1) {
        const res = await send(token, 'GET', paths[i % paths.length]);
        state.answered += 1;
        if (res.status !== 200) state.failed.push(`${paths[i % paths.length]}: ${res.status} ${res.upstream}`);
        if (!stopping && state.answered >= 60)
          stopping = pair('stop-replica').then(
            () => {
              stoppedAt = state.answered;
            },
            (error: Error) => {
              stoppedAt = state.answered;
              state.failed.push(`db-pair.sh stop-replica: ${error.message}`);
            },
          );
      }
    };
    const state = { answered: 0, failed: [] as string[] };
    try {
      await Promise.all(Array.from({ length: 4 }, () => readers(state)));
      expect(state.failed, 'reads that failed while the replica stopped').to.deep.equal([]);
      for (const port of cluster.ports) {
        const answer = await until(`instance ${port} to report the replica`, async () => {
          const res = await health(port);
          return res.body.status === 'degraded' ? res : undefined;
        });
        expect(answer.status, 'a degraded instance still takes traffic').to.equal(200);
        expect(answer.body.replicas?.[0]?.state).to.equal('unreachable');
        if (port === cluster.ports[0]) console.log(`      /api/health: degraded, ${answer.body.reason}`);
      }
    } finally {
      await stopping?.catch(() => undefined);
      await pair('start-replica');
    }
    for (const port of cluster.ports)
      await until(`instance ${port} to use the replica again`, async () =>
        (await health(port)).body.status === 'ok' ? true : undefined,
      );
  });
});
