import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { intake } from '../helpers/workshop.js';
import { decodeBarcodes, pdfText, pdfWordBoxes, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { verifyChains } from '../../server/modules/devices/index.js';
import { DeviceEvent } from '../../server/modules/devices/devices.model.js';
import { binary, pdfInfo, savePdf, startTagsAt123 } from './documents.helpers.js';

const labels = (query: string, token: string) => binary(api().get(`/api/labels.pdf?${query}`).set(bearer(token)));
const print = (body: object, token: string) => api().post('/api/labels/print').set(bearer(token)).send(body);
const printed = (deviceId: number) => DeviceEvent.findAll({ where: { deviceId, type: 'label_printed' } });

describe('GET /api/labels.pdf', () => {
  let technician: string;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    technician = (await signIn('technician')).token;
    await startTagsAt123();
  });

  it('when devices are named, draws one 62 × 29 mm roll label each whose Code128 and QR decode, and writes no event', async () => {
    const a = await intake(technician);
    const b = await intake(technician);
    const eventsBefore = await DeviceEvent.count();

    const file = savePdf(await labels(`deviceIds=${a.id},${b.id}`, technician), 'roll');

    expect(pdfInfo(file)).to.include({ Pages: '2', 'Page size': '175.748 x 82.2047 pts' });
    expect(pdfText(file)).to.include('NM-000123').and.include('NM-000124').and.include('Lenovo ThinkPad T480');
    const codes = decodeBarcodes(file);
    expect(codes).to.include.members([
      'CODE-128:NM000123',
      'QR-Code:http://nimah.test/d/NM000123',
      'CODE-128:NM000124',
      'QR-Code:http://nimah.test/d/NM000124',
    ]);
    expect(await DeviceEvent.count(), 'viewing labels records nothing').to.equal(eventsBefore);
    for (const d of [a, b]) expect(await printed(d.id)).to.have.length(0);
  });

  it('when a donation is named with format=a4, prints its devices on one A4 sheet of 3 × 8 and every code decodes', async () => {
    const donation = await createDonation();
    const devices = [
      await intake(technician, 1, donation.id),
      await intake(technician, 1, donation.id),
      await intake(technician, 1, donation.id),
    ];

    const file = savePdf(await labels(`donationId=${donation.id}&format=a4`, technician), 'a4');

    expect(pdfInfo(file)).to.include({ Pages: '1', 'Page size': '595.28 x 841.89 pts (A4)' });
    const codes = decodeBarcodes(file);
    for (const d of devices)
      expect(codes).to.include.members([`CODE-128:${d.assetTag}`, `QR-Code:http://nimah.test/d/${d.assetTag}`]);
    for (const d of devices) expect(await printed(d.id)).to.have.length(0);
    // The charity's name is readable: at least 6 pt, measured against the tag printed at 12 pt in the same font
    // (a word box's height is the font size times the font's line height).
    const boxes = pdfWordBoxes(file);
    const tag = boxes.find((b) => b.text === 'NM-000123')!;
    const perPoint = (tag.yMax - tag.yMin) / 12;
    const owner = boxes.filter((b) => /[\u0600-\u06FF]/.test(b.text));
    expect(owner).to.have.length.above(0);
    for (const word of owner) expect((word.yMax - word.yMin) / perPoint, word.text).to.be.at.least(6);
    expect(pdfText(file)).to.not.include('…');
  });

  it('when a named device does not exist, returns 404 listing it and writes no event', async () => {
    const a = await intake(technician);

    const res = await api().get(`/api/labels.pdf?deviceIds=${a.id},999999`).set(bearer(technician));

    expect(res.status).to.equal(404);
    expect(res.body.error.details).to.deep.equal({ missing: [999999] });
    expect(await printed(a.id)).to.have.length(0);
  });

  it('when the query names both, neither, or bad ids, returns 400; a viewer gets 403', async () => {
    for (const query of ['', 'deviceIds=1&donationId=2', 'deviceIds=1,x', 'deviceIds=1&format=letter']) {
      const res = await api().get(`/api/labels.pdf?${query}`).set(bearer(technician));
      expect(res.status, query).to.equal(400);
      expect(res.body.error.code).to.equal('VALIDATION_FAILED');
    }
    const viewer = (await signIn('viewer')).token;
    expect((await api().get('/api/labels.pdf?deviceIds=1').set(bearer(viewer))).status).to.equal(403);
  });
});

