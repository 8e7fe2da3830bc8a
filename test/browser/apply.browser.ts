// Issue 19 (spec §14), a programme's public application form on a phone (360 px), with no account: in Arabic (RTL,
// the default), French (?lang=fr, every word French) and English. A person applies and gets the reference in large
// type with what happens next; a bad national ID is said on its field with nothing typed lost; a second application
// with the same ID, and one the programme's rules leave out, are said plainly; the honeypot is hidden from people; a
// programme that is not taking applications says so.
import { expect } from 'chai';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Api } from './api.js';
import { dayFirst, fillDate } from './dateFields.js';
import { saudiId } from './fixtures.js';
import {
  checkPage,
  closeAfterSuite,
  openPage,
  screenshot,
  skipWithoutChromium,
  startServerAndBrowser,
  type TestServer,
} from './harness.js';

const PHONE = { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true };
const PROGRAMME = 'برنامج الأسر المنتجة ٢٠٢٧';
const PROGRAMME_LATIN = 'Productive families 2027';
/** Reference numbers as the server makes them (AP-2026-000001). */
const REFERENCE = /^AP-\d{4}-\d{6}$/;

interface BeneficiaryRead {
  id: number;
  name: string;
  status: string;
  regionCode: string | null;
  birthDate?: string | null;
  contactConsent: { given: boolean; language: string | null };
}

/** The picture at a phone's width (checkPage leaves the page at a laptop's). */
async function phoneShot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, name);
}

/** Text as people read it: without the bidi isolates around names and numbers from the data. */
const plain = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

/** The date `years` years ago (a birth date), as the date input takes it. */
function yearsAgo(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - 40);
  return d.toISOString().slice(0, 10);
}

interface Applicant {
  name: string;
  nationalId: string;
  phone: string;
  birthDate: string;
  household: string;
  income: string;
}

/** Fills the form as a person would; the region is picked from its list by the name shown in `regionOption`. */
async function fill(page: Page, a: Applicant, labels: { region: string; regionOption: string }): Promise<Locator> {
  const form = page.getByTestId('apply-form');
  await form.waitFor();
  await form.locator('input[name="name"]').fill(a.name);
  await form.locator('input[name="nationalId"]').fill(a.nationalId);
  await form.locator('input[name="phone"]').fill(a.phone);
  await fillDate(form.locator('input[name="birthDate"]'), a.birthDate);
  await form
    .getByLabel(new RegExp(`^${labels.region}( \\*)?$`))
    .first()
    .click();
  await page.getByRole('option', { name: labels.regionOption }).first().click();
  await form.locator('input[name="householdSize"]').fill(a.household);
  await form.locator('input[name="monthlyIncome"]').fill(a.income);
  await form.locator('input[name="schoolChildren"]').fill('2');
  await form.locator('textarea[name="motivation"]').fill('أحتاج الحاسب لمشروع الخياطة من المنزل وتسويق منتجاتي.');
  return form;
}

