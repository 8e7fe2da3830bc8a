import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { readyDevice } from '../helpers/workshop.js';
import { decodeBarcodes, pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import {
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
import {
  CONTACT_PERSON,
  INSTITUTION_NAME,
  RECEIVER,
  batchCertificate,
  createBatch,
  handOverBatch,
  partnerAssociation,
  verifiedInstitution,
} from './batch-documents.helpers.js';
import { signatureDataUrl } from './signature-png.js';
import type { BatchDto, DeviceDto } from '../../server/shared/index.js';

const allocationCertificate = (id: number, token: string) =>
  binary(api().get(`/api/allocations/${id}/certificate.pdf`).set(bearer(token)));

describe("GET /api/allocation-batches/:id/certificate.pdf (an institution's handover certificate)", () => {
  let manager: string;
  let programmeId: number;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    await setCharity((await signIn('admin')).token);
    await startTagsAt123();
    programmeId = (await createProgramme(manager)).id;
  });

  /** Three devices for the school, reserved in one batch. */
  async function schoolBatch(): Promise<{ batch: BatchDto; devices: DeviceDto[] }> {
    const devices: DeviceDto[] = [];
    for (let i = 0; i < 3; i += 1) devices.push(await readyDevice(manager));
    const institution = await verifiedInstitution(manager);
    const batch = await createBatch(
      manager,
      { beneficiaryId: institution.id },
      programmeId,
      devices.map((d) => d.id),
    );
    return { batch, devices };
  }

  it('when the batch was handed over, thanks the institution and prints the count, programme, date, signer and a QR to the verify page', async () => {
    const { batch } = await schoolBatch();
    const done = await handOverBatch(manager, batch.id);
    expect(done.certificateCode).to.match(/^[A-Z2-7]{10}$/);

    const file = savePdf(await batchCertificate(batch.id, manager), 'batch-certificate');

    const text = pdfText(file);
    expect(text).to.include('Certificate of Thanks and Computer Handover').and.include('شهادة شكر وتسليم أجهزة حاسوب');
    expect(text).to.include('extends its sincere').and.include('بخالص الشكر والتقدير');
    expect(text).to.include(done.certificateCode!).and.include(batch.code);
    expect(text).to.include(INSTITUTION_NAME).and.include('School').and.include('الدمام');
    expect(text).to.include('ثلاثة').and.include('three');
    expect(text).to.include('Phase 1').and.include('المرحلة الأولى');
    expect(text).to.include('23 November 2026').and.include('جمادى الآخرة');
    expect(text).to.include(RECEIVER);
    expect(text, 'the accessories that went with each device')
      .to.include('Charger, Bag, Other')
      .and.include('سماعات رأس');
    expect(pdfInfo(file)).to.include({
      Pages: '1',
      Title: `Certificate of Thanks and Computer Handover ${done.certificateCode}`,
    });
    expect(imageCount(file), 'the signature').to.equal(1);
    expect(decodeBarcodes(file)).to.include(`QR-Code:http://nimah.test/verify/${done.certificateCode}`);
  });

  it('with ?lang=fr, thanks the institution in Arabic and French (title, count in French words, date), no English', async () => {
    const { batch } = await schoolBatch();
    const done = await handOverBatch(manager, batch.id);
    const url = `/api/allocation-batches/${batch.id}/certificate.pdf`;

    const file = savePdf(await binary(api().get(`${url}?lang=fr`).set(bearer(manager))), 'batch-certificate-fr');

    const text = pdfText(file);
    expect(text)
      .to.include("Certificat de remerciement et de remise d'ordinateurs")
      .and.include('شهادة شكر وتسليم أجهزة حاسوب')
      .and.include('adresse ses sincères')
      .and.include('trois')
      .and.include('École')
      .and.include('Date de remise')
      .and.include('23 novembre 2026')
      .and.include('Chargeur, Sacoche, Autre');
    // City and region in Arabic and French (SA-04: Province orientale).
    expect(text.replace(/\s+/g, ' ')).to.include('Province orientale');
    expect(text)
      .to.not.include('Certificate of Thanks')
      .and.not.include('extends its sincere')
      .and.not.include('Eastern');
    expect(decodeBarcodes(file)).to.include(`QR-Code:http://nimah.test/verify/${done.certificateCode}`);
    expect((await api().get(`${url}?lang=ar`).set(bearer(manager))).status).to.equal(400);
  });

  it('when its QR code is followed, /verify shows the institution, city, count, date and programme, and no person', async () => {
    const { batch } = await schoolBatch();
    const done = await handOverBatch(manager, batch.id);
    const [qr] = decodeBarcodes(savePdf(await batchCertificate(batch.id, manager), 'batch-certificate-qr'));
    const path = new URL(qr.replace(/^QR-Code:/, '')).pathname;

    const page = await api().get(path);

    expect(page.status).to.equal(200);
    expect(page.text)
      .to.include('Genuine certificate')
      .and.include(INSTITUTION_NAME)
      .and.include('الدمام')
      .and.include('Dammam, Eastern Province')
      .and.include('>3<')
      .and.include('23 November 2026')
      .and.include('Phase 1');
    expect(page.text).to.not.include(RECEIVER).and.not.include(CONTACT_PERSON).and.not.include('+966138123456');

    // With ?lang=fr (the default in Morocco) the page reads French under the Arabic, the region by its French name.
    const french = await api().get(`${path}?lang=fr`).expect(200);
    expect(french.text)
      .to.include('Certificat authentique')
      .and.include('Vérification du certificat de remise à une institution')
      .and.include('Dammam, Province orientale')
      .and.include('23 novembre 2026')
      .and.include('Nombre d’appareils')
      .and.include('lang="fr"');
    expect(french.text).to.not.include('Eastern Province').and.not.include('Genuine').and.not.include('lang="en"');

    const json = await api().get(path).set('Accept', 'application/json').expect(200);
    expect(json.body).to.deep.equal({
      genuine: true,
      kind: 'institution_batch',
      certificateCode: done.certificateCode,
      institution: { name: INSTITUTION_NAME, city: 'الدمام', regionCode: 'SA-04' },
      deviceCount: 3,
      handedOverOn: '2026-11-23',
      programme: { name: 'المرحلة الأولى', nameLatin: 'Phase 1' },
      issuer: {
        name: 'جمعية نعمة لإعادة تأهيل الحواسيب',
        nameLatin: 'Nimah Computer Refurbishing Charity',
        licence: 'LIC-4471',
      },
    });
  });

  it('when the batch is only reserved, answers 409 NOT_HANDED_OVER; an unknown batch 404', async () => {
    const { batch } = await schoolBatch();

    const res = await api().get(`/api/allocation-batches/${batch.id}/certificate.pdf`).set(bearer(manager));

    expect(res.status).to.equal(409);
    expect(res.body.error).to.include({ code: 'NOT_HANDED_OVER' });
    expect(res.body.error.details).to.deep.equal({ status: 'reserved' });
    expect((await api().get('/api/allocation-batches/999999/certificate.pdf').set(bearer(manager))).status).to.equal(
      404,
    );
  });

  it("when the batch went to a partner association, answers 409 NO_INSTITUTION_CERTIFICATE (each family's handover has its own)", async () => {
    const partner = await partnerAssociation(manager);
    const device = await readyDevice(manager);
    const batch = await createBatch(manager, { partnerId: partner.id }, programmeId, [device.id]);
    await handOverBatch(manager, batch.id);

    const res = await api().get(`/api/allocation-batches/${batch.id}/certificate.pdf`).set(bearer(manager));

    expect(res.status).to.equal(409);
    expect(res.body.error).to.include({ code: 'NO_INSTITUTION_CERTIFICATE' });
    expect(res.body.error.details).to.deep.equal({ recipientKind: 'partner' });
  });

  it('when a viewer or technician asks, answers 403 (the certificate names who signed)', async () => {
    const { batch } = await schoolBatch();
    await handOverBatch(manager, batch.id);
    for (const role of ['viewer', 'technician'] as const) {
      const token = (await signIn(role)).token;
      expect(
        (await api().get(`/api/allocation-batches/${batch.id}/certificate.pdf`).set(bearer(token))).status,
        role,
      ).to.equal(403);
    }
  });

  it("when one device of the institution's batch is printed alone, its certificate has the accessories and no national ID row", async () => {
    const { batch } = await schoolBatch();
    const done = await handOverBatch(manager, batch.id, {
      accessories: ['charger', 'mouse'],
      accessoriesNote: undefined,
    });
    const detail = await api().get(`/api/allocation-batches/${done.id}`).set(bearer(manager)).expect(200);
    const allocationId = (detail.body as BatchDto).devices[0].allocationId!;

    const text = pdfText(savePdf(await allocationCertificate(allocationId, manager), 'institution-device'));

    expect(text).to.include(INSTITUTION_NAME).and.include('NM-000123');
    expect(text).to.include('Accessories').and.include('Charger, Mouse').and.include('شاحن').and.include('فأرة');
    expect(text).to.not.include('National ID').and.not.include('رقم الهوية');
  });
});

