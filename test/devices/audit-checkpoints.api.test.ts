// Issue 16 point 7: the history's verification from stored checkpoints (GET reads, POST records) and the full
// re-verification as a background job. Runs on SQLite and, with DATABASE_URL, on MariaDB.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { postDevice, rawSelect, rawWrite } from '../helpers/more-factories.js';
import { isSqlite, withTransaction } from '../../server/db/sequelize.js';
import { appendEvent } from '../../server/modules/devices/index.js';
import { AuditCheckpoint } from '../../server/modules/devices/devices.audit.model.js';
import { DeviceEvent } from '../../server/modules/devices/devices.model.js';
import type { AuditJobDto, AuditVerifyDto, DeviceDto } from '../../server/shared/index.js';

async function takeIn(token: string, serials: string[]): Promise<DeviceDto[]> {
  const donation = await createDonation();
  const devices: DeviceDto[] = [];
  for (const serialNumber of serials)
    devices.push(
      (await postDevice(token, donation.id, { type: 'laptop', serialNumber }).expect(201)).body as DeviceDto,
    );
  return devices;
}

const note = (token: string, deviceId: number, text: string) =>
  api().post(`/api/devices/${deviceId}/notes`).set(bearer(token)).send({ text }).expect(201);

const check = async (token: string): Promise<AuditVerifyDto> =>
  (await api().get('/api/audit/verify').set(bearer(token)).expect(200)).body as AuditVerifyDto;

const record = async (token: string): Promise<AuditVerifyDto> =>
  (await api().post('/api/audit/verify').set(bearer(token)).expect(200)).body as AuditVerifyDto;

