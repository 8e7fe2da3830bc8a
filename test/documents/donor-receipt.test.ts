import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonor, signIn } from '../helpers/factories.js';
import { act, intake, PASSED_WIPE, QA_PASS, wipeAllDrives } from '../helpers/workshop.js';
import { postManifest, rawWrite } from '../helpers/more-factories.js';
import { decodeBarcodes, pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { getSequelize } from '../../server/db/sequelize.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import { up as addDonationReceipts } from '../../migrations/2026.11.25T00.00.08.add-donation-receipts.js';
import { up as numberIssuedReceipts } from '../../migrations/2026.12.06T00.00.05.number-issued-receipts.js';
import {
  MASKED_NATIONAL_ID,
  binary,
  handedOver,
  pdfInfo,
  savePdf,
  setCharity,
  startTagsAt123,
} from './documents.helpers.js';
import type { DeviceDto } from '../../server/shared/index.js';

const SECRET_NAME = 'Leaky Family Name';
const receipt = (id: number, token: string) => binary(api().get(`/api/donations/${id}/receipt.pdf`).set(bearer(token)));

async function newDonation(token: string): Promise<{ id: number; code: string }> {
  const donor = await createDonor({ name: 'شركة الخليج للتقنية' });
  const res = await api()
    .post('/api/donations')
    .set(bearer(token))
    .send({ donorId: donor.id, channel: 'drop_off' })
    .expect(201);
  return res.body as { id: number; code: string };
}

async function readyIn(token: string, donationId: number): Promise<DeviceDto> {
  let d = await intake(token, 1, donationId);
  d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'reuse' });
  await wipeAllDrives(token, d.id);
  d = await act(token, d, { action: 'complete_wipe' });
  return act(token, d, {
    action: 'refurbish',
    os: 'Windows 11 Pro',
    licence: 'oem_coa',
    windows11Eligible: true,
    grade: 'A',
    qa: QA_PASS,
  });
}

async function recycledIn(token: string, donationId: number): Promise<DeviceDto> {
  let d = await intake(token, 1, donationId);
  d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'recycle' });
  await wipeAllDrives(token, d.id);
  d = await act(token, d, { action: 'complete_wipe' });
  return act(token, d, { action: 'recycle', recycler: 'Eco Recyclers', weightKg: 2.1, certificateRef: 'ER-1' });
}

