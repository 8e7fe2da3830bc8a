// The races of test/reliability/races.test.ts and test/outbox/, on a real cluster: the racing requests go through
// nginx, which spreads them over three instances (each checks that all three answered), so the one winner is decided
// by the database (row locks, compare-and-set, the sequence upsert, the outbox's claim), not by one process's memory.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { verifiedBeneficiary } from '../documents/documents.helpers.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { intake, readyDevice } from '../helpers/workshop.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { cluster, instancesThatServed, select, send, tally, until, type ClusterResponse } from './cluster.js';

const SECRET = 'cluster-races-secret-01';

describe('cluster: races through nginx over three instances', function () {
  this.timeout(120_000);
  let token: string;
  beforeEach(async () => {
    token = (await signIn('manager')).token;
  });

  it('when the three instances started at once on the empty database, one migrated it and created the first admin', () => {
    const logs = cluster.ports.map((p) => fs.readFileSync(path.join(cluster.dir, `instance-${p}.log`), 'utf8'));
    const count = (event: string) => logs.filter((log) => log.includes(`"${event}"`)).length;
    expect({ migrated: count('db.migrated'), admin: count('auth.first_admin_created') }).to.deep.equal({
      migrated: 1,
      admin: 1,
    });
    expect(count('server.listening')).to.equal(3);
  });

  it('when 9 allocations of one ready device to 9 families race, exactly one wins and the others get 409', async () => {
    const seen: ClusterResponse[] = [];
    for (let round = 0; round < 2; round += 1) {
      const device = await readyDevice(token);
      const families = await Promise.all(Array.from({ length: 9 }, () => verifiedBeneficiary(token)));
      const answers = await Promise.all(
        families.map((b) => send(token, 'POST', '/api/allocations', { deviceId: device.id, beneficiaryId: b.id })),
      );
      seen.push(...answers);
      expect(tally(answers.map((r) => r.status)), `round ${round}`).to.deep.equal({ 201: 1, 409: 8 });
      const active = await select<{ n: number }>(
        "SELECT COUNT(*) AS n FROM allocations WHERE device_id = :id AND status = 'reserved'",
        { id: device.id },
      );
      expect(Number(active[0].n)).to.equal(1);
    }
    expect(instancesThatServed(seen)).to.deep.equal(cluster.ports);
  });

  it('when 30 intakes into one donation race, their asset tags are unique and gap-free', async () => {
    const donation = await createDonation();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        send<{ assetTag: string }>(token, 'POST', `/api/donations/${donation.id}/devices`, {
          type: 'laptop',
          manufacturer: 'Dell',
          model: 'Latitude 5490',
          serialNumber: `CLUSTER${String(i).padStart(4, '0')}`,
        }),
      ),
    );
    expect(tally(answers.map((r) => r.status))).to.deep.equal({ 201: 30 });
    const numbers = answers.map((r) => Number(/(\d+)$/.exec(r.body.assetTag)?.[1])).sort((a, b) => a - b);
    expect(numbers).to.deep.equal(Array.from({ length: 30 }, (_, i) => numbers[0] + i));
    expect(instancesThatServed(answers)).to.deep.equal(cluster.ports);
  });

  it('when 9 actions on one device race with the same version, one wins and the others get 409 STALE_VERSION', async () => {
    const seen: ClusterResponse[] = [];
    for (let round = 0; round < 2; round += 1) {
      const device = await intake(token);
      const answers = await Promise.all(
        Array.from({ length: 9 }, (_, i) =>
          send<{ error?: { code: string }; version?: number }>(token, 'POST', `/api/devices/${device.id}/actions`, {
            action: 'triage',
            version: device.version,
            needsRepair: i % 2 === 0,
            disposition: 'reuse',
            findings: `racer ${i}`,
          }),
        ),
      );
      seen.push(...answers);
      expect(tally(answers.map((r) => r.status)), `round ${round}`).to.deep.equal({ 200: 1, 409: 8 });
      expect(new Set(answers.filter((r) => r.status === 409).map((r) => r.body.error?.code))).to.deep.equal(
        new Set(['STALE_VERSION']),
      );
      const page = await send<{ version: number }>(token, 'GET', `/api/devices/${device.id}`);
      expect(page.body.version).to.equal(device.version + 1);
      const events = await select<{ n: number }>(
        'SELECT COUNT(*) AS n FROM device_events WHERE device_id = :id AND to_status IS NOT NULL',
        { id: device.id },
      );
      expect(Number(events[0].n), 'the intake and exactly one triage').to.equal(2);
    }
    expect(instancesThatServed(seen)).to.deep.equal(cluster.ports);
  });

  describe('the outbox, claimed by the workers of all three instances', () => {
    let receiver: WebhookReceiver | undefined;
    before(async () => {
      receiver = await startWebhookReceiver(SECRET);
    });
    after(async () => {
      await receiver?.stop();
    });

    it('when 40 messages are queued, each is claimed once and sent once', async () => {
      const { token: admin } = await signIn('admin');
      // Every instance runs its delivery worker (OUTBOX_WORKER on, polling every 100 ms): they compete for the rows.
      for (const port of cluster.ports)
        expect(
          fs.readFileSync(path.join(cluster.dir, `instance-${port}.log`), 'utf8'),
          `instance ${port}'s worker`,
        ).to.include('outbox.worker_started');
      await receiver!.control({ reset: true });
      const hook = await send(admin, 'POST', '/api/webhooks', {
        url: receiver!.url,
        events: ['donation.received'],
        secret: SECRET,
      });
      expect(hook.status, JSON.stringify(hook.body)).to.equal(201);
      const donor = await send<{ id: number }>(admin, 'POST', '/api/donors', { kind: 'company', name: 'شركة الراجحي' });
      const donations = await Promise.all(
        Array.from({ length: 40 }, () =>
          send(admin, 'POST', '/api/donations', { donorId: donor.body.id, channel: 'drop_off' }),
        ),
      );
      expect(tally(donations.map((r) => r.status))).to.deep.equal({ 201: 40 });

      const counts = await until('every message to be sent', async () => {
        const page = await send<{ counts: Record<string, number> }>(admin, 'GET', '/api/outbox');
        return page.body.counts?.sent === 40 ? page.body.counts : undefined;
      });
      expect(counts).to.deep.equal({ pending: 0, sending: 0, sent: 40, dead: 0 });
      const attempts = await select<{ attempts: number }>('SELECT attempts FROM outbox_messages');
      expect(tally(attempts.map((r) => Number(r.attempts))), 'claims per message').to.deep.equal({ 1: 40 });
      const got = await receiver!.received();
      expect(got.length, 'deliveries that reached the receiver').to.equal(40);
      expect(got.every((d) => d.verified && d.accepted && !d.duplicate)).to.equal(true);
      expect(new Set(got.map((d) => d.delivery)).size).to.equal(40);
    });
  });
});
