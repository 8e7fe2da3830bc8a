// Issue 19 (spec §14), connectivity bundles in the browser: a manager adds a sponsor and its first delivery of SIM
// data bundles on the sponsors screen, then hands a device over with a bundle picked from that stock (the SIM's
// ICCID typed as a scanner on an Arabic keyboard types it, in Arabic-Indic digits): the outcome names the bundle and
// the SIM's last 4 digits, the stock goes down and the report counts it. A handover desk whose pick has run out
// meanwhile is told so next to the picker, and nothing typed is lost. In Arabic (RTL) and at a phone's width.
import { expect } from 'chai';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Api } from './api.js';
import { readyDevice, saudiId, sign } from './fixtures.js';
import {
  ADMIN,
  checkPage,
  closeAfterSuite,
  openPage,
  screenshot,
  signIn,
  skipWithoutChromium,
  startServerAndBrowser,
  type TestServer,
} from './harness.js';

const MANAGER = { email: 'manager@nimah.test', password: 'manager-password-1' };
const SPONSOR = 'شركة الاتصالات المانحة';
/** An ICCID (19 digits) as a scanner on an Arabic keyboard layout types it; it ends in 4321. */
const ICCID_ARABIC = '٨٩٩٦٦٠١٢٣٤٥٦٧٨٩٤٣٢١';
const ICCID_OTHER = '8996601234567891111';

interface Created {
  id: number;
  assetTag: string;
}
interface SponsorRead {
  id: number;
  received: number;
  remaining: number;
  distributed: number;
  lots: { id: number; remaining: number }[];
}
interface AllocationRead {
  id: number;
  status: string;
  bundle: { sponsorId: number; lotId: number; operator: string; iccidLast4: string | null } | null;
}

/** A verified family in the Eastern Province, with a device reserved for it: the allocation's id. */
async function reservedFor(api: Api, name: string, n: number, device: Created, programmeId?: number): Promise<number> {
  const b = await api.call<{ id: number }>('POST', '/api/beneficiaries', {
    kind: 'family',
    name,
    nationalId: saudiId(900 + n),
    phone: `05098760${String(n).padStart(2, '0')}`,
    regionCode: 'SA-04',
    city: 'الدمام',
    householdSize: 5,
    monthlyIncome: 2500,
    schoolChildren: 2,
    need: 'laptop',
    purpose: 'study',
  });
  await api.call('PATCH', `/api/beneficiaries/${b.id}`, { status: 'verified' });
  return (
    await api.call<{ id: number }>('POST', '/api/allocations', {
      deviceId: device.id,
      beneficiaryId: b.id,
      programmeId,
    })
  ).id;
}

/** Text as people read it: without the bidi isolates around names from the data. */
const plain = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

