// GET /api/devices/:id reads the whole page as one statement (workshop/device-page.ts). These tests hold it to
// what the stored rows and the single-list endpoints say, value by value: dates, booleans, nulls, order.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { signIn } from '../helpers/factories.js';
import { act, intake, wipeAllDrives } from '../helpers/workshop.js';
import { withTransaction } from '../../server/db/sequelize.js';
import { appendEvent } from '../../server/modules/devices/index.js';
import { Device, DeviceEvent, Drive } from '../../server/modules/devices/devices.model.js';
import { DeviceFile, Sanitization } from '../../server/modules/sanitization/sanitization.model.js';
import type { DeviceDetailDto, DeviceEventDto, Page, SanitizationDto } from '../../server/shared/index.js';

const nwipeLog = fixture('nwipe', 'all-erased-two-drives.log');

describe('GET /api/devices/:id (the device page in one round trip)', () => {
  it('when the device has drives, history, wipe records and a file, returns each list exactly as stored', async () => {
    const { token, user } = await signIn('technician');
    let device = await intake(token, 2);
    const first = await Drive.findOne({ where: { deviceId: device.id }, order: [['id', 'ASC']] });
    await first!.update({ capacityBytes: null, smartPassed: false });
    device = await act(token, device, { action: 'triage', needsRepair: false, disposition: 'reuse' });
    await wipeAllDrives(token, device.id);
    await api()
      .post(`/api/devices/${device.id}/notes`)
      .set(bearer(token))
      .send({ text: 'شاشة مكسورة (زاوية) ← "quoted" \\ back' })
      .expect(201);

    const page = (await api().get(`/api/devices/${device.id}`).set(bearer(token)).expect(200)).body as DeviceDetailDto;

    const stored = await Device.findByPk(device.id);
    expect(page).to.include({
      id: device.id,
      version: stored!.version,
      status: 'wipe',
      statusChangedAt: stored!.statusChangedAt.toISOString(),
      updatedAt: stored!.updatedAt.toISOString(),
    });
    const drives = await Drive.findAll({ where: { deviceId: device.id }, order: [['id', 'ASC']] });
    expect(page.drives.map((d) => [d.id, d.serialNumber, d.capacityBytes, d.smartPassed])).to.deep.equal(
      drives.map((d) => [
        d.id,
        d.serialNumber,
        d.capacityBytes === null ? null : Number(d.capacityBytes),
        d.smartPassed ?? null,
      ]),
    );
    const events = await DeviceEvent.findAll({ where: { deviceId: device.id }, order: [['seq', 'ASC']] });
    expect(page.events.map((e) => [e.seq, e.type, e.actorName, e.createdAt, e.hash])).to.deep.equal(
      events.map((e) => [e.seq, e.type, user.name, e.createdAt.toISOString(), e.hash]),
    );
    expect(page.events.at(-1)!.payload).to.deep.equal({ text: 'شاشة مكسورة (زاوية) ← "quoted" \\ back' });
    const history = (await api().get(`/api/devices/${device.id}/events`).set(bearer(token)).expect(200))
      .body as Page<DeviceEventDto>;
    expect(page.events).to.deep.equal(history.items);
    const records = (await api().get(`/api/devices/${device.id}/sanitizations`).set(bearer(token)).expect(200))
      .body as SanitizationDto[];
    expect(records).to.have.length(2);
    expect(page.sanitizations).to.deep.equal(records);
    expect(page.sanitizations![0]).to.include({
      startedAt: '2026-11-20T08:00:00.000Z',
      finishedAt: '2026-11-20T08:40:00.000Z',
      driveSerial: drives[0].serialNumber,
    });
    // wipeAllDrives evidences each record with a tool's report file (spec §10), listed as stored.
    const files = await DeviceFile.findAll({ where: { deviceId: device.id }, order: [['id', 'ASC']] });
    expect(page.files!.map((f) => [f.id, f.sha256, f.sizeBytes])).to.deep.equal(
      files.map((f) => [f.id, f.sha256, f.sizeBytes]),
    );
    expect(files).to.have.length(2);
    expect(await Sanitization.count({ where: { deviceId: device.id } })).to.equal(2);
  });

  it('when an nwipe log was uploaded, lists its file with the stored size, hash and time', async () => {
    const { token } = await signIn('technician');
    const d = await intake(token, 0);
    await Drive.bulkCreate([
      { deviceId: d.id, serialNumber: 'S2ZYJ9CF613407', serialKey: 'S2ZYJ9CF613407', mediaType: 'hdd' },
      { deviceId: d.id, serialNumber: 'S3Z9NB0K123456X', serialKey: 'S3Z9NB0K123456X', mediaType: 'ssd' },
    ]);
    await api()
      .post(`/api/devices/${d.id}/sanitizations`)
      .set(bearer(token))
      .attach('file', nwipeLog, 'nwipe.log')
      .expect(201);

    const page = (await api().get(`/api/devices/${d.id}`).set(bearer(token)).expect(200)).body as DeviceDetailDto;

    const file = await DeviceFile.findOne({ where: { deviceId: d.id } });
    expect(page.files).to.deep.equal([
      {
        id: file!.id,
        kind: file!.kind,
        format: file!.format,
        sha256: file!.sha256,
        sizeBytes: nwipeLog.length,
        originalName: 'nwipe.log',
        createdAt: file!.createdAt.toISOString(),
      },
    ]);
    expect(page.sanitizations!.map((s) => s.driveSerial)).to.deep.equal(['S2ZYJ9CF613407', 'S3Z9NB0K123456X']);
  });

  it('when drives have several wipe records and the device several files, lists each once, in order, without multiplying the others', async () => {
    const { token } = await signIn('technician');
    let device = await intake(token, 3);
    device = await act(token, device, { action: 'triage', needsRepair: false, disposition: 'reuse' });
    const drives = await Drive.findAll({ where: { deviceId: device.id }, order: [['id', 'ASC']] });
    await api()
      .post(`/api/devices/${device.id}/sanitizations`)
      .set(bearer(token))
      .send({
        driveSerial: drives[0].serialNumber,
        method: 'purge',
        technique: 'ata_sanitize',
        tool: 'nwipe 0.37',
        verification: 'last_pass',
        result: 'failed',
        verifierId: (await signIn('manager')).user.id,
      })
      .expect(201);
    await wipeAllDrives(token, device.id);
    await DeviceFile.bulkCreate([
      {
        deviceId: device.id,
        kind: 'hardware_report',
        format: 'lshw',
        sha256: 'a'.repeat(64),
        sizeBytes: 10,
        originalName: 'one.json',
      },
      {
        deviceId: device.id,
        kind: 'wipe_evidence',
        format: 'nwipe',
        sha256: 'b'.repeat(64),
        sizeBytes: 20,
        originalName: 'two.log',
      },
    ]);

    const page = (await api().get(`/api/devices/${device.id}`).set(bearer(token)).expect(200)).body as DeviceDetailDto;

    expect(page.drives.map((d) => d.id)).to.deep.equal(drives.map((d) => d.id));
    const records = await Sanitization.findAll({ where: { deviceId: device.id }, order: [['id', 'ASC']] });
    expect(records).to.have.length(4);
    expect(page.sanitizations!.map((r) => [r.id, r.driveId, r.result, r.driveSerial])).to.deep.equal(
      records.map((r) => [r.id, r.driveId, r.result, drives.find((d) => d.id === r.driveId)!.serialNumber]),
    );
    const files = await DeviceFile.findAll({ where: { deviceId: device.id }, order: [['id', 'ASC']] });
    expect(page.files!.map((f) => [f.id, f.originalName, f.sizeBytes])).to.deep.equal(
      files.map((f) => [f.id, f.originalName, f.sizeBytes]),
    );
    const events = await DeviceEvent.findAll({ where: { deviceId: device.id }, order: [['seq', 'ASC']] });
    expect(page.events.map((e) => e.seq)).to.deep.equal(events.map((e) => e.seq));
  });

  it('when the history is longer than 500 events and ~3 MB, returns its first 500 in order, whole', async () => {
    const { token, user } = await signIn('technician');
    const d = await intake(token);
    const text = 'ملاحظة '.repeat(400); // 3,200 characters, about 5.6 KB each in UTF-8: 520 of them are ~2.9 MB
    await withTransaction(async (transaction) => {
      for (let i = 1; i <= 520; i += 1)
        await appendEvent(d.id, { type: 'note', actorId: user.id, payload: { text: `${i} ${text}` } }, transaction);
    });

    const page = (await api().get(`/api/devices/${d.id}`).set(bearer(token)).expect(200)).body as DeviceDetailDto;

    expect(page.events).to.have.length(500);
    expect(page.events.map((e) => e.seq)).to.deep.equal(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(page.events[499].payload).to.deep.equal({ text: `499 ${text}` });
  });

  it('when the device has no drives and one event, returns empty lists rather than null', async () => {
    const { token } = await signIn('viewer');
    const tech = await signIn('technician');
    const d = await intake(tech.token, 0);

    const page = (await api().get(`/api/devices/${d.id}`).set(bearer(token)).expect(200)).body as DeviceDetailDto;

    expect([page.drives, page.sanitizations, page.files]).to.deep.equal([[], [], []]);
    expect(page.events).to.have.length(1);
  });
});
