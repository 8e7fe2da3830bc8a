// The admin signs in, sees the Arabic shell, switches to English; layout, accessibility and CSP hold throughout.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ADMIN,
  axeSeriousViolations,
  hasHorizontalOverflow,
  screenshot,
  signIn,
  startServerAndBrowser,
  openPage,
  closeAfterSuite,
  type TestServer,
  skipWithoutChromium,
} from './harness.js';

/** scrollWidth ≤ innerWidth at a phone's and a laptop's width; the viewport is put back to 1366 px whatever happens. */
async function expectNoOverflow(page: Page): Promise<void> {
  try {
    for (const width of [1366, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(200);
      const o = await hasHorizontalOverflow(page);
      expect(o.overflow, `width ${width}: scrollWidth ${o.scrollWidth} > ${o.innerWidth}`).to.equal(false);
    }
  } finally {
    await page.setViewportSize({ width: 1366, height: 900 });
  }
}

describe('browser: sign-in, Arabic shell, English switch', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(120_000);
    ({ server, browser } = await startServerAndBrowser());
    ({ context, page, problems } = await openPage(browser, server.url, {
      viewport: { width: 1366, height: 900 },
      locale: 'ar-SA',
    }));
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('when a visitor opens the app, shows the Arabic right-to-left sign-in page', async function () {
    await page.goto(`${server.url}/devices`);
    await page.waitForURL(/\/login\?next=%2Fdevices/);
    await page.locator('input[name="email"]').waitFor();
    expect(await page.getAttribute('html', 'dir')).to.equal('rtl');
    expect(await page.getAttribute('html', 'lang')).to.equal('ar');
    expect(await page.locator('h1').innerText()).to.equal('تسجيل الدخول');
    expect(await axeSeriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'login-ar.png');
  });

  it('when the password is wrong, says so in Arabic and keeps the email typed', async function () {
    await page.locator('input[name="email"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).to.contain('غير صحيحة');
    expect(await page.locator('input[name="email"]').inputValue()).to.equal(ADMIN.email);
  });

  it('when the admin signs in, shows the Arabic shell with the focused scan box and the admin menu', async function () {
    await signIn(page, server.url);
    await page.waitForURL(/\/intake-queue$/);
    expect(await page.locator('html[dir="rtl"][lang="ar"]').count()).to.equal(1);
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'scan');
    const nav = await page.getByTestId('main-nav').innerText();
    expect(nav).to.contain('المستخدمون');
    for (const screen of ['قوائم عمل الورشة', 'المستفيدون', 'التخصيص', 'التسليم', 'لوحة البرنامج'])
      expect(nav).to.contain(screen);
    expect(nav, 'every screen is built: nothing is marked "soon"').not.to.contain('قريبًا');
    await screenshot(page, 'shell-ar.png');
    await page.getByTestId('main-nav').getByText('المستخدمون').click();
    await page.getByTestId('users-table').waitFor();
    expect(await axeSeriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'users-ar.png');
    await page.getByTestId('main-nav').getByText('قائمة الاستلام').click();
    await page.waitForURL(/\/intake-queue$/);
  });

  it('has no horizontal overflow at 1366 px and 360 px, and no serious axe violation', async function () {
    await expectNoOverflow(page);
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      await screenshot(page, 'shell-ar-360.png');
      expect(await axeSeriousViolations(page)).to.deep.equal([]);
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  });

  it('when a scanner types on an Arabic layout, the scan box reads the physical keys', async function () {
    const scan = page.locator('input[name="scan"]');
    await scan.focus();
    // What a US-mode scanner sends for "NM000123" when the OS layout is Arabic: the key named KeyN types "ى", etc.
    const keys: [string, string, boolean][] = [
      ['KeyN', 'ى', true],
      ['KeyM', 'ة', true],
      ['Digit0', '0', false],
      ['Digit0', '0', false],
      ['Digit0', '0', false],
      ['Digit1', '1', false],
      ['Digit2', '2', false],
      ['Digit3', '3', false],
    ];
    for (const [code, key, shiftKey] of keys) {
      await scan.evaluate(
        (el, k) => {
          el.dispatchEvent(
            new KeyboardEvent('keydown', {
              code: k.code,
              key: k.key,
              shiftKey: k.shiftKey,
              bubbles: true,
              cancelable: true,
            }),
          );
        },
        { code, key, shiftKey },
      );
    }
    expect(await scan.inputValue()).to.equal('NM000123');
    await scan.press('Enter');
    const status = page.locator('[role="status"]').filter({ hasText: 'NM000123' });
    await status.waitFor();
    await screenshot(page, 'scan-not-found-ar.png');
  });

  it('when the user switches to English, the shell turns left-to-right and the choice is stored on the user', async function () {
    await page.getByTestId('language-switch').click();
    await page.locator('html[dir="ltr"][lang="en"]').waitFor({ state: 'attached' });
    expect(await page.getByTestId('main-nav').innerText()).to.contain('Users');
    await page.waitForFunction(async () => {
      const me = (await fetch('/api/auth/me').then((r) => r.json())) as { language?: string };
      return me.language === 'en';
    });
    expect(await page.evaluate(() => localStorage.getItem('nimah.language'))).to.equal('en');
    await screenshot(page, 'shell-en.png');
    await expectNoOverflow(page);
    expect(await axeSeriousViolations(page)).to.deep.equal([]);
  });

  it('when the admin opens Users, lists the admin account', async function () {
    await page.getByTestId('main-nav').getByText('Users').click();
    await page.getByTestId('users-table').waitFor();
    expect(await page.getByTestId('users-table').innerText()).to.contain(ADMIN.email);
    expect(await axeSeriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'users-en.png');
  });

  it('when the admin signs out and back in, the English choice comes back from the server', async function () {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    await page.locator('html[dir="ltr"][lang="en"]').waitFor({ state: 'attached' });
    expect(await axeSeriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'login-en.png');
    await page.evaluate(() => localStorage.removeItem('nimah.language'));
    await page.reload();
    expect(await page.getAttribute('html', 'dir')).to.equal('rtl');
    await signIn(page, server.url);
    await page.locator('html[dir="ltr"][lang="en"]').waitFor({ state: 'attached' });
  });

  it('shows the public pledge form at 360 px without sign-in, with the honeypot hidden from people', async function () {
    const {
      context: pledgeContext,
      page: p,
      problems: pledgeProblems,
    } = await openPage(browser, server.url, { viewport: { width: 360, height: 780 } });
    try {
      await p.goto(`${server.url}/pledge`);
      await p.locator('h1').waitFor();
      expect(await p.getAttribute('html', 'dir')).to.equal('rtl');
      // The honeypot is in the DOM for bots, but clipped to nothing, out of the tab order and hidden from screen readers.
      const trap = await p.locator('.nm-honeypot').boundingBox();
      expect(trap && trap.width <= 1 && trap.height <= 1, 'honeypot clipped').to.equal(true);
      expect(await p.locator('.nm-honeypot').getAttribute('aria-hidden')).to.equal('true');
      expect(await p.locator('input[name="website"]').getAttribute('tabindex')).to.equal('-1');
      const o = await hasHorizontalOverflow(p);
      expect(o.overflow, `scrollWidth ${o.scrollWidth} > ${o.innerWidth}`).to.equal(false);
      expect(await axeSeriousViolations(p)).to.deep.equal([]);
      await screenshot(p, 'pledge-ar-360.png');
      expect(pledgeProblems).to.deep.equal([]);
    } finally {
      await pledgeContext.close();
    }
  });
});
