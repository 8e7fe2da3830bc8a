// Phones and tablets (issue 19, spec §14, docs/phones.md): the IMEI taken in at intake (15 digits, Luhn-checked,
// Arabic-Indic digits accepted, one device per IMEI), found by the scan box, and the wipe of a phone: one record of
// the whole device, a factory reset with encryption verified on (NIST SP 800-88 purge by cryptographic erase).
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { postDevice, postManifest, type ErrorBodyOf } from '../helpers/more-factories.js';
import { act, intake } from '../helpers/workshop.js';
import { Device, DeviceEvent } from '../../server/modules/devices/devices.model.js';
import { Sanitization } from '../../server/modules/sanitization/sanitization.model.js';
import { rebuildFigures } from '../../server/modules/figures/index.js';
import { sanitizedDriveMethods } from '../../server/modules/documents/documents.donor-receipt-data.js';
import type {
  DashboardDto,
  DeviceDetailDto,
  DeviceDto,
  FieldErrorDto,
  SanitizationDto,
  ScanResultDto,
  WipeIncompleteDetail,
} from '../../server/shared/index.js';

const IMEI = '490154203237518';
const IMEI_ARABIC = '٤٩٠١٥٤-٢٠٣٢٣٧-٥١٨';
const OTHER_IMEI = '356938035643809';
const phone = (fields: Record<string, unknown> = {}) => ({
  type: 'phone',
  manufacturer: 'Samsung',
  model: 'Galaxy A52',
  serialNumber: 'R58R12ABCDE',
  imei: IMEI,
  ...fields,
});
const FACTORY_RESET = {
  technique: 'factory_reset_encrypted',
  encryptionVerified: true,
  osVersion: 'Android 14',
  result: 'passed',
  finishedAt: '2026-11-20T09:15:00Z',
};

const fieldErrors = (body: unknown) => (body as ErrorBodyOf<FieldErrorDto[]>).error.details ?? [];
const scan = (token: string, code: string) =>
  api()
    .get(`/api/scan/${encodeURIComponent(code)}`)
    .set(bearer(token));
const record = (token: string, deviceId: number, body: Record<string, unknown>) =>
  api().post(`/api/devices/${deviceId}/sanitizations`).set(bearer(token)).send(body);
const confirm = (token: string, id: number) =>
  api().post(`/api/sanitizations/${id}/confirm`).set(bearer(token)).expect(200);
const page = async (token: string, id: number) =>
  (await api().get(`/api/devices/${id}`).set(bearer(token)).expect(200)).body as DeviceDetailDto;
const drivesSanitized = async (token: string) =>
  ((await api().get('/api/reports/dashboard').set(bearer(token)).expect(200)).body as DashboardDto).drivesSanitized;

