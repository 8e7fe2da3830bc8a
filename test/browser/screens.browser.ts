// Every screen whose API exists, on real data: intake at the bench with a scanner on an Arabic layout, the queue,
// devices, donors, donations, the public pledge. Each is checked for layout, accessibility and errors, and pictured.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './api.js';
import {
  checkPage as checkAt,
  screenshot,
  signIn,
  startServerAndBrowser,
  openPage,
  closeAfterSuite,
  type TestServer,
  skipWithoutChromium,
} from './harness.js';

/** This suite checks at 1366 px unless a test asks for more widths. */
const checkPage = (page: Page, name: string, widths: number[] = [1366]) => checkAt(page, name, widths);

interface Created {
  id: number;
  code?: string;
  assetTag?: string;
}

/** Types a code the way a US-mode USB scanner does when the OS layout is Arabic: physical keys, Arabic characters. */
async function scannerTypes(page: Page, selector: string, text: string): Promise<void> {
  const arabicOf: Record<string, string> = { N: 'ى', M: 'ة', P: 'ح', F: 'ب', A: 'ش', B: 'لا', C: 'ؤ', S: 'س', Z: 'ئ' };
  await page.locator(selector).evaluate(
    (el, chars) => {
      for (const ch of chars) {
        const isDigit = /[0-9]/.test(ch.c);
        const code = isDigit ? `Digit${ch.c}` : ch.c === '-' ? 'Minus' : `Key${ch.c.toUpperCase()}`;
        el.dispatchEvent(
          new KeyboardEvent('keydown', {
            code,
            key: ch.k,
            shiftKey: !isDigit && ch.c !== '-',
            bubbles: true,
            cancelable: true,
          }),
        );
      }
    },
    [...text].map((c) => ({ c, k: arabicOf[c] ?? c })),
  );
}

