// The programme dashboard as a manager reads it (issue 20 point 7), seeded through the API: ten devices at two sites
// of two regions (four in intake, one in repair, two ready, three handed over to two families of Riyadh and a student
// of the Eastern Province). One stacked pipeline bar with proportional segments, ready and handed over in different
// colours, stage medians under a day read "less than a day" (never "0 days"), the breakdown by region with its
// numbers, the filters followed; in Arabic, English and French, with a screenshot of each.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
  switchLanguage,
  type TestServer,
} from './harness.js';

const MANAGER = { email: 'manager@nimah.test', password: 'manager-password-1' };
const SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

interface Created {
  id: number;
}

/** What the pipeline shows: its segments (status, count, width, colour) and its legend's counts. */
async function pipelineOf(page: Page) {
  await page.getByTestId('pipeline-segment').first().waitFor();
  const segments = await page.getByTestId('pipeline-segment').evaluateAll((els) =>
    els.map((el) => ({
      status: el.getAttribute('data-status')!,
      count: Number(el.getAttribute('data-count')),
      width: el.getBoundingClientRect().width,
      left: el.getBoundingClientRect().left,
      colour: getComputedStyle(el).backgroundColor,
    })),
  );
  const legend = await page
    .getByTestId('pipeline-legend')
    .locator('li')
    .evaluateAll((els) => els.map((el) => [el.getAttribute('data-status'), el.textContent ?? '']));
  return { segments, legend, bars: await page.getByTestId('pipeline-bar').count() };
}

/** The region breakdown's rows: region code → the cells of its row, by column. */
async function regionRows(page: Page): Promise<Record<string, Record<string, string>>> {
  await page.getByTestId('regions-breakdown').waitFor();
  const rows = await page
    .getByTestId('regions-breakdown')
    .locator('tr[data-region]')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-region')!,
        Object.fromEntries(
          Array.from(tr.querySelectorAll('[data-column]')).map((c) => [
            c.getAttribute('data-column')!,
            (c.textContent ?? '').trim(),
          ]),
        ),
      ]),
    );
  return Object.fromEntries(rows);
}