describe('phones and tablets (docs/phones.md)', () => {
  let tech: string;
  beforeEach(async () => {
    tech = (await signIn('technician')).token;
  });

  describe('IMEI at intake', () => {
    it('when a phone is taken in with its IMEI in Arabic-Indic digits and hyphens, stores the 15 Latin digits and says so in its history', async () => {
      const donation = await createDonation();

      const res = await postDevice(tech, donation.id, phone({ imei: IMEI_ARABIC })).expect(201);

      expect(res.body as DeviceDto).to.include({ type: 'phone', imei: IMEI, status: 'intake' });
      const stored = (await Device.findByPk((res.body as DeviceDto).id))!;
      expect(stored.imei).to.equal(IMEI);
      const [event] = await DeviceEvent.findAll({ where: { deviceId: stored.id } });
      expect(JSON.parse(event.payload)).to.include({ imei: IMEI });
      expect((await page(tech, stored.id)).imei).to.equal(IMEI);
    });

    it('when a tablet carries an IMEI (a cellular iPad), accepts it; a device without one reads imei null', async () => {
      const donation = await createDonation();

      const ipad = await postDevice(tech, donation.id, { type: 'tablet', imei: '35 693803 564380 9' }).expect(201);
      const laptop = await postDevice(tech, donation.id, { type: 'laptop', imei: '' }).expect(201);

      expect(ipad.body).to.include({ type: 'tablet', imei: OTHER_IMEI });
      expect(laptop.body).to.include({ imei: null });
      expect((await Device.findByPk((laptop.body as DeviceDto).id))!.imei).to.equal(null);
    });

    const refusals: [string, Record<string, unknown>, string][] = [
      ['14 digits', phone({ imei: '49015420323751' }), 'imei.length'],
      ['a letter in it', phone({ imei: '49015420323751A' }), 'imei.length'],
      ['a wrong check digit', phone({ imei: '490154203237517' }), 'imei.checksum'],
      ['a wrong check digit in Arabic-Indic digits', phone({ imei: '٤٩٠١٥٤٢٠٣٢٣٧٥١٧' }), 'imei.checksum'],
      ['a laptop', { type: 'laptop', imei: IMEI }, 'imei.notPhone'],
    ];
    for (const [what, body, type] of refusals) {
      it(`when the IMEI has ${what}, answers 400 naming imei with type ${type} and stores nothing`, async () => {
        const donation = await createDonation();

        const res = await postDevice(tech, donation.id, body).expect(400);

        expect((res.body as ErrorBodyOf).error.code).to.equal('VALIDATION_FAILED');
        expect(fieldErrors(res.body)).to.deep.include.members([
          { ...fieldErrors(res.body).find((e) => e.path === 'imei')!, path: 'imei', type },
        ]);
        expect(fieldErrors(res.body).map((e) => e.path)).to.deep.equal(['imei']);
        expect(await Device.count()).to.equal(0);
      });
    }

    it('when the same IMEI is taken in again (written differently), answers 409 DUPLICATE_IMEI naming the device that has it', async () => {
      const donation = await createDonation();
      const first = (await postDevice(tech, donation.id, phone()).expect(201)).body as DeviceDto;

      const res = await postDevice(tech, donation.id, phone({ imei: IMEI_ARABIC, serialNumber: 'OTHER' })).expect(409);

      expect((res.body as ErrorBodyOf).error.code).to.equal('DUPLICATE_IMEI');
      expect((res.body as ErrorBodyOf).error.details).to.deep.equal([
        { path: 'imei', message: `is the IMEI of ${first.assetTag}`, existingId: first.id, assetTag: first.assetTag },
      ]);
      expect(await Device.count()).to.equal(1);
    });

    it('when a CSV manifest has an IMEI column, stores each phone with its IMEI; a repeated or known IMEI refuses the whole file', async () => {
      const donation = await createDonation();
      const csv = `type,manufacturer,model,IMEI\nphone,Apple,iPhone 11,${IMEI_ARABIC}\nphone,Samsung,Galaxy S10,${OTHER_IMEI}\n`;

      await postManifest(tech, donation.id, csv).expect(201);

      const stored = await Device.findAll({ where: { donationId: donation.id }, order: [['id', 'ASC']] });
      expect(stored.map((d) => [d.type, d.imei])).to.deep.equal([
        ['phone', IMEI],
        ['phone', OTHER_IMEI],
      ]);
      const repeated = await postManifest(
        tech,
        donation.id,
        'type,imei\nphone,352099001761481\nphone,35-209900-176148-1\n',
      ).expect(422);
      expect((repeated.body as ErrorBodyOf).error.details).to.deep.equal([
        { row: 3, field: 'imei', message: 'repeats the IMEI of row 2' },
      ]);
      const known = await postManifest(tech, donation.id, `type,imei\nphone,352099001761481\nphone,${IMEI}\n`).expect(
        409,
      );
      expect((known.body as ErrorBodyOf).error.code).to.equal('DUPLICATE_IMEI');
      const bad = await postManifest(tech, donation.id, 'type,imei\nlaptop,352099001761481\n').expect(422);
      expect((bad.body as ErrorBodyOf<{ field: string }[]>).error.details![0].field).to.equal('imei');
      expect(await Device.count({ where: { donationId: donation.id } })).to.equal(2);
    });

    it('when the device list is searched by the start of an IMEI, finds the phone', async () => {
      const donation = await createDonation();
      const created = (await postDevice(tech, donation.id, phone()).expect(201)).body as DeviceDto;
      await postDevice(tech, donation.id, phone({ imei: OTHER_IMEI, serialNumber: 'X2' })).expect(201);

      const res = await api().get('/api/devices?q=49015420').set(bearer(tech)).expect(200);

      expect((res.body as { items: DeviceDto[] }).items.map((d) => d.id)).to.deep.equal([created.id]);
    });
  });

  describe('scan', () => {
    const readings: [string, string][] = [
      [IMEI, 'as printed'],
      ['٤٩٠١٥٤٢٠٣٢٣٧٥١٨', 'in Arabic-Indic digits'],
      ['۴۹۰۱۵۴۲۰۳۲۳۷۵۱۸', 'in Eastern Arabic-Indic digits'],
      ['49-015420-323751-8', 'with the hyphens of *#06#'],
      ['IMEI 490154203237518', 'after its label'],
      ['\'çà&(\'éà"é"è(&_', 'typed on the AZERTY digit row'],
    ];
    for (const [code, how] of readings) {
      it(`when a phone's IMEI is scanned ${how}, returns the phone`, async () => {
        const donation = await createDonation();
        await postDevice(tech, donation.id, { type: 'laptop', serialNumber: '4901542032' }).expect(201);
        const created = (await postDevice(tech, donation.id, phone()).expect(201)).body as DeviceDto;

        const res = await scan(tech, code).expect(200);

        expect(res.body).to.deep.equal({
          kind: 'device',
          id: created.id,
          assetTag: created.assetTag,
          status: 'intake',
        } satisfies ScanResultDto);
      });
    }

    it('when 15 digits with a wrong check digit are scanned, finds nothing', async () => {
      const donation = await createDonation();
      await postDevice(tech, donation.id, phone()).expect(201);

      const res = await scan(tech, '490154203237517').expect(404);

      expect((res.body as ErrorBodyOf).error.code).to.equal('NOT_FOUND');
    });
  });

  describe('the wipe of a phone: a factory reset with encryption, recorded for the device', () => {
    let verifier: { token: string; id: number };
    beforeEach(async () => {
      const v = await signIn('manager');
      verifier = { token: v.token, id: v.user.id };
    });

    async function phoneInWipe(fields: Record<string, unknown> = {}): Promise<DeviceDto> {
      const donation = await createDonation();
      const created = (await postDevice(tech, donation.id, phone(fields)).expect(201)).body as DeviceDto;
      return act(tech, created, { action: 'triage', needsRepair: false, disposition: 'reuse' });
    }

    it('when its factory reset with encryption verified is confirmed by the verifier, the wipe completes on that record and the storage counts once', async () => {
      let device = await phoneInWipe();
      const before = await drivesSanitized(verifier.token);
      const refused = (
        await api()
          .post(`/api/devices/${device.id}/actions`)
          .set(bearer(tech))
          .send({ action: 'complete_wipe', version: device.version, noStorage: true })
          .expect(422)
      ).body as ErrorBodyOf<WipeIncompleteDetail[]>;
      expect(refused.error.code).to.equal('WIPE_INCOMPLETE');
      expect(refused.error.details![0]).to.include({ path: 'technique', reason: 'factory_reset_missing' });

      const created = (await record(tech, device.id, { ...FACTORY_RESET, verifierId: verifier.id }).expect(201))
        .body as SanitizationDto;

      expect(created).to.include({
        driveId: null,
        driveSerial: null,
        method: 'purge',
        technique: 'factory_reset_encrypted',
        tool: 'built-in factory reset',
        encryptionVerified: true,
        osVersion: 'Android 14',
        state: 'awaiting_confirmation',
      });
      await act(tech, device, { action: 'complete_wipe' }, 422);
      await confirm(verifier.token, created.id);
      device = await act(tech, device, { action: 'complete_wipe' });

      expect(device.status).to.equal('refurbish');
      const stored = (await Sanitization.findByPk(created.id))!;
      expect(stored).to.include({
        driveId: null,
        state: 'counted',
        osVersion: 'Android 14',
        operatorId: stored.operatorId,
      });
      expect(Boolean(stored.encryptionVerified)).to.equal(true);
      const detail = await page(tech, device.id);
      expect(detail.sanitizations!.map((s) => [s.id, s.driveSerial, s.encryptionVerified])).to.deep.equal([
        [created.id, null, true],
      ]);
      const completed = detail.events.find((e) => e.type === 'complete_wipe');
      expect(completed?.payload).to.include({ noStorage: false, drives: 0, deviceRecord: created.id });
      expect(await drivesSanitized(verifier.token)).to.equal(before + 1);
      expect(await sanitizedDriveMethods([device.donationId]), "the donor's receipt counts it once").to.deep.equal([
        'purge',
      ]);
      expect(await rebuildFigures({ repair: false })).to.deep.equal([]);
    });

    it('when the record says encryption was not verified on, refuses to complete the wipe (422 encryption_not_verified) and counts nothing', async () => {
      const device = await phoneInWipe();
      const before = await drivesSanitized(verifier.token);
      const created = (
        await record(tech, device.id, { ...FACTORY_RESET, encryptionVerified: false, verifierId: verifier.id }).expect(
          201,
        )
      ).body as SanitizationDto;
      await confirm(verifier.token, created.id);

      const res = await api()
        .post(`/api/devices/${device.id}/actions`)
        .set(bearer(tech))
        .send({ action: 'complete_wipe', version: device.version })
        .expect(422);

      expect((res.body as ErrorBodyOf).error.code).to.equal('WIPE_INCOMPLETE');
      expect((res.body as ErrorBodyOf<WipeIncompleteDetail[]>).error.details).to.deep.equal([
        {
          path: 'encryptionVerified',
          reason: 'encryption_not_verified',
          sanitizationId: created.id,
          message:
            'the factory reset was recorded without encryption verified on, so it only cleared the file system: verify encryption, reset again and record it, or destroy the storage',
        },
      ]);
      expect((await Device.findByPk(device.id))!.status).to.equal('wipe');
      expect(await drivesSanitized(verifier.token)).to.equal(before);
      expect(await sanitizedDriveMethods([device.donationId])).to.deep.equal([]);
      expect(await rebuildFigures({ repair: false })).to.deep.equal([]);
    });

    it('when a factory reset comes with a tool report as evidence, it counts at once (not read as an nwipe log)', async () => {
      let device = await phoneInWipe();
      const req = api().post(`/api/devices/${device.id}/sanitizations`).set(bearer(tech));
      for (const [k, v] of Object.entries({ ...FACTORY_RESET, tool: 'Blancco Mobile 5.2' }))
        void req.field(k, String(v));

      const res = await req
        .attach('file', Buffer.from('<report><erasure state="Successful"/></report>'), 'report.xml')
        .expect(201);

      expect(res.body as SanitizationDto).to.include({
        driveId: null,
        state: 'counted',
        evidence: 'tool_log',
        encryptionVerified: true,
        tool: 'Blancco Mobile 5.2',
      });
      device = await act(tech, device, { action: 'complete_wipe' });
      expect(device.status).to.equal('refurbish');
    });

    it('when a phone that will not boot is destroyed, a destroy record of the device (a photo) completes its wipe to disposal', async () => {
      const donation = await createDonation();
      let device = (await postDevice(tech, donation.id, phone()).expect(201)).body as DeviceDto;
      device = await act(tech, device, { action: 'triage', needsRepair: false, disposition: 'recycle' });
      const req = api().post(`/api/devices/${device.id}/sanitizations`).set(bearer(tech));
      const destroy = {
        method: 'destroy',
        technique: 'shred',
        tool: 'SSI shredder',
        verification: 'none',
        result: 'passed',
      };
      for (const [k, v] of Object.entries(destroy)) void req.field(k, v);
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

      await req.attach('file', png, 'shredded.png').expect(201);
      device = await act(tech, device, { action: 'complete_wipe' });

      expect(device.status).to.equal('disposal');
      expect(await rebuildFigures({ repair: false })).to.deep.equal([]);
    });

    it('when a factory reset is recorded for a laptop, answers 422 TECHNIQUE_NOT_FOR_DEVICE naming technique and stores nothing', async () => {
      let laptop = await intake(tech);
      laptop = await act(tech, laptop, { action: 'triage', needsRepair: false, disposition: 'reuse' });

      const res = await record(tech, laptop.id, { ...FACTORY_RESET, verifierId: verifier.id }).expect(422);

      expect((res.body as ErrorBodyOf).error.code).to.equal('TECHNIQUE_NOT_FOR_DEVICE');
      expect(fieldErrors(res.body)).to.have.length(1);
      expect(fieldErrors(res.body)[0]).to.include({ path: 'technique', type: 'technique.notPhone' });
      const missingDrive = await record(tech, laptop.id, {
        method: 'destroy',
        technique: 'shred',
        tool: 'SSI shredder',
        verification: 'none',
        result: 'passed',
        verifierId: verifier.id,
      }).expect(400);
      expect(fieldErrors(missingDrive.body).map((e) => e.path)).to.deep.equal(['driveSerial']);
      expect(await Sanitization.count()).to.equal(0);
    });

    const malformed: [string, Record<string, unknown>, string[]][] = [
      ['names a drive', { driveSerial: 'S3Z9' }, ['driveSerial']],
      ['leaves out whether encryption was verified', { encryptionVerified: undefined }, ['encryptionVerified']],
      ['leaves out the OS version', { osVersion: '' }, ['osVersion']],
      ['says it was a clear', { method: 'clear' }, ['method']],
    ];
    for (const [what, change, paths] of malformed) {
      it(`when a factory reset ${what}, answers 400 naming ${paths.join(', ')}`, async () => {
        const device = await phoneInWipe();

        const res = await record(tech, device.id, { ...FACTORY_RESET, verifierId: verifier.id, ...change }).expect(400);

        expect(fieldErrors(res.body).map((e) => e.path)).to.deep.equal(paths);
        expect(await Sanitization.count()).to.equal(0);
      });
    }

    it('when a drive record carries encryptionVerified, answers 400 naming it', async () => {
      const device = await phoneInWipe();

      const res = await record(tech, device.id, {
        driveSerial: 'S3Z9',
        method: 'purge',
        technique: 'ata_sanitize',
        tool: 'hdparm',
        verification: 'last_pass',
        result: 'passed',
        encryptionVerified: true,
        verifierId: verifier.id,
      }).expect(400);

      expect(fieldErrors(res.body).map((e) => e.path)).to.deep.equal(['encryptionVerified']);
    });
  });
});