describe('GET /api/allocations/:id/certificate.pdf: accessories and partners', () => {
  let manager: string;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    await setCharity((await signIn('admin')).token);
    await startTagsAt123();
  });

  it('when a family received a device with accessories, its certificate lists them with the note', async () => {
    const device = await readyDevice(manager);
    const { id: beneficiaryId } = await verifiedBeneficiary(manager);
    const allocation = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId })
      .expect(201);
    await api()
      .post(`/api/allocations/${allocation.body.id}/handover`)
      .set(bearer(manager))
      .send({
        receivedBy: 'أم خالد',
        signature: signatureDataUrl(),
        accessories: ['charger', 'bag', 'other'],
        accessoriesNote: 'قلم رقمي',
      })
      .expect(200);

    const text = pdfText(savePdf(await allocationCertificate(allocation.body.id, manager), 'family-accessories'));

    expect(text).to.include('Charger, Bag, Other').and.include('قلم رقمي').and.include('حقيبة');
  });

  it('when nothing went with the device, prints no accessories row', async () => {
    const h = await handedOver(manager);

    const text = pdfText(savePdf(await allocationCertificate(h.allocationId, manager), 'no-accessories'));

    expect(text).to.not.include('Accessories');
  });

  it('when a partner asks, gives the certificate of its own onward handover and 404 for any other allocation', async () => {
    const partner = await partnerAssociation(manager);
    const programme = await createProgramme(manager);
    const inCustody = await readyDevice(manager);
    const batch = await createBatch(manager, { partnerId: partner.id }, programme.id, [inCustody.id]);
    await handOverBatch(manager, batch.id);
    const partnerUser = (await signIn('partner', { partnerId: partner.id })).token;
    const family = await verifiedBeneficiary(manager, { partnerId: partner.id });
    const onward = await api()
      .post('/api/allocations')
      .set(bearer(partnerUser))
      .send({ deviceId: inCustody.id, beneficiaryId: family.id });
    expect(onward.status, JSON.stringify(onward.body)).to.equal(201);
    const handover = await api()
      .post(`/api/allocations/${onward.body.id}/handover`)
      .set(bearer(partnerUser))
      .send({ receivedBy: 'أم خالد', signature: signatureDataUrl(), accessories: ['charger'] });
    expect(handover.status, JSON.stringify(handover.body)).to.equal(200);
    const staffs = await handedOver(manager);

    const own = await allocationCertificate(onward.body.id, partnerUser);
    const text = pdfText(savePdf(own, 'partner-onward'));
    expect(text).to.include(handover.body.certificateCode).and.include('Charger');

    const other = await api().get(`/api/allocations/${staffs.allocationId}/certificate.pdf`).set(bearer(partnerUser));
    expect(other.status).to.equal(404);
    const anotherPartner = (await signIn('partner')).token;
    const theirs = await api().get(`/api/allocations/${onward.body.id}/certificate.pdf`).set(bearer(anotherPartner));
    expect(theirs.status).to.equal(404);
    expect((await api().get('/api/allocations/999999/certificate.pdf').set(bearer(partnerUser))).status).to.equal(404);
  });
});
