// (c) A manager registers and verifies a family, allocates a ready device from the suggestions, has the receiver sign
// on the screen and hands the device over, then opens the certificate. (d) The donor opens the receipt link; (e) anyone
// opens the verification link. Also: partners, the waiting list, allocations, the programme dashboard with its batch
// of certificates, every screen in Arabic and in English.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './api.js';
import { readyDeviceOf } from './fixtures.js';
import {
  checkPage,
  contentTypeOf,
  screenshot,
  signIn,
  startServerAndBrowser,
  switchLanguage,
  openPage,
  closeAfterSuite,
  type TestServer,
  skipWithoutChromium,
} from './harness.js';

const MANAGER = { email: 'manager@nimah.test', password: 'manager-password-1' };
const FAMILY = 'أسرة العتيبي';
const LENOVO = { manufacturer: 'Lenovo', model: 'ThinkPad T480', grade: 'B' } as const;

interface Created {
  id: number;
  assetTag?: string;
  code?: string;
  receiptUrl?: string;
}

describe('browser: a manager registers a family, allocates, hands over; donors and verifiers see the public pages', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let api: Api;
  let donation: Created;
  let device: Created;
  let beneficiaryId: number;
  let allocationId: number;
  let certificateCode = '';

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(120_000);
    // As deployed: the dashboard is recomputed after every write this server commits, so the figures after the
    // handover are the new ones.
    ({ server, browser } = await startServerAndBrowser());
    api = await Api.signIn(server.url);
    await api.call('POST', '/api/users', {
      email: MANAGER.email,
      name: 'نورة المديرة',
      role: 'manager',
      password: MANAGER.password,
      language: 'ar',
    });
    const donor = await api.call<Created>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الخليج للتقنية',
      nameLatin: 'Gulf Tech Co.',
      preferredLanguage: 'ar',
    });
    donation = await api.call<Created>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: 2,
    });
    // The colleague who confirms the wipe records typed in by hand (spec §10), signed in as themself.
    const verifier = await Api.signIn(server.url, MANAGER.email, MANAGER.password);
    device = await readyDeviceOf(api, verifier, donation.id, {
      ...LENOVO,
      serial: 'PF1ABC23',
      drive: 'S3Z9NB0K123456',
    });
    await readyDeviceOf(api, verifier, donation.id, { ...LENOVO, serial: 'PF1ABC24', drive: 'S3Z9NB0K123457' });
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url, MANAGER);
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('dashboard: a manager creates the programme, 2,000 families, and sees its progress', async function () {
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('pipeline').waitFor();
    await page.getByRole('button', { name: 'برنامج جديد' }).click();
    const form = page.getByTestId('programme-form');
    await form.locator('input[name="name"]').fill('المرحلة الأولى');
    await form.locator('input[name="nameLatin"]').fill('Phase 1');
    expect(await form.locator('input[name="targetFamilies"]').inputValue()).to.equal('2000');
    await form.getByRole('button', { name: 'حفظ' }).click();
    await page.getByTestId('programme-progress').waitFor();
    expect(await page.getByTestId('programme-progress').innerText()).to.contain('المرحلة الأولى');
  });

  it('partners: a family-business centre is added', async function () {
    await page.goto(`${server.url}/partners`);
    await page.getByRole('button', { name: 'جهة جديدة' }).click();
    await page.locator('input[name="name"]').fill('مركز الأسر المنتجة بالدمام');
    await page.locator('input[name="city"]').fill('الدمام');
    await page.getByRole('dialog').getByRole('button', { name: 'حفظ' }).click();
    await page.getByTestId('partner-table').getByText('مركز الأسر المنتجة بالدمام').waitFor();
    await checkPage(page, 'partners');
    await screenshot(page, 'partners-ar.png');
  });

  it('beneficiaries: a bad national ID is said next to its field, nothing typed is lost; the family is registered and verified', async function () {
    await page.goto(`${server.url}/beneficiaries/new`);
    const form = page.getByTestId('beneficiary-form');
    await form.locator('input[name="name"]').fill(FAMILY);
    await form.locator('input[name="nationalId"]').fill('1000000000');
    await form.locator('input[name="phone"]').fill('0501234567');
    await form.locator('input[name="city"]').fill('الدمام');
    await form.locator('input[name="householdSize"]').fill('٦');
    await form.locator('input[name="monthlyIncome"]').fill('3000');
    await form.locator('input[name="schoolChildren"]').fill('3');
    await form.getByLabel('الجهة المحيلة').click();
    await page.getByRole('option', { name: 'مركز الأسر المنتجة بالدمام' }).click();
    // Mantine puts dir="ltr" on the input's wrapper; what matters is that the input itself runs left to right.
    for (const field of ['nationalId', 'phone']) {
      expect(
        await form
          .locator(`input[name="${field}"]`)
          .evaluate((el) => `${el.closest('[dir]')?.getAttribute('dir')} ${getComputedStyle(el).direction}`),
      ).to.equal('ltr ltr');
    }
    await form.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForFunction(
      () => document.querySelector('input[name="nationalId"]')?.getAttribute('aria-invalid') === 'true',
    );
    expect(await form.innerText()).to.contain('رقم هوية أو إقامة غير صالح');
    expect(await form.locator('input[name="name"]').inputValue()).to.equal(FAMILY);
    expect(await form.locator('input[name="householdSize"]').inputValue()).to.equal('6');
    await checkPage(page, 'beneficiary form with an error');
    await screenshot(page, 'beneficiary-form-ar.png');
    await form.locator('input[name="nationalId"]').fill('1000000008');
    await form.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/beneficiaries\/\d+$/);
    beneficiaryId = Number(page.url().split('/').pop());
    await page.getByText('******0008').waitFor();
    expect(await page.locator('body').innerText(), 'the full national ID never shows').not.to.contain('1000000008');
    await page.getByRole('button', { name: 'تحقّق' }).click();
    await page.locator('h1', { hasText: 'متحقَّق منه' }).waitFor();
    await checkPage(page, 'beneficiary');
    await screenshot(page, 'beneficiary-ar.png');
    await page.goto(`${server.url}/beneficiaries`);
    await page.getByTestId('beneficiary-table').getByText('******0008').waitFor();
    await checkPage(page, 'beneficiaries');
    await screenshot(page, 'beneficiaries-ar.png');
  });

  it('waiting list: the family ranks with its score broken down', async function () {
    await page.goto(`${server.url}/waitlist`);
    const table = page.getByTestId('waitlist-table');
    await table.getByText(FAMILY).waitFor();
    const text = await table.innerText();
    for (const factor of ['الدخل للفرد', 'حجم الأسرة', 'أطفال المدارس', 'مدة الانتظار', 'إحالة من جهة شريكة'])
      expect(text).to.contain(factor);
    await checkPage(page, 'waiting list');
    await screenshot(page, 'waitlist-ar.png');
  });

  it('allocation board: ready devices beside the waiting list; a suggestion with its reasons allocates in one click', async function () {
    await page.goto(`${server.url}/allocation`);
    const suggestion = page.getByTestId('suggestion').first();
    await suggestion.waitFor();
    const text = await suggestion.innerText();
    expect(text).to.contain(FAMILY);
    expect(text).to.contain('نقاط الأولوية');
    expect(text).to.match(/NM\d{6}/);
    expect(await page.locator('[data-testid="ready-devices"] tbody tr').count()).to.equal(2);
    await checkPage(page, 'allocation board');
    await screenshot(page, 'allocation-board-ar.png');
    // The English picture is taken here, while the suggestion is still on the board.
    await switchLanguage(page, 'en');
    await page.getByTestId('suggestion').first().getByText('priority score').waitFor();
    await checkPage(page, 'allocation board (en)');
    await screenshot(page, 'allocation-board-en.png');
    await switchLanguage(page, 'ar');
    await suggestion.getByTestId('allocate-suggestion').click();
    await page.getByTestId('allocation-made').waitFor();
    await page.getByTestId('open-handover').click();
    await page.waitForURL(/\/allocations\/\d+$/);
    allocationId = Number(page.url().split('/').pop());
  });

  it('handover: the receiver signs on the pad, the device is handed over and the certificate is a PDF', async function () {
    const form = page.getByTestId('handover-form');
    await form.waitFor();
    expect(await form.locator('input[name="receivedBy"]').inputValue()).to.equal(FAMILY);
    await form.locator('input[name="receivedBy"]').fill('أم خالد العتيبي');
    // Without a signature the form says so and sends nothing.
    await page.getByTestId('handover-submit').click();
    await form.getByText('التوقيع مطلوب.').waitFor();
    const pad = page.getByTestId('signature-pad');
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + box.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 24; i += 1) {
      await page.mouse.move(box.x + 30 + i * 12, box.y + box.height * (0.6 - 0.25 * Math.sin(i / 3)));
    }
    await page.mouse.up();
    const inked = await pad.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 100) dark += 1;
      return dark;
    });
    expect(inked, 'dark pixels drawn on the pad').to.be.greaterThan(50);
    await checkPage(page, 'handover');
    await screenshot(page, 'handover-ar.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'handover-ar-390.png');
    await page.setViewportSize({ width: 1366, height: 900 });
    // Switching the language keeps the form and the drawn signature (nothing remounts).
    await switchLanguage(page, 'en');
    await checkPage(page, 'handover (en)');
    await screenshot(page, 'handover-en.png');
    await switchLanguage(page, 'ar');
    expect(await form.locator('input[name="receivedBy"]').inputValue()).to.equal('أم خالد العتيبي');
    await page.getByTestId('handover-submit').click();
    await page.getByTestId('handover-done').waitFor();
    certificateCode = (await page.getByTestId('handover-done').locator('bdi').first().innerText()).trim();
    expect(certificateCode).to.match(/^[A-Z2-7]{10}$/);
    const href = await page.getByTestId('certificate-link').getAttribute('href');
    expect(href).to.equal(`/api/allocations/${allocationId}/certificate.pdf`);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('certificate-link').click()]);
    await popup.close();
    const pdf = await contentTypeOf(page, `${server.url}${href}`);
    expect(pdf.status, pdf.body.toString().slice(0, 200)).to.equal(200);
    expect(pdf.type).to.contain('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).to.equal('%PDF-');
    await checkPage(page, 'handover done');
    await screenshot(page, 'handover-done-ar.png');
  });

  it('allocations: the handed-over allocation is listed', async function () {
    await page.goto(`${server.url}/allocations?status=handed_over`);
    await page.getByTestId('allocation-table').getByText(FAMILY).waitFor();
    await checkPage(page, 'allocations');
    await screenshot(page, 'allocations-ar.png');
  });

  it('(e) anyone opens the verification link: genuine, tag, date, initials only', async function () {
    const {
      context: anon,
      page: p,
      problems: anonProblems,
    } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
    try {
      await p.goto(`${server.url}/verify/${certificateCode}`);
      const body = await p.locator('body').innerText();
      expect(body).to.contain('Genuine certificate');
      expect(body).to.contain('شهادة صحيحة');
      expect(body).to.contain(`NM-${device.assetTag!.slice(2)}`);
      expect(body).to.contain('أ. ع.');
      expect(body, 'no name').not.to.contain('العتيبي');
      expect(body, 'no national ID').not.to.contain('0008');
      await checkPage(p, 'verification page');
      await screenshot(p, 'verify-ar.png');
      await p.goto(`${server.url}/verify/AAAAAAAAAA`);
      expect(await p.locator('body').innerText()).not.to.contain('Genuine certificate');
      expect(anonProblems.filter((x) => !x.includes('404'))).to.deep.equal([]);
    } finally {
      await anon.close();
    }
  });

  it('(d) the donor opens the receipt link from the donation page: the public receipt and its PDF', async function () {
    await page.goto(`${server.url}/donations/${donation.id}`);
    const link = page.getByTestId('receipt-link');
    await link.waitFor();
    const receiptUrl = (await link.getAttribute('href'))!;
    expect(receiptUrl).to.match(/\/receipts\/[A-Za-z0-9_-]{22,}$/);
    expect(await page.getByTestId('receipt-pdf').getAttribute('href')).to.equal(
      `/api/donations/${donation.id}/receipt.pdf`,
    );
    const staffPdf = await contentTypeOf(page, `${server.url}/api/donations/${donation.id}/receipt.pdf`);
    expect(staffPdf.type).to.contain('application/pdf');
    await checkPage(page, 'donation with documents');
    await screenshot(page, 'donation-ar.png');
    const {
      context: anon,
      page: p,
      problems: anonProblems,
    } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
    try {
      await p.goto(receiptUrl);
      const body = await p.locator('body').innerText();
      expect(body).to.contain('شركة الخليج للتقنية');
      expect(body, 'a receipt names no beneficiary').not.to.contain('العتيبي');
      await checkPage(p, 'receipt page');
      await screenshot(p, 'receipt-ar.png');
      const pdfHref = await p.locator('a[href$="/receipt.pdf"]').first().getAttribute('href');
      const pdf = await contentTypeOf(p, new URL(pdfHref!, receiptUrl).toString());
      expect(pdf.status).to.equal(200);
      expect(pdf.type).to.contain('application/pdf');
      expect(anonProblems).to.deep.equal([]);
    } finally {
      await anon.close();
    }
  });

  it('dashboard: one family served; the batch of certificates streams with progress and is offered as a download', async function () {
    await page.goto(`${server.url}/dashboard`);
    await page
      .getByTestId('programme-progress')
      .getByText(/استلم 1 من أصل 2.?000 مستفيد/)
      .waitFor();
    const batch = page.getByTestId('batch-certificates');
    // Days are the charity's (Asia/Riyadh by default), a few hours ahead of UTC: a range ending tomorrow holds today's handover.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await batch.locator('input[name="from"]').fill(day(-7));
    await batch.locator('input[name="to"]').fill(day(1));
    await page.getByTestId('batch-run').click();
    await page.getByTestId('batch-done').waitFor();
    expect(await page.getByTestId('batch-status').innerText()).to.contain('شهادة واحدة');
    const download = page.getByTestId('batch-download');
    expect(await download.getAttribute('href')).to.match(/^blob:/);
    expect(await download.getAttribute('download')).to.match(/^certificates-\d+-.*\.pdf$/);
    await checkPage(page, 'dashboard');
    // The dashboard's screenshots (ar, en, fr) come from test/browser/dashboard.browser.ts, seeded at every stage.
  });

  it('in English: every manager screen reads left to right', async function () {
    await switchLanguage(page, 'en');
    const screens: [string, string, string][] = [
      ['dashboard', '/dashboard', '[data-testid="programme-progress"]'],
      ['beneficiaries', '/beneficiaries', '[data-testid="beneficiary-table"]'],
      ['beneficiary', `/beneficiaries/${beneficiaryId}`, 'text=******0008'],
      ['beneficiary-form', `/beneficiaries/${beneficiaryId}/edit`, '[data-testid="beneficiary-form"]'],
      ['waitlist', '/waitlist', 'text=Waiting list'],
      ['partners', '/partners', '[data-testid="partner-table"]'],
      ['allocations', '/allocations?status=handed_over', '[data-testid="allocation-table"]'],
      ['handover-done', `/allocations/${allocationId}`, '[data-testid="handover-done"]'],
      ['donation', `/donations/${donation.id}`, '[data-testid="donation-documents"]'],
    ];
    for (const [name, path, ready] of screens) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      await checkPage(page, `${name} (en)`);
      await screenshot(page, `${name}-en.png`);
    }
    await switchLanguage(page, 'ar');
  });
});
