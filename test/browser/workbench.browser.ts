// Issue 20 (workbench ergonomics, copy and share, direction): measured in the browser, not read from the code. The
// action card's button comes first and is large; a single action has no tab bar; QA choices are 44 px targets on
// their label's row; the serial is the intake form's first and widest field, and every device just added has its
// label to print; uploads are visible drop zones; an error goes as soon as its field is fixed; the receipt link is
// copied with an SVG icon and shared on WhatsApp; in English the page never lies under the menu; Arabic values sit on
// the right of their inputs while serials stay left to right; direction cues are mirrored.
import { fixturePath } from '../helpers/fixtures.js';
import { expect } from 'chai';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Api } from './api.js';
import {
  checkPage,
  closeAfterSuite,
  openPage,
  screenshot,
  signIn,
  skipWithoutChromium,
  startServerAndBrowser,
  switchLanguage,
  type TestServer,
} from './harness.js';

const TECH = { email: 'bench@nimah.test', password: 'technician-password-1' };
const VERIFIER = { email: 'verifier@nimah.test', password: 'technician-password-2' };
const DMIDECODE = fixturePath('hardware', 'dmidecode-laptop.txt');

interface Created {
  id: number;
  assetTag?: string;
  receiptUrl?: string | null;
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element not laid out');
  return b;
}

