// Issue 20: the instance's country (config COUNTRY, sent by GET /api/settings) decides how the Arabic UI writes
// months (CLDR ar-MA: ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر; Saudi Arabia: مايو، يوليو، أغسطس، سبتمبر، نوفمبر،
// ديسمبر), the currency of amounts (dirham or riyal), the mobile placeholder and the national ID hint. The server is
// started once with COUNTRY=MA and once with COUNTRY=SA, and the same screens are read in each.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './api.js';
import { saudiId } from './fixtures.js';
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

/** Text as people read it: without bidi isolates and marks. */
const plain = (s: string) => s.replace(/[\u2066-\u2069\u200e\u200f\u061c]/g, '');

interface CountryCase {
  country: 'MA' | 'SA';
  nationalId: string;
  phone: string;
  /** The programme's dates as the list shows them: 1 May 2027 – 31 August 2027. */
  months: string[];
  /** The other country's names for the same months: never on this country's screens. */
  otherMonths: string[];
  currency: string;
  otherCurrency: string;
  placeholder: string;
  idHint: string;
}

const CASES: CountryCase[] = [
  {
    country: 'MA',
    nationalId: 'AB123456',
    phone: '0612345678',
    months: ['ماي', 'غشت'],
    otherMonths: ['مايو', 'أغسطس'],
    currency: 'د.م.',
    otherCurrency: 'ر.س.',
    placeholder: '06XXXXXXXX',
    idHint: 'CIN',
  },
  {
    country: 'SA',
    nationalId: saudiId(4242),
    phone: '0501234567',
    months: ['مايو', 'أغسطس'],
    otherMonths: ['ماي ', 'غشت'],
    currency: 'ر.س.',
    otherCurrency: 'د.م.',
    placeholder: '05XXXXXXXX',
    idHint: '10 أرقام تبدأ بـ1 أو 2',
  },
];

for (const c of CASES) {
  describe(`country ${c.country}: Arabic months, currency, phone placeholder and ID hint (browser)`, function () {
    this.timeout(180_000);
    let server: TestServer | undefined;
    let browser: Browser | undefined;
    let context: BrowserContext | undefined;
    let page: Page;
    let problems: string[] = [];
    let beneficiaryId: number;

    before(skipWithoutChromium);
    before(async function () {
      ({ server, browser } = await startServerAndBrowser({ COUNTRY: c.country }));
      const api = await Api.signIn(server.url);
      const programme = await api.call<{ id: number }>('POST', '/api/programmes', {
        name: 'برنامج الصيف',
        targetFamilies: 100,
      });
      await api.call('PATCH', `/api/programmes/${programme.id}`, { startsOn: '2027-05-01', endsOn: '2027-08-31' });
      beneficiaryId = (
        await api.call<{ id: number }>('POST', '/api/beneficiaries', {
          kind: 'family',
          name: 'أسرة الاختبار',
          nationalId: c.nationalId,
          phone: c.phone,
          city: c.country === 'MA' ? 'فاس' : 'الرياض',
          householdSize: 5,
          monthlyIncome: 2500,
          schoolChildren: 2,
          need: 'laptop',
          purpose: 'study',
        })
      ).id;
      ({ context, page, problems } = await openPage(browser, server.url));
      await signIn(page, server.url);
    });

    closeAfterSuite(() => ({ context, browser, server, problems }));

    it('GET /api/settings says the country', async function () {
      const res = await page.request.get(`${server!.url}/api/settings`);
      expect(((await res.json()) as { country: string }).country).to.equal(c.country);
    });

    it("writes the programme's dates with the country's Arabic month names", async function () {
      await page.goto(`${server!.url}/programmes`);
      const cell = page.getByText(/2027.*–.*2027/);
      await cell.first().waitFor();
      const text = plain(await cell.first().innerText());
      for (const m of c.months) expect(text).to.contain(m);
      for (const m of c.otherMonths) expect(text).not.to.contain(m);
      if (c.country === 'MA') await screenshot(page, 'country-ma-months.png');
    });

    it("shows the household's income in the country's currency", async function () {
      await page.goto(`${server!.url}/beneficiaries/${beneficiaryId}`);
      await page.getByText('أسرة الاختبار').first().waitFor();
      const income = page.getByText(/2,500/);
      await income.first().waitFor();
      const text = plain(await income.first().innerText());
      expect(text).to.contain(c.currency);
      expect(text).not.to.contain(c.otherCurrency);
    });

    it("puts the country's mobile placeholder and national ID hint on the new beneficiary form", async function () {
      await page.goto(`${server!.url}/beneficiaries/new`);
      const phone = page.locator('input[name="phone"]');
      await phone.waitFor();
      expect(await phone.getAttribute('placeholder')).to.equal(c.placeholder);
      const id = page.locator('input[name="nationalId"]');
      const describedBy = (await id.getAttribute('aria-describedby')) ?? '';
      const hints = await Promise.all(
        describedBy
          .split(' ')
          .filter(Boolean)
          .map((ref) => page.locator(`[id="${ref}"]`).innerText()),
      );
      expect(plain(hints.join(' '))).to.contain(c.idHint);
      await checkPage(page, `new beneficiary (${c.country})`);
      if (c.country === 'MA') await screenshot(page, 'country-ma-beneficiary-form.png');
    });
  });
}