describe('POST /api/labels/print', () => {
  let technician: string;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    technician = (await signIn('technician')).token;
    await startTagsAt123();
  });

  it('when devices are named, answers with their labels and records exactly one label_printed event per device', async () => {
    const a = await intake(technician);
    const b = await intake(technician);
    const eventsBefore = await DeviceEvent.count();

    const res = await binary(print({ deviceIds: [a.id, b.id], format: 'roll' }, technician));
    const file = savePdf(res, 'print-roll');

    expect(res.headers['content-disposition']).to.equal('inline; filename="labels-2-devices-roll.pdf"');
    expect(pdfInfo(file)).to.include({ Pages: '2', 'Page size': '175.748 x 82.2047 pts' });
    expect(pdfText(file)).to.include('NM-000123').and.include('NM-000124');
    expect(decodeBarcodes(file)).to.include.members(['CODE-128:NM000123', 'CODE-128:NM000124']);
    expect(await DeviceEvent.count()).to.equal(eventsBefore + 2);
    for (const d of [a, b]) {
      const events = await printed(d.id);
      expect(events).to.have.length(1);
      expect(JSON.parse(events[0].payload)).to.deep.equal({ format: 'roll' });
    }
    expect((await verifyChains()).ok).to.equal(true);
  });

  it('when a donation is named with format a4, records one event for each of its devices', async () => {
    const donation = await createDonation();
    const devices = [await intake(technician, 1, donation.id), await intake(technician, 1, donation.id)];

    const file = savePdf(await binary(print({ donationId: donation.id, format: 'a4' }, technician)), 'print-a4');

    expect(pdfInfo(file)).to.include({ Pages: '1', 'Page size': '595.28 x 841.89 pts (A4)' });
    for (const d of devices) {
      expect(pdfText(file)).to.include(d.assetTag.replace(/^NM/, 'NM-'));
      const events = await printed(d.id);
      expect(events).to.have.length(1);
      expect(JSON.parse(events[0].payload)).to.deep.equal({ format: 'a4' });
    }
  });

  it('when the body is bad, returns 400 naming the field and writes nothing; a viewer gets 403', async () => {
    const a = await intake(technician);
    const eventsBefore = await DeviceEvent.count();
    const cases: [object, string][] = [
      [{ format: 'roll' }, 'body'], // the message names both fields: "give deviceIds … or donationId"
      [{ deviceIds: [a.id], donationId: 1, format: 'roll' }, 'body'],
      [{ deviceIds: [a.id] }, 'format'],
      [{ deviceIds: [a.id], format: 'letter' }, 'format'],
      [{ deviceIds: 'x', format: 'roll' }, 'deviceIds'],
      [{ deviceIds: [], format: 'roll' }, 'deviceIds'],
      [{ deviceIds: [a.id, 0], format: 'roll' }, 'deviceIds.1'],
      [{ donationId: 'abc', format: 'a4' }, 'donationId'],
    ];
    for (const [body, field] of cases) {
      const res = await print(body, technician);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.body.error.code).to.equal('VALIDATION_FAILED');
      const details = res.body.error.details as { path: string; message: string }[];
      expect(
        details.map((d) => d.path),
        JSON.stringify(body),
      ).to.include(field);
      expect(details.map((d) => d.message).join(' '), JSON.stringify(body)).to.include(
        field === 'body' ? 'deviceIds' : field.split('.')[0],
      );
    }
    const viewer = (await signIn('viewer')).token;
    expect((await print({ deviceIds: [a.id], format: 'roll' }, viewer)).status).to.equal(403);
    expect(await DeviceEvent.count()).to.equal(eventsBefore);
  });

  it('when a named device or the donation does not exist, returns 404 and writes no event', async () => {
    const a = await intake(technician);
    const eventsBefore = await DeviceEvent.count();

    const res = await print({ deviceIds: [a.id, 999999], format: 'roll' }, technician);
    expect(res.status).to.equal(404);
    expect(res.body.error.details).to.deep.equal({ missing: [999999] });
    expect((await print({ donationId: 999999, format: 'roll' }, technician)).status).to.equal(404);

    expect(await DeviceEvent.count()).to.equal(eventsBefore);
    expect(await printed(a.id)).to.have.length(0);
  });
});