async function fullJobDone(token: string): Promise<AuditJobDto> {
  for (let i = 0; i < 200; i += 1) {
    const { job } = (await api().get('/api/audit/verify/full').set(bearer(token)).expect(200)).body as {
      job: AuditJobDto | null;
    };
    if (job && job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the full verification did not finish');
}

const newestEventId = async (): Promise<number> => (await DeviceEvent.max<number, DeviceEvent>('id')) ?? 0;

describe('audit checkpoints: POST /api/audit/verify records, GET /api/audit/verify reads', () => {
  it('when a checkpoint was recorded and notes were added since, checks only the new events and their devices', async () => {
    const { token, user } = await signIn('manager');
    const devices = await takeIn(token, ['C1', 'C2', 'C3']);
    const first = await record(token);
    await note(token, devices[0].id, 'first note');
    await note(token, devices[0].id, 'second note');
    await note(token, devices[2].id, 'third note');

    const report = await check(token);

    expect(first).to.include({ ok: true, mode: 'full', eventsChecked: 3, devicesChecked: 3 });
    expect(first.recorded).to.include({ kind: 'incremental', throughEventId: first.upTo, eventsChecked: 3 });
    expect(first.recorded!.verifiedBy).to.equal(user.id);
    expect(report).to.include({ ok: true, mode: 'incremental', eventsChecked: 3, devicesChecked: 2 });
    expect(report.since).to.equal(first.upTo);
    expect(report.upTo).to.equal(await newestEventId());
    expect(report.checkpoint).to.deep.equal(first.recorded);
    const rows = await AuditCheckpoint.findAll({ raw: true });
    expect(
      rows.map((r) => [r.kind, r.state, Boolean(r.ok), r.fromEventId, r.throughEventId, r.createdBy]),
    ).to.deep.equal([['incremental', 'done', true, 0, first.upTo, user.id]]);
  });

  it('when a second checkpoint is recorded, it starts where the first ended and the next check has nothing new', async () => {
    const { token } = await signIn('manager');
    const devices = await takeIn(token, ['D1', 'D2']);
    const first = await record(token);
    await note(token, devices[1].id, 'after the first checkpoint');

    const second = await record(token);
    const third = await check(token);

    expect(second).to.include({
      ok: true,
      mode: 'incremental',
      since: first.upTo,
      eventsChecked: 1,
      devicesChecked: 1,
    });
    expect(second.recorded).to.include({ throughEventId: second.upTo, eventsChecked: 1 });
    expect(third).to.include({ ok: true, since: second.upTo, upTo: second.upTo, eventsChecked: 0, devicesChecked: 0 });
    expect(await AuditCheckpoint.count()).to.equal(2);
  });

  it('when GET /api/audit/verify is called, with or without a checkpoint, stores nothing', async () => {
    const { token } = await signIn('admin');
    const devices = await takeIn(token, ['G1']);
    await check(token);
    expect(await AuditCheckpoint.count()).to.equal(0);
    await record(token);
    await note(token, devices[0].id, 'new');

    const before = await rawSelect<{ n: number }>('SELECT COUNT(*) AS n FROM audit_checkpoints');
    await check(token);
    await check(token);
    const after = await rawSelect<{ n: number }>('SELECT COUNT(*) AS n FROM audit_checkpoints');

    expect(Number(after[0].n)).to.equal(Number(before[0].n)).and.to.equal(1);
  });

  it('when an event written after the checkpoint is altered, the incremental check finds it and records no checkpoint', async () => {
    const { token } = await signIn('manager');
    const devices = await takeIn(token, ['T1', 'T2']);
    await record(token);
    await note(token, devices[1].id, 'written after the checkpoint');
    const event = await DeviceEvent.findOne({ where: { deviceId: devices[1].id, seq: 2 } });

    await rawWrite('UPDATE device_events SET payload = :payload WHERE id = :id', {
      payload: '{"text":"rewritten"}',
      id: event!.id,
    });
    const read = await check(token);
    const posted = await record(token);

    for (const report of [read, posted]) {
      expect(report).to.include({ ok: false, mode: 'incremental', eventsChecked: 1 });
      expect(report.broken).to.have.length(1);
      expect(report.broken[0]).to.include({
        deviceId: devices[1].id,
        assetTag: devices[1].assetTag,
        seq: 2,
        eventId: event!.id,
      });
      expect(report.broken[0].reason).to.match(/altered/);
    }
    expect(posted.recorded).to.equal(null);
    expect(await AuditCheckpoint.count()).to.equal(1);
  });

  it('when the newest event of a device touched since the checkpoint is deleted, the incremental check names the device', async () => {
    const { token } = await signIn('manager');
    const devices = await takeIn(token, ['L1']);
    await record(token);
    await note(token, devices[0].id, 'one');
    await note(token, devices[0].id, 'two');

    await rawWrite('DELETE FROM device_events WHERE device_id = :id AND seq = 3', { id: devices[0].id });
    const report = await check(token);

    expect(report).to.include({ ok: false, eventsChecked: 1, devicesChecked: 1 });
    expect(report.broken.map((b) => [b.deviceId, b.seq, b.eventId])).to.deep.equal([[devices[0].id, 3, null]]);
  });

  it('when the stored predecessor of an event written after the checkpoint is removed, the incremental check names it', async () => {
    const { token } = await signIn('manager');
    const devices = await takeIn(token, ['P1', 'P2']);
    await record(token);
    await note(token, devices[0].id, 'links to event 1, written before the checkpoint');
    await note(token, devices[1].id, 'intact');
    const second = await DeviceEvent.findOne({ where: { deviceId: devices[0].id, seq: 2 } });

    await rawWrite('DELETE FROM device_events WHERE device_id = :id AND seq = 1', { id: devices[0].id });
    const report = await check(token);

    expect(report).to.include({ ok: false, eventsChecked: 2, devicesChecked: 2 });
    expect(report.broken.map((b) => [b.deviceId, b.seq, b.eventId])).to.deep.equal([[devices[0].id, 2, second!.id]]);
    expect(report.broken[0].reason).to.match(/missing event 1/);
  });

  it('when an event with a lower id commits after a higher one (MariaDB), POST waits for it before recording', async function () {
    if (isSqlite()) this.skip(); // one writer at a time: SQLite's ids commit in order
    const { token } = await signIn('manager');
    const [slow, fast] = await takeIn(token, ['R1', 'R2']);
    await record(token);
    let release!: () => void;
    let written!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const inserted = new Promise<void>((resolve) => (written = resolve));
    const open = withTransaction(async (transaction) => {
      await appendEvent(slow.id, { type: 'note', actorId: null, payload: { text: 'committed late' } }, transaction);
      written();
      await held;
    });
    await inserted;
    await note(token, fast.id, 'committed first, with the higher id');

    let answered = false;
    const posting = record(token).then((report) => {
      answered = true;
      return report;
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const answeredWhileOpen = answered;
    release();
    await open;
    const posted = await posting;

    expect(answeredWhileOpen).to.equal(false);
    expect(posted).to.include({ ok: true, eventsChecked: 2, devicesChecked: 2 });
    expect(posted.recorded!.throughEventId).to.equal(await newestEventId());
  });

  it('when an event before the checkpoint is altered, the incremental check does not see it but the full job does', async () => {
    const { token } = await signIn('admin');
    const devices = await takeIn(token, ['B1', 'B2']);
    const checkpoint = await record(token);
    await note(token, devices[0].id, 'after');
    const old = await DeviceEvent.findOne({ where: { deviceId: devices[1].id, seq: 1 } });

    await rawWrite("UPDATE device_events SET to_status = 'ready' WHERE id = :id", { id: old!.id });
    const incremental = await check(token);
    await api().post('/api/audit/verify/full').set(bearer(token)).expect(202);
    const job = await fullJobDone(token);
    const after = await check(token);

    expect(incremental).to.include({ ok: true, since: checkpoint.upTo, eventsChecked: 1 });
    expect(job).to.include({ state: 'done', ok: false, brokenCount: 1, eventsChecked: 3, eventsTotal: 3 });
    expect(job.broken[0]).to.include({
      deviceId: devices[1].id,
      assetTag: devices[1].assetTag,
      seq: 1,
      eventId: old!.id,
    });
    // A job that found a broken link is no checkpoint: the next check still starts from the last one that held.
    expect(after.checkpoint!.id).to.equal(checkpoint.recorded!.id);
  });
});

describe('audit: the full re-verification job (POST/GET /api/audit/verify/full)', () => {
  it('when an admin starts it, answers 202 with its progress and it completes, becoming the checkpoint', async () => {
    const { token, user } = await signIn('admin');
    await takeIn(token, ['F1', 'F2', 'F3']);
    const upTo = await newestEventId();

    const started = (await api().post('/api/audit/verify/full').set(bearer(token)).expect(202)).body as AuditJobDto;
    const job = await fullJobDone(token);
    const next = await check(token);

    expect(started).to.include({ state: 'running', eventsChecked: 0, eventsTotal: 3, throughEventId: upTo });
    expect(started).to.include({ ok: null, startedBy: user.id, finishedAt: null, abandoned: false });
    expect(job).to.include({ id: started.id, state: 'done', ok: true, eventsChecked: 3, eventsTotal: 3 });
    expect(job).to.include({ devicesChecked: 3, brokenCount: 0, error: null });
    expect(job.finishedAt).to.be.a('string');
    const row = await AuditCheckpoint.findByPk(started.id, { raw: true });
    expect(row).to.include({ kind: 'full', state: 'done', runningGuard: null, eventsChecked: 3, eventsTotal: 3 });
    expect(next).to.include({ mode: 'incremental', since: upTo, eventsChecked: 0 });
    expect(next.checkpoint).to.include({ id: started.id, kind: 'full', throughEventId: upTo });
  });

  it('when no job was ever started, GET answers with no job', async () => {
    const { token } = await signIn('manager');

    const res = await api().get('/api/audit/verify/full').set(bearer(token)).expect(200);

    expect(res.body).to.deep.equal({ job: null });
  });

  it('when a job is running (in any instance), answers 409 naming it and starts none', async () => {
    const { token, user } = await signIn('admin');
    const now = new Date();
    const running = await AuditCheckpoint.create({
      kind: 'full',
      state: 'running',
      runningGuard: 1,
      fromEventId: 0,
      throughEventId: 0,
      eventsChecked: 0,
      eventsTotal: 0,
      devicesChecked: 0,
      ok: null,
      brokenCount: 0,
      broken: null,
      createdBy: user.id,
      startedAt: now,
      finishedAt: null,
    });

    const res = await api().post('/api/audit/verify/full').set(bearer(token)).expect(409);

    expect(res.body.error).to.include({ code: 'AUDIT_VERIFICATION_RUNNING' });
    expect(res.body.error.details).to.deep.equal({ jobId: running.id });
    expect(await AuditCheckpoint.count()).to.equal(1);
  });

  it('when a running job recorded no progress for over five minutes, marks it failed and starts a new one', async () => {
    const { token, user } = await signIn('admin');
    const long = new Date(Date.now() - 6 * 60_000);
    const stale = await AuditCheckpoint.create({
      kind: 'full',
      state: 'running',
      runningGuard: 1,
      fromEventId: 0,
      throughEventId: 0,
      eventsChecked: 0,
      eventsTotal: 0,
      devicesChecked: 0,
      ok: null,
      brokenCount: 0,
      broken: null,
      createdBy: user.id,
      startedAt: long,
      finishedAt: null,
    });
    await rawWrite('UPDATE audit_checkpoints SET updated_at = :long WHERE id = :id', { long, id: stale.id });

    const started = (await api().post('/api/audit/verify/full').set(bearer(token)).expect(202)).body as AuditJobDto;
    await fullJobDone(token);

    expect(started.id).to.not.equal(stale.id);
    const old = await AuditCheckpoint.findByPk(stale.id, { raw: true });
    expect(old).to.include({ state: 'failed', runningGuard: null });
    expect(old!.error).to.match(/abandoned/);
  });
});

describe('audit: who may verify', () => {
  it('when a viewer or a technician asks, answers 403 on every audit route; a manager may not start the full job', async () => {
    const viewer = await signIn('viewer');
    const technician = await signIn('technician');
    const manager = await signIn('manager');

    for (const { token } of [viewer, technician]) {
      await api().get('/api/audit/verify').set(bearer(token)).expect(403);
      await api().post('/api/audit/verify').set(bearer(token)).expect(403);
      await api().get('/api/audit/verify/full').set(bearer(token)).expect(403);
      await api().post('/api/audit/verify/full').set(bearer(token)).expect(403);
    }
    await api().post('/api/audit/verify/full').set(bearer(manager.token)).expect(403);
    expect(await AuditCheckpoint.count()).to.equal(0);
  });
});