describe('browser: the screens on real data', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let api: Api;
  let donor: Created;
  let donation: Created;
  let firstDevice: Created;

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(120_000);
    ({ server, browser } = await startServerAndBrowser());
    api = await Api.signIn(server.url);
    donor = await api.call<Created>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الخليج للتقنية',
      nameLatin: 'Gulf Tech Co.',
      email: 'csr@gulftech.example',
      phone: '+966501234567',
      city: 'الدمام',
      crNumber: '2050012345',
      preferredLanguage: 'ar',
    });
    donation = await api.call<Created>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: 25,
      notes: 'دفعة أولى من أجهزة المكتب',
    });
    firstDevice = await api.call<Created>('POST', `/api/donations/${donation.id}/devices`, {
      type: 'laptop',
      manufacturer: 'Lenovo',
      model: 'ThinkPad T480',
      serialNumber: 'PF1ABC23',
      drives: [
        { serialNumber: 'S3Z9NB0K123456', model: 'Samsung SSD 860', mediaType: 'ssd', capacityBytes: 256060514304 },
      ],
    });
    await api
      .call('POST', `/api/devices/${firstDevice.id}/actions`, {
        action: 'triage',
        version: 0,
        needsRepair: false,
        disposition: 'reuse',
        findings: 'يعمل، يحتاج مسحًا',
      })
      .catch(() => undefined);
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url);
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('intake station: a scanner on an Arabic layout adds devices one after another, each with its new asset tag', async function () {
    await page.goto(`${server.url}/intake?donation=${donation.id}`);
    const serial = page.getByTestId('intake-serial');
    await serial.waitFor();
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'serialNumber');
    await page.getByRole('combobox', { name: 'الشركة المصنعة' }).fill('HP');
    await page.keyboard.press('Escape');
    await page.getByLabel('الطراز').fill('EliteBook 840 G5');
    for (const [i, sn] of ['CND8123ABC', 'CND8123ABD'].entries()) {
      await scannerTypes(page, '[data-testid="intake-serial"]', sn);
      expect(await serial.inputValue()).to.equal(sn);
      await serial.press('Enter');
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="intake-recent"] tbody tr').length === n,
        i + 1,
      );
      expect(await serial.inputValue(), 'the serial clears for the next scan').to.equal('');
    }
    expect(await page.getByTestId('intake-form').getAttribute('data-result')).to.equal('ok');
    const first = await page.locator('[data-testid="intake-recent"] tbody tr').first().innerText();
    expect(first).to.match(/NM\d{6}/);
    expect(first).to.contain('CND8123ABD');
    expect(await page.getByLabel('الطراز').inputValue(), 'maker and model stay for the batch').to.equal(
      'EliteBook 840 G5',
    );
    await checkPage(page, 'intake', [1366, 360]);
    await screenshot(page, 'intake-ar.png');
  });

  it('intake station: a refused device flashes red, names the field and keeps what was typed', async function () {
    const serial = page.getByTestId('intake-serial');
    const tooLong = `X${'9'.repeat(120)}`;
    await serial.fill(tooLong);
    await serial.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="intake-form"]')?.getAttribute('data-result') === 'error',
    );
    expect(await serial.inputValue()).to.equal(tooLong);
    expect(await serial.getAttribute('aria-invalid')).to.equal('true');
    await screenshot(page, 'intake-error-ar.png');
    await serial.fill('');
  });

  it('intake queue: lists the devices waiting, oldest first, with their age', async function () {
    await page.goto(`${server.url}/intake-queue`);
    await page
      .getByRole('link', { name: /NM\d{6}/ })
      .first()
      .waitFor();
    await checkPage(page, 'intake queue', [1366, 360]);
    await screenshot(page, 'intake-queue-ar.png');
  });

  it('devices: filters on the server and opens a device with its drives and history', async function () {
    await page.goto(`${server.url}/devices`);
    await page.getByTestId('device-table').waitFor();
    expect(await page.locator('[data-testid="device-table"] tbody tr').count()).to.equal(3);
    await page.getByRole('searchbox', { name: 'بحث' }).fill('PF1ABC23');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="device-table"] tbody tr').length === 1);
    expect(page.url()).to.contain('q=PF1ABC23');
    await checkPage(page, 'devices', [1366, 360]);
    await screenshot(page, 'devices-ar.png');
    await page.locator('[data-testid="device-table"] tbody a').first().click();
    await page.getByText('S3Z9NB0K123456', { exact: true }).first().waitFor();
    await checkPage(page, 'device', [1366, 360]);
    await screenshot(page, 'device-intake-ar.png');
  });

  it('scan box: a device serial typed on an Arabic layout opens that device', async function () {
    await page.goto(`${server.url}/donors`);
    await page.locator('input[name="scan"]').waitFor();
    await page.locator('input[name="scan"]').focus();
    await scannerTypes(page, 'input[name="scan"]', 'CND8123ABC');
    await page.locator('input[name="scan"]').press('Enter');
    await page.waitForURL(/\/devices\/\d+$/);
    await page.getByText('CND8123ABC').first().waitFor();
  });

  it('donors: list, detail with its impact summary, and a form that keeps input on a validation error', async function () {
    await page.goto(`${server.url}/donors`);
    await page.getByRole('link', { name: 'شركة الخليج للتقنية' }).waitFor();
    await checkPage(page, 'donors', [1366, 360]);
    await screenshot(page, 'donors-ar.png');
    await page.getByRole('link', { name: 'شركة الخليج للتقنية' }).click();
    await page.getByText('2050012345').waitFor();
    await checkPage(page, 'donor', [1366, 360]);
    await screenshot(page, 'donor-ar.png');
    await page.goto(`${server.url}/donors/new`);
    await page.locator('input[name="name"]').fill('مؤسسة النور');
    await page.locator('input[name="email"]').fill('not-an-email');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.locator('input[name="email"]').inputValue()).to.equal('not-an-email');
    expect(await page.locator('input[name="name"]').inputValue()).to.equal('مؤسسة النور');
    expect(await page.locator('input[name="email"]').getAttribute('aria-invalid')).to.equal('true');
    await checkPage(page, 'donor form');
    await screenshot(page, 'donor-form-ar.png');
    // A donor who reads French (issue 20): the form offers Français and saves fr.
    await page.getByRole('combobox', { name: 'اللغة المفضلة' }).click();
    await page.getByRole('option', { name: 'Français' }).click();
    await page.locator('input[name="email"]').fill('nour@example.org');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/donors\/\d+$/);
    const saved = await api.call<{ preferredLanguage: string }>('GET', `/api/donors/${page.url().split('/').pop()}`);
    expect(saved.preferredLanguage).to.equal('fr');
  });

  it('donations: list and detail with devices by status', async function () {
    await page.goto(`${server.url}/donations`);
    await page.getByTestId('donation-table').waitFor();
    await checkPage(page, 'donations', [1366, 360]);
    await screenshot(page, 'donations-ar.png');
    await page.goto(`${server.url}/donations/${donation.id}`);
    await page.getByTestId('device-table').waitFor();
    await checkPage(page, 'donation', [1366, 360]);
    await screenshot(page, 'donation-intake-ar.png');
    // The CSV manifest goes up through XMLHttpRequest (for its upload progress), with the same CSRF header as fetch.
    await page
      .getByTestId('csv-import')
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'manifest.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'type,manufacturer,model,serialNumber,notes\nlaptop,Dell,Latitude 5490,CSV0001,\ndesktop,HP,EliteDesk 800,CSV0002,\n',
        ),
      });
    await page.getByTestId('csv-import').getByRole('button', { name: 'استيراد' }).click();
    await page.getByText('استُورد جهازان.').waitFor();
  });

  it('in English, every screen reads left to right', async function () {
    await page.getByTestId('language-switch').click();
    await page.locator('html[dir="ltr"]').waitFor({ state: 'attached' });
    const screens: [string, string, string][] = [
      ['intake', `/intake?donation=${donation.id}`, '[data-testid="intake-serial"]'],
      ['intake-queue', '/intake-queue', 'text=Devices awaiting triage'],
      ['devices', '/devices', '[data-testid="device-table"]'],
      ['device-intake', `/devices/${firstDevice.id}`, 'text=Storage drives'],
      ['donors', '/donors', 'a:has-text("شركة الخليج للتقنية")'],
      ['donor', `/donors/${donor.id}`, 'text=2050012345'],
      ['donor-form', '/donors/new', 'input[name="name"]'],
      ['donations', '/donations', '[data-testid="donation-table"]'],
      ['donation-intake', `/donations/${donation.id}`, '[data-testid="device-table"]'],
    ];
    for (const [name, path, ready] of screens) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      await checkPage(page, `${name} (en)`, [1366, 360]);
      await screenshot(page, `${name}-en.png`);
    }
    await page.getByTestId('language-switch').click();
    await page.locator('html[dir="rtl"]').waitFor({ state: 'attached' });
  });

  it('public pledge: a donor offers devices and gets a code, which then waits in the intake queue', async function () {
    const {
      context: ctx,
      page: p,
      problems: pledgeProblems,
    } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
    try {
      await p.goto(`${server.url}/pledge`);
      await p.getByLabel('اسمك').fill('سارة');
      await p.getByLabel('الهاتف').fill('٠٥٥١٢٣٤٥٦٧');
      await p.getByLabel('المدينة').fill('الخبر');
      await p.getByLabel('العدد').fill('2');
      await p.getByLabel('وصف').fill('قديمة لكنها تعمل');
      await p.getByRole('button', { name: 'إرسال العرض' }).click();
      const code = p.locator('bdi').filter({ hasText: /^DN-\d{4}-\d{4}$/ });
      await code.waitFor();
      await checkPage(p, 'pledge done');
      await screenshot(p, 'pledge-done-ar.png');
      await p.goto(`${server.url}/pledge`);
      await p.getByTestId('language-switch').click();
      await p.locator('html[dir="ltr"]').waitFor({ state: 'attached' });
      await checkPage(p, 'pledge (en)');
      await screenshot(p, 'pledge-en.png');
      expect(pledgeProblems).to.deep.equal([]);
    } finally {
      await ctx.close();
    }
    await page.goto(`${server.url}/intake-queue`);
    await page.getByText('سارة').waitFor();
  });

  it('phones: taken in with the IMEI typed in Arabic-Indic digits (a wrong check digit is said on the field), then found by the scan box', async function () {
    await page.goto(`${server.url}/intake?donation=${donation.id}`);
    await page.getByTestId('intake-serial').waitFor();
    const rows = () => page.locator('[data-testid="intake-recent"] tbody tr').count();
    const before = await rows();
    await page.getByLabel('النوع', { exact: true }).selectOption('phone');
    const imei = page.getByTestId('intake-imei');
    await imei.fill('٤٩٠١٥٤٢٠٣٢٣٧٥١٧');
    await imei.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="intake-imei"]')?.getAttribute('aria-invalid') === 'true',
    );
    expect(await page.getByTestId('intake-form').innerText()).to.contain('رقم التحقق الأخير لا يطابق');
    await screenshot(page, 'intake-phone-imei-error-ar.png');
    await imei.fill('٤٩٠١٥٤٢٠٣٢٣٧٥١٨');
    await imei.press('Enter');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="intake-recent"] tbody tr').length === n,
      before + 1,
    );
    expect(await imei.inputValue(), 'the IMEI clears for the next phone').to.equal('');
    await checkPage(page, 'intake (phone)');
    await screenshot(page, 'intake-phone-ar.png');

    const scan = page.locator('input[name="scan"]');
    await scan.fill('٤٩٠١٥٤-٢٠٣٢٣٧-٥١٨');
    await scan.press('Enter');
    await page.waitForURL(/\/devices\/\d+$/);
    await page.getByText('490154203237518', { exact: true }).first().waitFor();
    expect(await page.getByTestId('sanitization-panel').innerText()).to.contain('إعادة ضبط المصنع مع التشفير');
    await checkPage(page, 'device (phone)');
    await screenshot(page, 'device-phone-ar.png');
  });
});
