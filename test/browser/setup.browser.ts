// Issue 22 (first run): from an empty database to the first device taken in and its label printed, in Arabic, as a
// charity's first hour goes. The server starts with no user (no ADMIN_EMAIL), so `/` leads to the setup page; the
// browser is on the machine itself, so no one-time token is asked. Then: signed in on the dashboard, whose guide says
// what comes next; a donor, a donation, a device at the intake bench, its label (a PDF with its asset tag). Each step
// is a screenshot (docs/screenshots/setup-*.png); the setup and settings pages pass axe at 360 and 1366 px.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signaturePng } from '../documents/signature-png.js';
import { hasProgram } from '../helpers/tools.js';
import { fillDate } from './dateFields.js';
import {
  checkPage,
  closeAfterSuite,
  openPage,
  screenshot,
  skipWithoutChromium,
  startServerAndBrowser,
  type TestServer,
} from './harness.js';

const FIRST_ADMIN = { name: 'هند الشمري', email: 'hind@nimah.test', password: 'first-admin-password-1' };

describe('browser: the first run, from an empty database to the first label (issue 22)', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(120_000);
    // No first admin from the environment: the database has no user, as after `npm start` on a new machine.
    ({ server, browser } = await startServerAndBrowser({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' }));
    ({ context, page, problems } = await openPage(browser, server.url));
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  /** The first-hour guide on the current screen, once it names `step`. */
  async function guideAt(step: string): Promise<void> {
    await page.locator(`[data-testid="first-steps"][data-step="${step}"]`).waitFor();
  }

  it('/ leads to the setup page, in Arabic, which passes axe at 360 and 1366 px', async function () {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/setup$/);
    await page.getByTestId('setup-form').waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).to.deep.equal([
      'ar',
      'rtl',
    ]);
    await page.getByRole('heading', { name: 'إعداد نعمة لأول مرة' }).waitFor();
    // From the machine itself: no one-time token to type.
    expect(await page.getByTestId('setup-token').count()).to.equal(0);
    // The first programme is suggested, as the issue asks.
    expect(await page.locator('input[name="programme.name"]').inputValue()).to.equal('المرحلة الأولى — 2,000 أسرة');
    expect(await page.locator('input[name="programme.targetFamilies"]').inputValue()).to.equal('2000');
    await checkPage(page, 'setup', [1366, 360]);
    // French and English are offered on the page; the suggested programme follows the language.
    await page.getByTestId('language-switch-fr').click();
    await page.locator('html[lang="fr"][dir="ltr"]').waitFor({ state: 'attached' });
    expect(await page.locator('input[name="programme.name"]').inputValue()).to.equal('Phase 1, 2 000 familles');
    await checkPage(page, 'setup (fr)', [1366, 360]);
    await screenshot(page, 'setup-1-page-fr.png');
    await page.getByTestId('language-switch-en').click();
    await page.locator('html[lang="en"][dir="ltr"]').waitFor({ state: 'attached' });
    await checkPage(page, 'setup (en)', [1366, 360]);
    await page.getByTestId('language-switch').click();
    await page.locator('html[lang="ar"][dir="rtl"]').waitFor({ state: 'attached' });
    expect(await page.locator('input[name="programme.name"]').inputValue()).to.equal('المرحلة الأولى — 2,000 أسرة');
    await page.setViewportSize({ width: 360, height: 900 });
    await screenshot(page, 'setup-1-page-360-ar.png');
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'setup-1-page-ar.png');
  });

  it('the sign-in page leads to the setup too, while no user exists', async function () {
    await page.goto(`${server.url}/login`);
    await page.waitForURL(/\/setup$/);
    await page.getByTestId('setup-form').waitFor();
  });

  it('filled in full (charity, logo, first admin, first programme), it ends signed in on the dashboard', async function () {
    await page.locator('input[name="charity.nameAr"]').fill('جمعية نعمة لإعادة تأهيل الحواسيب');
    await page.locator('input[name="charity.nameEn"]').fill('Nimah Computer Refurbishing Charity');
    await page.locator('input[name="charity.licence"]').fill('1234');
    await page.getByTestId('setup-charity').getByLabel('المنطقة', { exact: true }).click();
    await page.getByRole('option', { name: 'المنطقة الشرقية' }).click();
    await page.locator('input[name="charity.city"]').fill('الأحساء');
    await page.getByTestId('setup-logo-input').setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: signaturePng(160, 160),
    });
    await page.locator('input[name="admin.name"]').fill(FIRST_ADMIN.name);
    await page.locator('input[name="admin.email"]').fill(FIRST_ADMIN.email);
    await page.locator('input[name="admin.password"]').fill(FIRST_ADMIN.password);
    await fillDate(page.getByRole('textbox', { name: 'تاريخ البداية' }), '2027-01-01');
    await fillDate(page.getByRole('textbox', { name: 'تاريخ النهاية' }), '2027-12-31');
    await page.keyboard.press('Escape');
    await screenshot(page, 'setup-2-filled-ar.png');
    await page.getByRole('button', { name: 'إنهاء الإعداد والدخول' }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByTestId('main-nav').waitFor({ state: 'attached' });
    // The guide's first step: a donor.
    await guideAt('donor');
    expect(new URL(page.url()).pathname, 'still on the dashboard').to.equal('/dashboard');
    await screenshot(page, 'setup-3-dashboard-ar.png');
  });

  it('the guide leads to the first donor, then the first donation', async function () {
    await page.getByTestId('first-steps-next').click();
    await page.waitForURL(/\/donors\/new$/);
    await page.locator('input[name="name"]').fill('شركة الخليج للتقنية');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/donors\/\d+$/);
    await page.goto(`${server.url}/donations`);
    await guideAt('donation');
    await screenshot(page, 'setup-4-donations-empty-ar.png');
    await page.getByTestId('first-steps-next').click();
    await page.waitForURL(/\/donations\/new$/);
    await page
      .getByLabel(/^المتبرع( \*)?$/)
      .first()
      .click();
    await page.getByRole('option', { name: 'شركة الخليج للتقنية' }).click();
    await page.getByLabel('العدد المتوقع', { exact: true }).fill('1');
    await screenshot(page, 'setup-5-donation-form-ar.png');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/donations\/\d+$/);
  });

  it('the guide leads to the intake bench; the first device taken in has its label printed (a PDF with its tag)', async function () {
    await page.goto(`${server.url}/dashboard`);
    await guideAt('intake');
    await screenshot(page, 'setup-6-dashboard-intake-ar.png');
    await page.getByTestId('first-steps-next').click();
    await page.waitForURL(/\/intake\?donation=\d+$/);
    const serial = page.getByTestId('intake-serial');
    await serial.waitFor();
    await serial.fill('FIRST-SN-0001');
    await serial.press('Enter');
    const recent = page.getByTestId('intake-recent');
    await recent.getByText('FIRST-SN-0001').waitFor();
    const tag = (await recent.locator('tbody tr').first().locator('td').first().innerText()).trim();
    await screenshot(page, 'setup-7-intake-ar.png');

    // The PDF the POST returns, read on its way to the page (which opens it in the new tab).
    let pdf: { status: number; type: string; body: Buffer } | null = null;
    await page.route('**/api/labels/print', async (route) => {
      const response = await route.fetch();
      pdf = { status: response.status(), type: response.headers()['content-type'] ?? '', body: await response.body() };
      await route.fulfill({ response });
    });
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      recent.locator('[data-testid^="print-label-"]').first().click(),
    ]);
    await popup.waitForURL(/^blob:/);
    await page.unroute('**/api/labels/print');
    const got = pdf as { status: number; type: string; body: Buffer } | null;
    expect(got?.status).to.equal(200);
    expect(got?.type).to.contain('application/pdf');
    expect(got?.body.subarray(0, 5).toString()).to.equal('%PDF-');
    if (hasProgram('pdftotext')) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setup-label-'));
      try {
        fs.writeFileSync(path.join(dir, 'label.pdf'), got!.body);
        // A label prints the tag grouped between direction marks: compare letters and digits only.
        const text = execFileSync('pdftotext', [path.join(dir, 'label.pdf'), '-'])
          .toString()
          .replace(/[^A-Za-z0-9\n]/g, '');
        expect(text).to.contain(tag.replace(/[^A-Za-z0-9]/g, ''));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    await popup.close();
    // Past the first hour: devices exist, so the dashboard's guide now points at their labels.
    await page.goto(`${server.url}/dashboard`);
    await guideAt('labels');
    await screenshot(page, 'setup-8-dashboard-labels-ar.png');
  });

  it('the settings screen shows what the setup asked, and passes axe at 360 and 1366 px', async function () {
    await page.goto(`${server.url}/settings`);
    await page.getByTestId('settings-form').waitFor();
    expect(await page.locator('input[name="charityName"]').inputValue()).to.equal('جمعية نعمة لإعادة تأهيل الحواسيب');
    expect(await page.locator('input[name="charityLicence"]').inputValue()).to.equal('1234');
    await page.getByText('للجمعية شعار محفوظ يُطبع على المستندات.').waitFor();
    await page.locator('input[name="senderName"]').fill('جمعية نعمة');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByTestId('settings-saved').waitFor();
    await checkPage(page, 'settings', [1366, 360]);
    await screenshot(page, 'setup-9-settings-ar.png');
  });
});