describe('GET /api/donations/:id/receipt.pdf', () => {
  let manager: string;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    await setCharity((await signIn('admin')).token);
    await startTagsAt123();
  });

  it('when devices were placed, recycled and are in progress, prints the manifest, outcomes, counts and estimates, never a beneficiary', async () => {
    const donation = await newDonation(manager);
    const placed = await readyIn(manager, donation.id);
    await handedOver(manager, { device: placed, beneficiary: { name: SECRET_NAME, nationalId: '1000000008' } });
    const recycled = await recycledIn(manager, donation.id);
    const waiting = await intake(manager, 0, donation.id);
    const viewer = (await signIn('viewer')).token;

    const file = savePdf(await receipt(donation.id, viewer), 'receipt');

    const year = new Date().getUTCFullYear();
    const text = pdfText(file);
    expect(text)
      .to.include(`RC-${year}-0001`)
      .and.include('LIC-4471')
      .and.include(donation.code)
      .and.include('2050012345')
      .and.include('شركة الخليج للتقنية');
    for (const d of [placed, recycled, waiting]) expect(text).to.include(d.serialNumber!);
    expect(text)
      .to.include('NM-000123')
      .and.include('NM-000125')
      .and.include('Placed')
      .and.include('Recycled')
      .and.include('In progress');
    expect(text)
      .to.include('states no monetary value')
      .and.include('No goods or services')
      .and.include('in return for this donation');
    // It leads with whom the donation reached (one family here), before the receipt's details.
    expect(text).to.include('Your donation reached 1 family').and.include('وصل تبرعكم إلى أسرة واحدة');
    expect(text.indexOf('Your donation reached')).to.be.below(text.indexOf(`RC-${year}-0001`));
    expect(text)
      .to.include('placed · 1')
      .and.include('recycled · 1')
      .and.include('kg CO2e avoided')
      .and.include('counting placed devices only: 200 kg CO2e');
    expect(text).to.include('4.1').and.include('(2.1 kg)'); // 2.1 kg recorded by the recycler + 2 kg assumed for the placed laptop
    expect(text).to.not.include(SECRET_NAME).and.not.include(MASKED_NATIONAL_ID).and.not.include('أم خالد');
    expect(pdfInfo(file)).to.include({ Title: `In-kind Donation Receipt RC-${year}-0001` });
    expect((await Donation.findByPk(donation.id))!.receiptNumber).to.equal(`RC-${year}-0001`);
  });

  it('when the receipt is printed again, keeps its number; the next donation gets the next number', async () => {
    const first = await newDonation(manager);
    const second = await newDonation(manager);
    await intake(manager, 0, first.id);
    await intake(manager, 0, second.id);
    const year = new Date().getUTCFullYear();

    savePdf(await receipt(first.id, manager));
    savePdf(await receipt(second.id, manager));
    const again = pdfText(savePdf(await receipt(first.id, manager)));

    expect(again).to.include(`RC-${year}-0001`);
    expect((await Donation.findByPk(second.id))!.receiptNumber).to.equal(`RC-${year}-0002`);
  });

  it('when a donation holds 500 devices, the manifest runs over pages with every tag', async function () {
    this.timeout(90_000);
    const donation = await newDonation(manager);
    const rows = Array.from({ length: 500 }, (_, i) => `laptop,Lenovo,ThinkPad T480,SER${String(i).padStart(5, '0')}`);
    await postManifest(manager, donation.id, ['type,manufacturer,model,serialNumber', ...rows].join('\n')).expect(201);

    const file = savePdf(await receipt(donation.id, manager), 'big');

    expect(Number(pdfInfo(file).Pages)).to.be.within(10, 14);
    const text = pdfText(file);
    expect(text)
      .to.include('NM-000123')
      .and.include('NM-000622')
      .and.include('SER00000')
      .and.include('SER00499')
      .and.include('End of manifest: 500 devices');
  });

  it("when a viewer prints the receipt, it carries no link to the donor's receipt page; staff copies do (QR)", async function () {
    this.timeout(90_000); // two A4 pages rendered at 300 dpi for zbarimg
    const donation = await newDonation(manager);
    await intake(manager, 0, donation.id);
    const token = (await Donation.findByPk(donation.id))!.receiptToken!;

    const asViewer = savePdf(await receipt(donation.id, (await signIn('viewer')).token), 'receipt-viewer');
    const asStaff = savePdf(await receipt(donation.id, manager), 'receipt-staff');

    expect(decodeBarcodes(asViewer).join('\n')).not.to.contain(token);
    expect(pdfText(asViewer)).not.to.contain('receipt page');
    expect(decodeBarcodes(asStaff)).to.include(`QR-Code:http://nimah.test/receipts/${token}`);
  });

  it('when the donation has no devices yet, returns 422 NOTHING_RECEIVED and gives no number; an unknown one gives 404', async () => {
    const donation = await newDonation(manager);

    const res = await api().get(`/api/donations/${donation.id}/receipt.pdf`).set(bearer(manager));

    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('NOTHING_RECEIVED');
    expect((await Donation.findByPk(donation.id))!.receiptNumber).to.equal(null);
    expect((await api().get('/api/donations/999999/receipt.pdf').set(bearer(manager))).status).to.equal(404);
  });
});

