// Spec §10: wipe evidence no single person can forge. A record typed in by hand waits for the verifier it names, and
// only that verifier, signed in as themself, can make it count; a record with a tool's file counts at once.
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { createUser, signIn } from '../helpers/factories.js';
import { act, intake, PASSED_WIPE, readyDevice } from '../helpers/workshop.js';
import { createBeneficiary } from '../helpers/beneficiaries.js';
import { verifyChains } from '../../server/modules/devices/index.js';
import { DeviceEvent, Drive } from '../../server/modules/devices/devices.model.js';
import { DeviceFile, Sanitization } from '../../server/modules/sanitization/sanitization.model.js';
import type { DeviceDetailDto, DeviceDto, SanitizationDto } from '../../server/shared/index.js';

const nwipeLog = fixture('nwipe', 'all-erased-two-drives.log');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0d5e2ac0000000049454e44ae426082',
  'hex',
);
const BLANCCO_XML = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<root><report><blancco_erasure_report><entries name="erasure">' +
    '<entry name="state">Successful</entry><entry name="erasure_standard_name">NIST 800-88 Purge</entry></entries></blancco_erasure_report></report></root>\n',
);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

type Who = { token: string; id: number; name: string };
const person = async (role: 'technician' | 'manager' | 'admin' | 'viewer'): Promise<Who> => {
  const s = await signIn(role);
  return { token: s.token, id: s.user.id, name: s.user.name };
};

async function deviceInWipe(token: string, drives = 1): Promise<{ device: DeviceDto; serials: string[] }> {
  let device = await intake(token, drives);
  device = await act(token, device, { action: 'triage', needsRepair: false, disposition: 'reuse' });
  const detail = (await api().get(`/api/devices/${device.id}`).set(bearer(token)).expect(200)).body as DeviceDetailDto;
  return { device, serials: detail.drives.map((d) => d.serialNumber) };
}

const manual = (token: string, deviceId: number, body: Record<string, unknown>) =>
  api()
    .post(`/api/devices/${deviceId}/sanitizations`)
    .set(bearer(token))
    .send({ ...PASSED_WIPE, ...body });

function withFile(token: string, deviceId: number, fields: Record<string, unknown>, file: Buffer, name: string) {
  const req = api().post(`/api/devices/${deviceId}/sanitizations`).set(bearer(token));
  for (const [k, v] of Object.entries({ ...PASSED_WIPE, ...fields })) void req.field(k, String(v));
  return req.attach('file', file, name);
}

const completeWipe = (token: string, device: DeviceDto) =>
  api()
    .post(`/api/devices/${device.id}/actions`)
    .set(bearer(token))
    .send({ action: 'complete_wipe', version: device.version });
const confirm = (token: string, id: number) => api().post(`/api/sanitizations/${id}/confirm`).set(bearer(token));
const reject = (token: string, id: number, reason?: string) =>
  api()
    .post(`/api/sanitizations/${id}/reject`)
    .set(bearer(token))
    .send(reason === undefined ? {} : { reason });

