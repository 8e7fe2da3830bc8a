// Issue 18 (spec §13), the manager's side: an institution registered through its own form and verified, the
// institutions' waiting list, then the batch builder fed by a USB scanner at its speed (100 codes typed ~8 ms a
// character, Enter, the next at once: every one must land, none twice), the batch of 100 created in one go, a refusal
// (409) that marks the device the server would not take, and the batch handed over with one signature and its
// accessories, then its certificate and delivery note. Every screen in Arabic and in English.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './api.js';
import { type ReadyDevice, readyDeviceOf, sign } from './fixtures.js';
import {
  checkPage,
  closeAfterSuite,
  contentTypeOf,
  openPage,
  screenshot,
  signIn,
  skipWithoutChromium,
  startServerAndBrowser,
  switchLanguage,
  type TestServer,
} from './harness.js';

const MANAGER = { email: 'manager@nimah.test', password: 'manager-password-1' };
const INSTITUTION = 'مدرسة الأمل الرقمية';
const SCANS = 100;
/** Milliseconds between two characters: a USB scanner types a whole code in well under 100 ms. */
const SCANNER_DELAY = 8;

interface Created {
  id: number;
  assetTag: string;
}

/** `count` ready devices through the API (fixtures.ts), numbered from `from`. */
async function readyDevices(api: Api, verifier: Api, donationId: number, count: number, from: number) {
  const one = (n: number) =>
    readyDeviceOf(api, verifier, donationId, {
      manufacturer: 'Lenovo',
      model: 'ThinkPad T480',
      serial: `PF1B${String(from + n).padStart(5, '0')}`,
      drive: `S3Z9NB0K${String(from + n).padStart(6, '0')}`,
      grade: 'B',
    });
  // A few at a time: quicker than one by one, gentle on the SQLite writer.
  const out: ReadyDevice[] = [];
  for (let i = 0; i < count; i += 5) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(5, count - i) }, (_, k) => one(i + k)))));
  }
  return out;
}

/** Picks `option` in the Mantine select labelled `label` (a required one's label ends with its asterisk). */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await page
    .getByLabel(new RegExp(`^${label}( \\*)?$`))
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Codes and their Enter keys all sent at once: the keys reach the page in order, none waiting for the page. */
async function burst(page: Page, codes: string[]): Promise<void> {
  const keys: Promise<void>[] = [];
  for (const code of codes) {
    for (const ch of code) keys.push(page.keyboard.press(ch));
    keys.push(page.keyboard.press('Enter'));
  }
  await Promise.all(keys);
}

/** The asset tags of the builder's list in the order scanned (it shows the last scanned on top). */
async function listedTags(page: Page): Promise<string[]> {
  const shown = await page
    .locator('[data-testid="batch-device"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag')!));
  return shown.reverse();
}

