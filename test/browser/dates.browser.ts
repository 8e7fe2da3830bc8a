// Dates typed the local way (issue 20): on the screens that take a date, in Arabic, English and French, the field is
// typed day first (DD/MM/YYYY, Arabic-Indic digits too), its calendar names the months in the UI language (Morocco's
// Arabic names for a browser in Morocco), the Hijri date shows under it once asked for, and the server receives and
// stores the ISO day that was meant. No native `<input type="date">` (Chromium's mm/dd/yyyy) anywhere.
import { expect } from 'chai';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Api } from './api.js';
import { readyDevice, saudiId } from './fixtures.js';
import {
  checkPage,
  closeAfterSuite,
  openPage,
  screenshot,
  signIn,
  skipWithoutChromium,
  startServerAndBrowser,
  type TestServer,
} from './harness.js';

const MANAGER = { email: 'dates.manager@nimah.test', password: 'dates-manager-password' };
const SITE = {
  code: 'RYD-D',
  name: 'مستودع الرياض',
  nameLatin: 'Riyadh warehouse',
  city: 'الرياض',
  regionCode: 'SA-01',
};

interface Created {
  id: number;
}

/** The field's calendar, opened with its button; the dropdown's text (month header, weekdays). */
async function openCalendar(field: Locator, page: Page): Promise<Locator> {
  const wrapper = field.locator('xpath=ancestor::div[contains(@class,"mantine-TextInput-root")][1]');
  await wrapper.getByTestId('date-open').click();
  const calendar = page.getByTestId('date-calendar');
  await calendar.waitFor();
  return calendar;
}

async function closeCalendar(field: Locator, page: Page): Promise<void> {
  const wrapper = field.locator('xpath=ancestor::div[contains(@class,"mantine-TextInput-root")][1]');
  await wrapper.getByTestId('date-open').click();
  await page.getByTestId('date-calendar').waitFor({ state: 'hidden' });
}

async function noNativeDateInputs(page: Page): Promise<void> {
  const native = 'input[type="date"], input[type="datetime-local"], input[type="month"], input[type="time"]';
  expect(await page.locator(`${native}, input[type="week"]`).count()).to.equal(0);
}

/** Sets the UI language the way the stored preference does (then reloads the page). */
async function useLanguage(page: Page, language: 'ar' | 'en' | 'fr'): Promise<void> {
  await page.evaluate((l) => window.localStorage.setItem('nimah.language', l), language);
  await page.reload();
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
}

