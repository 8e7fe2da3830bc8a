import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { intake } from '../helpers/workshop.js';
import { decodeBarcodes, pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { DeviceEvent, verifyChains } from '../../server/modules/devices/index.js';
import { binary, pdfInfo, savePdf, startTagsAt123 } from './documents.helpers.js';

const labels = (query: string, token: string) => binary(api().get(`/api/labels.pdf?${query}`).set(bearer(token)));
const printed = (deviceId: number) => DeviceEvent.findAll({ where: { deviceId, type: 'label_printed' } });

describe('GET /api/labels.pdf', () => {
  let technician: string;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    technician = (await signIn('technician')).token;
    await startTagsAt123();
  });

  it('when devices are named, prints one 62 × 29 mm roll label each whose Code128 and QR decode, and writes label_printed events', async () => {
    const a = await intake(technician);
    const b = await intake(technician);

    const file = savePdf(await labels(`deviceIds=${a.id},${b.id}`, technician), 'roll');

    expect(pdfInfo(file)).to.include({ Pages: '2', 'Page size': '175.748 x 82.2047 pts' });
    expect(pdfText(file)).to.include('NM-000123').and.include('NM-000124').and.include('Lenovo ThinkPad T480');
    const codes = decodeBarcodes(file);
    expect(codes).to.include.members(['CODE-128:NM000123', 'QR-Code:http://nimah.test/d/NM000123', 'CODE-128:NM000124', 'QR-Code:http://nimah.test/d/NM000124']);
    for (const d of [a, b]) {
      const events = await printed(d.id);
      expect(events).to.have.length(1);
      expect(JSON.parse(events[0].payload)).to.deep.equal({ format: 'roll' });
    }
    expect((await verifyChains()).ok).to.equal(true);
  });

  it('when a donation is named with format=a4, prints its devices on one A4 sheet of 3 × 8 and every code decodes', async () => {
    const donation = await createDonation();
    const devices = [await intake(technician, 1, donation.id), await intake(technician, 1, donation.id), await intake(technician, 1, donation.id)];

    const file = savePdf(await labels(`donationId=${donation.id}&format=a4`, technician), 'a4');

    expect(pdfInfo(file)).to.include({ Pages: '1', 'Page size': '595.28 x 841.89 pts (A4)' });
    const codes = decodeBarcodes(file);
    for (const d of devices) expect(codes).to.include.members([`CODE-128:${d.assetTag}`, `QR-Code:http://nimah.test/d/${d.assetTag}`]);
    for (const d of devices) expect(await printed(d.id)).to.have.length(1);
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
