// Browser test harness: the real server (npx tsx server/main.ts) on a free port and a throw-away SQLite database,
// driven by Debian's Chromium through playwright-core. No browser is ever downloaded.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { skipWithoutTools } from '../helpers/tools.js';
import {
  buildServer,
  freePort,
  root,
  startServer as startNode,
  tempDataDir,
  type Server,
} from '../helpers/processes.js';

export const REPO_ROOT = root;
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
export const ADMIN = { email: 'admin@nimah.test', password: 'browser-test-password' } as const;

export interface TestServer {
  url: string;
  dataDir: string;
  /** What the server wrote to stderr (warnings and errors only: LOG_LEVEL=warn). */
  stderr: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the server the way an operator would, with a fresh database that the server migrates and seeds the admin into.
 * `env` adds to (or overrides) its environment for one suite.
 */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist is missing: run `npm run build --prefix client` before the browser tests');
  }
  const port = await freePort();
  const dataDir = tempDataDir('browser');
  // As `npm start` runs it: the compiled build (compiled here when missing or older than the sources).
  buildServer();
  const serverEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${path.join(dataDir, 'b.sqlite')}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...env,
  };
  // detached: the server gets its own process group, so stop() ends it and anything under it together.
  let server: Server;
  try {
    server = await startNode(serverEnv, {
      entry: 'compiled',
      port,
      detached: true,
      keep: 'stderr',
      health: { timeoutMs: 45_000, everyMs: 250 },
    });
  } catch (e) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const stop = async () => {
    await server.stop(5000);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url: server.base, dataDir, stderr: server.output, stop };
}

const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** For `before(skipWithoutChromium)`: a machine without Debian's Chromium reports the suite as skipped, not failed. */
export function skipWithoutChromium(this: Mocha.Context): void {
  skipWithoutTools(this, { [chromiumPath()]: 'chromium' });
}

export function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} not found: apt-get install -y chromium`);
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Server and browser started side by side (each takes seconds); if either fails, the other is stopped, not leaked. */
export async function startServerAndBrowser(
  env: Record<string, string> = {},
): Promise<{ server: TestServer; browser: Browser }> {
  const [server, browser] = await Promise.allSettled([startServer(env), launchBrowser()]);
  if (server.status === 'fulfilled' && browser.status === 'fulfilled')
    return { server: server.value, browser: browser.value };
  if (server.status === 'fulfilled') await server.value.stop();
  if (browser.status === 'fulfilled') await browser.value.close();
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
}

/** A new browser context (a laptop's 1366 × 900 unless `options` say otherwise) and a page watched by watchPage. */
export async function openPage(
  browser: Browser,
  origin: string,
  options: BrowserContextOptions = { viewport: { width: 1366, height: 900 } },
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page, problems: watchPage(page, origin) };
}

/**
 * The hooks every browser suite ends with: after each test, no page error, console error or external request; after
 * the suite, the context, the browser and the server closed (those that were started). `state` is read when they run.
 */
export function closeAfterSuite(
  state: () => { context?: BrowserContext; browser?: Browser; server?: TestServer; problems?: string[] },
): void {
  after(async function () {
    const { context, browser, server } = state();
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  afterEach(function () {
    expect(state().problems, 'page errors, console errors or external requests').to.deep.equal([]);
  });
}

/** Collects what must never happen on a page: uncaught errors, console errors (CSP violations land there), foreign requests. */
export function watchPage(page: Page, origin: string) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A 4xx answer is logged by Chromium as a failed resource; the tests provoke some on purpose (a scan that finds nothing).
    if (
      m.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
    ) {
      problems.push(`console: ${m.text()}`);
    }
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))
      problems.push(`external request: ${u}`);
  });
  return problems;
}

export async function hasHorizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number; overflow: boolean }> {
  return page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth;
    return { scrollWidth, innerWidth: window.innerWidth, overflow: scrollWidth > window.innerWidth };
  });
}

const requireCjs = createRequire(import.meta.url);
const axeSource = fs.readFileSync(path.join(path.dirname(requireCjs.resolve('axe-core')), 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page and returns the serious and critical violations. The script is evaluated through the
 * DevTools protocol rather than added as a <script> tag: the app's CSP (script-src 'self') rightly refuses inline scripts.
 */
export async function axeSeriousViolations(page: Page): Promise<AxeViolation[]> {
  // Once per document: a page checked again at another width keeps the axe it was given.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type AxeResult = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[]; failureSummary?: string }[];
      }[];
    };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // From the top: a full-page shot of a scrolled page would draw the fixed header in the middle of it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage });
}

export async function signIn(
  page: Page,
  baseUrl: string,
  user: { email: string; password: string } = ADMIN,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await page.locator('input[name="scan"]').waitFor();
}

/** Two animation frames: media queries and the React renders they trigger have been laid out (cheaper than a fixed wait). */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** The innermost elements that stick out of the viewport, for the failure message of an overflow. */
async function overflowingElements(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (el.closest('[data-testid="main-nav"]')) continue; // the phone menu waits off-screen, transformed away
      const r = el.getBoundingClientRect();
      if (r.width === 0 || (r.right <= window.innerWidth + 1 && r.left >= -1)) continue;
      if (
        Array.from(el.children).some((c) => {
          const cr = c.getBoundingClientRect();
          return cr.right > window.innerWidth + 1 || cr.left < -1;
        })
      )
        continue;
      out.push(
        `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ').slice(0, 2).join('.')} [${Math.round(r.left)}..${Math.round(r.right)}] "${(el.textContent ?? '').slice(0, 30)}"`,
      );
    }
    return out.slice(0, 5).join(' | ');
  });
}

/**
 * The checks every screen gets: no horizontal overflow at each width (a phone's and a laptop's), then axe-core with
 * no serious or critical violation at 1366 px. The viewport is put back to 1366 px whatever happens.
 */
export async function checkPage(page: Page, name: string, widths: number[] = [1366, 360]): Promise<void> {
  try {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await settled(page);
      const o = await hasHorizontalOverflow(page);
      if (o.overflow)
        throw new Error(
          `${name} at ${width}px: scrollWidth ${o.scrollWidth} > ${o.innerWidth}; widest: ${await overflowingElements(page)}`,
        );
    }
  } finally {
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  // Judge the page as people read it, not half-loaded: wait (briefly) for any spinner to go.
  await page
    .waitForFunction(() => !document.querySelector('.mantine-Loader-root'), undefined, { timeout: 5000 })
    .catch(() => undefined);
  const violations = await axeSeriousViolations(page);
  if (violations.length) throw new Error(`${name}: axe\n${JSON.stringify(violations, null, 2)}`);
}

/** Switches the UI language with the header switch (stored on the user) and waits for the document direction. */
export async function switchLanguage(page: Page, language: 'ar' | 'en'): Promise<void> {
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  if (await page.locator(`html[dir="${dir}"]`).count()) return;
  await page.getByTestId('language-switch').click();
  await page.locator(`html[dir="${dir}"][lang="${language}"]`).waitFor({ state: 'attached' });
}

/** The content type of a URL fetched with the page's cookies (a PDF link opened by a signed-in user). */
export async function contentTypeOf(page: Page, url: string): Promise<{ status: number; type: string; body: Buffer }> {
  const res = await page.request.get(url);
  return { status: res.status(), type: res.headers()['content-type'] ?? '', body: await res.body() };
}
