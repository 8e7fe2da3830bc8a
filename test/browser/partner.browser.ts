// Issue 18 (spec §13), the partner association's side: an admin gives a partner organisation its user (the users
// screen's partner picker); a manager sees the custody on the device page; the partner signs in to its own simplified
// home, sees only the devices in its custody and the families it referred (never another partner's, nor anyone
// else's), records a handover to one of its families with a signature and the accessories, gets the certificate,
// and returns a device from custody. Every partner screen in Arabic and in English.
import { expect } from 'chai';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Api } from './api.js';
import { type LaptopModel, readyDevice, saudiId, sign } from './fixtures.js';
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

const HP: LaptopModel = { manufacturer: 'HP', model: 'EliteBook 840 G5', serialPrefix: '5CG', drivePrefix: 'S4X' };

const MANAGER = { email: 'manager@nimah.test', password: 'manager-password-1' };
const PARTNER_USER = { email: 'albirr@nimah.test', password: 'partner-password-1' };
const PARTNER = 'جمعية البر بالأحساء';
const OTHER_PARTNER = 'مركز الأسر المنتجة بالدمام';
const FAMILY = 'أسرة الدوسري';
const SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

interface Created {
  id: number;
  assetTag: string;
}

/** A verified family, referred by `partnerId` (or by nobody). */
async function family(api: Api, name: string, n: number, partnerId: number | null): Promise<number> {
  const b = await api.call<{ id: number }>('POST', '/api/beneficiaries', {
    kind: 'family',
    name,
    nationalId: saudiId(n),
    phone: `05012340${String(n).padStart(2, '0')}`,
    city: 'الأحساء',
    householdSize: 6,
    monthlyIncome: 3000,
    schoolChildren: 2,
    need: 'laptop',
    purpose: 'study',
    ...(partnerId ? { partnerId } : {}),
  });
  await api.call('PATCH', `/api/beneficiaries/${b.id}`, { status: 'verified' });
  return b.id;
}

/** A batch of `devices` given to a partner and handed over to it: the devices go into its custody. */
async function intoCustody(api: Api, partnerId: number, programmeId: number, devices: Created[]): Promise<void> {
  const batch = await api.call<{ id: number }>('POST', '/api/allocation-batches', {
    recipient: { partnerId },
    programmeId,
    deviceIds: devices.map((d) => d.id),
  });
  await api.call('POST', `/api/allocation-batches/${batch.id}/handover`, {
    receivedBy: 'أ. خالد العمري',
    signature: SIGNATURE_PNG,
    accessories: ['charger'],
  });
}

/** Picks `option` in the Mantine select labelled `label` (a required one's label ends with its asterisk). */
async function pick(page: Page, label: string, option: string, scope: Page | Locator = page): Promise<void> {
  await scope
    .getByLabel(new RegExp(`^${label}( \\*)?$`))
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

const tagsOf = (page: Page) =>
  page.locator('[data-testid="custody-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag')!));

