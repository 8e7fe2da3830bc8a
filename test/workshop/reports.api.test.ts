import { createHash } from 'node:crypto';
import { expect } from 'chai';
import fs from 'node:fs';
import { api, bearer } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { act } from '../helpers/workshop.js';
import { sha256, storedPath } from '../../server/lib/file-store.js';
import { Device, DeviceEvent, Drive } from '../../server/modules/devices/devices.model.js';
import { DeviceFile, Sanitization } from '../../server/modules/sanitization/sanitization.model.js';

async function intakeWith(token: string, body: Record<string, unknown>) {
  const donation = await createDonation();
  const res = await api()
    .post(`/api/donations/${donation.id}/devices`)
    .set(bearer(token))
    .send({ type: 'other', ...body })
    .expect(201);
  return res.body as { id: number; version: number; assetTag: string };
}

describe('POST /api/devices/:id/hardware-reports', () => {
  let token: string;
  beforeEach(async () => {
    token = (await signIn('technician')).token;
  });

  it('when given dmidecode text, fills make, model, serial and type, keeps the raw file by sha256, and writes an event', async () => {
    const d = await intakeWith(token, {});
    const file = fixture('hardware', 'dmidecode-laptop.txt');
    const res = await api()
      .post(`/api/devices/${d.id}/hardware-reports`)
      .set(bearer(token))
      .attach('file', file, 'whatever.bin')
      .expect(200);
    expect(res.body.format).to.equal('dmidecode');
    expect(res.body.device).to.include({ serialNumber: '5CD8123ABC', type: 'laptop' });
    expect(res.body.sha256).to.equal(sha256(file));
    expect(fs.readFileSync(storedPath(res.body.sha256)).equals(file)).to.equal(true);
    expect(
      await DeviceFile.count({ where: { deviceId: d.id, kind: 'hardware_report', sha256: sha256(file) } }),
    ).to.equal(1);
    const stored = await Device.findByPk(d.id);
    expect(stored!.serialKey).to.equal('5CD8123ABC');
    const events = await DeviceEvent.findAll({ where: { deviceId: d.id, type: 'hardware_report' } });
    expect(JSON.parse(events[0].payload)).to.include({ format: 'dmidecode', sha256: sha256(file) });
  });

  it('when the report names another serial than recorded, refuses with 409 unless force=true', async () => {
    const d = await intakeWith(token, { serialNumber: 'DIFFERENT1' });
    const res = await api()
      .post(`/api/devices/${d.id}/hardware-reports`)
      .set(bearer(token))
      .attach('file', fixture('hardware', 'dmidecode-laptop.txt'), 'x.txt')
      .expect(409);
    expect(res.body.error).to.deep.include({
      code: 'SERIAL_MISMATCH',
      details: { recorded: 'DIFFERENT1', reported: '5CD8123ABC' },
    });
    expect(await DeviceFile.count()).to.equal(0);
    await api()
      .post(`/api/devices/${d.id}/hardware-reports`)
      .set(bearer(token))
      .field('force', 'true')
      .attach('file', fixture('hardware', 'dmidecode-laptop.txt'), 'x.txt')
      .expect(200);
    expect((await Device.findByPk(d.id))!.serialNumber).to.equal('5CD8123ABC');
  });

  it('when given a Workbench 11 snapshot with erasure steps, stores the drives and their sanitization records', async () => {
    const d = await intakeWith(token, {});
    const res = await api()
      .post(`/api/devices/${d.id}/hardware-reports`)
      .set(bearer(token))
      .attach('file', fixture('hardware', 'workbench11-snapshot.json'), 's.json')
      .expect(200);
    expect(res.body.format).to.equal('workbench11');
    const serials = (res.body.drives as { serialNumber: string }[]).map((x) => x.serialNumber).sort();
    expect(serials).to.deep.equal(['100709PBN40017ABCDEF', '50026B724B0C1D2E']);
    expect(res.body.warnings.length).to.be.greaterThan(0); // the drive without a serial
    expect(await Sanitization.count({ where: { deviceId: d.id, source: 'workbench' } })).to.equal(2);
    // Spec §10: the snapshot is the tool's own evidence, so its records count at once, bound to its sha256.
    const records = await Sanitization.findAll({ where: { deviceId: d.id }, order: [['id', 'ASC']] });
    const sha = createHash('sha256').update(fixture('hardware', 'workbench11-snapshot.json')).digest('hex');
    expect(records.map((r) => [r.evidence, r.state, r.evidenceSha256])).to.deep.equal([
      ['tool_log', 'counted', sha],
      ['tool_log', 'counted', sha],
    ]);
    expect(await Drive.count({ where: { deviceId: d.id } })).to.equal(2);
  });

  it('when the content is in no known format, returns 415 and stores nothing', async () => {
    const d = await intakeWith(token, {});
    const res = await api()
      .post(`/api/devices/${d.id}/hardware-reports`)
      .set(bearer(token))
      .attach('file', Buffer.from('hello, this is not a report'), 'lshw.json')
      .expect(415);
    expect(res.body.error.code).to.equal('UNSUPPORTED_FILE_TYPE');
    expect(await DeviceFile.count()).to.equal(0);
  });

  it('when a JSON report is cut short, returns 4xx in the error shape, never 500', async () => {
    const d = await intakeWith(token, {});
    const text = fixture('hardware', 'workbench11-snapshot.json').subarray(0, 300);
    const res = await api()
      .post(`/api/devices/${d.id}/hardware-reports`)
      .set(bearer(token))
      .attach('file', text, 's.json');
    expect(res.status).to.be.oneOf([415, 422]);
    expect(res.body.error.code).to.be.a('string');
  });

  it('when the file is over the upload limit, returns 413 FILE_TOO_LARGE', async () => {
    const d = await intakeWith(token, {});
    const res = await api()
      .post(`/api/devices/${d.id}/hardware-reports`)
      .set(bearer(token))
      .attach('file', Buffer.alloc(10 * 1024 * 1024 + 1, 32), 'big.txt')
      .expect(413);
    expect(res.body.error.code).to.equal('FILE_TOO_LARGE');
  });

  it('when no file is sent, returns 400 naming file', async () => {
    const d = await intakeWith(token, {});
    const res = await api()
      .post(`/api/devices/${d.id}/hardware-reports`)
      .set(bearer(token))
      .field('force', 'false')
      .expect(400);
    expect(res.body.error.details[0].path).to.equal('file');
  });
});