describe('sanitization evidence and confirmation (spec §10)', () => {
  let operator: Who;
  let colleague: Who;
  let third: Who;
  beforeEach(async () => {
    [operator, colleague, third] = [await person('technician'), await person('technician'), await person('manager')];
  });

  it("when a technician types a passed record naming a colleague, it waits; only that colleague's own confirmation lets the wipe complete", async () => {
    const { device, serials } = await deviceInWipe(operator.token);
    const created = (
      await manual(operator.token, device.id, { driveSerial: serials[0], verifierId: colleague.id }).expect(201)
    ).body as SanitizationDto;
    expect(created).to.include({
      evidence: 'none',
      state: 'awaiting_confirmation',
      verifierId: colleague.id,
      operatorId: operator.id,
      confirmedBy: null,
    });

    const refused = await completeWipe(operator.token, device).expect(422);
    expect(refused.body.error.code).to.equal('WIPE_INCOMPLETE');
    expect(refused.body.error.details[0]).to.include({ serialNumber: serials[0] });

    expect((await confirm(operator.token, created.id).expect(403)).body.error.code).to.equal('OPERATOR_CANNOT_CONFIRM');
    expect((await confirm(third.token, created.id).expect(403)).body.error.code).to.equal('NOT_THE_VERIFIER');
    expect((await Sanitization.findByPk(created.id))!.state).to.equal('awaiting_confirmation');

    const before = await DeviceEvent.count({ where: { deviceId: device.id } });
    const done = (await confirm(colleague.token, created.id).expect(200)).body as SanitizationDto;
    expect(done).to.include({
      state: 'counted',
      confirmedBy: colleague.id,
      verifierName: colleague.name,
      operatorName: operator.name,
    });
    const row = (await Sanitization.findByPk(created.id))!;
    expect(row.state).to.equal('counted');
    expect(row.confirmedBy).to.equal(colleague.id);
    expect(row.confirmedAt).to.be.instanceOf(Date);
    const event = await DeviceEvent.findOne({ where: { deviceId: device.id }, order: [['seq', 'DESC']] });
    expect(await DeviceEvent.count({ where: { deviceId: device.id } })).to.equal(before + 1);
    expect(event!.toJSON()).to.include({ type: 'sanitization_confirmed', actorId: colleague.id });
    expect((await verifyChains()).ok).to.equal(true);

    expect((await confirm(colleague.token, created.id).expect(409)).body.error.code).to.equal(
      'SANITIZATION_ALREADY_DECIDED',
    );
    expect(await DeviceEvent.count({ where: { deviceId: device.id } })).to.equal(before + 1);
    expect((await completeWipe(operator.token, device).expect(200)).body).to.include({ status: 'refurbish' });
  });

  it('when the verifier rejects a record with a reason, it never counts and cannot be confirmed afterwards', async () => {
    const { device, serials } = await deviceInWipe(operator.token);
    const created = (
      await manual(operator.token, device.id, { driveSerial: serials[0], verifierId: colleague.id }).expect(201)
    ).body as SanitizationDto;

    expect((await reject(colleague.token, created.id).expect(400)).body.error.details[0].path).to.equal('reason');
    expect((await reject(third.token, created.id, 'no').expect(403)).body.error.code).to.equal('NOT_THE_VERIFIER');
    expect((await reject(operator.token, created.id, 'oops').expect(403)).body.error.code).to.equal(
      'OPERATOR_CANNOT_CONFIRM',
    );
    const res = (await reject(colleague.token, created.id, 'The drive was never in the machine I saw').expect(200))
      .body as SanitizationDto;
    expect(res).to.include({
      state: 'rejected',
      rejectedBy: colleague.id,
      rejectionReason: 'The drive was never in the machine I saw',
      confirmedBy: null,
    });
    const row = (await Sanitization.findByPk(created.id))!;
    expect([row.state, row.rejectedBy, row.rejectedAt instanceof Date]).to.deep.equal(['rejected', colleague.id, true]);
    const event = await DeviceEvent.findOne({ where: { deviceId: device.id }, order: [['seq', 'DESC']] });
    expect(event!.toJSON()).to.deep.include({ type: 'sanitization_rejected', actorId: colleague.id });
    const payload: unknown = event!.payload;
    expect((typeof payload === 'string' ? JSON.parse(payload) : payload).reason).to.equal(
      'The drive was never in the machine I saw',
    );

    expect((await confirm(colleague.token, created.id).expect(409)).body.error.code).to.equal(
      'SANITIZATION_ALREADY_DECIDED',
    );
    expect((await completeWipe(operator.token, device).expect(422)).body.error.code).to.equal('WIPE_INCOMPLETE');
    await confirm(colleague.token, 999999).expect(404);
  });

  it('when a record has no file, it must name an active staff verifier other than the operator', async () => {
    const { device, serials } = await deviceInWipe(operator.token);
    const missing = await manual(operator.token, device.id, { driveSerial: serials[0] }).expect(400);
    expect(missing.body.error).to.include({ code: 'VALIDATION_FAILED' });
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['verifierId']);
    expect(
      (await manual(operator.token, device.id, { driveSerial: serials[0], verifierId: operator.id }).expect(422)).body
        .error.code,
    ).to.equal('VERIFIER_IS_OPERATOR');
    const viewer = await person('viewer');
    const inactive = await createUser('technician', { active: false });
    for (const id of [viewer.id, inactive.id, 999999]) {
      expect(
        (await manual(operator.token, device.id, { driveSerial: serials[0], verifierId: id }).expect(422)).body.error
          .code,
      ).to.equal('VERIFIER_INVALID');
    }
    expect(await Sanitization.count()).to.equal(0);
  });

  it('when a drive is destroyed, a photo or certificate file makes the record count; without one it waits for a verifier', async () => {
    const { device, serials } = await deviceInWipe(operator.token, 2);
    const destroy = { method: 'destroy', technique: 'shred', tool: 'SEM 0300 shredder', verification: 'none' };
    // No file and no verifier: refused, nothing stored.
    expect(
      (await manual(operator.token, device.id, { ...destroy, driveSerial: serials[0] }).expect(400)).body.error
        .details[0].path,
    ).to.equal('verifierId');
    // A file that is neither an image nor a PDF: refused by content.
    await withFile(
      operator.token,
      device.id,
      { ...destroy, driveSerial: serials[0] },
      Buffer.from('just words'),
      'photo.jpg',
    ).expect(415);
    expect(await Sanitization.count()).to.equal(0);
    expect(await DeviceFile.count()).to.equal(0);

    const photo = (
      await withFile(operator.token, device.id, { ...destroy, driveSerial: serials[0] }, PNG, 'shredded.png').expect(
        201,
      )
    ).body as SanitizationDto;
    expect(photo).to.include({ evidence: 'photo', state: 'counted', evidenceSha256: sha(PNG), method: 'destroy' });
    const file = await DeviceFile.findOne({ where: { deviceId: device.id } });
    expect(file!.toJSON()).to.include({
      kind: 'destruction_evidence',
      format: 'photo-png',
      sha256: sha(PNG),
      sizeBytes: PNG.length,
    });

    const pending = (
      await manual(operator.token, device.id, { ...destroy, driveSerial: serials[1], verifierId: colleague.id }).expect(
        201,
      )
    ).body as SanitizationDto;
    expect(pending).to.include({ evidence: 'none', state: 'awaiting_confirmation' });
    expect(
      (await completeWipe(operator.token, device).expect(422)).body.error.details.map(
        (d: { serialNumber: string }) => d.serialNumber,
      ),
    ).to.deep.equal([serials[1]]);
    await confirm(colleague.token, pending.id).expect(200);
    await completeWipe(operator.token, device).expect(200);
  });

  it("when another tool's report (Blancco XML, a PDF) comes with the record's fields, it is stored by sha256 and counts at once; a photo is no erasure report", async () => {
    const { device, serials } = await deviceInWipe(operator.token, 2);
    const xml = (
      await withFile(
        operator.token,
        device.id,
        { driveSerial: serials[0], tool: 'Blancco Drive Eraser 7.9' },
        BLANCCO_XML,
        'blancco.xml',
      ).expect(201)
    ).body as SanitizationDto;
    expect(xml).to.include({
      evidence: 'tool_log',
      state: 'counted',
      evidenceSha256: sha(BLANCCO_XML),
      source: 'evidence',
      tool: 'Blancco Drive Eraser 7.9',
    });
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
    expect(
      (await withFile(operator.token, device.id, { driveSerial: serials[1] }, pdf, 'report.pdf').expect(201)).body,
    ).to.include({ evidence: 'tool_log', evidenceSha256: sha(pdf) });
    const formats = (await DeviceFile.findAll({ where: { deviceId: device.id }, order: [['id', 'ASC']] })).map((f) => [
      f.kind,
      f.format,
      f.sha256,
    ]);
    expect(formats).to.deep.equal([
      ['wipe_evidence', 'report-xml', sha(BLANCCO_XML)],
      ['wipe_evidence', 'report-pdf', sha(pdf)],
    ]);
    expect(
      (await withFile(operator.token, device.id, { driveSerial: serials[1] }, PNG, 'screen.png').expect(415)).body.error
        .code,
    ).to.equal('UNSUPPORTED_FILE_TYPE');
    expect(await Sanitization.count()).to.equal(2);
    await completeWipe(operator.token, device).expect(200);
  });

  it('when an nwipe log is uploaded, its records are tool_log and counted', async () => {
    const { device } = await deviceInWipe(operator.token, 0);
    await Drive.bulkCreate([
      { deviceId: device.id, serialNumber: 'S2ZYJ9CF613407', serialKey: 'S2ZYJ9CF613407', mediaType: 'hdd' },
      { deviceId: device.id, serialNumber: 'S3Z9NB0K123456X', serialKey: 'S3Z9NB0K123456X', mediaType: 'ssd' },
    ]);
    const res = await api()
      .post(`/api/devices/${device.id}/sanitizations`)
      .set(bearer(operator.token))
      .attach('file', nwipeLog, 'nwipe.log')
      .expect(201);
    expect((res.body.records as SanitizationDto[]).map((r) => [r.evidence, r.state, r.evidenceSha256])).to.deep.equal([
      ['tool_log', 'counted', sha(nwipeLog)],
      ['tool_log', 'counted', sha(nwipeLog)],
    ]);
  });

  it("GET /api/sanitizations?awaiting=me lists what waits for the signed-in verifier, with the device tag; the device page shows each record's state", async () => {
    const { device, serials } = await deviceInWipe(operator.token, 2);
    const mine = (
      await manual(operator.token, device.id, { driveSerial: serials[0], verifierId: colleague.id }).expect(201)
    ).body as SanitizationDto;
    await manual(operator.token, device.id, { driveSerial: serials[1], verifierId: third.id }).expect(201);

    const queue = (await api().get('/api/sanitizations?awaiting=me').set(bearer(colleague.token)).expect(200)).body;
    expect(queue).to.include({ total: 1, page: 1 });
    expect(queue.items).to.have.length(1);
    expect(queue.items[0]).to.include({
      id: mine.id,
      assetTag: device.assetTag,
      deviceStatus: 'wipe',
      driveSerial: serials[0],
      operatorName: operator.name,
      state: 'awaiting_confirmation',
    });
    expect(
      (await api().get('/api/sanitizations?awaiting=me').set(bearer(operator.token)).expect(200)).body.total,
    ).to.equal(0);
    expect(
      (await api().get('/api/sanitizations?awaiting=me').set(bearer(third.token)).expect(200)).body.items.map(
        (i: SanitizationDto) => i.driveSerial,
      ),
    ).to.deep.equal([serials[1]]);
    await api().get('/api/sanitizations').set(bearer(colleague.token)).expect(400);
    await api()
      .get('/api/sanitizations?awaiting=me')
      .set(bearer((await person('viewer')).token))
      .expect(403);

    const page = (await api().get(`/api/devices/${device.id}`).set(bearer(colleague.token)).expect(200))
      .body as DeviceDetailDto;
    expect(page.sanitizations!.map((s) => [s.state, s.evidence, s.verifierName])).to.deep.equal([
      ['awaiting_confirmation', 'none', colleague.name],
      ['awaiting_confirmation', 'none', third.name],
    ]);
    await confirm(colleague.token, mine.id).expect(200);
    expect(
      (await api().get('/api/sanitizations?awaiting=me').set(bearer(colleague.token)).expect(200)).body.total,
    ).to.equal(0);

    const verifiers = (await api().get('/api/sanitizations/verifiers').set(bearer(operator.token)).expect(200)).body
      .items as { id: number }[];
    expect(verifiers.map((v) => v.id))
      .to.include.members([colleague.id, third.id])
      .and.not.include(operator.id);
  });

  it("when a ready device's record stops counting (a legacy record), allocation refuses with 422 WIPE_INCOMPLETE", async () => {
    const manager = await person('manager');
    const device = await readyDevice(operator.token);
    await Sanitization.update({ state: 'awaiting_confirmation' }, { where: { deviceId: device.id } });
    const beneficiary = await createBeneficiary(manager.token);
    const res = await api()
      .post('/api/allocations')
      .set(bearer(manager.token))
      .send({ deviceId: device.id, beneficiaryId: beneficiary.id })
      .expect(422);
    expect(res.body.error.code).to.equal('WIPE_INCOMPLETE');
  });
});
