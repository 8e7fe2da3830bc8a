// Spec §14: the handover certificate prints the connectivity bundle given with the device (sponsor, operator, data,
// validity, and the SIM by its last 4 digits only), in Arabic and English; the page and its QR stay as they were.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { decodeBarcodes, pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { addLot, createSponsor, handOver, iccid, reservedAllocation } from '../helpers/connectivity.js';
import { binary, pdfInfo, savePdf, setCharity, startTagsAt123 } from './documents.helpers.js';

const certificate = (id: number, token: string) =>
  binary(api().get(`/api/allocations/${id}/certificate.pdf`).set(bearer(token)));

describe('handover certificate: the connectivity bundle', function () {
  this.timeout(60_000);
  let manager: string;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    await setCharity((await signIn('admin')).token);
    await startTagsAt123();
  });

  it('when a bundle went with the device, prints sponsor, operator, data, validity and the SIM’s last 4, never the whole ICCID', async () => {
    const sponsor = await createSponsor(manager, { name: 'شركة زين السعودية', nameLatin: 'Zain KSA' });
    await addLot(manager, sponsor.id, { operator: 'Zain', dataGb: 2.5, validityDays: 90, count: 4 });
    const r = await reservedAllocation(manager);
    const sim = iccid(9876);
    const handed = await handOver(manager, r.allocationId, { bundle: { sponsorId: sponsor.id, iccid: sim } });
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200);

    const file = savePdf(await certificate(r.allocationId, manager), 'bundle');

    const text = pdfText(file);
    // pdftotext gives the shaped Arabic back in pieces (ز ين): whole words of each row are checked.
    expect(text).to.include('Bundle sponsor').and.include('Zain KSA').and.include('السعودية');
    expect(text).to.include('الجهة الراعية للباقة');
    expect(text).to.include('Data bundle and SIM').and.include('باقة البيانات والشريحة');
    expect(text).to.include('Zain 2.5 GB').and.include('90 days').and.include('يوما').and.include('****9876');
    expect(text).not.to.include(sim).and.not.include(sim.slice(0, 12));
    expect(pdfInfo(file).Pages).to.equal('1');
    expect(decodeBarcodes(file)).to.include(`QR-Code:http://nimah.test/verify/${handed.body.certificateCode}`);
  });

  it('when accessories and a bundle went with the device, the certificate stays one page with a readable QR', async () => {
    const sponsor = await createSponsor(manager, {
      name: 'شركة الاتصالات السعودية',
      nameLatin: 'Saudi Telecom Company',
    });
    await addLot(manager, sponsor.id, { operator: 'STC', dataGb: 10, validityDays: 30 });
    const r = await reservedAllocation(manager);
    const handed = await handOver(manager, r.allocationId, {
      accessories: ['charger', 'bag', 'mouse'],
      bundle: { sponsorId: sponsor.id, iccid: iccid(1111) },
    });
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200);

    const file = savePdf(await certificate(r.allocationId, manager), 'bundle-accessories');

    const text = pdfText(file);
    expect(text)
      .to.include('Accessories')
      .and.include('Saudi Telecom Company')
      .and.include('STC 10 GB')
      .and.include('****1111');
    expect(text).to.include('Recipient signature');
    expect(pdfInfo(file).Pages).to.equal('1');
    expect(decodeBarcodes(file)).to.include(`QR-Code:http://nimah.test/verify/${handed.body.certificateCode}`);
  });

  it('when no bundle went with the device, prints no bundle rows', async () => {
    const r = await reservedAllocation(manager);
    expect((await handOver(manager, r.allocationId)).status).to.equal(200);

    const text = pdfText(savePdf(await certificate(r.allocationId, manager), 'no-bundle'));

    expect(text).not.to.include('Bundle sponsor').and.not.include('SIM card');
  });
});