describe('browser: the programme dashboard a manager trusts (pipeline, stage times, regions, partners)', function () {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let riyadhSite: number;

  before(skipWithoutChromium);
  before(async function () {
    this.timeout(300_000);
    ({ server, browser } = await startServerAndBrowser());
    const api = await Api.signIn(server.url);
    await api.call('POST', '/api/users', {
      email: MANAGER.email,
      name: 'نورة المديرة',
      role: 'manager',
      password: MANAGER.password,
      language: 'ar',
    });
    const verifier = await Api.signIn(server.url, MANAGER.email, MANAGER.password);
    const programme = await api.call<Created>('POST', '/api/programmes', {
      name: 'المرحلة الأولى',
      nameLatin: 'First phase',
      targetFamilies: 200,
      targetStudents: 50,
    });
    riyadhSite = (
      await api.call<Created>('POST', '/api/sites', {
        code: 'RUH-1',
        name: 'مستودع الرياض',
        nameLatin: 'Riyadh warehouse',
        regionCode: 'SA-01',
      })
    ).id;
    const easternSite = (
      await api.call<Created>('POST', '/api/sites', {
        code: 'DMM-1',
        name: 'مستودع الدمام',
        nameLatin: 'Dammam warehouse',
        regionCode: 'SA-04',
      })
    ).id;
    const donor = await api.call<Created>('POST', '/api/donors', {
      kind: 'company',
      name: 'شركة الخليج للتقنية',
      nameLatin: 'Gulf Tech Co.',
      preferredLanguage: 'ar',
    });
    const donation = await api.call<Created>('POST', '/api/donations', {
      donorId: donor.id,
      channel: 'drop_off',
      expectedCount: 10,
    });
    const moveTo = (deviceId: number, siteId: number) => api.call('POST', `/api/devices/${deviceId}/moves`, { siteId });
    let serial = 0;
    const inIntake = async (siteId: number) => {
      serial += 1;
      const d = await api.call<Created>('POST', `/api/donations/${donation.id}/devices`, {
        type: 'laptop',
        manufacturer: 'HP',
        model: 'EliteBook 840 G5',
        serialNumber: `HPI${String(serial).padStart(5, '0')}`,
      });
      await moveTo(d.id, siteId);
      return d;
    };
    // Riyadh: three devices handed over, one ready, two in intake. Dammam: one ready, two in intake, one in repair.
    const ready: Created[] = [];
    for (let n = 1; n <= 5; n += 1) {
      const d = await readyDevice(api, verifier, donation.id, n);
      await moveTo(d.id, n === 5 ? easternSite : riyadhSite);
      ready.push(d);
    }
    for (let i = 0; i < 2; i += 1) await inIntake(riyadhSite);
    for (let i = 0; i < 2; i += 1) await inIntake(easternSite);
    const broken = await inIntake(easternSite);
    // The move counted as a change of the device: its version is read back, as the device page would.
    const { version } = await api.call<{ version: number }>('GET', `/api/devices/${broken.id}`);
    await api.call('POST', `/api/devices/${broken.id}/actions`, {
      action: 'triage',
      version,
      needsRepair: true,
      disposition: 'reuse',
    });
    const people: Array<{ kind: 'family' | 'student'; regionCode: string }> = [
      { kind: 'family', regionCode: 'SA-01' },
      { kind: 'family', regionCode: 'SA-01' },
      { kind: 'student', regionCode: 'SA-04' },
    ];
    for (const [i, person] of people.entries()) {
      const b = await api.call<Created>('POST', '/api/beneficiaries', {
        ...person,
        name: `مستفيد ${i + 1}`,
        nationalId: saudiId(700 + i),
        phone: `05055500${String(i).padStart(2, '0')}`,
        city: 'الرياض',
        householdSize: 5,
        monthlyIncome: 2500,
        schoolChildren: 2,
        need: 'laptop',
        purpose: 'study',
      });
      await api.call('PATCH', `/api/beneficiaries/${b.id}`, { status: 'verified' });
      const allocation = await api.call<Created>('POST', '/api/allocations', {
        deviceId: ready[i].id,
        beneficiaryId: b.id,
        programmeId: programme.id,
      });
      await api.call('POST', `/api/allocations/${allocation.id}/handover`, {
        receivedBy: `مستلم ${i + 1}`,
        signature: SIGNATURE_PNG,
      });
    }
    ({ context, page, problems } = await openPage(browser, server.url));
    await signIn(page, server.url, MANAGER);
  });

  closeAfterSuite(() => ({ context, browser, server, problems }));

  it('Arabic: one pipeline bar, proportional segments in lifecycle order from the right, ready and handed over in different colours', async function () {
    await page.goto(`${server.url}/dashboard`);
    const { segments, legend, bars } = await pipelineOf(page);
    expect(bars).to.equal(1);
    expect(segments.map((s) => [s.status, s.count])).to.deep.equal([
      ['intake', 4],
      ['repair', 1],
      ['ready', 2],
      ['handed_over', 3],
    ]);
    // Widths proportional to the counts (the 2 px gaps aside): each segment's width per device is the same.
    const perDevice = segments.map((s) => s.width / s.count);
    for (const w of perDevice) expect(w).to.be.closeTo(perDevice[0], 1);
    // In Arabic the lifecycle reads from the right: intake is the rightmost segment.
    const lefts = segments.map((s) => s.left);
    expect([...lefts].sort((a, b) => b - a)).to.deep.equal(lefts);
    const colour = (status: string) => segments.find((s) => s.status === status)!.colour;
    expect(colour('ready')).to.not.equal(colour('handed_over'));
    expect(new Set(segments.map((s) => s.colour)).size).to.equal(segments.length);
    // Every status in words in the legend, the empty ones too, with its count.
    expect(legend.map(([s]) => s)).to.have.length(10);
    expect(legend.find(([s]) => s === 'ready')![1])
      .to.contain('جاهز')
      .and.contain('2');
    expect(legend.find(([s]) => s === 'disposal')![1]).to.contain('0');
    expect(await page.getByTestId('pipeline-total').innerText()).to.equal('10 أجهزة في المجموع');
  });

  it('Arabic: the stage medians under a day read «أقل من يوم», never «0 يوم»', async function () {
    const times = page.getByTestId('stage-times');
    await times.waitFor();
    const text = await times.innerText();
    expect(text).to.contain('أقل من يوم');
    expect(text).to.not.match(/(^|\s)0\s*يوم/);
    const ready = await times.locator('[data-stage="ready"] [data-testid="stage-time"]').innerText();
    expect(ready).to.equal('أقل من يوم');
  });

  it('Arabic: the regions breakdown lists the regions with data and their numbers; the forecast says why it cannot forecast', async function () {
    const rows = await regionRows(page);
    expect(Object.keys(rows)).to.deep.equal(['SA-01', 'SA-04', 'total']);
    expect(rows['SA-01']).to.deep.equal({
      received: '6',
      ready: '1',
      handedOver: '2',
      families: '2',
      students: '0',
      institutions: '0',
    });
    expect(rows['SA-04']).to.deep.equal({
      received: '4',
      ready: '1',
      handedOver: '1',
      families: '0',
      students: '1',
      institutions: '0',
    });
    expect(rows.total).to.include({ received: '10', handedOver: '3' });
    const table = await page.getByTestId('regions-breakdown').innerText();
    expect(table).to.contain('الرياض').and.contain('المنطقة الشرقية');
    const forecast = page.getByTestId('forecast');
    expect(await forecast.getAttribute('data-status')).to.equal('not_enough_data');
    expect(await forecast.innerText()).to.contain('لا تكفي البيانات بعد');
    await checkPage(page, 'dashboard');
    await screenshot(page, 'dashboard-ar.png');
  });

  it('filtered to the Riyadh region: the pipeline, the regions and the CSV links follow the filter', async function () {
    await page.goto(`${server.url}/dashboard?regionCode=SA-01`);
    await page.getByTestId('programme-wide').waitFor();
    await page.locator('[data-testid="regions-breakdown"] tr[data-region="SA-01"]').waitFor();
    expect(Object.keys(await regionRows(page))).to.deep.equal(['SA-01']);
    const { segments } = await pipelineOf(page);
    expect(segments.map((s) => [s.status, s.count])).to.deep.equal([
      ['intake', 2],
      ['ready', 1],
      ['handed_over', 3],
    ]);
    expect(await page.getByTestId('regions-breakdown-csv').getAttribute('href')).to.equal(
      '/api/reports/regions.csv?regionCode=SA-01',
    );
    expect(await page.getByTestId('partners-csv').getAttribute('href')).to.equal(
      '/api/reports/partners.csv?regionCode=SA-01',
    );
    const csv = await page.request.get(`${server.url}/api/reports/regions.csv?regionCode=SA-01`);
    expect(csv.status()).to.equal(200);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines).to.have.length(2);
    expect(lines[1]).to.match(/^SA-01,/);
    await page.goto(`${server.url}/dashboard?siteId=${riyadhSite}`);
    await page.getByTestId('pipeline-segment').first().waitFor();
    expect(await page.getByTestId('pipeline-total').innerText()).to.equal('6 أجهزة في المجموع');
  });

  it('English: the same pipeline, "less than a day", the regions by name', async function () {
    await page.goto(`${server.url}/dashboard`);
    await switchLanguage(page, 'en');
    const { segments } = await pipelineOf(page);
    expect(segments.map((s) => s.count)).to.deep.equal([4, 1, 2, 3]);
    // Left to right in English: intake is the leftmost segment.
    const lefts = segments.map((s) => s.left);
    expect([...lefts].sort((a, b) => a - b)).to.deep.equal(lefts);
    const times = await page.getByTestId('stage-times').innerText();
    expect(times).to.contain('less than a day');
    expect(times).to.not.match(/\b0 days?\b/);
    const rows = await regionRows(page);
    expect(rows['SA-01']).to.include({ received: '6', handedOver: '2', families: '2' });
    expect(rows['SA-04']).to.include({ received: '4', handedOver: '1', students: '1' });
    expect(await page.getByTestId('regions-breakdown').innerText())
      .to.contain('Riyadh')
      .and.contain('Eastern Province');
    expect(await page.getByTestId('pipeline-total').innerText()).to.equal('10 devices in all');
    await checkPage(page, 'dashboard (English)');
    await screenshot(page, 'dashboard-en.png');
  });

  it('French: the same pipeline, « moins d’un jour », the regions by name', async function () {
    await page.getByTestId('language-switch-fr').click();
    await page.locator('html[dir="ltr"][lang="fr"]').waitFor({ state: 'attached' });
    await page.getByText('moins d’un jour').first().waitFor();
    const { segments } = await pipelineOf(page);
    expect(segments.map((s) => s.count)).to.deep.equal([4, 1, 2, 3]);
    const times = await page.getByTestId('stage-times').innerText();
    expect(times).to.not.match(/\b0 jours?\b/);
    const rows = await regionRows(page);
    expect(rows['SA-01']).to.include({ received: '6', ready: '1', handedOver: '2' });
    expect(await page.getByTestId('regions-breakdown').innerText())
      .to.contain('Riyad')
      .and.contain('Province orientale');
    expect(await page.getByTestId('pipeline-total').innerText()).to.equal('10 appareils au total');
    const legend = await page.getByTestId('pipeline-legend').innerText();
    expect(legend).to.contain('Prêt').and.contain('Remis').and.contain('Réception');
    await checkPage(page, 'dashboard (French)');
    await screenshot(page, 'dashboard-fr.png');
    // Figures by region: in a French UI the regional report's links ask for Arabic and French (issue 20).
    await page.goto(`${server.url}/reports/regions`);
    const pdfAll = page.getByTestId('regions-pdf-all');
    await pdfAll.waitFor();
    expect(await pdfAll.getAttribute('href')).to.equal('/api/reports/regions/all.pdf?lang=fr');
    const pdf = await page.request.get(`${server.url}/api/reports/regions/all.pdf?lang=fr`);
    expect(pdf.status()).to.equal(200);
    // Back to Arabic for whoever reads this user next.
    await page.getByTestId('language-switch').click();
    await page.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });
  });
});
