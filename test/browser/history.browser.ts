// Issue 20 point 2 in the browser: a device taken through intake → triage → wipe → QA → ready reads its history as
// sentences in the user's language, naming sites and people; no raw payload (`qa: {…}`) is on the page, and an
// event's "technical details" show its hash.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './api.js';
import {
  checkPage,
  closeAfterSuite,
  openPage,
  signIn,
  skipWithoutChromium,
  startServerAndBrowser,
  switchLanguage,
  SCREENSHOT_DIR,
  type TestServer,
} from './harness.js';
import path from 'node:path';
import type { DeviceDetailDto } from '../../server/shared/index.js';

const TECH = { email: 'history-tech@nimah.test', password: 'technician-password-1' };
const VERIFIER = { email: 'history-verifier@nimah.test', password: 'verifier-password-1' };
const QA = {
  keyboard: 'pass',
  screen: 'pass',
  battery: 'pass',
  wifi: 'pass',
  ports: 'pass',
  camera: 'na',
  audio: 'pass',
};

describe('browser: a device history read as sentences (issue 20 point 2)', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let device: DeviceDetailDto;

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(300_000); // the first run compiles the server, slow on a busy machine
    ({ server, browser } = await startServerAndBrowser());
    const admin = await Api.signIn(server.url);
    for (const [user, name] of [
      [TECH, 'فهد الفني'],
      [VERIFIER, 'سلمان المراجع'],
    ] as const)
      await admin.call('POST', '/api/users', { ...user, name, role: 'technician', language: 'ar' });
    const tech = await Api.signIn(server.url, TECH.email, TECH.password);
    const verifier = await Api.signIn(server.url, VERIFIER.email, VERIFIER.password);
    const { id: verifierId } = await verifier.call<{ id: number }>('GET', '/api/auth/me');
    const site = await admin.call<{ id: number }>('POST', '/api/sites', {
      code: 'KHB-2',
      name: 'ورشة الخبر #2',
      nameLatin: 'Khobar workshop #2',
    });
    const donor = await admin.call<{ id: number }>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الساحل',
      preferredLanguage: 'ar',
    });
    const donation = await admin.call<{ id: number }>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: 1,
    });
    const d = await tech.call<{ id: number }>('POST', `/api/donations/${donation.id}/devices`, {
      type: 'laptop',
      manufacturer: 'Dell',
      model: 'Latitude 5490',
      serialNumber: 'HX7Q2M3',
      drives: [
        { serialNumber: 'S3Z9NB0K765432', model: 'Samsung SSD 860', mediaType: 'ssd', capacityBytes: 250059350016 },
      ],
    });
    await tech.call('POST', `/api/devices/${d.id}/moves`, { siteId: site.id, reason: 'للفحص' });
    await tech.call('POST', `/api/devices/${d.id}/actions`, {
      action: 'triage',
      version: 1, // the move was version 1
      needsRepair: false,
      disposition: 'reuse',
      findings: 'خدوش خفيفة على الغطاء',
    });
    const record = await tech.call<{ id: number }>('POST', `/api/devices/${d.id}/sanitizations`, {
      driveSerial: 'S3Z9NB0K765432',
      method: 'purge',
      technique: 'ata_sanitize',
      tool: 'hdparm 9.65',
      passes: 1,
      verification: 'last_pass',
      result: 'passed',
      verifierId,
    });
    await verifier.call('POST', `/api/sanitizations/${record.id}/confirm`);
    await tech.call('POST', `/api/devices/${d.id}/actions`, { action: 'complete_wipe', version: 2 });
    await tech.call('POST', `/api/devices/${d.id}/actions`, {
      action: 'refurbish',
      version: 3,
      os: 'Windows 11 Pro',
      licence: 'oem_coa',
      windows11Eligible: true,
      grade: 'A',
      qa: QA,
    });
    device = await tech.call<DeviceDetailDto>('GET', `/api/devices/${d.id}`);
    expect(device.status).to.equal('ready');
    ({ context, page, problems } = await openPage(browser, server.url));
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('reads each event as an Arabic sentence with names, no raw payload, and the hash only under technical details', async function () {
    await signIn(page, server.url, TECH);
    await page.goto(`${server.url}/devices/${device.id}`);
    const history = page.getByTestId('device-history');
    await history.getByText('فحص الجودة: كل الفحوص ناجحة', { exact: false }).waitFor();
    const sentences = await history.getByTestId('history-sentence').allInnerTexts();
    expect(sentences).to.have.length(device.events.length);
    const plain = sentences.map((s) => s.replace(/[\u2066-\u2069]/g, ''));
    expect(plain).to.include('نقل: إلى ورشة الخبر #2 — للفحص');
    expect(plain).to.include('فرز: لا يحتاج إلى إصلاح — خدوش خفيفة على الغطاء');
    expect(plain.some((s) => s.startsWith('تأكيد سجل محو: سجل فهد الفني للقرص S3Z9NB0K765432'))).to.equal(true);
    // The site's name keeps its "#2" whole: it is in its own <bdi>.
    expect(await history.locator('bdi', { hasText: 'ورشة الخبر #2' }).count()).to.be.greaterThan(0);
    const text = await history.innerText();
    expect(text).not.to.include('qa: {');
    expect(text).not.to.match(/[{}]/);
    expect(text).not.to.include('donationId');
    for (const e of device.events) expect(text).not.to.include(e.hash);

    const refurbished = device.events.find((e) => e.type === 'refurbish')!;
    const item = history.getByTestId('history-event').filter({ hasText: 'تجديد: الجهاز جاهز' });
    await item.getByRole('button', { name: 'التفاصيل التقنية' }).click();
    const technical = item.getByTestId('event-technical');
    await technical.getByText(refurbished.hash).waitFor();
    await technical.getByText(refurbished.prevHash!).waitFor();
    expect(await technical.innerText()).to.include('"audio": "pass"');
    await item.getByRole('button', { name: 'التفاصيل التقنية' }).click();
    await technical.waitFor({ state: 'detached' });
    await checkPage(page, 'device page, history as sentences');
    await history.screenshot({ path: path.join(SCREENSHOT_DIR, 'device-history-ar.png') });
  });

  it('reads the same history in English, with the site’s Latin name', async function () {
    await switchLanguage(page, 'en');
    const history = page.getByTestId('device-history');
    await history.getByText('QA: every check passed', { exact: false }).waitFor();
    const plain = (await history.getByTestId('history-sentence').allInnerTexts()).map((s) =>
      s.replace(/[\u2066-\u2069]/g, ''),
    );
    expect(plain).to.include('Moved: to Khobar workshop #2 — للفحص');
    expect(plain).to.include('Triage: no repair needed — خدوش خفيفة على الغطاء');
    expect(plain.some((s) => s.startsWith('Intake: received with donation DN-'))).to.equal(true);
    expect(await history.innerText()).not.to.include('qa: {');
    await checkPage(page, 'device page, history in English');
    await history.screenshot({ path: path.join(SCREENSHOT_DIR, 'device-history-en.png') });
  });
});