describe('browser: institutions and the batch builder (100 scans at scanner speed), refusal, batch handover', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let api: Api;
  let devices: Created[];
  let spare: Created[];
  let inIntake: Created;
  let institutionId: number;
  let batchId: number;

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(600_000);
    ({ server, browser } = await startServerAndBrowser({ NODE_ENV: 'test' }));
    api = await Api.signIn(server.url);
    await api.call('POST', '/api/users', {
      email: MANAGER.email,
      name: 'نورة المديرة',
      role: 'manager',
      password: MANAGER.password,
      language: 'ar',
    });
    const verifier = await Api.signIn(server.url, MANAGER.email, MANAGER.password);
    await api.call('POST', '/api/programmes', {
      name: 'المدارس الرقمية',
      nameLatin: 'Digital schools',
      targetFamilies: 0,
    });
    await api.call('POST', '/api/partners', { name: 'جمعية البر بالأحساء', kind: 'association', city: 'الأحساء' });
    const donor = await api.call<{ id: number }>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الخليج للتقنية',
      nameLatin: 'Gulf Tech Co.',
      preferredLanguage: 'ar',
    });
    const donation = await api.call<{ id: number }>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: SCANS + 3,
    });
    devices = await readyDevices(api, verifier, donation.id, SCANS, 0);
    spare = await readyDevices(api, verifier, donation.id, 2, SCANS);
    inIntake = await api.call<Created>('POST', `/api/donations/${donation.id}/devices`, {
      type: 'laptop',
      manufacturer: 'Dell',
      model: 'Latitude 5490',
      serialNumber: 'DL5490X01',
    });
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url, MANAGER);
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('institutions: registered with their own form (no national ID, no household), verified, listed by request date', async function () {
    await page.goto(`${server.url}/beneficiaries/new`);
    const form = page.getByTestId('beneficiary-form');
    await form.getByText('مؤسسة', { exact: true }).click();
    expect(await form.locator('input[name="nationalId"]').count(), 'no national ID for an institution').to.equal(0);
    expect(await form.locator('input[name="householdSize"]').count(), 'no household').to.equal(0);
    await form.locator('input[name="name"]').fill(INSTITUTION);
    await pick(page, 'نوع المؤسسة', 'مدرسة');
    await form.locator('input[name="institution.registrationNumber"]').fill('MOE-31-0457');
    await form.locator('input[name="institution.contactPerson"]').fill('أ. سعاد الحربي');
    await form.locator('input[name="phone"]').fill('0551234567');
    await form.locator('input[name="city"]').fill('الأحساء');
    await form.locator('input[name="institution.requestedDevices"]').fill('١٢٠');
    await form
      .locator('textarea[name="institution.justification"]')
      .fill('معمل حاسب لطالبات المرحلة المتوسطة: ٣٠٠ طالبة في فترتين.');
    await checkPage(page, 'institution form');
    await screenshot(page, 'institution-form-ar.png');
    await form.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/beneficiaries\/\d+$/);
    institutionId = Number(page.url().split('/').pop());
    await page.getByTestId('institution-card').waitFor();
    expect(await page.getByTestId('institution-card').innerText()).to.contain('أ. سعاد الحربي');
    await page.getByRole('button', { name: 'تحقّق' }).click();
    await page.locator('h1', { hasText: 'متحقَّق منه' }).waitFor();
    await checkPage(page, 'institution');
    await screenshot(page, 'institution-ar.png');
    await page.goto(`${server.url}/waitlist?kind=institution`);
    const table = page.getByTestId('waitlist-institutions');
    await table.getByText(INSTITUTION).waitFor();
    expect(await table.innerText()).to.contain('120');
    await checkPage(page, 'institutions waiting list');
    await screenshot(page, 'waitlist-institutions-ar.png');
    await switchLanguage(page, 'en');
    await table.getByText('School').waitFor();
    await checkPage(page, 'institutions waiting list (en)');
    await screenshot(page, 'waitlist-institutions-en.png');
    await switchLanguage(page, 'ar');
    await page.goto(`${server.url}/beneficiaries?kind=institution`);
    await page.getByTestId('beneficiary-table').getByText(INSTITUTION).waitFor();
  });

  it('the batch builder: 100 codes typed at a scanner’s speed, none lost, none twice; the batch of 100 is created', async function () {
    this.timeout(300_000);
    await page.goto(`${server.url}/batches/new`);
    await pick(page, 'المؤسسة', INSTITUTION);
    await pick(page, 'البرنامج', 'المدارس الرقمية');
    const scan = page.getByTestId('batch-scan');
    await scan.click();
    const started = Date.now();
    for (const d of devices) {
      // As the scanner does: the characters, Enter, and the next code at once (no wait for the list to catch up).
      await page.keyboard.type(d.assetTag, { delay: SCANNER_DELAY });
      await page.keyboard.press('Enter');
    }
    const typing = Date.now() - started;
    await page.waitForFunction(
      (n) => {
        const count = document.querySelector('[data-testid="batch-count"]')?.getAttribute('data-count');
        const pending = document.querySelector('[data-testid="batch-pending"]')?.getAttribute('data-pending');
        return count === String(n) && pending === '0';
      },
      SCANS,
      { timeout: 120_000 },
    );
    expect(await listedTags(page), 'every code, in the order scanned').to.deep.equal(devices.map((d) => d.assetTag));
    expect(await scan.inputValue(), 'the input is empty, ready for the next code').to.equal('');
    expect(await page.locator('[data-flagged="true"]').count(), 'no ready device is flagged').to.equal(0);
    // The same label scanned again is said, not added.
    await page.keyboard.type(devices[7].assetTag, { delay: SCANNER_DELAY });
    await page.keyboard.press('Enter');
    await page.getByTestId('batch-notices').locator('[data-kind="duplicate"]').waitFor();
    expect(await page.locator('[data-testid="batch-device"]').count()).to.equal(SCANS);
    const chars = devices.reduce((n, d) => n + d.assetTag.length + 1, 0);
    console.log(`      (${SCANS} codes, ${chars} keys typed in ${typing} ms: ${(typing / chars).toFixed(1)} ms a key)`);
    await checkPage(page, 'batch builder with 100 devices');
    await screenshot(page, 'batch-builder-ar.png');
    await page.getByTestId('batch-submit').click();
    await page.waitForURL(/\/batches\/\d+$/);
    batchId = Number(page.url().split('/').pop());
    const batch = await api.call<{
      status: string;
      deviceCount: number;
      devices: { deviceId: number }[];
      recipient: { kind: string; beneficiaryId: number };
    }>('GET', `/api/allocation-batches/${batchId}`);
    expect(batch.status).to.equal('reserved');
    expect(batch.deviceCount).to.equal(SCANS);
    expect(batch.recipient).to.include({ kind: 'institution', beneficiaryId: institutionId });
    expect(batch.devices.map((d) => d.deviceId).sort((a, b) => a - b)).to.deep.equal(
      devices.map((d) => d.id).sort((a, b) => a - b),
    );
    await page.getByTestId('batch-page-devices').waitFor();
    expect(await page.locator('[data-testid="batch-page-devices"] tbody tr').count()).to.equal(SCANS);
  });

  it('a refusal (409): the device the server will not take is marked with its reason; removed, the batch goes', async function () {
    await page.goto(`${server.url}/batches/new`);
    await page.getByText('جهة شريكة', { exact: true }).click();
    await pick(page, 'الجهة الشريكة', 'جمعية البر بالأحساء');
    await pick(page, 'البرنامج', 'المدارس الرقمية');
    await page.getByTestId('batch-scan').click();
    // Two ready devices, one still in intake, and one already in the first batch; sent as one burst, every key
    // without waiting for the previous one (faster than any scanner), and still every code lands once.
    await burst(page, [spare[0].assetTag, inIntake.assetTag, devices[0].assetTag, spare[1].assetTag]);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="batch-count"]')?.getAttribute('data-count') === '4',
    );
    expect(await listedTags(page)).to.deep.equal([
      spare[0].assetTag,
      inIntake.assetTag,
      devices[0].assetTag,
      spare[1].assetTag,
    ]);
    expect(await page.locator('[data-flagged="true"]').count(), 'the two that are not ready are flagged').to.equal(2);
    await page.getByTestId('batch-submit').click();
    await page.getByTestId('batch-refused').waitFor();
    const refused = await page
      .locator('[data-testid="batch-device"][data-refused]')
      .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-tag')} ${r.getAttribute('data-refused')}`));
    expect(refused.sort()).to.deep.equal([`${devices[0].assetTag} not_ready`, `${inIntake.assetTag} not_ready`].sort());
    expect(await page.getByTestId('batch-refused').innerText()).to.contain('جهازان');
    await checkPage(page, 'batch refused');
    await screenshot(page, 'batch-refused-ar.png');
    await switchLanguage(page, 'en');
    await page.getByTestId('batch-refused').getByText('2 devices').waitFor();
    await checkPage(page, 'batch refused (en)');
    await screenshot(page, 'batch-refused-en.png');
    await switchLanguage(page, 'ar');
    await page.getByTestId('batch-refused').getByRole('button').click();
    expect(await listedTags(page)).to.deep.equal([spare[0].assetTag, spare[1].assetTag]);
    await page.getByTestId('batch-submit').click();
    await page.waitForURL(/\/batches\/\d+$/);
    const partnerBatch = await api.call<{ deviceCount: number; recipient: { kind: string } }>(
      'GET',
      `/api/allocation-batches/${Number(page.url().split('/').pop())}`,
    );
    expect(partnerBatch).to.deep.include({ deviceCount: 2 });
    expect(partnerBatch.recipient.kind).to.equal('partner');
  });

  it('handover of the batch: one signature, the accessories; the certificate and the delivery note are PDFs', async function () {
    await page.goto(`${server.url}/batches/${batchId}`);
    const form = page.getByTestId('batch-handover-form');
    await form.waitFor();
    expect(await form.locator('input[name="receivedBy"]').inputValue(), 'the contact person signs').to.equal(
      'أ. سعاد الحربي',
    );
    const note = await contentTypeOf(page, `${server.url}/api/allocation-batches/${batchId}/delivery-note.pdf`);
    expect(note.status, note.body.toString().slice(0, 200)).to.equal(200);
    expect(note.type).to.contain('application/pdf');
    await form.getByLabel('شاحن').check();
    await form.getByLabel('حقيبة').check();
    await form.getByLabel('أخرى').check();
    // "Other" needs its note.
    await sign(page);
    await page.getByTestId('batch-handover-submit').click();
    await form.getByText('اكتب ما المقصود بـ«أخرى».').waitFor();
    await form.locator('input[name="accessoriesNote"]').fill('كابل شبكة لكل جهاز');
    await checkPage(page, 'batch handover');
    await screenshot(page, 'batch-handover-ar.png');
    await switchLanguage(page, 'en');
    await checkPage(page, 'batch handover (en)');
    await screenshot(page, 'batch-handover-en.png');
    await switchLanguage(page, 'ar');
    await page.getByTestId('batch-handover-submit').click();
    await page.getByTestId('batch-handed-over').waitFor();
    const batch = await api.call<{
      status: string;
      accessories: string[];
      accessoriesNote: string;
      receivedBy: string;
    }>('GET', `/api/allocation-batches/${batchId}`);
    expect(batch.status).to.equal('handed_over');
    expect(batch.accessories.slice().sort()).to.deep.equal(['bag', 'charger', 'other']);
    expect(batch.accessoriesNote).to.equal('كابل شبكة لكل جهاز');
    expect(batch.receivedBy).to.equal('أ. سعاد الحربي');
    const href = await page.getByTestId('batch-certificate-link').getAttribute('href');
    expect(href).to.equal(`/api/allocation-batches/${batchId}/certificate.pdf`);
    const pdf = await contentTypeOf(page, `${server.url}${href}`);
    expect(pdf.status, pdf.body.toString().slice(0, 200)).to.equal(200);
    expect(pdf.body.subarray(0, 5).toString()).to.equal('%PDF-');
    await checkPage(page, 'batch handed over');
    await screenshot(page, 'batch-ar.png');
  });

  it('in English: the batches, the builder, a batch, the institution and its form read left to right', async function () {
    await switchLanguage(page, 'en');
    const screens: [string, string, string][] = [
      ['batches', '/batches?status=all', '[data-testid="batch-table"]'],
      ['batch', `/batches/${batchId}`, '[data-testid="batch-handed-over"]'],
      ['batch-builder', '/batches/new', '[data-testid="batch-builder"]'],
      ['institution', `/beneficiaries/${institutionId}`, '[data-testid="institution-card"]'],
      ['institution-form', `/beneficiaries/${institutionId}/edit`, '[data-testid="beneficiary-form"]'],
    ];
    for (const [name, path, ready] of screens) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      await checkPage(page, `${name} (en)`);
      await screenshot(page, `${name}-en.png`);
    }
    await switchLanguage(page, 'ar');
    await page.goto(`${server.url}/batches?status=all`);
    await page.getByTestId('batch-table').waitFor();
    await checkPage(page, 'batches');
    await screenshot(page, 'batches-ar.png');
  });
});
