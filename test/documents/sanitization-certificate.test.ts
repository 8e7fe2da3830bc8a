import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { act, intake, readyDevice } from '../helpers/workshop.js';
import { postDevice } from '../helpers/more-factories.js';
import { createDonation } from '../helpers/factories.js';
import { pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { Sanitization } from '../../server/modules/sanitization/index.js';
import { binary, pdfInfo, savePdf, setCharity, startTagsAt123 } from './documents.helpers.js';

const NWIPE_LOG = new URL('../fixtures/nwipe/all-erased-two-drives.log', import.meta.url);
const certificate = (id: number, token: string) => binary(api().get(`/api/devices/${id}/sanitization-certificate.pdf`).set(bearer(token)));

describe('GET /api/devices/:id/sanitization-certificate.pdf', () => {
  let technician: { token: string; name: string };
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    const t = await signIn('technician');
    technician = { token: t.token, name: t.user.name };
    await setCharity((await signIn('admin')).token);
    await startTagsAt123();
  });

  it('when the device was wiped, prints the NIST fields of its drive, the operator, the source and the destination; a viewer may read it', async () => {
    const device = await readyDevice(technician.token);
    const viewer = (await signIn('viewer')).token;
    const [drive] = (await api().get(`/api/devices/${device.id}`).set(bearer(viewer)).expect(200)).body.drives as { serialNumber: string }[];

    const file = savePdf(await certificate(device.id, viewer), 'sanitization');

    const text = pdfText(file);
    expect(text).to.include('Certificate of Sanitization').and.include('NIST SP 800-88').and.include('LIC-4471');
    expect(text).to.include('NM-000123').and.include(device.serialNumber!).and.include(drive.serialNumber).and.include('Samsung SSD 860');
    expect(text).to.include('Purge').and.include('ATA Sanitize').and.include('nwipe 0.37').and.include('Last pass').and.include('Passed');
    expect(text).to.include('2026-11-20 11:00–11:40').and.include(technician.name).and.include('شركة الخليج للتقنية');
    expect(text).to.include('Reuse: donated to a beneficiary').and.include('Attestation').and.include('Validation');
    expect(pdfInfo(file)).to.include({ Title: 'Certificate of Sanitization NM-000123', Subject: 'NIST SP 800-88' });
  });

  it('when the records came from an nwipe log, prints every drive and the sha256 of the log file', async () => {
    const log = readFileSync(NWIPE_LOG);
    const donation = await createDonation();
    const created = await postDevice(technician.token, donation.id, {
      type: 'desktop', manufacturer: 'Dell', model: 'OptiPlex 7050', serialNumber: '7QJ8XK2',
      drives: [
        { serialNumber: 'S2ZYJ9CF613407', model: 'ST500LM012 HN-M50', mediaType: 'hdd', capacityBytes: 500107862016 },
        { serialNumber: 'S3Z9NB0K123456X', model: 'Samsung SSD 860 EVO', mediaType: 'ssd', capacityBytes: 250059350016 },
      ],
    }).expect(201);
    await act(technician.token, created.body, { action: 'triage', needsRepair: false, disposition: 'recycle' });
    await api().post(`/api/devices/${created.body.id}/sanitizations`).set(bearer(technician.token))
      .attach('file', log, { filename: 'nwipe.log', contentType: 'text/plain' }).expect(201);
    expect(await Sanitization.count({ where: { deviceId: created.body.id } })).to.equal(2);

    const text = pdfText(savePdf(await certificate(created.body.id, technician.token), 'nwipe'));

    expect(text).to.include('S2ZYJ9CF613407').and.include('S3Z9NB0K123456X').and.include('Media 2 of 2');
    expect(text).to.include(createHash('sha256').update(log).digest('hex'));
    expect(text).to.include('Recycling by an approved recycler');
  });

  it('when the device has no sanitization record, returns 422 NO_SANITIZATION_RECORDS; an unknown device gives 404', async () => {
    const device = await intake(technician.token);

    const res = await api().get(`/api/devices/${device.id}/sanitization-certificate.pdf`).set(bearer(technician.token));

    expect(res.status).to.equal(422);
    expect(res.body.error).to.include({ code: 'NO_SANITIZATION_RECORDS' });
    expect((await api().get('/api/devices/999999/sanitization-certificate.pdf').set(bearer(technician.token))).status).to.equal(404);
  });
});