describe('Dates typed the local way', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let api: Api;
  let manager: Api;
  let siteId: number;
  let allocationId: number;

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(300_000);
    ({ server, browser } = await startServerAndBrowser());
    api = await Api.signIn(server.url);
    await api.call('POST', '/api/users', {
      email: MANAGER.email,
      name: 'هند المديرة',
      role: 'manager',
      password: MANAGER.password,
      language: 'ar',
    });
    manager = await Api.signIn(server.url, MANAGER.email, MANAGER.password);
    siteId = (await api.call<Created>('POST', '/api/sites', SITE)).id;
    const donor = await api.call<Created>('POST', '/api/donors', { kind: 'individual', name: 'سالم العتيبي' });
    const donation = await api.call<Created>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: 1,
    });
    const device = await readyDevice(api, manager, donation.id, 91);
    const b = await api.call<Created>('POST', '/api/beneficiaries', {
      kind: 'family',
      name: 'أسرة أبو خالد',
      nationalId: saudiId(91),
      phone: '0551239191',
      householdSize: 5,
      monthlyIncome: 2500,
      schoolChildren: 2,
      need: 'laptop',
      purpose: 'study',
    });
    await api.call('PATCH', `/api/beneficiaries/${b.id}`, { status: 'verified' });
    allocationId = (await api.call<Created>('POST', '/api/allocations', { deviceId: device.id, beneficiaryId: b.id }))
      .id;
  });
  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('the public pledge page, in Arabic in Morocco: Arabic-Indic digits typed day first, Moroccan month names, the Hijri line, the ISO day stored', async function () {
    this.timeout(90_000);
    ({ context, page, problems } = await openPage(browser, server.url, {
      viewport: { width: 1366, height: 900 },
      locale: 'ar-MA',
    }));
    await page.goto(`${server.url}/pledge`);
    const field = page.locator('input[name="preferredPickupDate"]');
    await field.waitFor();
    await noNativeDateInputs(page);
    expect(await page.locator('html').getAttribute('dir')).to.equal('rtl');
    expect(await field.getAttribute('placeholder')).to.equal('يوم/شهر/سنة');

    await page.getByLabel(/^اسمك/).first().fill('ليلى بنعلي');
    await page.locator('input[type="tel"]').fill('0551230077');
    // 07/12/2026 typed with the digits of an Arabic keyboard.
    await field.fill('٠٧/١٢/٢٠٢٦');
    expect(await field.getAttribute('data-value')).to.equal('2026-12-07');
    expect(await page.getByTestId('date-hijri').count()).to.equal(0);

    const calendar = await openCalendar(field, page);
    const text = await calendar.innerText();
    // Morocco's name of December (دجنبر), not the Levantine/Gulf ديسمبر; the chosen day is selected.
    expect(text).to.contain('دجنبر 2026');
    expect(text).not.to.contain('December');
    expect(await calendar.locator('button[data-selected]').innerText()).to.equal('7');
    await calendar.getByTestId('date-hijri-switch').check();
    const hijri = page.getByTestId('date-hijri');
    await hijri.waitFor();
    // 7 December 2026 is 27 Jumada al-Akhirah 1448 (Umm al-Qura).
    expect(await hijri.innerText()).to.match(/^بالهجري: .*جمادى الآخرة.*هـ/);
    await screenshot(page, 'date-picker-ar.png');
    // Picked on the calendar: the 9th.
    await calendar.locator('button:not([data-outside])', { hasText: /^9$/ }).first().click();
    expect(await field.inputValue()).to.equal('09/12/2026');
    await field.fill('07/12/2026');
    await checkPage(page, 'pledge with a date');

    await page.getByRole('button', { name: 'إرسال العرض' }).click();
    const code = (await page.getByRole('status').locator('bdi').first().innerText()).trim();
    const list = await api.call<{ items: { code: string; preferredPickupDate: string | null }[] }>(
      'GET',
      `/api/donations?q=${encodeURIComponent(code)}`,
    );
    const stored = list.items.find((d) => d.code === code);
    expect(stored?.preferredPickupDate).to.equal('2026-12-07');
  });

  it('a handover appointment, in Arabic: the day typed day first and the time in 24 hours; the instant meant is stored', async function () {
    this.timeout(90_000);
    await context.close();
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url, MANAGER);
    await page.goto(`${server.url}/allocations/${allocationId}`);
    const card = page.getByTestId('appointment');
    await card.getByTestId('appointment-none').waitFor();
    await card.getByTestId('appointment-submit').click();
    const form = card.getByTestId('appointment-form');
    await form.locator('input[name="at"]').waitFor();
    await noNativeDateInputs(page);
    const year = new Date().getFullYear() + 1;
    await form.locator('input[name="at"]').fill(`07/12/${year}`);
    await form.locator('input[name="atTime"]').fill('١٠:٣٠');
    const calendar = await openCalendar(form.locator('input[name="at"]'), page);
    expect(await calendar.innerText()).to.contain(`ديسمبر ${year}`);
    await closeCalendar(form.locator('input[name="at"]'), page);
    await form.getByLabel('مكان الاستلام').click();
    await page.getByRole('option', { name: SITE.name }).click();
    await form.locator('input[name="bring"]').fill('بطاقة الهوية');
    await card.getByTestId('appointment-submit').click();
    await card.getByText('حُفظ الموعد.').waitFor();
    const expected = await page.evaluate((l) => new Date(l).toISOString(), `${year}-12-07T10:30`);
    const allocation = await manager.call<{ appointment: { at: string; siteId: number } | null }>(
      'GET',
      `/api/allocations/${allocationId}`,
    );
    expect(allocation.appointment?.at).to.equal(expected);
    expect(allocation.appointment?.siteId).to.equal(siteId);
  });

  it('a course form, in English: typed 07/12/2026, stored 2026-12-07; English month names; the Hijri line in English', async function () {
    this.timeout(90_000);
    await useLanguage(page, 'en');
    await page.evaluate(() => window.localStorage.setItem('nimah.hijri', '1'));
    await page.goto(`${server.url}/courses/new`);
    const form = page.getByTestId('course-form');
    await form.locator('input[name="startsOn"]').waitFor();
    await noNativeDateInputs(page);
    await form.locator('input[name="titleAr"]').fill('أساسيات الحاسب');
    await form.locator('input[name="titleEn"]').fill('Computer basics');
    await form.getByLabel(/^Site/).first().click();
    await page
      .getByRole('option', { name: /Riyadh warehouse|مستودع الرياض/ })
      .first()
      .click();
    await form.locator('input[name="location"]').fill('Room 2');
    await form.locator('input[name="trainer"]').fill('Sara');
    await form.locator('input[name="startsOn"]').fill('07/12/2026');
    await form.locator('input[name="endsOn"]').fill('20/12/2026');
    await form.locator('input[name="hours"]').fill('12');
    await form.locator('input[name="capacity"]').fill('10');
    const hijri = form.getByTestId('date-hijri').first();
    await hijri.waitFor();
    expect(await hijri.innerText()).to.match(/^Hijri: 27 Jumada II 1448 AH$/);
    const calendar = await openCalendar(form.locator('input[name="startsOn"]'), page);
    expect(await calendar.innerText()).to.contain('December 2026');
    await closeCalendar(form.locator('input[name="startsOn"]'), page);
    // Something that is not a day: said on the field.
    await form.locator('input[name="endsOn"]').fill('31/02/2026');
    await form.locator('input[name="trainer"]').click();
    await form.getByText('Type the date as day/month/year, e.g. 07/12/2026').waitFor();
    await form.locator('input[name="endsOn"]').fill('20/12/2026');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/courses\/\d+$/);
    const id = Number(page.url().split('/').pop());
    const course = await manager.call<{ startsOn: string; endsOn: string }>('GET', `/api/courses/${id}`);
    expect(course.startsOn).to.equal('2026-12-07');
    expect(course.endsOn).to.equal('2026-12-20');
  });

  it('the dashboard filters, in French: typed 07/12/2026, the dashboard is asked from 2026-12-07; French month names', async function () {
    this.timeout(90_000);
    await useLanguage(page, 'fr');
    await page.evaluate(() => window.localStorage.setItem('nimah.hijri', '0'));
    await page.goto(`${server.url}/dashboard`);
    const from = page.locator('input[name="from"]');
    await from.waitFor();
    await noNativeDateInputs(page);
    expect(await from.getAttribute('placeholder')).to.equal('JJ/MM/AAAA');
    const asked = page.waitForRequest((r) => new URL(r.url()).searchParams.get('from') === '2026-12-07');
    await from.fill('07/12/2026');
    await asked;
    expect(new URL(page.url()).searchParams.get('from')).to.equal('2026-12-07');
    const calendar = await openCalendar(from, page);
    expect(await calendar.innerText()).to.match(/décembre 2026/i);
    expect(await page.getByTestId('date-hijri').count()).to.equal(0);
    await screenshot(page, 'date-picker-fr.png');
    await closeCalendar(from, page);
  });
});