describe('browser: a partner association hands its custody devices to its own families', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let partnerContext: BrowserContext;
  let partnerPage: Page;
  let partnerProblems: string[];
  let api: Api;
  let partnerId: number;
  let ours: Created[];
  let theirs: Created[];
  let allocationId: number;

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(300_000);
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
    const programme = await api.call<{ id: number }>('POST', '/api/programmes', {
      name: 'الأسر المنتجة',
      nameLatin: 'Productive families',
      targetFamilies: 2000,
    });
    partnerId = (
      await api.call<{ id: number }>('POST', '/api/partners', {
        name: PARTNER,
        kind: 'association',
        city: 'الأحساء',
        contactPerson: 'أ. خالد العمري',
      })
    ).id;
    const otherId = (
      await api.call<{ id: number }>('POST', '/api/partners', {
        name: OTHER_PARTNER,
        kind: 'family_centre',
        city: 'الدمام',
      })
    ).id;
    const donor = await api.call<{ id: number }>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الخليج للتقنية',
      preferredLanguage: 'ar',
    });
    const donation = await api.call<{ id: number }>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: 4,
    });
    ours = [];
    for (let n = 1; n <= 3; n += 1) ours.push(await readyDevice(api, verifier, donation.id, n, HP));
    theirs = [await readyDevice(api, verifier, donation.id, 4, HP)];
    await intoCustody(api, partnerId, programme.id, ours);
    await intoCustody(api, otherId, programme.id, theirs);
    await family(api, FAMILY, 1, partnerId);
    await family(api, 'أسرة القحطاني', 2, partnerId);
    await family(api, 'أسرة من جهة أخرى', 3, otherId);
    await family(api, 'أسرة بلا إحالة', 4, null);
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url);
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));
  after(async function () {
    await partnerContext?.close();
  });

  it('users: an admin gives the association its user, picked from the partners', async function () {
    await page.goto(`${server.url}/users`);
    await page.getByRole('button', { name: 'مستخدم جديد' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="email"]').fill(PARTNER_USER.email);
    await dialog.getByLabel(/^الاسم/).fill('خالد العمري');
    await pick(page, 'الدور', 'جهة شريكة', dialog);
    await pick(page, 'الجهة الشريكة', PARTNER, dialog);
    await dialog.locator('input[type="password"]').fill(PARTNER_USER.password);
    await checkPage(page, 'users: a partner user');
    await screenshot(page, 'user-partner-ar.png');
    await dialog.getByRole('button', { name: 'حفظ' }).click();
    await page.getByTestId('users-table').getByText(PARTNER_USER.email).waitFor();
    const users = await api.call<{ items: { email: string; role: string; partnerId: number | null }[] }>(
      'GET',
      '/api/users?pageSize=50',
    );
    expect(users.items.find((u) => u.email === PARTNER_USER.email)).to.include({ role: 'partner', partnerId });
  });

  it('a device in the partner’s custody says so on its page', async function () {
    await page.goto(`${server.url}/devices/${ours[0].id}`);
    const custody = page.getByTestId('device-custody');
    await custody.waitFor();
    expect(await custody.innerText()).to.contain(PARTNER);
    await checkPage(page, 'device in custody');
    await screenshot(page, 'device-custody-ar.png');
  });

  it('the partner signs in to its own home: only its custody devices and its families, nothing of the charity', async function () {
    ({ context: partnerContext, page: partnerPage, problems: partnerProblems } = await openPage(browser, server.url));
    const p = partnerPage;
    await p.goto(`${server.url}/login`);
    await p.locator('input[name="email"]').fill(PARTNER_USER.email);
    await p.locator('input[name="password"]').fill(PARTNER_USER.password);
    await p.locator('button[type="submit"]').click();
    await p.waitForURL(/\/partner$/);
    await p.getByTestId('custody-table').waitFor();
    expect((await tagsOf(p)).sort()).to.deep.equal(ours.map((d) => d.assetTag).sort());
    await p.getByTestId('families-table').getByText(FAMILY).waitFor();
    const families = await p.getByTestId('families-table').innerText();
    expect(families).to.contain('أسرة القحطاني');
    expect(families, 'another partner’s family').not.to.contain('أسرة من جهة أخرى');
    expect(families, 'a family nobody referred').not.to.contain('أسرة بلا إحالة');
    expect(await p.locator('body').innerText(), 'another partner’s device').not.to.contain(theirs[0].assetTag);
    const nav = await p.getByTestId('main-nav').locator('a').allInnerTexts();
    expect(nav, 'the partner’s menu').to.deep.equal(['أجهزتنا وأسرنا']);
    expect(await p.locator('input[name="scan"]').count(), 'no scan box: it opens device pages').to.equal(0);
    await checkPage(p, 'partner home');
    await screenshot(p, 'partner-home-ar.png');
    await p.setViewportSize({ width: 390, height: 844 });
    // The menu slides away when the layout turns to a phone's: the picture once it has.
    await p.waitForTimeout(500);
    await screenshot(p, 'partner-home-ar-390.png');
    await p.setViewportSize({ width: 1366, height: 900 });
    // The charity's screens are not the partner's (and the server refuses them anyway).
    await p.goto(`${server.url}/devices`);
    await p.getByText('غير مسموح').waitFor();
    expect(partnerProblems.filter((x) => !/403/.test(x))).to.deep.equal([]);
    partnerProblems.length = 0;
  });

  it('the partner records a handover to its family: signature, accessories, then the certificate', async function () {
    const p = partnerPage;
    await p.goto(`${server.url}/partner`);
    await p.getByTestId('record-handover').click();
    const form = p.getByTestId('partner-handover-form');
    await form.waitFor();
    await pick(p, 'الجهاز', ours[0].assetTag);
    await pick(p, 'الأسرة', FAMILY);
    expect(await form.locator('input[name="receivedBy"]').inputValue(), 'the family’s name to start with').to.equal(
      FAMILY,
    );
    await form.locator('input[name="receivedBy"]').fill('أم فهد الدوسري');
    await form.getByLabel('شاحن').check();
    await form.getByLabel('فأرة').check();
    await sign(p);
    await checkPage(p, 'partner handover');
    await screenshot(p, 'partner-handover-ar.png');
    await switchLanguage(p, 'en');
    await checkPage(p, 'partner handover (en)');
    await screenshot(p, 'partner-handover-en.png');
    await switchLanguage(p, 'ar');
    await p.getByTestId('partner-handover-submit').click();
    await p.waitForURL(/\/partner\/handovers\/\d+$/);
    allocationId = Number(p.url().split('/').pop());
    await p.getByTestId('handover-done').waitFor();
    const allocation = await api.call<{
      status: string;
      deviceId: number;
      receivedBy: string;
      accessories: string[];
      certificateCode: string;
    }>('GET', `/api/allocations/${allocationId}`);
    expect(allocation).to.include({ status: 'handed_over', deviceId: ours[0].id, receivedBy: 'أم فهد الدوسري' });
    expect(allocation.accessories.slice().sort()).to.deep.equal(['charger', 'mouse']);
    const href = await p.getByTestId('certificate-link').getAttribute('href');
    expect(href).to.equal(`/api/allocations/${allocationId}/certificate.pdf`);
    const pdf = await contentTypeOf(p, `${server.url}${href}`);
    expect(pdf.status, pdf.body.toString().slice(0, 200)).to.equal(200);
    expect(pdf.type).to.contain('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).to.equal('%PDF-');
    await checkPage(p, 'partner handover done');
    await screenshot(p, 'partner-handover-done-ar.png');
  });

  it('the partner returns a device from its custody, with the reason', async function () {
    const p = partnerPage;
    await p.goto(`${server.url}/partner`);
    await p.getByTestId('custody-table').waitFor();
    // The handed-over device has left the custody.
    expect((await tagsOf(p)).sort()).to.deep.equal([ours[1].assetTag, ours[2].assetTag].sort());
    await p
      .locator(`[data-testid="custody-row"][data-tag="${ours[2].assetTag}"]`)
      .getByTestId('custody-return-open')
      .click();
    const form = p.getByTestId('custody-return-form');
    await form.locator('input[name="reason"]').fill('الشاشة لا تعمل بعد النقل');
    await checkPage(p, 'partner return');
    await screenshot(p, 'partner-return-ar.png');
    await form.getByRole('button', { name: 'إرجاع إلى الجمعية' }).click();
    await form.waitFor({ state: 'detached' });
    await p.waitForFunction(
      (tag) => !document.querySelector(`[data-testid="custody-row"][data-tag="${tag}"]`),
      ours[2].assetTag,
    );
    expect(await tagsOf(p)).to.deep.equal([ours[1].assetTag]);
    const custody = await api.call<{ total: number }>('GET', `/api/custody/devices?partnerId=${partnerId}`);
    expect(custody.total).to.equal(1);
    expect(await p.getByTestId('handovers-table').innerText()).to.contain(FAMILY);
    await checkPage(p, 'partner home after');
    await screenshot(p, 'partner-home-after-ar.png');
  });

  it('in English: the partner’s home and its handover read left to right', async function () {
    const p = partnerPage;
    await switchLanguage(p, 'en');
    for (const [name, path, ready] of [
      ['partner-home', '/partner', '[data-testid="custody-table"]'],
      ['partner-handover-done', `/partner/handovers/${allocationId}`, '[data-testid="handover-done"]'],
    ] as const) {
      await p.goto(`${server.url}${path}`);
      await p.locator(ready).first().waitFor();
      await checkPage(p, `${name} (en)`);
      await screenshot(p, `${name}-en.png`);
    }
    await switchLanguage(p, 'ar');
    expect(partnerProblems).to.deep.equal([]);
  });
});
