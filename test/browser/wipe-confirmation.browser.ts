// Spec §10 in the browser: a technician types a wipe record by hand naming a colleague; the device page says it awaits
// that colleague; the colleague finds it under "awaiting my confirmation" in the work queues, confirms one record and
// rejects another with a reason; the device page then shows one counted (confirmed by whom) and one rejected.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './api.js';
import {
  checkPage,
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
const VERIFIER = { email: 'verifier@nimah.test', password: 'verifier-password-1' };

interface Created {
  id: number;
  assetTag?: string;
}

describe('browser: a colleague confirms or rejects a wipe record typed in by hand', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let device: Created;
  let records: { id: number }[];

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(120_000);
    ({ server, browser } = await startServerAndBrowser());
    const admin = await Api.signIn(server.url);
    await admin.call('POST', '/api/users', {
      email: TECH.email,
      name: 'فهد الفني',
      role: 'technician',
      password: TECH.password,
      language: 'ar',
    });
    const verifierUser = await admin.call<{ id: number }>('POST', '/api/users', {
      email: VERIFIER.email,
      name: 'سلمان المراجع',
      role: 'technician',
      password: VERIFIER.password,
      language: 'ar',
    });
    const tech = await Api.signIn(server.url, TECH.email, TECH.password);
    const donor = await admin.call<Created>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الساحل',
      preferredLanguage: 'ar',
    });
    const donation = await admin.call<Created>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: 1,
    });
    device = await tech.call<Created>('POST', `/api/donations/${donation.id}/devices`, {
      type: 'laptop',
      drives: [
        { serialNumber: 'WD-WX31A1234567', model: 'WDC WD5000LPVX', mediaType: 'hdd', capacityBytes: 500107862016 },
        { serialNumber: 'S3Z9NB0K765432', model: 'Samsung SSD 860', mediaType: 'ssd', capacityBytes: 250059350016 },
      ],
    });
    await tech.call('POST', `/api/devices/${device.id}/actions`, {
      action: 'triage',
      version: 0,
      needsRepair: false,
      disposition: 'reuse',
    });
    records = [];
    for (const [serial, technique] of [
      ['WD-WX31A1234567', 'ata_secure_erase'],
      ['S3Z9NB0K765432', 'ata_sanitize'],
    ]) {
      records.push(
        await tech.call<{ id: number }>('POST', `/api/devices/${device.id}/sanitizations`, {
          driveSerial: serial,
          method: 'purge',
          technique,
          tool: 'hdparm 9.65',
          passes: 1,
          verification: 'all_passes',
          result: 'passed',
          startedAt: '2026-11-20T08:00:00Z',
          finishedAt: '2026-11-20T08:40:00Z',
          verifierId: verifierUser.id,
        }),
      );
    }
    ({ context, page, problems } = await openPage(browser, server.url));
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('the operator sees both records awaiting the named colleague, with no buttons to confirm them', async function () {
    await signIn(page, server.url, TECH);
    await page.goto(`${server.url}/devices/${device.id}`);
    const first = page.getByTestId(`record-state-${records[0].id}`);
    await first.getByText(/بانتظار تأكيد\s*\u2068?سلمان المراجع/).waitFor();
    expect(await page.getByTestId(`decide-${records[0].id}`).count()).to.equal(0);
    // Records awaiting confirmation do not count: the wipe form still lists both drives as pending.
    await page.getByTestId('form-complete_wipe').getByText('أقراص بانتظار سجل محو ناجح مُحتسب (2):').waitFor();
    await checkPage(page, 'device page, records awaiting confirmation');
    await screenshot(page, 'wipe-awaiting-device-ar.png');
    await context.clearCookies();
  });

  it('the verifier confirms one and rejects the other from "awaiting my confirmation"; the device page shows the outcome', async function () {
    await signIn(page, server.url, VERIFIER);
    await page.goto(`${server.url}/work-queues`);
    const card = page.getByTestId('awaiting-confirmation');
    await card.getByRole('link', { name: device.assetTag! }).first().waitFor();
    expect(await card.locator('tbody tr').count()).to.equal(2);
    await checkPage(page, 'work queues, awaiting my confirmation');
    await screenshot(page, 'wipe-awaiting-queue-ar.png');

    await page.getByTestId(`decide-${records[0].id}`).getByRole('button', { name: 'تأكيد' }).click();
    await page.getByTestId(`awaiting-${records[0].id}`).waitFor({ state: 'detached' });
    await page.getByTestId(`decide-${records[1].id}`).getByRole('button', { name: 'رفض' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea').fill('القرص لم يكن في الجهاز عند الفحص');
    await dialog.getByRole('button', { name: 'رفض' }).click();
    await card.getByText('لا سجلات بانتظار تأكيدك.').waitFor();

    await page.goto(`${server.url}/devices/${device.id}`);
    await page
      .getByTestId(`record-state-${records[0].id}`)
      .getByText(/أكّده\s*\u2068?سلمان المراجع/)
      .waitFor();
    await page
      .getByTestId(`record-state-${records[1].id}`)
      .getByText(/مرفوض:\s*\u2068?القرص لم يكن في الجهاز عند الفحص/)
      .waitFor();
    expect(await page.getByTestId(`record-state-${records[0].id}`).getAttribute('data-state')).to.equal('counted');
    await switchLanguage(page, 'en');
    await page
      .getByTestId(`record-state-${records[0].id}`)
      .getByText(/Confirmed by\s*\u2068?سلمان المراجع/)
      .waitFor();
    await checkPage(page, 'device page, confirmed and rejected');
    await screenshot(page, 'wipe-confirmed-device-en.png');
  });
});
