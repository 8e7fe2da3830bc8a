// Issue 17 point 4 on a manager's screens (spec §12): the family's consent to be messaged on the beneficiary form and
// page, and the handover appointment on a reserved allocation, in Arabic. The server's answers to a bad form land on
// their fields; what was saved is read back over the API, and the SMS rows the appointment queued are in the outbox
// (no SMS_WEBHOOK_URL here, so they wait).
import { expect } from 'chai';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Api } from './api.js';
import { fillDateTime } from './dateFields.js';
import { readyDeviceOf } from './fixtures.js';
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

const DELL_5490 = { manufacturer: 'Dell', model: 'Latitude 5490' } as const;

const MANAGER = { email: 'manager@nimah.test', password: 'manager-password-1' };
const FAMILY = 'أسرة الشمري';
const SITE = { code: 'DMM-1', name: 'مستودع الدمام', nameLatin: 'Dammam warehouse', city: 'الدمام' };
const BRING = 'بطاقة الهوية الوطنية وخطاب الإحالة';

interface Created {
  id: number;
}
interface Consent {
  given: boolean;
  channel: string | null;
  language: string | null;
  byUserId: number | null;
  at: string | null;
}
interface Appointment {
  at: string;
  siteId: number;
  bring: string | null;
  version: number;
  setBy: number | null;
}

/** Waits until `input` is marked invalid (the server's error landed on its field). */
async function invalid(page: Page, input: Locator): Promise<void> {
  const el = await input.elementHandle();
  await page.waitForFunction((e) => e?.getAttribute('aria-invalid') === 'true', el);
}

