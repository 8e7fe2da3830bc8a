// (b) A technician takes a device through the workshop in the browser: the work queues, triage, a dmidecode hardware
// report, a wipe refused while drives lack records, the nwipe log, the completed wipe, QA and grading to ready. Also:
// a stale version is reloaded and said, documents open as PDFs, and beneficiary screens stay out of a technician's reach.
import { fixturePath } from '../helpers/fixtures.js';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './api.js';
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

const TECH = { email: 'tech@nimah.test', password: 'technician-password-1' };
const DMIDECODE = fixturePath('hardware', 'dmidecode-laptop.txt');
const NWIPE = fixturePath('nwipe', 'all-erased-two-drives.log');

interface Created {
  id: number;
  assetTag?: string;
  version?: number;
}

describe('browser: a technician takes a device from intake to ready', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let api: Api;
  let device: Created;
  let other: Created;

  const status = () => page.locator('h1 .mantine-Badge-label').innerText();
  const tab = (action: string) => page.locator(`[data-action="${action}"]`);
  const submitIn = (form: string) => page.getByTestId(form).locator('button[type="submit"]').click();
  const waitStatus = (label: string) => page.locator('h1 .mantine-Badge-label', { hasText: label }).waitFor();

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(120_000);
    ({ server, browser } = await startServerAndBrowser());
    api = await Api.signIn(server.url);
    await api.call('POST', '/api/users', {
      email: TECH.email,
      name: 'فهد الفني',
      role: 'technician',
      password: TECH.password,
      language: 'ar',
    });
    await api
      .call('POST', '/api/sites', { code: 'DMM', name: 'مستودع الدمام', nameLatin: 'Dammam warehouse', city: 'الدمام' })
      .catch(() => undefined);
    await api
      .call('POST', '/api/sites', { code: 'KHB', name: 'فرع الخبر', nameLatin: 'Khobar branch', city: 'الخبر' })
      .catch(() => undefined);
    const donor = await api.call<Created>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الساحل',
      preferredLanguage: 'ar',
    });
    const donation = await api.call<Created>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: 2,
    });
    // No serial: the dmidecode report brings it (5CD8123ABC). The two drives are those the nwipe log names.
    device = await api.call<Created>('POST', `/api/donations/${donation.id}/devices`, {
      type: 'laptop',
      drives: [
        { serialNumber: 'S2ZYJ9CF613407', model: 'ST500LM012 HN-M50', mediaType: 'hdd', capacityBytes: 500107862016 },
        {
          serialNumber: 'S3Z9NB0K123456X',
          model: 'Samsung SSD 860 EVO',
          mediaType: 'ssd',
          capacityBytes: 250059350016,
        },
      ],
    });
    other = await api.call<Created>('POST', `/api/donations/${donation.id}/devices`, {
      type: 'desktop',
      manufacturer: 'Dell',
      model: 'OptiPlex 7050',
    });
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url, TECH);
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('the menu has the workshop screens and no beneficiary screen; the registry is refused', async function () {
    const nav = await page.getByTestId('main-nav').innerText();
    expect(nav).to.contain('قوائم عمل الورشة');
    for (const hidden of ['المستفيدون', 'قائمة الانتظار', 'لوحة التخصيص', 'الجهات الشريكة'])
      expect(nav).not.to.contain(hidden);
    await page.goto(`${server.url}/beneficiaries`);
    await page.getByText('غير مسموح').waitFor();
  });

  it('work queues: count and oldest devices per stage, each opening its device', async function () {
    await page.goto(`${server.url}/work-queues`);
    const intake = page.getByTestId('queue-intake');
    await intake.getByRole('link', { name: device.assetTag! }).waitFor();
    expect(await intake.locator('.mantine-Badge-root').first().innerText()).to.equal('2');
    await checkPage(page, 'work queues');
    await screenshot(page, 'work-queues-ar.png');
    await intake.getByRole('link', { name: device.assetTag! }).click();
    await page.waitForURL(new RegExp(`/devices/${device.id}$`));
    await tab('triage').waitFor();
  });

  it('triage: only the allowed actions have forms; the device goes to the wipe', async function () {
    const tabs = await page
      .locator('[data-testid="device-actions"] [data-action]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(tabs).to.deep.equal(['triage']);
    await page.getByTestId('form-triage').locator('textarea[name="findings"]').fill('يعمل، البطارية ضعيفة قليلًا');
    await checkPage(page, 'device: triage form');
    await screenshot(page, 'device-triage-ar.png');
    await submitIn('form-triage');
    await waitStatus('محو البيانات');
    await page.getByTestId('action-done').waitFor();
  });

  it('hardware report: the dmidecode file fills the serial and specs', async function () {
    const box = page.getByTestId('hardware-report');
    await box.locator('input[type="file"]').setInputFiles(DMIDECODE);
    await box.getByRole('button', { name: 'رفع' }).click();
    await page.getByTestId('hw-result').waitFor();
    await page.getByText('5CD8123ABC', { exact: true }).first().waitFor();
    expect(await page.getByTestId('evidence-files').innerText()).to.contain('dmidecode-laptop.txt');
  });

  it('complete wipe before any record: refused, naming both drives', async function () {
    await tab('complete_wipe').click();
    await submitIn('form-complete_wipe');
    const missing = page.getByTestId('wipe-missing');
    await missing.waitFor();
    const text = await missing.innerText();
    expect(text).to.contain('S2ZYJ9CF613407');
    expect(text).to.contain('S3Z9NB0K123456X');
    expect(await status()).to.equal('محو البيانات');
  });

  it('nwipe log: one passed record per drive, then the wipe completes to refurbish', async function () {
    const box = page.getByTestId('nwipe-upload');
    await box.locator('input[type="file"]').setInputFiles(NWIPE);
    await box.getByRole('button', { name: 'رفع' }).click();
    await page.getByTestId('nwipe-result').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="sanitization-records"] tbody tr').length === 2,
    );
    expect(await page.getByTestId('sanitization-records').innerText()).to.contain('ناجح');
    await checkPage(page, 'device: wipe');
    await screenshot(page, 'device-wipe-ar.png');
    await submitIn('form-complete_wipe');
    await waitStatus('تجديد');
  });

  it('refurbish: a missing OS is said next to its field and nothing typed is lost; then QA and grade make it ready', async function () {
    const form = page.getByTestId('form-refurbish');
    await form.locator('input[name="os"]').fill('');
    await form.getByText('B (آثار استخدام)').click();
    await page.getByTestId('qa-camera').getByText('لا ينطبق').click();
    await submitIn('form-refurbish');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="form-refurbish"] input[name="os"]')?.getAttribute('aria-invalid') ===
        'true',
    );
    expect(await form.locator('input[name="os"]').getAttribute('aria-invalid')).to.equal('true');
    expect(await page.getByTestId('qa-camera').locator('input[value="na"]').isChecked(), 'QA choice kept').to.equal(
      true,
    );
    await form.locator('input[name="os"]').fill('Windows 11 Pro');
    await page.keyboard.press('Escape');
    await form.getByLabel('الترخيص').click();
    await page.getByRole('option', { name: 'ترخيص المصنّع (COA)' }).click();
    await checkPage(page, 'device: refurbish form');
    await screenshot(page, 'device-refurbish-ar.png');
    await submitIn('form-refurbish');
    await waitStatus('جاهز');
    expect(await page.getByText('Windows 11 Pro').count()).to.be.greaterThan(0);
  });

  it('a note and a move between sites go into the history', async function () {
    await page.getByTestId('note-form').locator('textarea').fill('شاحن أصلي مرفق');
    await page.getByTestId('note-form').getByRole('button').click();
    await page.locator('.mantine-Timeline-item', { hasText: 'شاحن أصلي مرفق' }).waitFor();
    const move = page.getByTestId('move-form');
    await move.getByLabel('إلى').click();
    await page.getByRole('option', { name: 'فرع الخبر' }).click();
    await move.getByRole('button', { name: 'نقل' }).click();
    await page.locator('.mantine-Timeline-item', { hasText: /نقل: .*فرع الخبر/ }).waitFor();
  });

  it('documents: the label and the sanitization certificate are PDFs; printing the label is a POST the history records', async function () {
    const label = await contentTypeOf(page, `${server.url}/api/labels.pdf?deviceIds=${device.id}&format=roll`);
    expect(label.status, label.body.toString().slice(0, 200)).to.equal(200);
    expect(label.type).to.contain('application/pdf');
    const [popup, printed] = await Promise.all([
      page.waitForEvent('popup'),
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/labels/print' && r.request().method() === 'POST'),
      page.getByTestId('label-roll').click(),
    ]);
    expect(printed.status()).to.equal(200);
    expect(printed.headers()['content-type']).to.contain('application/pdf');
    await popup.waitForURL(/^blob:/);
    await popup.close();
    await page.locator('.mantine-Timeline-item', { hasText: 'طباعة ملصق' }).waitFor();
    const cert = await contentTypeOf(page, `${server.url}/api/devices/${device.id}/sanitization-certificate.pdf`);
    expect(cert.status, cert.body.toString().slice(0, 200)).to.equal(200);
    expect(cert.type).to.contain('application/pdf');
    await page.reload();
    await page.getByTestId('device-documents').waitFor();
    await checkPage(page, 'device: ready');
    await screenshot(page, 'device-ar.png');
  });

  it('a stale version: someone else triages meanwhile; the page reloads the device and says so', async function () {
    await page.goto(`${server.url}/devices/${other.id}`);
    await tab('triage').waitFor();
    await api.call('POST', `/api/devices/${other.id}/actions`, {
      action: 'triage',
      version: 0,
      needsRepair: false,
      disposition: 'recycle',
    });
    await submitIn('form-triage');
    await page.getByTestId('stale-alert').waitFor();
    await waitStatus('محو البيانات');
    // A device without drives must say so explicitly to finish the wipe.
    await page.getByTestId('form-complete_wipe').locator('input[name="noStorage"]').check();
    await submitIn('form-complete_wipe');
    await waitStatus('للتخلص');
    expect(
      await page
        .locator('[data-testid="device-actions"] [data-action]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))),
    ).to.deep.equal(['recycle', 'harvest']);
    await page.getByTestId('form-recycle').locator('input[name="weightKg"]').fill('٧٫٥');
    expect(
      await page.getByTestId('form-recycle').locator('input[name="weightKg"]').inputValue(),
      'Arabic-Indic digits become ASCII',
    ).to.equal('7.5');
  });

  it('in English: work queues and the device page read left to right', async function () {
    await switchLanguage(page, 'en');
    await page.goto(`${server.url}/work-queues`);
    await page.getByTestId('queue-intake').waitFor();
    await checkPage(page, 'work queues (en)');
    await screenshot(page, 'work-queues-en.png');
    await page.goto(`${server.url}/devices/${other.id}`);
    await page.getByTestId('form-recycle').waitFor();
    await checkPage(page, 'device disposal (en)');
    await screenshot(page, 'device-disposal-en.png');
    await page.goto(`${server.url}/devices/${device.id}`);
    await page.getByText('Data wipe', { exact: true }).waitFor();
    await checkPage(page, 'device (en)');
    await screenshot(page, 'device-en.png');
    await switchLanguage(page, 'ar');
  });
});
