import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonor, signIn } from '../helpers/factories.js';
import { intake } from '../helpers/workshop.js';
import { pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import {
  BENEFICIARY_NAME,
  FULL_NATIONAL_ID,
  MASKED_NATIONAL_ID,
  binary,
  createProgramme,
  handedOver,
  savePdf,
  setCharity,
  startTagsAt123,
} from './documents.helpers.js';
import { signaturePng } from './signature-png.js';

/**
 * What every public page must be: HTML, Arabic first, self-contained (no script, nothing fetched from elsewhere:
 * the only URLs its CSS names are the app's own font under /public-fonts/, the only image an inline one).
 */
function expectSelfContainedPage(res: { headers: Record<string, string>; text: string }): void {
  expect(res.headers['content-type']).to.match(/^text\/html/);
  expect(res.headers['content-security-policy']).to.include("script-src 'self'");
  expect(res.headers['cache-control']).to.equal('no-store');
  expect(res.text).to.match(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
  expect(res.text).to.not.match(/<script|<link|@import/i);
  expect(res.text).to.not.match(/<img(?![^>]*src="data:image\/(png|jpeg);base64,)/i);
  expect(res.text.match(/url\([^)]*\)/g) ?? []).to.satisfy((urls: string[]) =>
    urls.every((u) => u.startsWith('url(/public-fonts/')),
  );
  expect(res.text).to.not.match(/(src|href)="https?:/i);
}

async function receivedDonation(token: string): Promise<{ id: number; code: string; token: string }> {
  const donor = await createDonor({ name: 'شركة الخليج للتقنية' });
  const created = await api()
    .post('/api/donations')
    .set(bearer(token))
    .send({ donorId: donor.id, channel: 'drop_off' })
    .expect(201);
  const row = await Donation.findByPk(created.body.id);
  return { id: row!.id, code: row!.code, token: row!.receiptToken! };
}

describe('public receipt page /receipts/:token', () => {
  let manager: string;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    await setCharity((await signIn('admin')).token);
  });

  it('when the token is known, shows the receipt summary in Arabic and English with a link to the PDF, without login', async () => {
    const donation = await receivedDonation(manager);
    await intake(manager, 1, donation.id);

    const res = await api().get(`/receipts/${donation.token}`);

    expect(res.status).to.equal(200);
    expectSelfContainedPage(res);
    const year = new Date().getUTCFullYear();
    expect(res.text).to.include(`RC-${year}-0001`).and.include('شركة الخليج للتقنية').and.include(donation.code);
    expect(res.text).to.include('أثر تبرعكم').and.include('Your impact').and.include('states no monetary value');
    expect(res.text).to.include(`href="/receipts/${donation.token}/receipt.pdf"`);
    // The download button: Arabic and English each on its own line, neither reordered by the other.
    expect(res.text).to.include('<small lang="en" dir="ltr">Download the receipt (PDF)</small>');
    expect(res.text).to.not.match(/>\s*·\s*Download/);
    // No device is placed yet: it says so, never "0 families".
    expect(res.text).to.include('will soon reach families and students').and.not.include('0 famil');
    // The licence footer: the English half isolated, the number once per language.
    expect(res.text).to.include('<span lang="en" dir="ltr">Licence No. <bdi dir="ltr">LIC-4471</bdi></span>');
    // The tiles' accent stands at the start of the reading direction (the right in this right-to-left page), where
    // their text is aligned, not at its end.
    expect(res.text).to.include('<html lang="ar" dir="rtl">');
    expect(res.text)
      .to.match(/\.tile\{[^}]*border-inline-start:3px solid/)
      .and.not.match(/\.tile\{[^}]*border-inline-end/);
  });

  it('when no licence number is set, the page has no licence line (never a lone dash)', async () => {
    await api()
      .patch('/api/settings')
      .set(bearer((await signIn('admin')).token))
      .send({ charityLicence: '' })
      .expect(200);
    const donation = await receivedDonation(manager);
    await intake(manager, 1, donation.id);

    const res = await api().get(`/receipts/${donation.token}`);

    expect(res.status).to.equal(200);
    expect(res.text).to.not.include('Licence No').and.not.include('ترخيص رقم').and.not.include('—');
  });

  it('when the PDF link is followed without login, sends the same receipt', async () => {
    const donation = await receivedDonation(manager);
    const device = await intake(manager, 1, donation.id);

    const file = savePdf(await binary(api().get(`/receipts/${donation.token}/receipt.pdf`)), 'public-receipt');

    expect(pdfText(file)).to.include(device.serialNumber!).and.include(donation.code);
  });

  it('when nothing was received yet, says so instead of a receipt', async () => {
    const donation = await receivedDonation(manager);

    const res = await api().get(`/receipts/${donation.token}`).expect(200);

    expect(res.text).to.include('have not been received yet').and.not.include('receipt.pdf');
  });

  it('when the token is unknown or malformed, answers a 404 page (not the web client), and the PDF link 404 too', async () => {
    for (const token of ['A'.repeat(43), 'x', '%3Cscript%3E']) {
      const res = await api().get(`/receipts/${token}`);
      expect(res.status, token).to.equal(404);
      expectSelfContainedPage(res);
      expect(res.text).to.include('does not lead to a receipt').and.not.include('<script>');
    }
    expect((await api().get(`/receipts/${'A'.repeat(43)}/receipt.pdf`)).status).to.equal(404);
  });
});

describe('public verification /verify/:code', () => {
  let manager: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    await setCharity((await signIn('admin')).token);
    await startTagsAt123();
  });

  it('when the code is genuine, shows the tag, date, programme and the initials only, as HTML', async () => {
    const programme = await createProgramme(manager);
    const h = await handedOver(manager, { programmeId: programme.id, beneficiary: { nationalId: FULL_NATIONAL_ID } });

    const res = await api().get(`/verify/${h.certificateCode}`);

    expect(res.status).to.equal(200);
    expectSelfContainedPage(res);
    expect(res.text)
      .to.include('Genuine certificate')
      .and.include('NM-000123')
      .and.include('23 November 2026')
      .and.include('Phase 1');
    expect(res.text).to.include('أ. ع.');
    // In the app's font, served by this server, and with the charity's seal (drawn: no logo was uploaded).
    expect(res.text).to.include('font-family:"IBM Plex Sans Arabic"');
    expect(res.text).to.include('url(/public-fonts/IBMPlexSansArabic-Regular.woff)');
    expect(res.text).to.match(/<svg class="seal" role="img" aria-label="جمعية نعمة[^"]*"[^>]*>.*>نعمة<\/text><\/svg>/);
    const font = await api().get('/public-fonts/IBMPlexSansArabic-Regular.woff').buffer(true);
    expect(font.status).to.equal(200);
    expect(font.headers['content-type']).to.match(/^font\/woff/);
    expect((font.body as Buffer).subarray(0, 4).toString('latin1')).to.equal('wOFF');
    expect((await api().get('/public-fonts/..%2Fpaths.ts')).status).to.equal(404);
    expect((await api().get('/public-fonts/OFL.txt')).status).to.equal(404);
    expect(res.text)
      .to.not.include(BENEFICIARY_NAME)
      .and.not.include(FULL_NATIONAL_ID)
      .and.not.include(MASKED_NATIONAL_ID)
      .and.not.include(h.device.serialNumber!)
      .and.not.include('أم خالد');
  });

  it('when an admin uploaded a logo, the page shows it inline as the seal', async () => {
    const logo = signaturePng(64, 64);
    await api()
      .put('/api/settings/logo')
      .set(bearer((await signIn('admin')).token))
      .attach('file', logo, { filename: 'logo.png', contentType: 'image/png' })
      .expect(200);
    const h = await handedOver(manager);

    const res = await api().get(`/verify/${h.certificateCode}`);

    expect(res.status).to.equal(200);
    expectSelfContainedPage(res);
    expect(res.text).to.include(`<img class="seal" src="data:image/png;base64,${logo.toString('base64')}"`);
    expect(res.text).to.not.include('<svg class="seal"');
  });

  it('when JSON is asked for, answers the same facts as JSON, whatever the case of the code', async () => {
    const h = await handedOver(manager);

    const res = await api()
      .get(`/verify/${h.certificateCode.toLowerCase()}`)
      .set('Accept', 'application/json')
      .expect(200);

    expect(res.body).to.deep.equal({
      genuine: true,
      certificateCode: h.certificateCode,
      assetTag: 'NM-000123',
      handedOverOn: '2026-11-23',
      programme: null,
      beneficiaryInitials: 'أ. ع.',
      issuer: {
        name: 'جمعية نعمة لإعادة تأهيل الحواسيب',
        nameLatin: 'Nimah Computer Refurbishing Charity',
        licence: 'LIC-4471',
      },
    });
  });

  it('when the code is unknown, answers a 404 page, or 404 JSON with genuine false', async () => {
    const page = await api().get('/verify/ZZZZZZZZZZ');
    expect(page.status).to.equal(404);
    expectSelfContainedPage(page);
    expect(page.text).to.include('No handover certificate has this number');

    const json = await api().get('/verify/ZZZZZZZZZZ').set('Accept', 'application/json');
    expect(json.status).to.equal(404);
    expect(json.body.error).to.include({ code: 'NOT_FOUND' });
    expect(json.body.error.details).to.deep.equal({ genuine: false });
  });
});

describe('label URL /d/:tag', () => {
  it('when the tag is known (with or without the hyphen), redirects to the device page of the web client', async () => {
    const technician = (await signIn('technician')).token;
    await startTagsAt123();
    const device = await intake(technician);

    for (const tag of ['NM000123', 'NM-000123', 'nm000123']) {
      const res = await api().get(`/d/${tag}`);
      expect(res.status, tag).to.equal(302);
      expect(res.headers.location).to.equal(`/devices/${device.id}`);
    }
    expect((await api().get('/d/NM999999')).status).to.equal(404);
  });
});
