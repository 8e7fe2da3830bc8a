// Bulk actions on the device list (issue 20 point 6): a technician selects three devices, moves them to another site
// while one of them is triaged by someone else meanwhile, and reads the summary (two done, one changed meanwhile);
// then selects every device matching a filter (more than a page), in Arabic and in English, and exports the page's
// selection (its ids POSTed) and the whole filter (a GET of the filter) as CSV.
import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** Clicks "Export CSV" in the bulk bar and reads the file downloaded, as rows by column name. */
async function downloadedCsv(page: Page): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulk-csv').click()]);
  expect(download.suggestedFilename()).to.match(/^nimah-devices-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await download.path(), 'utf8');
  return parseCsv<Record<string, string>>(text, { bom: true, columns: true, skip_empty_lines: true });
}

const TECH = { email: 'bulk-tech@nimah.test', password: 'technician-password-1' };
const DESKTOPS = 53;

interface Created {
  id: number;
  assetTag: string;
  version: number;
}

describe('browser: bulk actions on the device list', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let api: Api;
  let laptops: Created[];
  let jeddah: number;

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(180_000);
    ({ server, browser } = await startServerAndBrowser());
    api = await Api.signIn(server.url);
    await api.call('POST', '/api/users', {
      email: TECH.email,
      name: 'سلمان الفني',
      role: 'technician',
      password: TECH.password,
      language: 'ar',
    });
    await api.call('POST', '/api/sites', { code: 'RUH', name: 'مستودع الرياض', nameLatin: 'Riyadh warehouse' });
    jeddah = (
      await api.call<{ id: number }>('POST', '/api/sites', { code: 'JED', name: 'فرع جدة', nameLatin: 'Jeddah branch' })
    ).id;
    const donor = await api.call<{ id: number }>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الواحة',
      preferredLanguage: 'ar',
    });
    const donation = await api.call<{ id: number }>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: DESKTOPS + 3,
    });
    laptops = [];
    for (let i = 0; i < 3; i += 1)
      laptops.push(
        await api.call<Created>('POST', `/api/donations/${donation.id}/devices`, {
          type: 'laptop',
          manufacturer: 'Lenovo',
          model: 'ThinkPad T480',
          serialNumber: `PF1BULK${i}`,
        }),
      );
    for (let i = 0; i < DESKTOPS; i += 1)
      await api.call('POST', `/api/donations/${donation.id}/devices`, {
        type: 'desktop',
        manufacturer: 'Dell',
        model: 'OptiPlex 7050',
        serialNumber: `DLBULK${i}`,
      });
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url, TECH);
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  const row = (tag: string) => page.getByRole('checkbox', { name: `تحديد ${tag}` });

  it('selects three devices, moves them to another site, and the summary names one changed meanwhile', async function () {
    await page.goto(`${server.url}/devices?type=laptop`);
    for (const d of laptops) await row(d.assetTag).check();
    await page.getByTestId('bulk-count').getByText('3 أجهزة محددة').waitFor();
    // Meanwhile, someone else triages the second laptop: its version moves on.
    await api.call('POST', `/api/devices/${laptops[1].id}/actions`, {
      action: 'triage',
      version: laptops[1].version,
      needsRepair: false,
      disposition: 'reuse',
    });
    await page.getByTestId('bulk-move').click();
    const form = page.getByTestId('bulk-move-form');
    await form.getByLabel('إلى').click();
    await page.getByRole('option', { name: 'فرع جدة' }).click();
    await form.getByLabel('السبب').fill('أقرب إلى الأسر المستفيدة');
    await page.getByTestId('bulk-move-submit').click();
    const summary = page.getByTestId('bulk-summary');
    await summary.waitFor();
    expect(await page.getByTestId('bulk-summary-done').innerText()).to.contain('أُنجز جهازان');
    const done = await page.getByTestId('bulk-summary-done').innerText();
    expect(done).to.contain(laptops[0].assetTag).and.to.contain(laptops[2].assetTag);
    const conflicts = await page.getByTestId('bulk-summary-conflicts').innerText();
    expect(conflicts).to.contain(laptops[1].assetTag).and.to.contain('تغيّر جهاز واحد في الأثناء');
    expect(await page.getByTestId('bulk-bar').count()).to.equal(0);
    const moved = await api.call<{ siteId: number | null }>('GET', `/api/devices/${laptops[0].id}`);
    expect(moved.siteId).to.equal(jeddah);
    const left = await api.call<{ siteId: number | null; status: string }>('GET', `/api/devices/${laptops[1].id}`);
    expect(left).to.include({ siteId: null, status: 'wipe' });
    await checkPage(page, 'devices: bulk summary');
    await screenshot(page, 'devices-bulk-summary-ar.png');
  });

  it('selects every device matching a filter, beyond the page, in Arabic and English', async function () {
    await page.goto(`${server.url}/devices?type=desktop`);
    await page.getByTestId('bulk-page').check();
    await page.getByTestId('bulk-count').getByText('50 جهازًا محددًا').waitFor();
    // The page's 50, exported: their ids go in a POST's body, the answer is saved as the CSV.
    const page50 = await downloadedCsv(page);
    expect(page50).to.have.length(50);
    expect(page50.every((r) => r.type === 'desktop' && r.donorName === 'شركة الواحة')).to.equal(true);
    await page.getByTestId('bulk-select-all').getByText(`تحديد الأجهزة الـ${DESKTOPS} المطابقة لهذه التصفية`).click();
    await page.getByTestId('bulk-all-selected').waitFor();
    await page.getByTestId('bulk-count').getByText(`${DESKTOPS} جهازًا محددًا`).waitFor();
    // All matching: the CSV of the filter itself (a GET), not a list of ids.
    expect(await page.getByTestId('bulk-csv').getAttribute('href')).to.equal('/api/reports/devices.csv?type=desktop');
    const all = await downloadedCsv(page);
    expect(new Set(all.map((r) => r.assetTag)).size).to.equal(DESKTOPS);
    await checkPage(page, 'devices: bulk selection');
    await screenshot(page, 'devices-bulk-ar.png');

    await switchLanguage(page, 'en');
    await page.goto(`${server.url}/devices?type=desktop`);
    await page.getByTestId('bulk-page').check();
    await page.getByTestId('bulk-select-all').getByText(`Select all ${DESKTOPS} devices matching this filter`).click();
    await page.getByTestId('bulk-count').getByText(`${DESKTOPS} devices selected`).waitFor();
    await screenshot(page, 'devices-bulk-en.png');
  });
});