describe('browser: the workbench (issue 20: ergonomics, copy and share, direction)', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let api: Api;
  let donation: Created;
  let donor: Created;
  let fresh: Created;
  let toRefurbish: Created;

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(120_000);
    ({ server, browser } = await startServerAndBrowser());
    api = await Api.signIn(server.url);
    for (const [user, name] of [
      [TECH, 'فهد الفني'],
      [VERIFIER, 'سالم المراجع'],
    ] as const)
      await api.call('POST', '/api/users', { ...user, name, role: 'technician', language: 'ar' });
    const verifier = await Api.signIn(server.url, VERIFIER.email, VERIFIER.password);
    const { id: verifierId } = await verifier.call<{ id: number }>('GET', '/api/auth/me');
    donor = await api.call<Created>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الواحة',
      email: 'info@alwaha.example',
      preferredLanguage: 'ar',
    });
    donation = await api.call<Created>('POST', `/api/donations`, {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: 5,
    });
    fresh = await api.call<Created>('POST', `/api/donations/${donation.id}/devices`, { type: 'laptop' });
    // A device at QA: triaged, its drive wiped and confirmed by a colleague, the wipe completed.
    toRefurbish = await api.call<Created>('POST', `/api/donations/${donation.id}/devices`, {
      type: 'laptop',
      manufacturer: 'Lenovo',
      model: 'ThinkPad T480',
      serialNumber: 'PF1QA001',
      drives: [{ serialNumber: 'QADRIVE0001', model: 'Samsung SSD 860', mediaType: 'ssd', capacityBytes: 256e9 }],
    });
    await api.call('POST', `/api/devices/${toRefurbish.id}/actions`, {
      action: 'triage',
      version: 0,
      needsRepair: false,
      disposition: 'reuse',
    });
    const record = await api.call<{ id: number }>('POST', `/api/devices/${toRefurbish.id}/sanitizations`, {
      driveSerial: 'QADRIVE0001',
      method: 'purge',
      technique: 'ata_sanitize',
      tool: 'hdparm 9.65',
      passes: 1,
      verification: 'last_pass',
      result: 'passed',
      verifierId,
    });
    await verifier.call('POST', `/api/sanitizations/${record.id}/confirm`);
    await api.call('POST', `/api/devices/${toRefurbish.id}/actions`, { action: 'complete_wipe', version: 1 });
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url, TECH);
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('a single action: no tab bar but a heading, and its large button first in the card', async function () {
    await page.goto(`${server.url}/devices/${fresh.id}`);
    const card = page.getByTestId('device-actions');
    const submit = page.getByTestId('form-triage-submit');
    await submit.waitFor();
    expect(await card.getByRole('tablist').count(), 'no tab bar for one tab').to.equal(0);
    expect(await card.getByRole('heading', { name: 'فرز', exact: true }).count()).to.equal(1);
    // The first control of the card is the button, at the card's start (its right edge, in Arabic).
    const first = await card
      .locator('button, input, textarea, select, [role="radio"]')
      .first()
      .getAttribute('data-testid');
    expect(first).to.equal('form-triage-submit');
    const b = await box(submit);
    const c = await box(card);
    expect(b.height, 'button height').to.be.at.least(44);
    const fields = await box(page.getByTestId('form-triage').locator('textarea[name="findings"]'));
    expect(b.y + b.height, 'above the fields').to.be.at.most(fields.y);
    expect(c.x + c.width - (b.x + b.width), 'at the inline start (right)').to.be.below(40);
    await page.getByTestId('form-triage').locator('textarea[name="findings"]').fill('يعمل، البطارية ضعيفة قليلًا');
    // Arabic text sits on the right of its input.
    const align = await page
      .getByTestId('form-triage')
      .locator('textarea[name="findings"]')
      .evaluate((el) => getComputedStyle(el).direction);
    expect(align).to.equal('rtl');
    await checkPage(page, 'device: actions');
    await screenshot(page, 'workbench-actions-ar.png');
  });

  it('uploads are visible drop zones; a file set through one uploads', async function () {
    const drop = page.getByTestId('hardware-report-drop');
    const zone = drop.locator('.nm-filedrop');
    await zone.waitFor();
    const z = await box(zone);
    expect(z.height, 'a zone, not a text box').to.be.at.least(80);
    expect(await zone.evaluate((el) => getComputedStyle(el).borderStyle)).to.equal('dashed');
    expect(await zone.locator('svg').count(), 'an icon').to.equal(1);
    expect(await zone.innerText()).to.contain('اسحب الملف وأفلته هنا');
    // The native input covers the zone: a click, Enter or Space opens the picker, and a file dropped on it is taken.
    const input = page.getByTestId('hardware-report-drop-input');
    const i = await box(input);
    expect(i.width, 'the input covers the zone (inside its border)').to.be.at.least(z.width - 6);
    expect(i.height).to.be.at.least(z.height - 6);
    await input.focus();
    expect(await zone.evaluate((el) => el.matches(':focus-within'))).to.equal(true);
    await input.setInputFiles(DMIDECODE);
    await zone.getByText('dmidecode-laptop.txt').waitFor();
    await screenshot(page, 'workbench-upload-ar.png');
    await page.getByTestId('hardware-report').getByRole('button', { name: 'رفع' }).click();
    await page.getByTestId('hw-result').waitFor();
    await page.getByText('5CD8123ABC', { exact: true }).first().waitFor();
    expect(await page.getByTestId('evidence-files').innerText()).to.contain('dmidecode-laptop.txt');
    // The zone empties once the server took the file.
    await zone.getByText('اسحب الملف وأفلته هنا').waitFor();
  });

  it('QA: each choice is at least 44 px high, on its label’s row; a server error goes once its field is fixed', async function () {
    await page.goto(`${server.url}/devices/${toRefurbish.id}`);
    const form = page.getByTestId('form-refurbish');
    await form.waitFor();
    for (const item of ['keyboard', 'camera']) {
      const label = await box(page.locator(`#qa-${item}`));
      for (const option of await page.getByTestId(`qa-${item}`).locator('label').all()) {
        const o = await box(option);
        expect(o.height, `${item} choice height`).to.be.at.least(44);
        const middle = label.y + label.height / 2;
        expect(middle, `${item} label on the choice's row`).to.be.within(o.y, o.y + o.height);
        expect(Math.abs(o.x + o.width - label.x), `${item}: near its label`).to.be.below(400);
      }
    }
    const submit = await box(page.getByTestId('form-refurbish-submit'));
    expect(submit.height).to.be.at.least(44);
    // No OS, licence or grade: the server refuses, naming the fields; fixing the OS clears its message only.
    await page.getByTestId('form-refurbish-submit').click();
    const os = form.locator('input[name="os"]');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="form-refurbish"] input[name="os"]')?.getAttribute('aria-invalid') ===
        'true',
    );
    const errorsBefore = await form.locator('[aria-invalid="true"]').count();
    await os.fill('Windows 11 Pro');
    expect(await os.getAttribute('aria-invalid')).to.not.equal('true');
    expect(await form.locator('[aria-invalid="true"]').count()).to.equal(errorsBefore - 1);
    await page.keyboard.press('Escape');
    await screenshot(page, 'workbench-qa-ar.png');
  });

  it('intake: the serial is first and widest; each device added has its label to print (a PDF)', async function () {
    await page.goto(`${server.url}/intake`);
    await page.getByTestId('donation-picker').waitFor();
    await page.goto(`${server.url}/intake?donation=${donation.id}`);
    const form = page.getByTestId('intake-form');
    const serial = page.getByTestId('intake-serial');
    await serial.waitFor();
    const fields = form.locator('input:visible, select:visible');
    expect(await fields.first().getAttribute('data-testid')).to.equal('intake-serial');
    const s = await box(serial);
    for (const other of await fields.all()) {
      if ((await other.getAttribute('data-testid')) === 'intake-serial') continue;
      const o = await box(other);
      expect(s.width, 'serial widest').to.be.greaterThan(o.width);
      expect(s.y, 'serial on the first row').to.be.at.most(o.y + 1);
    }
    expect(s.x + s.width, 'serial at the start (right in Arabic)').to.be.greaterThan(
      (await box(form)).x + (await box(form)).width - 40,
    );
    for (const sn of ['WB-SN-0001', 'WB-SN-0002']) {
      await serial.fill(sn);
      await serial.press('Enter');
      await page.getByTestId('intake-recent').getByText(sn).waitFor();
    }
    const links = page.getByTestId('intake-recent').locator('[data-testid^="print-label-"]');
    expect(await links.count(), 'one per device added').to.equal(2);
    // The PDF the POST returns, read on its way to the page (which opens it in the new tab).
    let pdf: { status: number; type: string; body: Buffer } | null = null;
    await page.route('**/api/labels/print', async (route) => {
      const response = await route.fetch();
      pdf = { status: response.status(), type: response.headers()['content-type'] ?? '', body: await response.body() };
      await route.fulfill({ response });
    });
    const [popup] = await Promise.all([page.waitForEvent('popup'), links.first().click()]);
    await popup.waitForURL(/^blob:/);
    await page.unroute('**/api/labels/print');
    const got = pdf as { status: number; type: string; body: Buffer } | null;
    expect(got?.status).to.equal(200);
    expect(got?.type).to.contain('application/pdf');
    expect(got?.body.subarray(0, 5).toString()).to.equal('%PDF-');
    await popup.close();
    await checkPage(page, 'intake bench');
    await screenshot(page, 'workbench-intake-ar.png');
  });

  it('intake: a refused serial is said on the field, and the message goes as soon as the serial is fixed', async function () {
    const serial = page.getByTestId('intake-serial');
    await serial.fill(`X${'9'.repeat(120)}`);
    await serial.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="intake-serial"]')?.getAttribute('aria-invalid') === 'true',
    );
    await serial.fill('WB-SN-0003');
    expect(await serial.getAttribute('aria-invalid')).to.not.equal('true');
    expect(await page.getByTestId('intake-form').locator('.mantine-TextInput-error').count()).to.equal(0);
  });

  it('the receipt link: copied with an SVG icon, shared on WhatsApp with the link encoded', async function () {
    // A manager's screen: the admin, in a page of their own.
    const admin = await openPage(browser, server.url);
    await signIn(admin.page, server.url);
    await admin.page.goto(`${server.url}/donations/${donation.id}`);
    const page = admin.page;
    const link = page.getByTestId('receipt-link');
    await link.waitFor();
    const url = (await link.getAttribute('href'))!;
    const copy = page.getByTestId('receipt-copy');
    expect(await copy.locator('svg').count()).to.equal(1);
    expect(await copy.innerText()).to.not.contain('⧉');
    const share = page.getByTestId('receipt-whatsapp');
    const href = (await share.getAttribute('href'))!;
    expect(href.startsWith('https://wa.me/?text=')).to.equal(true);
    const text = decodeURIComponent(href.slice('https://wa.me/?text='.length));
    expect(text).to.contain(url);
    expect(text).to.contain('إيصال');
    expect(href).to.contain(encodeURIComponent(url));
    expect(await share.getAttribute('target')).to.equal('_blank');
    await screenshot(page, 'workbench-receipt-share-ar.png');
    await admin.context.close();
  });

  it('English at 1366 and 1024 px: the page starts right of the menu, on every screen visited', async function () {
    await switchLanguage(page, 'en');
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of [`/devices/${fresh.id}`, `/donations/${donation.id}`, `/intake?donation=${donation.id}`]) {
        await page.goto(`${server.url}${path}`);
        await page.locator('main h1').first().waitFor();
        const nav = await box(page.getByTestId('main-nav'));
        const main = await page.locator('main').evaluate((el) => {
          // The leftmost edge of anything drawn in the page, scrolled as far left as the page goes.
          let left = Infinity;
          for (const e of Array.from(el.querySelectorAll('*'))) {
            const r = e.getBoundingClientRect();
            if (r.width > 0 && r.height > 0) left = Math.min(left, r.left);
          }
          return { left, scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth };
        });
        expect(main.left, `${path} at ${width}: content right of the menu`).to.be.at.least(nav.x + nav.width);
        expect(main.scrollWidth, `${path} at ${width}: no sideways scroll`).to.be.at.most(main.width);
      }
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.url}/devices/${fresh.id}`);
    await page.getByTestId('device-actions').waitFor();
    await screenshot(page, 'workbench-actions-en.png');
    await page.goto(`${server.url}/intake?donation=${donation.id}`);
    await page.getByTestId('intake-serial').waitFor();
    await screenshot(page, 'workbench-intake-en.png');
  });

  it('direction: Arabic values sit right in their inputs, emails stay left to right; .nm-flip icons are mirrored in Arabic', async function () {
    const admin = await openPage(browser, server.url);
    const page = admin.page;
    await signIn(page, server.url);
    await switchLanguage(page, 'ar');
    const placed = (l: Locator) =>
      l.evaluate((el) => {
        const style = getComputedStyle(el);
        return { direction: style.direction, bidi: style.unicodeBidi };
      });
    // A field marked dir="auto" (the beneficiary's name) keeps the interface's direction: the Arabic name on the right.
    await page.goto(`${server.url}/beneficiaries/new`);
    const beneficiary = page.locator('input[name="name"]');
    await beneficiary.fill('أسرة العتيبي');
    expect(await placed(beneficiary)).to.deep.equal({ direction: 'rtl', bidi: 'plaintext' });
    // An input and its copy with dir="rtl" look the same: the value is drawn from the right.
    const drawn = async (l: Locator) => {
      await l.evaluate((el) => (el as HTMLElement).blur()); // no caret in the shots
      return (await l.screenshot({ animations: 'disabled' })).toString('base64');
    };
    const asRtl = async (l: Locator) => {
      const plain = await drawn(l);
      await l.evaluate((el) => el.setAttribute('dir', 'rtl'));
      const rtl = await drawn(l);
      await l.evaluate((el) => el.removeAttribute('dir'));
      return plain === rtl;
    };
    expect(await asRtl(beneficiary), 'Arabic name drawn from the right').to.equal(true);
    // In the English interface an Arabic name still reads from the right; the email stays left to right.
    await page.goto(`${server.url}/donors/${donor.id}/edit`);
    await switchLanguage(page, 'en');
    const name = page.locator('input[name="name"]');
    await name.waitFor();
    expect((await placed(name)).bidi).to.equal('plaintext');
    // Drawn otherwise than left to right would draw it.
    const asLtr = async (l: Locator) => {
      const plain = await drawn(l);
      const before = await l.evaluate((el: HTMLElement) => {
        const css = el.style.cssText;
        el.style.direction = 'ltr';
        el.style.unicodeBidi = 'normal';
        el.style.textAlign = 'left';
        return css;
      });
      const ltr = await drawn(l);
      await l.evaluate((el: HTMLElement, css) => (el.style.cssText = css), before);
      return plain === ltr;
    };
    expect(await asLtr(name), 'Arabic name not drawn from the left in English').to.equal(false);
    const email = page.locator('input[name="email"]');
    expect(await placed(email)).to.deep.equal({ direction: 'ltr', bidi: 'normal' });
    await switchLanguage(page, 'ar');
    // The rule directional icons carry (the allocation board's device → family chevron, which points left in Arabic:
    // allocation-board-ar.png) applies in Arabic.
    const flipped = await page.evaluate(() => {
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('class', 'nm-flip');
      document.querySelector('main')!.append(svg);
      const t = getComputedStyle(svg).transform;
      svg.remove();
      return t;
    });
    expect(flipped).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    await admin.context.close();
  });
});