describe('POST /api/devices/:id/sanitizations', () => {
  let token: string;
  beforeEach(async () => {
    token = (await signIn('technician')).token;
  });

  const nwipeDrives = [
    { serialNumber: 'S2ZYJ9CF613407', mediaType: 'hdd' },
    { serialNumber: 'S3Z9NB0K123456X', mediaType: 'ssd' },
  ];

  it('when given an nwipe log, creates one passed record per drive, matched by serial, with the log sha256 as evidence', async () => {
    const d = await intakeWith(token, { drives: nwipeDrives });
    const log = fixture('nwipe', 'all-erased-two-drives.log');
    const res = await api()
      .post(`/api/devices/${d.id}/sanitizations`)
      .set(bearer(token))
      .attach('file', log, 'nwipe.log')
      .expect(201);
    expect(res.body.records).to.have.length(2);
    for (const r of res.body.records)
      expect(r).to.include({
        result: 'passed',
        method: 'clear',
        technique: 'overwrite',
        verification: 'last_pass',
        source: 'nwipe',
        evidenceSha256: sha256(log),
      });
    expect(fs.existsSync(storedPath(sha256(log)))).to.equal(true);
    expect(await Sanitization.count({ where: { deviceId: d.id, result: 'passed' } })).to.equal(2);
    expect(await DeviceEvent.count({ where: { deviceId: d.id, type: 'sanitization' } })).to.equal(2);
    const detail = await api().get(`/api/devices/${d.id}`).set(bearer(token)).expect(200);
    expect(detail.body.files).to.have.length(1);
    const download = await api()
      .get(`/api/devices/${d.id}/files/${detail.body.files[0].id}`)
      .set(bearer(token))
      .buffer(true)
      .parse((r, done) => {
        const c: Buffer[] = [];
        r.on('data', (x: Buffer) => c.push(x));
        r.on('end', () => done(null, Buffer.concat(c)));
      })
      .expect(200);
    expect(download.headers['content-type']).to.equal('application/octet-stream');
    expect(download.headers['content-disposition']).to.match(/^attachment/);
    expect((download.body as Buffer).equals(log)).to.equal(true);
  });

  it('when the log has a failed drive, stores it as failed, and the wipe cannot be completed', async () => {
    const d = await intakeWith(token, {
      drives: [
        { serialNumber: 'WD-WCC2EUA12345', mediaType: 'hdd' },
        { serialNumber: 'TE85113Q0ABCDE', mediaType: 'hdd' },
      ],
    });
    const res = await api()
      .post(`/api/devices/${d.id}/sanitizations`)
      .set(bearer(token))
      .attach('file', fixture('nwipe', 'one-drive-failed.log'), 'n.log')
      .expect(201);
    expect(
      (res.body.records as { driveSerial: string; result: string }[]).map((r) => `${r.driveSerial}:${r.result}`).sort(),
    ).to.deep.equal(['TE85113Q0ABCDE:failed', 'WD-WCC2EUA12345:passed']);
    const wiped = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'reuse' });
    const refused = await api()
      .post(`/api/devices/${d.id}/actions`)
      .set(bearer(token))
      .send({ action: 'complete_wipe', version: wiped.version })
      .expect(422);
    expect(refused.body.error.details.map((x: { serialNumber: string }) => x.serialNumber)).to.deep.equal([
      'TE85113Q0ABCDE',
    ]);
  });

  it('when the log names a drive the device does not have, returns 422 UNKNOWN_DRIVE and stores nothing', async () => {
    const d = await intakeWith(token, { drives: [nwipeDrives[0]] });
    const res = await api()
      .post(`/api/devices/${d.id}/sanitizations`)
      .set(bearer(token))
      .attach('file', fixture('nwipe', 'all-erased-two-drives.log'), 'n.log')
      .expect(422);
    expect(res.body.error.code).to.equal('UNKNOWN_DRIVE');
    expect(await Sanitization.count()).to.equal(0);
    expect(await DeviceFile.count()).to.equal(0);
  });

  it('when a JSON record names the operator as verifier, returns 422', async () => {
    const { user, token: own } = await signIn('technician');
    const d = await intakeWith(own, { drives: [nwipeDrives[0]] });
    const res = await api()
      .post(`/api/devices/${d.id}/sanitizations`)
      .set(bearer(own))
      .send({
        driveSerial: 'S2ZYJ9CF613407',
        method: 'clear',
        technique: 'overwrite',
        tool: 'nwipe 0.35',
        verification: 'last_pass',
        result: 'passed',
        verifierId: user.id,
      })
      .expect(422);
    expect(res.body.error.code).to.equal('VERIFIER_IS_OPERATOR');
  });

  it('when a JSON record has another verifier, stores both people', async () => {
    const verifier = await signIn('manager');
    const { user, token: own } = await signIn('technician');
    const d = await intakeWith(own, { drives: [nwipeDrives[0]] });
    const res = await api()
      .post(`/api/devices/${d.id}/sanitizations`)
      .set(bearer(own))
      .send({
        driveSerial: 's2zyj9cf613407',
        method: 'purge',
        technique: 'ata_secure_erase',
        tool: 'hdparm 9.65',
        verification: 'all_passes',
        result: 'passed',
        verifierId: verifier.user.id,
        startedAt: '2026-11-20T08:00:00Z',
        finishedAt: '2026-11-20T08:40:00Z',
      })
      .expect(201);
    expect(res.body).to.include({
      operatorId: user.id,
      verifierId: verifier.user.id,
      driveSerial: 'S2ZYJ9CF613407',
      startedAt: '2026-11-20T08:00:00.000Z',
    });
  });

  it('when the JSON record is invalid, returns 400 with a detail per field', async () => {
    const d = await intakeWith(token, { drives: [nwipeDrives[0]] });
    const res = await api()
      .post(`/api/devices/${d.id}/sanitizations`)
      .set(bearer(token))
      .send({ driveSerial: 'S2ZYJ9CF613407', method: 'erase', technique: 'magic', result: 'ok' })
      .expect(400);
    expect((res.body.error.details as { path: string }[]).map((x) => x.path).sort()).to.deep.equal([
      'method',
      'result',
      'technique',
      'tool',
      'verification',
    ]);
  });

  it('when the upload is not a text log, returns 415', async () => {
    const d = await intakeWith(token, { drives: [nwipeDrives[0]] });
    await api()
      .post(`/api/devices/${d.id}/sanitizations`)
      .set(bearer(token))
      .attach('file', Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]), 'n.log')
      .expect(415);
  });
});
