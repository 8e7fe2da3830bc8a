// Kills the real server (SIGKILL: no shutdown code runs) in the middle of a 10,000-row CSV import and in the
// middle of a stream of lifecycle actions, restarts it on the same database, and checks that nothing was half
// written. Runs on the suite's dialect: a temp SQLite file, or nimah_crash_test on the MariaDB/MySQL server.
import { expect } from 'chai';
import { auditVerify, versionMismatches } from './consistency.js';
import { createDonation, kill, signInAdmin, startServer, stop, type ServerProcess } from './server-process.js';
import { freshTargetDb, type TargetDb } from './target-db.js';
import { manifestCsv, newActionLog, seededRandom, uploadManifest, workshopWorker } from './workloads.js';

const ROWS = 10_000;

describe('crash safety: SIGKILL of the real server', function () {
  this.timeout(180_000);
  let db: TargetDb;
  let server: ServerProcess | undefined;
  let token = '';
  let workshopIds: number[] = [];

  const restart = async () => {
    server = await startServer(db.env);
    token = await signInAdmin(server.base);
    return server;
  };

  before(async () => {
    db = await freshTargetDb('crash', 'nimah_crash_test');
    await restart();
    // Devices for the lifecycle stream; importing them first also warms the server up, so the timing below is fair.
    const donation = await createDonation(server!.base, token);
    expect(await uploadManifest(server!.base, token, donation.id, manifestCsv(300, 'LIFE')).answered).to.equal(201);
    workshopIds = (
      await db.select<{ id: number }>('SELECT id FROM devices WHERE donation_id = :id ORDER BY id', { id: donation.id })
    ).map((r) => Number(r.id));
  });

  after(async () => {
    if (server && server.child.exitCode === null) await stop(server);
    await db.close();
  });

  const devicesOf = async (donationId: number) =>
    Number(
      (
        await db.select<{ n: number }>('SELECT COUNT(*) AS n FROM devices WHERE donation_id = :id', { id: donationId })
      )[0].n,
    );

  it(`when killed in the middle of a ${ROWS.toLocaleString('en')}-row CSV import, keeps none of that import's devices and every chain verifies`, async () => {
    // A full import first: it proves "all" and starts the parse workers (their first start costs seconds under
    // tsx). A second one, on warm workers, measures how long the work takes on this machine: timed on the cold one,
    // the kills below would come after a warm import had already committed.
    const warm = await createDonation(server!.base, token);
    expect(await uploadManifest(server!.base, token, warm.id, manifestCsv(ROWS, 'WARM')).answered).to.equal(201);
    expect(await devicesOf(warm.id)).to.equal(ROWS);
    const full = await createDonation(server!.base, token);
    const upload = uploadManifest(server!.base, token, full.id, manifestCsv(ROWS, 'FULL'));
    const sentAt = await upload.sent;
    expect(await upload.answered).to.equal(201);
    const importMs = Date.now() - sentAt;
    expect(await devicesOf(full.id)).to.equal(ROWS);

    let killedAfter: number | undefined;
    let victim = 0;
    for (const share of [0.5, 0.3, 0.15, 0.05]) {
      const target = await createDonation(server!.base, token, 'pickup');
      victim = target.id;
      const cut = uploadManifest(server!.base, token, target.id, manifestCsv(ROWS, `CUT${victim}-`));
      const delay = Math.max(10, Math.round(importMs * share));
      await cut.sent;
      await new Promise((r) => setTimeout(r, delay));
      if (cut.isAnswered()) {
        // The import won the race: it must then be complete. Try again, earlier.
        expect(await devicesOf(target.id)).to.equal(ROWS);
        continue;
      }
      await kill(server!);
      killedAfter = delay;
      break;
    }
    console.log(
      `      import of ${ROWS} rows took ${importMs} ms; killed ${killedAfter} ms after the upload was sent (${db.dialect})`,
    );
    expect(killedAfter, 'every import finished before the kill').to.be.a('number');

    await restart();
    expect(await devicesOf(victim)).to.equal(0);
    const [donation] = await db.select<{ status: string; received_count: number }>(
      'SELECT status, received_count FROM donations WHERE id = :id',
      { id: victim },
    );
    expect(donation).to.deep.include({ status: 'scheduled' });
    expect(Number(donation.received_count)).to.equal(0);
    const report = await auditVerify(server!.base, token);
    expect(report.broken).to.deep.equal([]);
    const [{ n }] = await db.select<{ n: number }>('SELECT COUNT(*) AS n FROM devices');
    expect(report).to.include({ ok: true, devicesChecked: Number(n) });
  });

  it("when killed in the middle of a stream of lifecycle actions, every version equals the device's status events and every chain verifies", async () => {
    const ids = [...workshopIds];
    const log = newActionLog();
    let killed = false;
    const random = seededRandom(20261125);
    const workers = Array.from({ length: 8 }, () =>
      workshopWorker(server!.base, token, ids, log, random, () => killed),
    );
    while (log.ok < 60 && ids.length > 0) await new Promise((r) => setTimeout(r, 10));
    const inFlight = log.sent - log.ok - log.conflicts;
    await kill(server!);
    killed = true;
    await Promise.all(workers);
    console.log(`      ${log.ok} actions acknowledged, ${inFlight} in flight at the kill (${db.dialect})`);
    expect(ids.length, 'the stream ended before the kill').to.be.greaterThan(0);
    expect(log.serverErrors).to.deep.equal([]);

    await restart();
    expect(await versionMismatches(db.select)).to.deep.equal([]);
    // What the server acknowledged before it died is still there.
    const versions = new Map(
      (await db.select<{ id: number; version: number }>('SELECT id, version FROM devices')).map((r) => [
        Number(r.id),
        Number(r.version),
      ]),
    );
    const lost = [...log.acknowledged].filter(([id, v]) => (versions.get(id) ?? -1) < v);
    expect(lost, 'acknowledged actions lost').to.deep.equal([]);
    const report = await auditVerify(server!.base, token);
    expect(report.broken).to.deep.equal([]);
    expect(report.ok).to.equal(true);
  });
});
