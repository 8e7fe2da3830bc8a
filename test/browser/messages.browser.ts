// Issue 17 on people's screens: the admin's outgoing messages (a channel that cannot send says why; a dead letter
// can be sent again), and the donor's own page behind its secret link, in Arabic and English.
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

interface Created {
  id: number;
}

describe('browser: outgoing messages and the donor’s page', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let api: Api;
  let donor: Created & { pageUrl?: string };

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(120_000);
    // No SMTP_URL: the donor's emails wait, and the screen says why. Webhooks may point at this machine (a receiver
    // nobody runs: its deliveries fail and are logged).
    // The endpoint is switched off after its first failure, so the admin's notice shows.
    ({ server, browser } = await startServerAndBrowser({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_DISABLE_AFTER: '1' }));
    api = await Api.signIn(server.url);
    await api.call('POST', '/api/webhooks', {
      url: 'http://127.0.0.1:9/nimah',
      events: ['donation.received', 'allocation.handed_over'],
    });
    donor = await api.call<Created & { pageUrl?: string }>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الخليج للتقنية',
      nameLatin: 'Gulf Tech Co.',
      email: 'csr@gulftech.example',
      phone: '+966501234567',
      city: 'الدمام',
      preferredLanguage: 'ar',
    });
    const donation = await api.call<Created>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: 3,
    });
    await api.call('POST', `/api/donations/${donation.id}/devices`, { type: 'laptop', serialNumber: 'PF1MSG01' });
    await api.call('PATCH', `/api/donations/${donation.id}`, { status: 'closed' });
    await api.call('POST', `/api/donors/${donor.id}/statements`, { year: new Date().getUTCFullYear() });
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url);
  });
  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('outgoing messages: the donor’s emails wait because no SMTP server is set, a failing webhook endpoint is switched off, and the screen says both, in Arabic and English', async function () {
    this.timeout(60_000);
    await page.goto(`${server.url}/outbox`);
    const table = page.getByTestId('outbox-table');
    await table.waitFor();
    // The donor's three emails, and the webhook that failed (nobody listens on port 9).
    const notice = page.getByText('أُوقفت نقطة استقبال ويب هوك');
    for (let i = 0; i < 20 && !(await notice.count()); i += 1) {
      // The worker fails the delivery within a second or so of the change: look again until it has.
      await new Promise((r) => setTimeout(r, 500));
      await page.reload();
      await table.waitFor();
    }
    expect(await notice.count()).to.equal(1);
    expect(await table.locator('tbody tr').count()).to.equal(4);
    const text = await page.locator('main').innerText();
    expect(text).to.include('SMTP_URL is not set');
    expect(text).to.include('c••••@gulftech.example');
    expect(text).not.to.include('csr@gulftech.example');
    await checkPage(page, 'outbox-ar');
    await screenshot(page, 'outbox-ar.png');
    await switchLanguage(page, 'en');
    await page.getByText('Outgoing messages').first().waitFor();
    await checkPage(page, 'outbox-en');
    await screenshot(page, 'outbox-en.png');
    await switchLanguage(page, 'ar');
  });

  it('webhooks: the endpoints with their events, state and masked secret', async function () {
    this.timeout(60_000);
    await page.goto(`${server.url}/webhooks`);
    await page.getByTestId('webhooks-table').waitFor();
    expect(await page.locator('main').innerText()).to.include('http://127.0.0.1:9/nimah');
    await checkPage(page, 'webhooks-ar');
    await screenshot(page, 'webhooks-ar.png');
  });

  it('the donor’s page: every donation with its receipt, and the yearly statement, in Arabic and in English', async function () {
    this.timeout(60_000);
    const detail = await api.call<{ pageUrl: string }>('GET', `/api/donors/${donor.id}`);
    // The manager's side: the donor's screen shows the link to send, with copy and a new link.
    await page.goto(`${server.url}/donors/${donor.id}`);
    expect(await page.getByTestId('donor-page-url').innerText()).to.equal(detail.pageUrl);
    const pageUrl = detail.pageUrl.replace(/^https?:\/\/[^/]+/, server.url);
    const visitor = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    try {
      await visitor.goto(pageUrl);
      expect(await visitor.locator('html').getAttribute('dir')).to.equal('rtl');
      const text = await visitor.locator('body').innerText();
      expect(text).to.include('شركة الخليج للتقنية');
      expect(text).not.to.include('+966501234567');
      await checkPage(visitor, 'donor-page-ar');
      await screenshot(visitor, 'donor-page-ar.png');
      await api.call('PATCH', `/api/donors/${donor.id}`, { preferredLanguage: 'en' });
      await visitor.goto(pageUrl);
      expect(await visitor.locator('html').getAttribute('dir')).to.equal('ltr');
      await checkPage(visitor, 'donor-page-en');
      await screenshot(visitor, 'donor-page-en.png');
    } finally {
      await visitor.close();
    }
  });
});