describe('browser: the public application form of a programme, on a phone, in Arabic, French and English', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let api: Api;
  let programmeId: number;
  const first: Applicant = {
    name: 'مريم عبدالله القحطاني',
    nationalId: saudiId(5101),
    phone: '0551234501',
    birthDate: yearsAgo(34),
    household: '٦',
    income: '3200',
  };

  /** The people registered with this name (the registry, read by the admin). */
  const registered = async (name: string) =>
    (
      await api.call<{ items: BeneficiaryRead[] }>('GET', `/api/beneficiaries?q=${encodeURIComponent(name)}`)
    ).items.filter((b) => b.name === name);

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(300_000);
    ({ server, browser } = await startServerAndBrowser());
    api = await Api.signIn(server.url);
    programmeId = (
      await api.call<{ id: number }>('POST', '/api/programmes', {
        name: PROGRAMME,
        nameLatin: PROGRAMME_LATIN,
        targetFamilies: 500,
      })
    ).id;
    await api.call('PATCH', `/api/programmes/${programmeId}`, {
      applicationsOpen: true,
      endsOn: '2027-03-31',
      eligibility: { kinds: ['family', 'student'], minAge: 18, maxAge: 60, regionCodes: [], maxIncomePerMember: null },
    });
    ({ context, page, problems } = await openPage(browser, server.url, PHONE));
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('in Arabic: the programme, its rules, the honeypot hidden; a bad national ID is said on its field, nothing typed is lost', async function () {
    await page.goto(`${server.url}/apply/${programmeId}`);
    await page.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });
    expect(await page.getByTestId('apply-programme').innerText()).to.equal(PROGRAMME);
    const who = plain(await page.getByTestId('apply-who').innerText());
    expect(who).to.contain('من كانت أعمارهم من 18 إلى 60 سنة');
    // The honeypot is in the page for bots, but people neither see it nor reach it.
    const honeypot = page.locator('input[name="website"]');
    expect(await honeypot.count()).to.equal(1);
    // Its box is clipped away: 1 px, nothing of it drawn (the field inside is cut off by it).
    const clip = await honeypot.evaluate((el) => {
      const box = el.parentElement!;
      const r = box.getBoundingClientRect();
      const style = getComputedStyle(box);
      return { area: r.width * r.height, overflow: style.overflow, clip: style.clipPath };
    });
    expect(clip.area, 'the honeypot takes no room').to.be.at.most(1);
    expect(clip.overflow).to.equal('hidden');
    expect(clip.clip).to.contain('inset(50%)');
    // Nothing of it under a finger: the point at its centre is some other element.
    const hit = await honeypot.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el;
    });
    expect(hit).to.equal(false);
    expect(await honeypot.getAttribute('tabindex')).to.equal('-1');
    expect(await honeypot.evaluate((el) => el.closest('[aria-hidden="true"]') !== null)).to.equal(true);
    expect(
      await page.getByRole('textbox', { name: 'Website' }).count(),
      'not in what a screen reader announces',
    ).to.equal(0);

    const form = await fill(
      page,
      { ...first, nationalId: '1234567890' },
      { region: 'المنطقة', regionOption: 'الرياض' },
    );
    await page.getByTestId('apply-submit').click();
    await page.waitForFunction(
      () => document.querySelector('input[name="nationalId"]')?.getAttribute('aria-invalid') === 'true',
    );
    expect(await form.innerText()).to.contain('رقم هوية أو إقامة غير صالح');
    // Said as fields to correct, without a request number an applicant could take for their application's.
    expect(await page.getByTestId('apply-invalid').innerText()).not.to.contain('رقم الطلب');
    // Arabic typed in an Arabic page runs right to left; the ID and the phone left to right.
    const direction = (name: string) =>
      form.locator(`[name="${name}"]`).evaluate((el) => getComputedStyle(el).direction);
    expect([await direction('name'), await direction('motivation'), await direction('city')]).to.deep.equal([
      'rtl',
      'rtl',
      'rtl',
    ]);
    expect([await direction('nationalId'), await direction('phone')]).to.deep.equal(['ltr', 'ltr']);
    expect(await form.locator('input[name="name"]').inputValue()).to.equal(first.name);
    expect(await form.locator('input[name="householdSize"]').inputValue(), 'Arabic-Indic digits typed').to.equal('6');
    expect(await form.locator('input[name="birthDate"]').inputValue()).to.equal(dayFirst(first.birthDate));
    expect(await registered(first.name)).to.deep.equal([]);
    await checkPage(page, 'application form with an error (ar)', [360, 1366]);
    await phoneShot(page, 'apply-error-ar-360.png');
  });

  it('in Arabic: the corrected application goes in; the reference is large, with what happens next', async function () {
    const form = page.getByTestId('apply-form');
    await form.locator('input[name="nationalId"]').fill(first.nationalId);
    await form.getByLabel(/رسالة نصية/).check();
    await page.getByTestId('apply-submit').click();
    const done = page.getByTestId('apply-done');
    await done.waitFor();
    const reference = plain(await done.getByTestId('apply-reference').innerText()).trim();
    expect(reference).to.match(REFERENCE);
    const size = await done.getByTestId('apply-reference').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size, 'the reference in large type').to.be.at.least(28);
    const text = await done.innerText();
    expect(text).to.contain('مرجع طلبك');
    expect(text).to.contain('ماذا بعد؟');
    expect(text).to.contain('لا حاجة إلى التقديم مرة أخرى');
    // What the server stored: the applicant in the registry, `applied`, with the consent in the page's language.
    const [b] = await registered(first.name);
    expect(b).to.include({ status: 'applied', regionCode: 'SA-01' });
    expect(b.contactConsent).to.include({ given: true, language: 'ar' });
    await checkPage(page, 'application received (ar)', [360, 1366]);
    await phoneShot(page, 'apply-done-ar-360.png');
  });

  it('in Arabic: a second application with the same national ID is said plainly, on the ID too; nothing is written', async function () {
    await page.goto(`${server.url}/apply/${programmeId}`);
    const form = await fill(
      page,
      { ...first, name: 'مريم القحطاني (ثانية)' },
      { region: 'المنطقة', regionOption: 'الرياض' },
    );
    await page.getByTestId('apply-submit').click();
    const refused = page.getByTestId('apply-refused-DUPLICATE_APPLICATION');
    await refused.waitFor();
    expect(await refused.innerText()).to.contain('وصلنا من قبل طلب بهذا الرقم لهذا البرنامج');
    expect(await form.innerText()).to.contain('قُدِّم طلب بهذا الرقم من قبل');
    expect(await form.locator('input[name="name"]').inputValue()).to.equal('مريم القحطاني (ثانية)');
    expect(await registered('مريم القحطاني (ثانية)')).to.deep.equal([]);
    expect(await registered(first.name)).to.have.length(1);
    await checkPage(page, 'duplicate application (ar)', [360]);
    await phoneShot(page, 'apply-duplicate-ar-360.png');
  });

  it('in Arabic: an applicant the programme’s rules leave out is told so plainly, on the field the rule reads', async function () {
    await page.goto(`${server.url}/apply/${programmeId}`);
    const form = await fill(
      page,
      { ...first, name: 'سارة الصغيرة', nationalId: saudiId(5102), phone: '0551234502', birthDate: yearsAgo(15) },
      { region: 'المنطقة', regionOption: 'الرياض' },
    );
    await page.getByTestId('apply-submit').click();
    const refused = page.getByTestId('apply-refused-NOT_ELIGIBLE');
    await refused.waitFor();
    expect(await refused.innerText()).to.contain('لا تنطبق عليك شروط هذا البرنامج');
    expect(await form.innerText()).to.contain('أصغر من السن المطلوبة لهذا البرنامج');
    expect(await registered('سارة الصغيرة')).to.deep.equal([]);
  });

  it('in French (?lang=fr): every word is French, left to right; the application goes in', async function () {
    const fr = await openPage(browser, server.url, { ...PHONE, locale: 'fr-FR' });
    try {
      await fr.page.goto(`${server.url}/apply/${programmeId}?lang=fr`);
      await fr.page.locator('html[dir="ltr"][lang="fr"]').waitFor({ state: 'attached' });
      await fr.page.getByText('Envoyer ma candidature').waitFor();
      // The Latin name of the programme in a Latin-script page.
      expect(await fr.page.getByTestId('apply-programme').innerText()).to.equal(PROGRAMME_LATIN);
      const body = await fr.page.locator('main').innerText();
      for (const french of [
        'Qui peut candidater',
        'Nom complet',
        'Numéro d’identité',
        'Région',
        'Revenu mensuel du foyer',
      ])
        expect(body).to.contain(french);
      // No English left behind (the English words of the same labels).
      for (const english of ['Full name', 'Send my application', 'Mobile number', 'Who may apply', 'Region', 'Choose'])
        expect(body, english).not.to.contain(english);
      await checkPage(fr.page, 'application form (fr)', [360]);
      await phoneShot(fr.page, 'apply-fr-360.png');
      const form = await fill(
        fr.page,
        {
          name: 'Fatima Zahra El Idrissi',
          nationalId: saudiId(5103),
          phone: '0551234503',
          birthDate: yearsAgo(22),
          household: '4',
          income: '2000',
        },
        { region: 'Région', regionOption: 'La Mecque' },
      );
      await form.getByLabel(/par SMS/).check();
      await fr.page.getByTestId('apply-submit').click();
      const done = fr.page.getByTestId('apply-done');
      await done.waitFor();
      expect(plain(await done.getByTestId('apply-reference').innerText()).trim()).to.match(REFERENCE);
      const text = await done.innerText();
      expect(text).to.contain('Référence de votre candidature');
      expect(text).to.contain('Et ensuite ?');
      const [b] = await registered('Fatima Zahra El Idrissi');
      expect(b).to.include({ status: 'applied', regionCode: 'SA-02' });
      expect(b.contactConsent).to.include({ given: true, language: 'fr' });
      await checkPage(fr.page, 'application received (fr)', [360]);
      await phoneShot(fr.page, 'apply-done-fr-360.png');
      expect(fr.problems).to.deep.equal([]);
    } finally {
      await fr.context.close();
    }
  });

  it('in English: the same form, left to right, and the application goes in', async function () {
    const en = await openPage(browser, server.url, { ...PHONE, locale: 'en-GB' });
    try {
      await en.page.goto(`${server.url}/apply/${programmeId}?lang=en`);
      await en.page.locator('html[dir="ltr"][lang="en"]').waitFor({ state: 'attached' });
      await en.page.getByText('Send my application').waitFor();
      await checkPage(en.page, 'application form (en)', [360]);
      await phoneShot(en.page, 'apply-en-360.png');
      await fill(
        en.page,
        {
          name: 'Aisha Rahman',
          nationalId: saudiId(5104),
          phone: '0551234504',
          birthDate: yearsAgo(19),
          household: '3',
          income: '1800',
        },
        { region: 'Region', regionOption: 'Eastern Province' },
      );
      await en.page.getByTestId('apply-form').getByText('A student').click();
      await en.page.getByTestId('apply-submit').click();
      const done = en.page.getByTestId('apply-done');
      await done.waitFor();
      expect(plain(await done.getByTestId('apply-reference').innerText()).trim()).to.match(REFERENCE);
      expect(await done.innerText()).to.contain('No SMS will be sent');
      const [b] = await registered('Aisha Rahman');
      expect(b).to.include({ status: 'applied', regionCode: 'SA-04' });
      expect(b.contactConsent.given).to.equal(false);
      await phoneShot(en.page, 'apply-done-en-360.png');
      expect(en.problems).to.deep.equal([]);
    } finally {
      await en.context.close();
    }
  });

  it('a programme that is not taking applications says so', async function () {
    await page.goto(`${server.url}/apply/99999`);
    await page.getByTestId('apply-closed').waitFor();
    expect(await page.getByTestId('apply-closed').innerText()).to.contain('باب التقديم مغلق');
  });
});
