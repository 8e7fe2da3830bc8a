import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { readyDevice } from '../helpers/workshop.js';
import { pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import {
  binary,
  createProgramme,
  imageCount,
  pdfInfo,
  savePdf,
  setCharity,
  startTagsAt123,
} from './documents.helpers.js';
import {
  CONTACT_PERSON,
  INSTITUTION_NAME,
  PARTNER_NAME,
  RECEIVER,
  createBatch,
  deliveryNote,
  handOverBatch,
  partnerAssociation,
  readyDevicesInBulk,
  verifiedInstitution,
} from './batch-documents.helpers.js';
import type { DeviceDto } from '../../server/shared/index.js';

/** How often `needle` occurs in `text`. */
const occurrences = (text: string, needle: string): number => text.split(needle).length - 1;

describe('GET /api/allocation-batches/:id/delivery-note.pdf', () => {
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

  /** Three devices through the workshop (tags NM-000123…125, one 256 GB SSD each), for an institution. */
  async function institutionBatch() {
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

  it('when the batch is reserved, prints letterhead, code, institution and contact, programme, every device with its specs, the count in words, and blank boxes to tick and sign', async () => {
    const { batch, devices } = await institutionBatch();

    const file = savePdf(await deliveryNote(batch.id, manager), 'delivery-note');

    const text = pdfText(file);
    expect(text).to.include('مذكرة تسليم أجهزة').and.include('Delivery Note');
    expect(text).to.include('جمعية نعمة لإعادة تأهيل الحواسيب').and.include('Nimah Computer Refurbishing Charity');
    expect(text)
      .to.match(/BT-\d{4}-0001/)
      .and.include(batch.code);
    // pdftotext reorders Arabic next to digits and punctuation: Arabic is checked in words, English in phrases.
    expect(text).to.include(INSTITUTION_NAME).and.include('School').and.include('MOE-44120');
    expect(text).to.include('الدمام').and.include('المنطقة الشرقية').and.include('Dammam, Eastern Province');
    expect(text).to.include(CONTACT_PERSON).and.include('+966138123456');
    expect(text).to.include('المرحلة الأولى').and.include('Phase 1');
    for (const [i, d] of devices.entries()) {
      expect(text).to.include(`NM-00012${3 + i}`);
      expect(text).to.include(d.serialNumber!);
    }
    expect(occurrences(text, 'Lenovo ThinkPad T480')).to.equal(3);
    expect(occurrences(text, '256 GB SSD')).to.equal(3);
    expect(text).to.include('ثلاثة').and.include('three');
    expect(text).to.include('محجوزة بانتظار التسليم').and.include('Reserved, awaiting handover');
    expect(text).to.include('شاحن').and.include('Charger').and.include('حقيبة').and.include('Mouse');
    expect(text).to.include('Received by').and.include('Delivered by').and.include('المستلم');
    expect(text).to.include('Page 1 of 1');
    expect(pdfInfo(file)).to.include({ Pages: '1', Title: `Delivery Note ${batch.code}` });
    expect(imageCount(file), 'nothing signed yet').to.equal(0);
  });

  it('when the batch was handed over, prints who signed, the signature, the date and the accessories ticked with their note', async () => {
    const { batch } = await institutionBatch();
    await handOverBatch(manager, batch.id);

    const file = savePdf(await deliveryNote(batch.id, manager), 'delivery-note-signed');

    const text = pdfText(file);
    expect(text).to.include(RECEIVER).and.include('23 November 2026').and.include('Handed over');
    expect(text).to.include('سماعات رأس');
    expect(text).to.include('Accessories handed over with each device');
    expect(imageCount(file), 'the signature').to.equal(1);
  });

  it('when the batch goes to a partner association, names the partner and says the devices stay in its custody until each is handed on', async () => {
    const partner = await partnerAssociation(manager);
    const device = await readyDevice(manager);
    const batch = await createBatch(manager, { partnerId: partner.id }, programmeId, [device.id]);

    const text = pdfText(savePdf(await deliveryNote(batch.id, manager), 'delivery-note-partner'));

    expect(text).to.include(PARTNER_NAME).and.include('Al-Birr Association, Khobar');
    expect(text).to.include('الجمعية الشريكة').and.include('Partner association');
    expect(text).to.include('الخبر').and.include('Khobar, Eastern Province');
    expect(text).to.include("remain in the association's custody").and.include('نورة الشمري');
    expect(text).to.include('واحد').and.include('one');
  });

  it('when the batch holds 120 devices, runs over 4 pages numbered "n of 4", the headings on each page of the list, and lists every tag once', async () => {
    const ids = await readyDevicesInBulk(120);
    const institution = await verifiedInstitution(manager);
    const batch = await createBatch(manager, { beneficiaryId: institution.id }, programmeId, ids);

    const file = savePdf(await deliveryNote(batch.id, manager), 'delivery-note-120');

    expect(pdfInfo(file).Pages).to.equal('4');
    const text = pdfText(file);
    for (let page = 1; page <= 4; page += 1) expect(text).to.include(`Page ${page} of 4`);
    // 27 + 50 + 43 rows on three pages; the checklist and the signatures do not fit under the last row.
    expect(occurrences(text, 'Serial number'), 'the column headings on every page of the list').to.equal(3);
    expect(occurrences(text, 'Accessories with each device'), 'the checklist, once').to.equal(1);
    for (let n = 123; n < 123 + 120; n += 1) expect(occurrences(text, `NM-000${n}`), `NM-000${n}`).to.equal(1);
    for (let n = 1; n <= 120; n += 1) expect(text).to.include(`DL${String(n).padStart(5, '0')}`);
    expect(text).to.include('مئة وعشرون').and.include('one hundred and twenty');
  });

  it('when the batch was cancelled, answers 409 BATCH_CANCELLED; an unknown batch 404', async () => {
    const { batch } = await institutionBatch();
    await api()
      .post(`/api/allocation-batches/${batch.id}/cancel`)
      .set(bearer(manager))
      .send({ reason: 'المدرسة أجّلت الاستلام' })
      .expect(200);

    const res = await api().get(`/api/allocation-batches/${batch.id}/delivery-note.pdf`).set(bearer(manager));

    expect(res.status).to.equal(409);
    expect(res.body.error).to.include({ code: 'BATCH_CANCELLED' });
    expect(res.body.error.details).to.deep.equal({ status: 'cancelled' });
    expect((await api().get('/api/allocation-batches/999999/delivery-note.pdf').set(bearer(manager))).status).to.equal(
      404,
    );
  });

  it('when a viewer, technician or partner asks, answers 403 (it names the receiving contact and their signature)', async () => {
    const { batch } = await institutionBatch();
    for (const role of ['viewer', 'technician', 'partner'] as const) {
      const token = (await signIn(role)).token;
      const res = await api().get(`/api/allocation-batches/${batch.id}/delivery-note.pdf`).set(bearer(token));
      expect(res.status, role).to.equal(403);
    }
  });

  it('with ?lang=fr, prints Arabic and French (title, labels, count in French words, status), no English title; lang=xx is a 400 naming lang', async () => {
    const { batch } = await institutionBatch();
    const url = `/api/allocation-batches/${batch.id}/delivery-note.pdf`;

    const file = savePdf(await binary(api().get(`${url}?lang=fr`).set(bearer(manager))), 'delivery-note-fr');

    const text = pdfText(file);
    expect(text)
      .to.include('Bon de livraison')
      .and.include('مذكرة تسليم أجهزة')
      .and.include('Institution destinataire')
      .and.include("Nombre d'appareils")
      .and.include('trois')
      .and.include('Réservé, en attente de remise')
      .and.include('Je soussigné')
      .and.include('Page 1 sur 1')
      .and.include('NM-000123');
    // The region by its French name (SA-04: Province orientale), not the English one.
    expect(text.replace(/\s+/g, ' ')).to.include('Dammam, Province orientale');
    expect(text).to.not.include('Delivery Note').and.not.include('Receiving institution').and.not.include('Eastern');

    const bad = await api().get(`${url}?lang=xx`).set(bearer(manager));
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['lang']);
  });
});