describe('browser: the first run with the demo data, and its removal from the settings (issue 22)', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(120_000);
    ({ server, browser } = await startServerAndBrowser({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' }));
    ({ context, page, problems } = await openPage(browser, server.url));
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('the checkbox loads the demo: every screen says «بيانات تجريبية» until an admin removes it, once confirmed', async function () {
    this.timeout(120_000);
    await page.goto(`${server.url}/setup`);
    await page.locator('input[name="charity.nameAr"]').fill('جمعية التجربة');
    await page.locator('input[name="admin.name"]').fill(FIRST_ADMIN.name);
    await page.locator('input[name="admin.email"]').fill(FIRST_ADMIN.email);
    await page.locator('input[name="admin.password"]').fill(FIRST_ADMIN.password);
    await page.getByLabel('حمّل بيانات تجريبية').check();
    await page.getByRole('button', { name: 'إنهاء الإعداد والدخول' }).click();
    await page.waitForURL(/\/dashboard$/, { timeout: 90_000 });
    const banner = page.getByTestId('demo-banner');
    await banner.waitFor();
    expect(await banner.innerText()).to.contain('بيانات تجريبية');
    // The demo has devices and donors: no first-hour guide over them.
    await page.goto(`${server.url}/donors`);
    await page.locator('table').first().waitFor();
    await banner.waitFor();
    expect(await page.getByTestId('first-steps').count()).to.equal(0);
    await screenshot(page, 'setup-demo-banner-ar.png');

    await page.goto(`${server.url}/settings`);
    await page.getByTestId('settings-demo-remove').click();
    await page.getByTestId('settings-demo-confirm').waitFor();
    await checkPage(page, 'settings (demo removal)', [1366, 360]);
    await screenshot(page, 'setup-demo-remove-ar.png');
    await page.getByTestId('settings-demo-confirm').click();
    await page.getByTestId('settings-demo').waitFor({ state: 'detached' });
    await banner.waitFor({ state: 'detached' });
    // Gone completely: the lists are empty again, and the guide is back.
    await page.goto(`${server.url}/donors`);
    await page.locator('[data-testid="first-steps"][data-step="donor"]').waitFor();
    expect(await banner.count()).to.equal(0);
  });
});

describe('browser: the setup from another machine asks for the one-time token (issue 22)', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(120_000);
    // Behind a proxy every request may come from anywhere: the token is asked even over loopback.
    ({ server, browser } = await startServerAndBrowser({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '', TRUST_PROXY: '1' }));
    ({ context, page, problems } = await openPage(browser, server.url));
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('a wrong token from the link is said on the token field, which then shows; nothing is set up', async function () {
    await page.goto(`${server.url}/setup?token=not-the-token`);
    await page.getByTestId('setup-form').waitFor();
    // The link's token is used as it is: no field for it until the server refuses it.
    expect(await page.getByTestId('setup-token').count()).to.equal(0);
    await page.locator('input[name="charity.nameAr"]').fill('جمعية التجربة');
    await page.locator('input[name="admin.name"]').fill(FIRST_ADMIN.name);
    await page.locator('input[name="admin.email"]').fill(FIRST_ADMIN.email);
    await page.locator('input[name="admin.password"]').fill(FIRST_ADMIN.password);
    await page.getByRole('button', { name: 'إنهاء الإعداد والدخول' }).click();
    const token = page.locator('input[name="token"]');
    await token.waitFor();
    expect(await token.getAttribute('aria-invalid')).to.equal('true');
    await page.getByText('الرمز غير صحيح أو استُخدم من قبل').waitFor();
    expect(await page.locator('input[name="admin.email"]').inputValue(), 'what was typed stays').to.equal(
      FIRST_ADMIN.email,
    );
    await checkPage(page, 'setup (token refused)', [1366, 360]);
    await screenshot(page, 'setup-token-ar.png');
    // Still to set up: the sign-in page leads back here.
    await page.goto(`${server.url}/login`);
    await page.waitForURL(/\/setup$/);
    await page.getByTestId('setup-token').waitFor();
  });
});