describe('receipt numbers are given by the intake, never by viewing', () => {
  let manager: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
  });

  it('when the first device is received, the donation gets its number in that write; a second device keeps it', async () => {
    const donation = await newDonation(manager);
    const year = new Date().getUTCFullYear();
    expect((await Donation.findByPk(donation.id))!.receiptNumber).to.equal(null);

    await intake(manager, 0, donation.id);
    await intake(manager, 0, donation.id);

    expect((await Donation.findByPk(donation.id))!.receiptNumber).to.equal(`RC-${year}-0001`);
  });

  it('when devices came in by another path and no number was given, the receipt answers 409 RECEIPT_NOT_ISSUED and writes nothing', async () => {
    const donation = await newDonation(manager);
    await intake(manager, 0, donation.id);
    await rawWrite('UPDATE donations SET receipt_number = NULL WHERE id = :id', { id: donation.id });

    const res = await api().get(`/api/donations/${donation.id}/receipt.pdf`).set(bearer(manager));

    expect(res.status).to.equal(409);
    expect(res.body.error.code).to.equal('RECEIPT_NOT_ISSUED');
    expect((await Donation.findByPk(donation.id))!.receiptNumber).to.equal(null);
  });

  it('when the migration runs, numbers every donation holding devices without a number (closed ones too), oldest first, continuing the sequence; again, changes nothing', async () => {
    const year = new Date().getUTCFullYear();
    const numbered = await newDonation(manager);
    const older = await newDonation(manager);
    const closed = await newDonation(manager);
    const empty = await newDonation(manager);
    for (const d of [numbered, older, closed]) await intake(manager, 0, d.id);
    await api().patch(`/api/donations/${closed.id}`).set(bearer(manager)).send({ status: 'closed' }).expect(200);
    await rawWrite('UPDATE donations SET receipt_number = NULL WHERE id IN (:ids)', { ids: [older.id, closed.id] });
    await rawWrite('UPDATE donations SET received_at = :at WHERE id = :id', {
      at: new Date('2020-01-02T03:04:05Z'),
      id: older.id,
    });
    const run = () => numberIssuedReceipts({ name: 'again', path: '', context: getSequelize().getQueryInterface() });

    await run();
    await run();

    const numberOf = async (id: number) => (await Donation.findByPk(id))!.receiptNumber;
    expect(await numberOf(numbered.id)).to.equal(`RC-${year}-0001`);
    expect(await numberOf(older.id)).to.equal('RC-2020-0001');
    // 0002 and 0003 went to these two at intake and were lost with the rows' values: numbers are never reused.
    expect(await numberOf(closed.id)).to.equal(`RC-${year}-0004`);
    expect(await numberOf(empty.id)).to.equal(null);
  });
});

describe('donation receipt links', () => {
  it('when one drive has a counted wipe and another only a typed-in record awaiting its verifier, the receipt counts one drive sanitized', async () => {
    const manager = (await signIn('manager')).token;
    const donation = await newDonation(manager);
    const counted = await intake(manager, 1, donation.id);
    await wipeAllDrives(manager, counted.id);
    const claimed = await intake(manager, 1, donation.id);
    const colleague = await signIn('technician');
    const drive = (await api().get(`/api/devices/${claimed.id}`).set(bearer(manager)).expect(200)).body.drives[0] as {
      serialNumber: string;
    };
    await api()
      .post(`/api/devices/${claimed.id}/sanitizations`)
      .set(bearer(manager))
      .send({ driveSerial: drive.serialNumber, ...PASSED_WIPE, verifierId: colleague.user.id })
      .expect(201);
    const token = (await Donation.findByPk(donation.id))!.receiptToken!;

    const page = await api().get(`/receipts/${token}`).expect(200);

    // One drive: the caption agrees with its count.
    expect(page.text).to.match(/<div class="tile"><b>1<\/b>[^<]*<small lang="en">drive sanitized</);
  });

  it('when a donation is created or pledged, it gets an unguessable token, and the detail shows its receipt URL', async () => {
    const manager = (await signIn('manager')).token;
    const donation = await newDonation(manager);
    await api()
      .post('/api/public/pledges')
      .send({ donor: { kind: 'individual', name: 'سارة', phone: '0551234567' }, items: [{ type: 'laptop', count: 2 }] })
      .expect(201);

    const detail = await api().get(`/api/donations/${donation.id}`).set(bearer(manager)).expect(200);

    const rows = await Donation.findAll({ order: [['id', 'ASC']] });
    expect(rows).to.have.length(2);
    for (const row of rows) expect(row.receiptToken).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(rows[0].receiptToken).to.not.equal(rows[1].receiptToken);
    expect(detail.body.receiptUrl).to.equal(`http://nimah.test/receipts/${rows[0].receiptToken}`);
    const list = await api().get('/api/donations').set(bearer(manager)).expect(200);
    expect(JSON.stringify(list.body)).to.not.include(rows[0].receiptToken!);
  });

  it('when the migration runs again over rows without a token, it fills them and changes nothing else', async () => {
    const manager = (await signIn('manager')).token;
    const a = await newDonation(manager);
    const b = await newDonation(manager);
    const kept = (await Donation.findByPk(b.id))!.receiptToken;
    await rawWrite('UPDATE donations SET receipt_token = NULL WHERE id = :id', { id: a.id });

    await addDonationReceipts({ name: 'again', path: '', context: getSequelize().getQueryInterface() });

    expect((await Donation.findByPk(a.id))!.receiptToken).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect((await Donation.findByPk(b.id))!.receiptToken).to.equal(kept);
  });
});
