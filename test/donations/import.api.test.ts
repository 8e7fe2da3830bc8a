import { expect } from 'chai';
import { config } from '../../server/config.js';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import {
  countRows,
  createDeviceRecord,
  postDevice,
  postManifest,
  type ErrorBodyOf,
} from '../helpers/more-factories.js';
import { Device, DeviceEvent } from '../../server/modules/devices/devices.model.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import type { FieldErrorDto, ImportResponse, ImportRowError } from '../../server/shared/index.js';

/** Devices of a donation, oldest first, with the fields a manifest sets. */
async function storedDevices(donationId: number) {
  const rows = await Device.findAll({ where: { donationId }, order: [['id', 'ASC']] });
  return rows.map((d) => ({
    assetTag: d.assetTag,
    type: d.type,
    manufacturer: d.manufacturer,
    model: d.model,
    serialNumber: d.serialNumber,
    notes: d.notes ?? null,
    cpu: d.cpu ?? null,
    status: d.status,
  }));
}

async function historySize(): Promise<{ devices: number; events: number; drives: number }> {
  return {
    devices: await countRows('devices'),
    events: await countRows('device_events'),
    drives: await countRows('drives'),
  };
}

describe('POST /api/donations/:id/devices/import (CSV manifest)', () => {
  it('when a comma-separated manifest is sent, returns 201 with the count and stores every row in intake with its first event', async () => {
    const { token, user } = await signIn('technician');
    const donation = await createDonation({ status: 'received' });
    const csv =
      'type,manufacturer,model,serialNumber,notes\n' +
      'laptop,Lenovo,ThinkPad T480,PF1ABC23,no charger\n' +
      'desktop,Dell,OptiPlex 7050,7XK2L12,\n' +
      'monitor,HP,E24 G4,CN-41234,\n';

    const res = await postManifest(token, donation.id, csv).expect(201);

    const body = res.body as ImportResponse;
    expect(body.imported).to.equal(3);
    expect(body.devices.map((d) => d.assetTag)).to.deep.equal(['NM000001', 'NM000002', 'NM000003']);
    expect(await storedDevices(donation.id)).to.deep.equal([
      {
        assetTag: 'NM000001',
        type: 'laptop',
        manufacturer: 'Lenovo',
        model: 'ThinkPad T480',
        serialNumber: 'PF1ABC23',
        notes: 'no charger',
        cpu: null,
        status: 'intake',
      },
      {
        assetTag: 'NM000002',
        type: 'desktop',
        manufacturer: 'Dell',
        model: 'OptiPlex 7050',
        serialNumber: '7XK2L12',
        notes: null,
        cpu: null,
        status: 'intake',
      },
      {
        assetTag: 'NM000003',
        type: 'monitor',
        manufacturer: 'HP',
        model: 'E24 G4',
        serialNumber: 'CN-41234',
        notes: null,
        cpu: null,
        status: 'intake',
      },
    ]);
    const events = await DeviceEvent.findAll({ order: [['deviceId', 'ASC']] });
    expect(events.map((e) => [e.deviceId, e.seq, e.type, e.actorId, e.toStatus])).to.deep.equal(
      body.devices.map((d) => [d.id, 1, 'intake', user.id, 'intake']),
    );
    expect(JSON.parse(events[0].payload)).to.deep.equal({ donationId: donation.id, source: 'csv_import', drives: [] });
    for (const e of events) expect(e.hash).to.match(/^[0-9a-f]{64}$/);
    expect((await Donation.findByPk(donation.id))?.receivedCount).to.equal(3);
  });

  it('when a semicolon manifest with a UTF-8 BOM has a quoted field holding ";" and a doubled quote, stores the field exactly', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();
    const csv =
      '\uFEFFtype;manufacturer;model;serialNumber;notes\r\n' +
      'laptop;Dell;"Latitude; 5490";DL-5490-01;"screen ""cracked""; keyboard OK"\r\n' +
      'tablet;Apple;iPad 6;DMPX1234;\r\n';

    const res = await postManifest(token, donation.id, csv).expect(201);

    expect((res.body as ImportResponse).imported).to.equal(2);
    const [dell, ipad] = await storedDevices(donation.id);
    expect(dell).to.include({
      type: 'laptop',
      manufacturer: 'Dell',
      model: 'Latitude; 5490',
      serialNumber: 'DL-5490-01',
      notes: 'screen "cracked"; keyboard OK',
    });
    expect(ipad).to.include({
      type: 'tablet',
      manufacturer: 'Apple',
      model: 'iPad 6',
      serialNumber: 'DMPX1234',
      notes: null,
    });
  });

  it('when a semicolon manifest has an unquoted comma inside a field, keeps the comma in that field', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();
    // What a French/Moroccan Excel writes: ";" between fields, commas inside text left unquoted.
    const csv =
      'type;manufacturer;model;serialNumber;notes\n' +
      'laptop;HP;EliteBook 840 G5;5CG8281ABC;écran rayé, batterie faible\n';

    await postManifest(token, donation.id, csv).expect(201);

    const [hp] = await storedDevices(donation.id);
    expect(hp).to.include({
      model: 'EliteBook 840 G5',
      serialNumber: '5CG8281ABC',
      notes: 'écran rayé, batterie faible',
    });
  });

  it('when the header names are Arabic, maps them to the fields', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();
    const csv =
      'النوع,الشركة المصنعة,الموديل,الرقم التسلسلي,ملاحظات\n' +
      'laptop,لينوفو,ThinkPad X250,PC0ABCDE,بطارية ضعيفة\n' +
      'all_in_one,HP,ProOne 400,8CC123XYZ,\n';

    const res = await postManifest(token, donation.id, csv).expect(201);

    expect((res.body as ImportResponse).imported).to.equal(2);
    expect(await storedDevices(donation.id)).to.deep.equal([
      {
        assetTag: 'NM000001',
        type: 'laptop',
        manufacturer: 'لينوفو',
        model: 'ThinkPad X250',
        serialNumber: 'PC0ABCDE',
        notes: 'بطارية ضعيفة',
        cpu: null,
        status: 'intake',
      },
      {
        assetTag: 'NM000002',
        type: 'all_in_one',
        manufacturer: 'HP',
        model: 'ProOne 400',
        serialNumber: '8CC123XYZ',
        notes: null,
        cpu: null,
        status: 'intake',
      },
    ]);
  });

  it('when a DeviceHub-style sheet has no type column and the form field type=laptop is sent, stores every row as a laptop', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();
    const csv =
      'DHID,Manufacturer,Model,Serial Number,Processor,Data Storage Size (MB)\n' +
      'K8D2M,HP,EliteBook 840 G5,5CG8281ABC,Intel Core i5-8350U,256000\n' +
      'Q3V7X,Lenovo,ThinkPad T470,PF0XYZ12,Intel Core i5-7300U,512000\n';

    const res = await postManifest(token, donation.id, csv, { type: 'laptop' }).expect(201);

    expect((res.body as ImportResponse).imported).to.equal(2);
    expect(await storedDevices(donation.id)).to.deep.equal([
      {
        assetTag: 'NM000001',
        type: 'laptop',
        manufacturer: 'HP',
        model: 'EliteBook 840 G5',
        serialNumber: '5CG8281ABC',
        notes: null,
        cpu: 'Intel Core i5-8350U',
        status: 'intake',
      },
      {
        assetTag: 'NM000002',
        type: 'laptop',
        manufacturer: 'Lenovo',
        model: 'ThinkPad T470',
        serialNumber: 'PF0XYZ12',
        notes: null,
        cpu: 'Intel Core i5-7300U',
        status: 'intake',
      },
    ]);
  });

  it('when the sheet has no type column and no default type, returns 422 naming the type column and stores nothing', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();

    const res = await postManifest(token, donation.id, 'Manufacturer,Model\nHP,EliteBook\n').expect(422);

    const body = res.body as ErrorBodyOf<ImportRowError[]>;
    expect(body.error.code).to.equal('IMPORT_INVALID');
    expect(body.error.details).to.deep.equal([
      { row: 1, field: 'type', message: 'column is missing (or send the form field "type" as a default)' },
    ]);
    expect(await countRows('devices')).to.equal(0);
  });

  it('when the default type is not a device type, returns 400 naming type', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();

    const res = await postManifest(token, donation.id, 'Manufacturer,Model\nHP,EliteBook\n', { type: 'watch' }).expect(
      400,
    );

    expect((res.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path)).to.deep.equal(['type']);
  });

  it('when 3 rows are bad, returns 422 IMPORT_INVALID with one entry per bad row numbered as in a spreadsheet, and stores nothing', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation({ status: 'pledged' });
    await createDeviceRecord({ donationId: donation.id });
    const before = await historySize();
    const csv =
      'type,manufacturer,model,serialNumber,ramGb\n' +
      'laptop,HP,EliteBook,SN-1,8\n' + // row 2
      'watch,Apple,Watch 5,SN-2,4\n' + // row 3: bad type
      'desktop,Dell,OptiPlex,SN-3,16\n' + // row 4
      'laptop,Acer,Aspire,SN-4,lots\n' + // row 5: bad ramGb
      ',Asus,VivoBook,SN-5,8\n'; // row 6: type missing

    const res = await postManifest(token, donation.id, csv).expect(422);

    const body = res.body as ErrorBodyOf<ImportRowError[]>;
    expect(body.error.code).to.equal('IMPORT_INVALID');
    expect(body.error.details!.map((d) => [d.row, d.field])).to.deep.equal([
      [3, 'type'],
      [5, 'ramGb'],
      [6, 'type'],
    ]);
    for (const d of body.error.details!) expect(d.message).to.be.a('string').and.not.empty;
    expect(await historySize()).to.deep.equal(before);
    const stored = await Donation.findByPk(donation.id);
    expect(stored?.status).to.equal('pledged');
    expect(stored?.receivedCount).to.equal(0);
  });

  it('when a serial appears twice in the file (even with other case or hyphens), returns 422 naming the later row and stores nothing', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();
    const csv = 'type,serialNumber\nlaptop,ab-123\nlaptop,XY9\nlaptop,AB123\n';

    const res = await postManifest(token, donation.id, csv).expect(422);

    const body = res.body as ErrorBodyOf<ImportRowError[]>;
    expect(body.error.code).to.equal('IMPORT_INVALID');
    expect(body.error.details).to.deep.equal([
      { row: 4, field: 'serialNumber', message: 'repeats the serial of row 2' },
    ]);
    expect(await countRows('devices')).to.equal(0);
    expect(await countRows('device_events')).to.equal(0);
  });

  it('when a spreadsheet left empty rows (",,,,") after the data, imports only the real rows', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();
    const csv = 'type;manufacturer;model;serialNumber\r\nlaptop;HP;840;SN-1\r\n;;;\r\n;;;\r\n';

    const res = await postManifest(token, donation.id, csv, { type: 'laptop' }).expect(201);

    expect((res.body as ImportResponse).imported).to.equal(1);
    expect(await countRows('devices')).to.equal(1);
  });

  it('when an empty line sits between rows, still numbers the rows after it as a spreadsheet does', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();
    const csv = 'type,model\nlaptop,T480\n\nwatch,Watch 5\n';

    const res = await postManifest(token, donation.id, csv).expect(422);

    expect((res.body as ErrorBodyOf<ImportRowError[]>).error.details!.map((d) => [d.row, d.field])).to.deep.equal([
      [4, 'type'],
    ]);
  });

  it('when imports and single intakes run at once, gives every device its own tag with no gap', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();
    const manifest = 'type,serialNumber\n' + Array.from({ length: 10 }, (_, i) => `laptop,IMP-${i}`).join('\n');

    const results = await Promise.all([
      postManifest(token, donation.id, manifest),
      postDevice(token, donation.id, { type: 'desktop' }),
      postManifest(token, donation.id, manifest.replace(/IMP/g, 'IMQ')),
      postDevice(token, donation.id, { type: 'desktop' }),
      postDevice(token, donation.id, { type: 'monitor' }),
    ]);

    expect(results.map((r) => r.status)).to.deep.equal([201, 201, 201, 201, 201]);
    const tags = (await Device.findAll({ attributes: ['assetTag'], order: [['assetTag', 'ASC']] })).map(
      (d) => d.assetTag,
    );
    expect(tags).to.deep.equal(Array.from({ length: 23 }, (_, i) => `NM${String(i + 1).padStart(6, '0')}`));
    expect((await Donation.findByPk(donation.id))?.receivedCount).to.equal(23);
    expect(await countRows('device_events')).to.equal(23);
  });

  it('when the file has only a header, returns 422 IMPORT_INVALID', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();

    const res = await postManifest(token, donation.id, 'type,model\n').expect(422);

    expect((res.body as ErrorBodyOf).error.code).to.equal('IMPORT_INVALID');
  });

  it('when the donation is pledged, imports and marks it received with the count', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation({ status: 'pledged' });

    await postManifest(token, donation.id, 'type\nlaptop\ndesktop\n').expect(201);

    const stored = await Donation.findByPk(donation.id);
    expect(stored).to.include({ status: 'received', receivedCount: 2 });
  });

  it('when the donation is closed, returns 409 DONATION_CLOSED and stores nothing', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation({ status: 'closed' });

    const res = await postManifest(token, donation.id, 'type\nlaptop\n').expect(409);

    expect((res.body as ErrorBodyOf).error.code).to.equal('DONATION_CLOSED');
    expect(await historySize()).to.deep.equal({ devices: 0, events: 0, drives: 0 });
  });

  it('when the file is binary, returns 415 UNSUPPORTED_FILE_TYPE and stores nothing', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);

    const res = await postManifest(token, donation.id, png).expect(415);

    expect((res.body as ErrorBodyOf).error.code).to.equal('UNSUPPORTED_FILE_TYPE');
    expect(await countRows('devices')).to.equal(0);
  });

  it('when no file is attached, returns 400 naming file', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();

    const res = await api()
      .post(`/api/donations/${donation.id}/devices/import`)
      .set(bearer(token))
      .field('type', 'laptop')
      .expect(400);

    const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
    expect(body.error.code).to.equal('VALIDATION_FAILED');
    expect(body.error.details!.map((d) => d.path)).to.deep.equal(['file']);
  });

  it('when the file is one byte above the upload limit, returns 413 FILE_TOO_LARGE and stores nothing', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();
    const big = Buffer.alloc(config.upload.maxBytes + 1, 'a');
    big.write('type\n');

    const res = await postManifest(token, donation.id, big).expect(413);

    expect((res.body as ErrorBodyOf).error.code).to.equal('FILE_TOO_LARGE');
    expect(await countRows('devices')).to.equal(0);
  });

  it('when JSON is sent to the multipart route, returns 415', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();

    const res = await api()
      .post(`/api/donations/${donation.id}/devices/import`)
      .set(bearer(token))
      .send({ file: 'type\nlaptop\n' })
      .expect(415);

    expect((res.body as ErrorBodyOf).error.code).to.equal('UNSUPPORTED_MEDIA_TYPE');
    expect(await countRows('devices')).to.equal(0);
  });

  it('when a viewer imports, returns 403', async () => {
    const { token } = await signIn('viewer');
    const donation = await createDonation();

    await postManifest(token, donation.id, 'type\nlaptop\n').expect(403);

    expect(await countRows('devices')).to.equal(0);
  });
});