/** A month field's picker, opened with its button. */
async function openMonths(field: Locator, page: Page): Promise<Locator> {
  const wrapper = field.locator('xpath=ancestor::div[contains(@class,"mantine-TextInput-root")][1]');
  await wrapper.getByTestId('month-open').click();
  const picker = page.getByTestId('month-picker');
  await picker.waitFor();
  // Opened once its fade-in is over (for the screenshots).
  await picker.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  await page.waitForFunction(
    () => getComputedStyle(document.querySelector('[data-testid="month-picker"]')!).opacity === '1',
  );
  return picker;
}
const monthNameOf = (field: Locator) =>
  field
    .locator('xpath=ancestor::div[contains(@class,"mantine-TextInput-root")][1]')
    .getByTestId('month-name')
    .innerText();
/** The next request for the bundles report whose period is `from`..`to`. */
const bundlesAsked = (page: Page, from: string, to: string | null) =>
  page.waitForRequest((r) => {
    const url = new URL(r.url());
    return (
      url.pathname === '/api/reports/bundles' &&
      url.searchParams.get('from') === from &&
      url.searchParams.get('to') === to
    );
  });

describe('Months typed the local way: the bundles report of a charity in Morocco', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(300_000);
    ({ server, browser } = await startServerAndBrowser({ COUNTRY: 'MA' }));
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url);
  });
  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('in Arabic: months typed month first (Arabic-Indic digits too), Morocco’s month names, the report asked for the months chosen', async function () {
    this.timeout(90_000);
    await useLanguage(page, 'ar');
    await page.goto(`${server.url}/sponsors`);
    await page.getByTestId('bundle-report').waitFor();
    const from = page.locator('input[name="from"]');
    const to = page.locator('input[name="to"]');
    await from.waitFor();
    await noNativeDateInputs(page);
    expect(await from.getAttribute('placeholder')).to.equal('شهر/سنة');

    // March 2026 typed with the digits of an Arabic keyboard.
    const fromAsked = bundlesAsked(page, '2026-03', null);
    await from.fill('٠٣/٢٠٢٦');
    await fromAsked;
    expect(await from.getAttribute('data-value')).to.equal('2026-03');
    expect(await monthNameOf(from)).to.equal('مارس 2026');

    // May typed, then December picked: the picker names the months the Moroccan way (ماي، يوليوز، غشت، دجنبر).
    await to.fill('05/2026');
    expect(await monthNameOf(to)).to.equal('ماي 2026');
    const picker = await openMonths(to, page);
    const names = await picker.innerText();
    for (const name of ['ماي', 'يوليوز', 'غشت', 'شتنبر', 'نونبر', 'دجنبر']) expect(names).to.contain(name);
    expect(names).not.to.contain('ديسمبر');
    expect(names).not.to.contain('December');
    // Months before the start of the period are not offered.
    expect(await picker.getByRole('button', { name: 'فبراير', exact: true }).isDisabled()).to.equal(true);
    await screenshot(page, 'month-picker-ar.png');
    const periodAsked = bundlesAsked(page, '2026-03', '2026-12');
    await picker.getByRole('button', { name: 'دجنبر', exact: true }).click();
    await periodAsked;
    expect(await to.inputValue()).to.equal('12/2026');
    expect(await monthNameOf(to)).to.equal('دجنبر 2026');
    expect(await page.getByTestId('bundle-report-csv').getAttribute('href')).to.equal(
      '/api/reports/bundles.csv?from=2026-03&to=2026-12',
    );
    // Nothing given yet on this instance: the period is empty.
    await page.getByTestId('bundle-report-empty').waitFor();

    // Something that is not a month: said on the field, and the report is asked without it.
    await to.fill('13/2026');
    await from.click();
    await page.getByText('اكتب الشهر هكذا: الشهر/السنة، مثل 12/2026').waitFor();
    expect(new URL((await page.getByTestId('bundle-report-csv').getAttribute('href'))!, server.url).search).to.equal(
      '?from=2026-03',
    );
    await checkPage(page, 'bundles report with months');
  });

  it('in French: typed 12/2026, French month names in the picker, the report asked from 2026-12', async function () {
    this.timeout(90_000);
    await useLanguage(page, 'fr');
    await page.goto(`${server.url}/sponsors`);
    const from = page.locator('input[name="from"]');
    await from.waitFor();
    await noNativeDateInputs(page);
    expect(await from.getAttribute('placeholder')).to.equal('MM/AAAA');
    const asked = bundlesAsked(page, '2026-12', null);
    await from.fill('12/2026');
    await asked;
    expect(await monthNameOf(from)).to.equal('décembre 2026');
    const picker = await openMonths(from, page);
    const names = await picker.innerText();
    for (const name of ['janvier', 'mai', 'août', 'décembre']) expect(names).to.contain(name);
    expect(await picker.locator('button[data-selected]').innerText()).to.equal('décembre');
    expect(names).not.to.contain('December');
    await screenshot(page, 'month-picker-fr.png');
  });
});