/** Picks `option` in the Mantine select labelled `label` (a required one's label ends with its asterisk). */
async function pick(page: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  await scope
    .getByLabel(new RegExp(`^${label}( \\*)?$`))
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The handover form of allocation `id`, with the bundle ticked, the sponsor picked and the SIM's number typed. */
async function fillHandoverWithBundle(page: Page, base: string, id: number, iccid: string): Promise<Locator> {
  await page.goto(`${base}/allocations/${id}`);
  const form = page.getByTestId('handover-form');
  await form.waitFor();
  const picker = form.getByTestId('bundle-picker');
  await picker.getByLabel('تُسلَّم مع الجهاز شريحة بباقة إنترنت').check();
  await pick(page, picker, 'الجهة الراعية', new RegExp(SPONSOR));
  // A scanner types the digits, then Enter: the Enter must not send the form before the signature.
  const field = picker.locator('input[name="bundle.iccid"]');
  await field.pressSequentially(iccid, { delay: 5 });
  await field.press('Enter');
  await sign(page);
  return form;
}

describe('browser: connectivity sponsors, their stock, and a bundle given at handover', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let api: Api;
  let sponsorId: number;
  let first: number;
  let second: number;
  let trainee: number;

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(300_000);
    ({ server, browser } = await startServerAndBrowser());
    api = await Api.signIn(server.url);
    await api.call('POST', '/api/users', {
      email: MANAGER.email,
      name: 'نورة المديرة',
      role: 'manager',
      password: MANAGER.password,
      language: 'ar',
    });
    const verifier = await Api.signIn(server.url, MANAGER.email, MANAGER.password);
    const donor = await api.call<{ id: number }>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الخليج للتقنية',
      preferredLanguage: 'ar',
    });
    const donation = await api.call<{ id: number }>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: 2,
    });
    const devices = [
      await readyDevice(api, verifier, donation.id, 1),
      await readyDevice(api, verifier, donation.id, 2),
    ];
    first = await reservedFor(api, 'أسرة الشمري', 1, devices[0]);
    second = await reservedFor(api, 'أسرة الزهراني', 2, devices[1]);
    // A programme that asks for a four-session course before handover (spec §14), and a family not yet trained.
    const course = await api.call<{ id: number }>('POST', '/api/courses', {
      titleAr: 'أساسيات الحاسب',
      titleEn: 'Computer Basics',
      hours: 16,
      mode: 'online',
      trainer: 'أ. منى',
      capacity: 20,
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
    });
    for (const date of ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24'])
      await api.call('POST', `/api/courses/${course.id}/sessions`, { date });
    const programme = await api.call<{ id: number }>('POST', '/api/programmes', { name: 'أسر منتجة' });
    await api.call('PATCH', `/api/programmes/${programme.id}`, { requiresTraining: true, courseId: course.id });
    trainee = await reservedFor(
      api,
      'أسرة القحطاني',
      3,
      await readyDevice(api, verifier, donation.id, 3),
      programme.id,
    );
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url, MANAGER);
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('sponsors: a manager adds a sponsor, then its first delivery of bundles; the stock shows on its card', async function () {
    await page.goto(`${server.url}/sponsors`);
    await page.getByTestId('sponsors-empty').waitFor();
    // The entry in the menu, for managers.
    expect(await page.getByRole('link', { name: 'باقات الإنترنت' }).count()).to.be.greaterThan(0);
    await page.getByTestId('new-sponsor').click();
    const sponsorForm = page.getByTestId('sponsor-form');
    await sponsorForm.locator('input[name="name"]').fill(SPONSOR);
    await sponsorForm.locator('input[name="nameLatin"]').fill('Donor Telecom');
    await sponsorForm.locator('input[name="contactPerson"]').fill('م. سعد القرني');
    await sponsorForm.getByRole('button', { name: 'حفظ' }).click();
    // The new sponsor's first delivery is asked for at once.
    const lotForm = page.getByTestId('lot-form');
    await lotForm.waitFor();
    await lotForm.locator('input[name="operator"]').fill('STC');
    // Arabic-Indic digits typed on a phone keyboard become Latin ones.
    await lotForm.locator('input[name="count"]').fill('١');
    expect(await lotForm.locator('input[name="count"]').inputValue()).to.equal('1');
    await lotForm.locator('input[name="dataGb"]').fill('10');
    await lotForm.locator('input[name="validityDays"]').fill('30');
    await lotForm.getByRole('button', { name: 'حفظ' }).click();
    await lotForm.waitFor({ state: 'detached' });
    const card = page.getByTestId('sponsor-card');
    await card.getByText('باقة واحدة متبقية').waitFor();
    const text = plain(await card.innerText());
    expect(text).to.contain(SPONSOR);
    expect(text).to.contain('باقة واحدة واردة');
    expect(text).to.contain('لم تُسلَّم أي باقة');
    expect(text).to.contain('STC · 10 جيجابايت · 30 يومًا');
    // What the server stored.
    const { items } = await api.call<{ items: (SponsorRead & { name: string; nameLatin: string })[] }>(
      'GET',
      '/api/sponsors',
    );
    expect(items.map((s) => [s.name, s.nameLatin, s.received, s.remaining])).to.deep.equal([
      [SPONSOR, 'Donor Telecom', 1, 1],
    ]);
    sponsorId = items[0].id;
    await checkPage(page, 'sponsors');
    await screenshot(page, 'sponsors-ar.png');
    await page.setViewportSize({ width: 360, height: 800 });
    await screenshot(page, 'sponsors-ar-360.png');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('handover: the bundle is picked, the ICCID typed in Arabic-Indic digits; the outcome shows its last 4; a desk whose pick ran out is told on the picker', async function () {
    // A second desk opens the other family's handover while one bundle is still in stock, and fills it in.
    const other = await context.newPage();
    const otherProblems: string[] = [];
    other.on('pageerror', (e) => otherProblems.push(e.message));
    const otherForm = await fillHandoverWithBundle(other, server.url, second, ICCID_OTHER);
    await otherForm.locator('input[name="receivedBy"]').fill('أبو فهد الزهراني');

    // This desk hands its device over with the last bundle.
    const form = await fillHandoverWithBundle(page, server.url, first, ICCID_ARABIC);
    expect(plain(await form.getByTestId('bundle-picker').innerText())).to.contain('من أقدم دفعة: STC · 10 جيجابايت');
    await checkPage(page, 'handover with a bundle');
    await screenshot(page, 'handover-bundle-ar.png');
    await page.getByTestId('handover-submit').click();
    const done = page.getByTestId('handover-done');
    await done.waitFor();
    const bundleLine = plain(await done.getByTestId('handover-bundle').innerText());
    expect(bundleLine).to.contain('STC');
    expect(bundleLine).to.contain(SPONSOR);
    expect(bundleLine).to.contain('4321');
    // Only the last 4 digits are ever shown.
    expect(await page.locator('body').innerText()).not.to.contain('89966012345678');
    await checkPage(page, 'handover outcome with a bundle');
    await screenshot(page, 'handover-bundle-done-ar.png');
    const handed = await api.call<AllocationRead>('GET', `/api/allocations/${first}`);
    expect(handed.status).to.equal('handed_over');
    expect(handed.bundle).to.include({ sponsorId, operator: 'STC', iccidLast4: '4321' });

    // The other desk sends now: none left. Said next to the sponsor, and everything typed stays.
    await other.getByTestId('handover-submit').click();
    const picker = other.getByTestId('bundle-picker');
    await picker.getByText('نفدت الباقات من هذا الاختيار').waitFor();
    expect(
      await picker
        .getByLabel(/^الجهة الراعية/)
        .first()
        .evaluate((el) => el.getAttribute('aria-invalid')),
    ).to.equal('true');
    expect(await picker.locator('input[name="bundle.iccid"]').inputValue()).to.equal(ICCID_OTHER);
    expect(await otherForm.locator('input[name="receivedBy"]').inputValue()).to.equal('أبو فهد الزهراني');
    expect(await other.getByTestId('handover-done').count()).to.equal(0);
    await screenshot(other, 'handover-bundle-out-of-stock-ar.png');
    const refused = await api.call<AllocationRead>('GET', `/api/allocations/${second}`);
    expect([refused.status, refused.bundle]).to.deep.equal(['reserved', null]);
    // Without the bundle, the same desk hands the device over.
    await picker.getByLabel('تُسلَّم مع الجهاز شريحة بباقة إنترنت').uncheck();
    await other.getByTestId('handover-submit').click();
    await other.getByTestId('handover-done').waitFor();
    expect(await other.getByTestId('handover-bundle').count()).to.equal(0);
    expect(otherProblems).to.deep.equal([]);
    await other.close();

    const sponsor = await api.call<SponsorRead>('GET', `/api/sponsors/${sponsorId}`);
    expect([sponsor.received, sponsor.remaining, sponsor.distributed]).to.deep.equal([1, 0, 1]);
  });

  it('sponsors: the stock went down and the report counts the bundle in the family’s region and month', async function () {
    await page.goto(`${server.url}/sponsors`);
    const card = page.getByTestId('sponsor-card');
    await card.getByText('باقة واحدة مسلَّمة').waitFor();
    expect(await card.innerText()).to.contain('لا باقات متبقية');
    const report = page.getByTestId('bundle-report-table');
    await report.waitFor();
    const row = await report.locator('tbody tr').first().innerText();
    expect(row).to.contain(SPONSOR);
    expect(row).to.contain('المنطقة الشرقية');
    expect(await page.getByTestId('bundle-total').innerText()).to.equal('1');
    const month = new Date().toISOString().slice(0, 7);
    const csv = await page.getByTestId('bundle-report-csv').getAttribute('href');
    expect(csv).to.equal('/api/reports/bundles.csv');
    // A period that ends before this month: nothing.
    // Months are typed month first (MM/YYYY), as the month field reads them.
    await page.getByLabel('إلى شهر').fill('01/2020');
    await page.getByTestId('bundle-report-empty').waitFor();
    expect(await page.getByTestId('bundle-report-csv').getAttribute('href')).to.equal(
      '/api/reports/bundles.csv?to=2020-01',
    );
    await page.getByLabel('إلى شهر').fill(`${month.slice(5, 7)}/${month.slice(0, 4)}`);
    await report.waitFor();
    await checkPage(page, 'sponsors with the report');
    await screenshot(page, 'sponsors-report-ar.png');
  });

  it('training before handover: the manager is told the course and the sessions missing; an admin hands over with a reason', async function () {
    await page.goto(`${server.url}/allocations/${trainee}`);
    const form = page.getByTestId('handover-form');
    await form.waitFor();
    await sign(page);
    await page.getByTestId('handover-submit').click();
    const refusal = form.getByTestId('training-required');
    await refusal.waitFor();
    const said = plain(await refusal.innerText());
    expect(said).to.contain('أساسيات الحاسب');
    expect(said).to.contain('بقيت 3 جلسات');
    expect(said).to.contain('إلا بقرار من المسؤول');
    expect(await form.getByTestId('training-override').count(), 'no override for a manager').to.equal(0);
    await checkPage(page, 'handover refused for training');
    await screenshot(page, 'handover-training-required-ar.png');

    const admin = await openPage(browser, server.url);
    try {
      await signIn(admin.page, server.url, ADMIN);
      await admin.page.goto(`${server.url}/allocations/${trainee}`);
      const adminForm = admin.page.getByTestId('handover-form');
      await adminForm.waitFor();
      await sign(admin.page);
      await admin.page.getByTestId('handover-submit').click();
      const reason = adminForm.getByTestId('training-override');
      await reason.waitFor();
      await reason.fill('أتمّت الدورة نفسها لدى جمعية أخرى في جدة');
      await admin.page.getByTestId('handover-submit').click();
      await admin.page.getByTestId('handover-done').waitFor();
      await screenshot(admin.page, 'handover-training-override-done-ar.png');
    } finally {
      await admin.context.close();
    }
    const stored = await api.call<{ status: string; trainingOverride: { reason: string } | null }>(
      'GET',
      `/api/allocations/${trainee}`,
    );
    expect(stored.status).to.equal('handed_over');
    expect(stored.trainingOverride?.reason).to.equal('أتمّت الدورة نفسها لدى جمعية أخرى في جدة');
  });
});
