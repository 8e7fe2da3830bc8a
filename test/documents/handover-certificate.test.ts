import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { readyDevice } from '../helpers/workshop.js';
import { decodeBarcodes, pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { Setting } from '../../server/modules/settings/settings.model.js';
import { storedPath } from '../../server/lib/file-store.js';
import { existsSync } from 'node:fs';
import {
  BENEFICIARY_NAME,
  FULL_NATIONAL_ID,
  MASKED_NATIONAL_ID,
  binary,
  createProgramme,
  handedOver,
  imageCount,
  pdfInfo,
  savePdf,
  setCharity,
  startTagsAt123,
  verifiedBeneficiary,
} from './documents.helpers.js';
import { signaturePng } from './signature-png.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import { Donor } from '../../server/modules/donors/donors.model.js';

const certificate = (id: number, token: string) =>
  binary(api().get(`/api/allocations/${id}/certificate.pdf`).set(bearer(token)));

describe('GET /api/allocations/:id/certificate.pdf', () => {
  let manager: string;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    await setCharity((await signIn('admin')).token);
    await startTagsAt123();
  });

  it('when the device was handed over, prints charity, code, tag, serial, masked ID, both dates and a QR to the verify page', async () => {
    const programme = await createProgramme(manager);
    const h = await handedOver(manager, { programmeId: programme.id, beneficiary: { nationalId: FULL_NATIONAL_ID } });

    const file = savePdf(await certificate(h.allocationId, manager), 'handover');

    const text = pdfText(file);
    expect(text).to.include('Nimah Computer Refurbishing Charity').and.include('جمعية نعمة لإعادة تأهيل الحواسيب');
    expect(text)
      .to.include('LIC-4471')
      .and.include(h.certificateCode)
      .and.include('NM-000123')
      .and.include(h.device.serialNumber!);
    expect(text)
      .to.include(MASKED_NATIONAL_ID)
      .and.include(BENEFICIARY_NAME)
      .and.include('Phase 1')
      .and.include('أم خالد');
    expect(text).to.not.include(FULL_NATIONAL_ID);
    expect(text).to.include('23 November 2026').and.include('1448').and.include('جمادى الآخرة');
    expect(pdfInfo(file)).to.include({
      Pages: '1',
      Title: `Computer Handover Certificate ${h.certificateCode}`,
      Author: 'Nimah Computer Refurbishing Charity',
    });
    expect(decodeBarcodes(file)).to.include(`QR-Code:http://nimah.test/verify/${h.certificateCode}`);
    expect(imageCount(file), 'the signature').to.equal(1);
  });

  it("when handed over, leads with the family's achievement and the thanks; names the donor only when the donor agreed", async () => {
    const h = await handedOver(manager);
    const donation = (await Donation.findByPk(h.device.donationId))!;
    const donor = (await Donor.findByPk(donation.donorId))!;

    const anonymous = pdfText(savePdf(await certificate(h.allocationId, manager), 'anonymous'));
    // The first lines after the letterhead (names and licence): the achievement, then the thanks, then the title.
    const lines = anonymous.split('\n');
    const first = lines.findIndex((l) => l.includes('Congratulations'));
    expect(first, anonymous).to.be.within(0, 8);
    // Each line whole and in reading order, as pdftotext gives it back.
    expect(lines.slice(first - 2, first + 3)).to.include.members([
      `تهانينا ${BENEFICIARY_NAME}`,
      'أصبح لكم جهاز حاسوب جاهز للتعلّم والعمل',
      `Congratulations, ${BENEFICIARY_NAME}: a computer ready for learning and work is now yours`,
      'تشكر جمعية نعمة لإعادة تأهيل الحواسيب المتبرّع الكريم بهذا الجهاز وتتمنى لكم به النجاح',
    ]);
    expect(anonymous.indexOf('Congratulations')).to.be.below(anonymous.indexOf('Computer Handover Certificate'));
    expect(anonymous).to.not.include(donor.name);

    await api()
      .patch(`/api/donors/${donor.id}`)
      .set(bearer(manager))
      .send({ creditOnCertificates: true })
      .expect(200)
      .expect((res) => expect(res.body.creditOnCertificates).to.equal(true));
    const credited = pdfText(savePdf(await certificate(h.allocationId, manager), 'credited'));
    expect(credited.split('\n')).to.include(
      `تشكر جمعية نعمة لإعادة تأهيل الحواسيب ${donor.name} على التبرع بهذا الجهاز وتتمنى لكم به النجاح`,
    );
    expect(credited).to.include(`thanks ${donor.nameLatin ?? donor.name}, who donated this computer`);
  });

  it('when no licence number is set, prints no licence line and no lone dash', async () => {
    await api()
      .patch('/api/settings')
      .set(bearer((await signIn('admin')).token))
      .send({ charityLicence: '' })
      .expect(200);
    const h = await handedOver(manager);

    const text = pdfText(savePdf(await certificate(h.allocationId, manager), 'no-licence'));

    expect(text).to.not.include('Licence No').and.not.include('ترخيص رقم');
    expect(text.split('\n')).to.not.include('—');
    // The standard's name stays on one line wherever the paragraph wraps.
    expect(text).to.include('NIST SP 800-88');
  });

  it('when an admin uploaded a logo, stores it by its hash and prints it on the certificate', async () => {
    const admin = (await signIn('admin')).token;
    const logo = signaturePng(120, 120);
    const res = await api()
      .put('/api/settings/logo')
      .set(bearer(admin))
      .attach('file', logo, { filename: 'logo.png', contentType: 'image/png' })
      .expect(200);
    const stored = await Setting.findByPk('logoSha256');
    expect(JSON.parse(stored!.value))
      .to.equal(res.body.logoSha256)
      .and.match(/^[0-9a-f]{64}$/);
    expect(existsSync(storedPath(res.body.logoSha256))).to.equal(true);
    const h = await handedOver(manager);

    const file = savePdf(await certificate(h.allocationId, manager), 'logo');

    expect(imageCount(file), 'the logo and the signature').to.equal(2);
  });

  it('when the logo is not a PNG or JPEG, refuses it with 415 and keeps the settings unchanged', async () => {
    const admin = (await signIn('admin')).token;
    const res = await api()
      .put('/api/settings/logo')
      .set(bearer(admin))
      .attach('file', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), {
        filename: 'logo.png',
        contentType: 'image/png',
      });
    expect(res.status).to.equal(415);
    expect(res.body.error.code).to.equal('UNSUPPORTED_FILE_TYPE');
    expect(await Setting.findByPk('logoSha256')).to.equal(null);
  });

  it('when the allocation is only reserved, returns 409 NOT_HANDED_OVER', async () => {
    const device = await readyDevice(manager);
    const { id: beneficiaryId } = await verifiedBeneficiary(manager);
    const allocation = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId })
      .expect(201);

    const res = await api().get(`/api/allocations/${allocation.body.id}/certificate.pdf`).set(bearer(manager));

    expect(res.status).to.equal(409);
    expect(res.body.error).to.include({ code: 'NOT_HANDED_OVER' });
    expect(res.body.error.details).to.deep.equal({ status: 'reserved' });
  });

  it('when the allocation does not exist, returns 404; a technician gets 403 (no beneficiary data for them)', async () => {
    expect((await api().get('/api/allocations/999999/certificate.pdf').set(bearer(manager))).status).to.equal(404);
    const h = await handedOver(manager);
    const technician = (await signIn('technician')).token;
    expect(
      (await api().get(`/api/allocations/${h.allocationId}/certificate.pdf`).set(bearer(technician))).status,
    ).to.equal(403);
  });

  it('with ?lang=fr, prints Arabic and French (title, labels, date in French), no English; another lang is a 400 naming lang', async () => {
    const h = await handedOver(manager, { beneficiary: { nationalId: FULL_NATIONAL_ID } });
    const url = `/api/allocations/${h.allocationId}/certificate.pdf`;

    const file = savePdf(await binary(api().get(`${url}?lang=fr`).set(bearer(manager))), 'handover-fr');

    const text = pdfText(file);
    expect(text)
      .to.include("Certificat de remise d'un ordinateur")
      .and.include('شهادة تسليم جهاز حاسوب')
      .and.include("Étiquette d'inventaire")
      .and.include('Numéro de série')
      .and.include('Date de remise')
      .and.include('23 novembre 2026')
      .and.include('Scannez pour vérifier')
      .and.include('Félicitations');
    expect(text).to.not.include('Computer Handover Certificate').and.not.include('Asset tag');
    expect(pdfInfo(file).Title).to.equal(`Certificat de remise d'un ordinateur ${h.certificateCode}`);
    expect(decodeBarcodes(file)).to.include(`QR-Code:http://nimah.test/verify/${h.certificateCode}`);

    const english = pdfText(savePdf(await binary(api().get(`${url}?lang=en`).set(bearer(manager))), 'handover-en'));
    expect(english).to.include('Computer Handover Certificate').and.not.include('Certificat de remise');

    const bad = await api().get(`${url}?lang=de`).set(bearer(manager));
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['lang']);
  });
});