describe('browser: messages to families — consent on the beneficiary form, the handover appointment', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let api: Api;
  let managerId: number;
  let siteId: number;
  let device: Created;
  let beneficiaryId: number;
  let allocationId: number;

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(120_000);
    ({ server, browser } = await startServerAndBrowser());
    api = await Api.signIn(server.url);
    managerId = (
      await api.call<Created>('POST', '/api/users', {
        email: MANAGER.email,
        name: 'نورة المديرة',
        role: 'manager',
        password: MANAGER.password,
        language: 'ar',
      })
    ).id;
    siteId = (await api.call<Created>('POST', '/api/sites', SITE)).id;
    const donor = await api.call<Created>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الخليج للتقنية',
      nameLatin: 'Gulf Tech Co.',
      preferredLanguage: 'ar',
    });
    const donation = await api.call<Created>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: 1,
    });
    const verifier = await Api.signIn(server.url, MANAGER.email, MANAGER.password);
    device = await readyDeviceOf(api, verifier, donation.id, {
      ...DELL_5490,
      serial: 'PF2FAM01',
      drive: 'S3Z9NB0K765432',
    });
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url, MANAGER);
  });
  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('consent: ticked without a channel, the server’s error is said on the channel; saved with WhatsApp and Arabic, the page shows it with its date', async function () {
    this.timeout(60_000);
    await page.goto(`${server.url}/beneficiaries/new`);
    const form = page.getByTestId('beneficiary-form');
    await form.locator('input[name="name"]').fill(FAMILY);
    await form.locator('input[name="nationalId"]').fill('1000000008');
    await form.locator('input[name="phone"]').fill('0551234567');
    await form.locator('input[name="householdSize"]').fill('5');
    await form.locator('input[name="monthlyIncome"]').fill('2500');
    await form.locator('input[name="schoolChildren"]').fill('2');
    // Channel and language are asked only once the family has agreed.
    const fields = page.getByTestId('contact-consent-fields');
    expect(await fields.getByRole('radio').count()).to.equal(0);
    await fields.getByRole('checkbox', { name: 'توافق الأسرة على تلقي الرسائل' }).check();
    expect(await fields.getByRole('radio').count()).to.equal(2);
    await form.getByRole('button', { name: 'حفظ' }).click();
    // The server's error on contactConsent.channel is said under the channel, not listed apart in the alert.
    await fields.getByText('هذا الحقل مطلوب').waitFor();
    expect(await form.innerText()).not.to.contain('contactConsent');
    expect(await form.locator('input[name="name"]').inputValue(), 'what was typed stays').to.equal(FAMILY);
    expect(await fields.getByRole('checkbox').isChecked()).to.equal(true);
    await checkPage(page, 'beneficiary form, consent without a channel');

    await fields.getByRole('radio', { name: 'واتساب' }).check();
    await fields.getByLabel('لغة الرسائل').click();
    await page.getByRole('option', { name: 'العربية' }).click();
    await form.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/beneficiaries\/\d+$/);
    beneficiaryId = Number(page.url().split('/').pop());

    const card = page.getByTestId('contact-consent');
    await card.getByText('وافقت على تلقي الرسائل').waitFor();
    const text = await card.innerText();
    expect(text).to.contain('الرسائل إلى الأسرة');
    expect(text).to.contain('واتساب');
    expect(text).to.contain('العربية');
    expect(text).to.contain('تاريخ التسجيل');
    const { contactConsent } = await api.call<{ contactConsent: Consent }>(
      'GET',
      `/api/beneficiaries/${beneficiaryId}`,
    );
    expect(contactConsent).to.deep.include({ given: true, channel: 'whatsapp', language: 'ar', byUserId: managerId });
    expect(Date.now() - new Date(contactConsent.at!).getTime()).to.be.within(0, 60_000);
    expect(await page.locator('html').getAttribute('dir')).to.equal('rtl');
    await checkPage(page, 'beneficiary with consent');
    await screenshot(page, 'family-consent-ar.png');
  });

  it('appointment: the missing parts and a past date are said on their fields; saved, it shows, the notice names WhatsApp, and the SMS and its reminder are queued', async function () {
    this.timeout(60_000);
    await api.call('PATCH', `/api/beneficiaries/${beneficiaryId}`, { status: 'verified' });
    allocationId = (await api.call<Created>('POST', '/api/allocations', { deviceId: device.id, beneficiaryId })).id;
    await page.goto(`${server.url}/allocations/${allocationId}`);
    const card = page.getByTestId('appointment');
    await card.getByTestId('appointment-none').waitFor();
    const notice = card.getByTestId('appointment-notice');
    await notice.waitFor();
    expect(await notice.innerText()).to.equal('ستصل إلى الأسرة رسالة واتساب بالموعد فور حفظه، ثم تذكير قبله بيوم.');

    // Nothing filled in: each missing part is said next to its field.
    await card.getByTestId('appointment-submit').click();
    const form = card.getByTestId('appointment-form');
    await invalid(page, form.locator('input[name="at"]'));
    await invalid(page, form.getByLabel('مكان الاستلام'));
    await invalid(page, form.locator('input[name="bring"]'));
    expect(await form.innerText()).to.contain('هذا الحقل مطلوب');
    // A date gone by: the server refuses it, on the date.
    await fillDateTime(form, 'at', '2020-01-05T10:30');
    await form.getByLabel('مكان الاستلام').click();
    await page.getByRole('option', { name: SITE.name }).click();
    await form.locator('input[name="bring"]').fill(BRING);
    await card.getByTestId('appointment-submit').click();
    await form.getByText('يجب أن يكون في المستقبل').waitFor();
    expect(await form.locator('input[name="bring"]').inputValue()).to.equal(BRING);
    expect(await card.getByTestId('appointment-none').count()).to.equal(1);

    const year = new Date().getFullYear() + 1;
    const local = `${year}-03-15T10:30`;
    await fillDateTime(form, 'at', local);
    await card.getByTestId('appointment-submit').click();
    await card.getByText('حُفظ الموعد.').waitFor();
    const current = card.getByTestId('appointment-current');
    await current.waitFor();
    const shown = await current.innerText();
    expect(shown).to.contain(SITE.name);
    expect(shown).to.contain(BRING);
    expect(shown).to.contain(String(year));

    // Stored as the instant the manager's browser meant, by the manager.
    const expectedIso = await page.evaluate((l) => new Date(l).toISOString(), local);
    const { appointment } = await api.call<{ appointment: Appointment }>('GET', `/api/allocations/${allocationId}`);
    expect(appointment).to.deep.include({ at: expectedIso, siteId, bring: BRING, version: 1, setBy: managerId });
    const outbox = await api.call<{ items: { topic: string; idempotencyKey: string; status: string }[] }>(
      'GET',
      '/api/outbox?channel=sms',
    );
    // (Verifying the family also queued its waiting-list place; that is the SMS tests' business.)
    const handover = outbox.items.filter((m) => m.topic.startsWith('sms.handover_'));
    expect(handover.map((m) => [m.topic, m.idempotencyKey, m.status])).to.have.deep.members([
      ['sms.handover_appointment', `sms:appointment:${allocationId}:v1`, 'pending'],
      ['sms.handover_reminder', `sms:reminder:${allocationId}:v1`, 'pending'],
    ]);
    await checkPage(page, 'handover appointment');
    await screenshot(page, 'appointment-ar.png');
  });

  it('consent withdrawn on the edit form: the page says so, and the appointment notice tells the manager to call', async function () {
    this.timeout(60_000);
    await page.goto(`${server.url}/beneficiaries/${beneficiaryId}/edit`);
    const form = page.getByTestId('beneficiary-form');
    const box = form.getByRole('checkbox', { name: 'توافق الأسرة على تلقي الرسائل' });
    expect(await box.isChecked()).to.equal(true);
    expect(await form.getByRole('radio', { name: 'واتساب' }).isChecked()).to.equal(true);
    await box.uncheck();
    await form.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/beneficiaries\/\d+$/);
    await page.getByTestId('contact-consent').getByText('لا توافق على تلقي الرسائل').waitFor();
    const { contactConsent } = await api.call<{ contactConsent: Consent }>(
      'GET',
      `/api/beneficiaries/${beneficiaryId}`,
    );
    expect(contactConsent).to.deep.include({ given: false, channel: null, language: null, byUserId: managerId });

    await page.goto(`${server.url}/allocations/${allocationId}`);
    const notice = page.getByTestId('appointment-notice');
    await notice.getByText('لم توافق').waitFor();
    expect(await notice.innerText()).to.contain('فأبلغها بالموعد بنفسك');
  });
});
