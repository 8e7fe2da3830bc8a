// Figures by region (spec §11): GET /api/reports/regions, its CSV, the regional PDF and the cumulative programme
// series. Everything goes through the API: sites and beneficiaries with their regionCode, devices taken in and
// moved to the sites, handovers; the figures come from the read model the writes keep.
import { expect } from 'chai';
import { parse as parseCsv } from 'csv-parse/sync';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { intake, readyDevice } from '../helpers/workshop.js';
import { binary, createProgramme, handedOver, pdfInfo, savePdf, setCharity } from '../documents/documents.helpers.js';
import { pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import type { RegionsReportDto } from '../../server/shared/index.js';

let siteCount = 0;

async function siteIn(admin: string, regionCode: string): Promise<number> {
  siteCount += 1;
  const res = await api()
    .post('/api/sites')
    .set(bearer(admin))
    .send({ code: `RG-${siteCount}`, name: `مستودع ${siteCount}`, regionCode });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body.id as number;
}

async function moveTo(token: string, deviceId: number, siteId: number): Promise<void> {
  await api().post(`/api/devices/${deviceId}/moves`).set(bearer(token)).send({ siteId }).expect(201);
}

/** pdftotext splits some Arabic words at non-joining letters (الر ياض): compare without any white space. */
const compact = (text: string) => text.replace(/\s+/g, '');

const csvBody = (url: string, token: string) => binary(api().get(url).set(bearer(token)));

describe('figures by region', () => {
  let admin: string;
  let manager: string;
  let riyadh: number;
  let casablanca: number;

  beforeEach(async () => {
    admin = (await signIn('admin')).token;
    manager = (await signIn('manager')).token;
    riyadh = await siteIn(admin, 'SA-01');
    casablanca = await siteIn(admin, 'MA-06');
  });

  /**
   * Riyadh: one device handed over (to a family of Riyadh), one ready, one in intake. Casablanca: one in intake, and
   * one handed over to a student of Makkah (a handover counts in the beneficiary's region, the device in its site's).
   * One device without a site.
   */
  async function scenario(): Promise<void> {
    const placed = await readyDevice(manager);
    await moveTo(manager, placed.id, riyadh);
    await handedOver(manager, {
      device: placed,
      beneficiary: { regionCode: 'SA-01' },
      handedOverAt: new Date().toISOString(),
    });
    const ready = await readyDevice(manager);
    await moveTo(manager, ready.id, riyadh);
    await moveTo(manager, (await intake(manager)).id, riyadh);
    await moveTo(manager, (await intake(manager)).id, casablanca);
    const student = await readyDevice(manager);
    await moveTo(manager, student.id, casablanca);
    await handedOver(manager, {
      device: student,
      beneficiary: { kind: 'student', regionCode: 'SA-02' },
      handedOverAt: new Date().toISOString(),
    });
    await intake(manager); // no site: unassigned
  }

  it('when devices sit at sites of two regions and some were handed over, gives one row per region with its figures', async () => {
    await scenario();
    const viewer = (await signIn('viewer')).token;
    const res = await api().get('/api/reports/regions').set(bearer(viewer)).expect(200);
    const body = res.body as RegionsReportDto;
    expect(body.items.map((r) => r.regionCode)).to.deep.equal(['SA-01', 'SA-02', 'MA-06', 'unassigned']);
    const [sa01, sa02, ma06, none] = body.items;
    expect(sa01).to.deep.include({
      nameAr: 'الرياض',
      nameEn: 'Riyadh',
      nameFr: 'Riyad',
      country: 'SA',
      received: 3,
      inWorkshop: 1,
      ready: 1,
      handedOver: 1,
      families: 1,
      students: 0,
      institutions: 0,
      drivesSanitized: 2,
      kgDiverted: 2, // one placed laptop, 2 kg assumed
      co2eKg: 200, // one placed laptop at the default factor
    });
    // Makkah has no device, only the student who lives there and the handover that served them.
    expect(sa02).to.deep.include({ nameEn: 'Makkah', received: 0, families: 0, students: 1, handedOver: 1, co2eKg: 0 });
    // The device that served them was taken in at Casablanca: its kg and CO2e count there.
    expect(ma06).to.deep.include({
      nameFr: 'Casablanca-Settat',
      received: 2,
      inWorkshop: 1,
      handedOver: 0,
      students: 0,
      drivesSanitized: 1,
      kgDiverted: 2,
      co2eKg: 200,
    });
    expect(none).to.deep.include({ regionCode: 'unassigned', country: null, received: 1, inWorkshop: 1 });
    expect(body.totals).to.deep.include({ received: 6, handedOver: 2, families: 1, students: 1, co2eKg: 400 });
  });

  it("with the dashboard's filters (region, site, period), gives the regions within them, as JSON and CSV", async () => {
    await scenario();
    const get = async (query: string) =>
      ((await api().get(`/api/reports/regions?${query}`).set(bearer(manager)).expect(200)).body as RegionsReportDto)
        .items;
    const [riyadhOnly, ...others] = await get('regionCode=SA-01');
    expect(others).to.deep.equal([]);
    expect(riyadhOnly).to.deep.include({ regionCode: 'SA-01', received: 3, ready: 1, handedOver: 1, families: 1 });
    // At the Casablanca site: its two devices, and the student of Makkah served with one of them.
    const atCasablanca = await get(`siteId=${casablanca}`);
    expect(atCasablanca.map((r) => r.regionCode)).to.deep.equal(['SA-02', 'MA-06']);
    expect(atCasablanca[0]).to.deep.include({ received: 0, handedOver: 1, students: 1 });
    expect(atCasablanca[1]).to.deep.include({ received: 2, ready: 0, handedOver: 0 });
    // A period before anything happened: nothing received or handed over (drives sanitized carry no date: they stay).
    for (const r of await get('from=2001-01-01&to=2001-12-31'))
      expect(r).to.deep.include({ received: 0, ready: 0, handedOver: 0, families: 0, students: 0, institutions: 0 });
    const csv = await csvBody(`/api/reports/regions.csv?regionCode=SA-01`, manager).expect(200);
    const rows = parseCsv<Record<string, string>>((csv.body as Buffer).toString('utf8'), { bom: true, columns: true });
    expect(rows.map((r) => [r.regionCode, r.received, r.handedOver])).to.deep.equal([['SA-01', '3', '1']]);
    const bad = await api().get('/api/reports/regions?regionCode=XX-99').set(bearer(manager)).expect(400);
    expect(JSON.stringify(bad.body)).to.include('regionCode');
  });

  it('when asked for CSV (.csv or ?format=csv), gives the same rows with a BOM, readable by the CSV library', async () => {
    await scenario();
    for (const url of ['/api/reports/regions.csv', '/api/reports/regions?format=csv']) {
      const res = await csvBody(url, manager).expect(200);
      expect(res.headers['content-type']).to.match(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).to.match(
        /^attachment; filename="?nimah-regions-\d{4}-\d{2}-\d{2}\.csv"?$/,
      );
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const rows = parseCsv<Record<string, string>>(bytes.toString('utf8'), { bom: true, columns: true });
      expect(Object.keys(rows[0])).to.deep.equal([
        'regionCode',
        'nameAr',
        'nameEn',
        'nameFr',
        'received',
        'inWorkshop',
        'ready',
        'handedOver',
        'families',
        'students',
        'institutions',
        'devicesToInstitutions',
        'familiesThroughPartners',
        'drivesSanitized',
        'kgDiverted',
        'co2eKg',
      ]);
      expect(rows.map((r) => r.regionCode)).to.deep.equal(['SA-01', 'SA-02', 'MA-06', 'unassigned']);
      expect(rows[0]).to.include({ nameAr: 'الرياض', received: '3', handedOver: '1', families: '1', co2eKg: '200' });
    }
  });

  it('when nothing was recorded yet, gives no rows and zero totals', async () => {
    const res = await api().get('/api/reports/regions').set(bearer(manager)).expect(200);
    expect(res.body.items).to.deep.equal([]);
    expect(res.body.totals).to.include({ received: 0, families: 0, co2eKg: 0 });
  });

  it('when a technician asks, answers 403 FORBIDDEN for the table, the CSV and the PDF', async () => {
    const tech = (await signIn('technician')).token;
    for (const url of ['/api/reports/regions', '/api/reports/regions.csv', '/api/reports/regions/SA-01.pdf']) {
      const res = await api().get(url).set(bearer(tech)).expect(403);
      expect(res.body.error.code).to.equal('FORBIDDEN');
    }
  });

  it('when the format is neither json nor csv, answers 400 naming the field', async () => {
    const res = await api().get('/api/reports/regions?format=xlsx').set(bearer(manager)).expect(400);
    expect(res.body.error.code).to.equal('VALIDATION_FAILED');
    expect(res.body.error.details[0]).to.include({ path: 'format', type: 'any.only' });
  });

  describe('the regional PDF', () => {
    before(requirePdfTools);
    after(removeTestPdfs);

    it('when asked for one region, prints one page with its Arabic and English names, its figures and the month chart', async () => {
      await setCharity(admin);
      await scenario();
      const file = savePdf(await binary(api().get('/api/reports/regions/sa-01.pdf').set(bearer(manager))), 'region');
      expect(pdfInfo(file).Pages).to.equal('1');
      const text = pdfText(file);
      expect(compact(text)).to.contain('الرياض').and.contain('التقريرالإقليمي');
      expect(text).to.contain('Riyadh');
      expect(text).to.contain('Regional Report');
      expect(text).to.contain('Nimah Computer Refurbishing Charity');
      expect(text).to.contain('family served'); // one family: the caption agrees with its count
      expect(text).to.contain('Intake and handovers by month');
      expect(text).to.contain('SA-01');
      // The tiles: 3 received, 200 kg CO2e.
      expect(text).to.match(/\b3\b[\s\S]*devices received/);
      expect(text).to.contain('≈ 200');
      // Twelve months under the chart, in English and Arabic.
      const thisMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date());
      expect(text).to.contain(thisMonth);
    });

    it('when asked for all, prints one page per region with figures (not the unassigned ones)', async () => {
      await scenario();
      const file = savePdf(await binary(api().get('/api/reports/regions/all.pdf').set(bearer(manager))), 'all');
      expect(pdfInfo(file).Pages).to.equal('3');
      const text = pdfText(file);
      for (const name of ['Riyadh', 'الرياض', 'Makkah', 'مكة المكرمة', 'Casablanca-Settat', 'الدار البيضاء سطات'])
        expect(compact(text)).to.contain(compact(name));
      expect(text).to.contain('3 / 3');
    });

    // Issue 20: French after Arabic (`?lang=fr`, the default in Morocco), its captions agreeing with their counts.
    it('with ?lang=fr, prints the region, captions, months, notes and numbers in French, and no English', async () => {
      await setCharity(admin);
      await scenario();
      const file = savePdf(await binary(api().get('/api/reports/regions/SA-01.pdf?lang=fr').set(bearer(manager))));
      expect(pdfInfo(file).Title).to.equal('Rapport régional · Riyad');
      const text = pdfText(file);
      expect(compact(text)).to.contain('الرياض').and.contain('التقريرالإقليمي');
      for (const words of [
        'Rapport régional',
        'Riyad',
        'Chiffres à ce jour',
        'Réceptions et remises par mois',
        'Appareils reçus',
        'Code de la région',
        'ne donne que des nombres',
        'Poids évité',
        'empreinte de fabrication',
      ])
        expect(text).to.contain(words);
      // One handed over, one family (singular); three received (plural); the chart's totals as a sentence.
      expect(text).to.match(/\b1\b[\s\S]*appareil remis\b/);
      expect(text).to.match(/\b3\b[\s\S]*appareils reçus/);
      expect(text).to.contain('famille bénéficiaire').and.not.contain('familles bénéficiaires');
      expect(text.replace(/\s+/g, ' ')).to.contain('Sur ces mois : 3 appareils reçus et 1 appareil remis.');
      const month = new Intl.DateTimeFormat('fr-MA', { month: 'short', timeZone: 'UTC' }).format(new Date());
      expect(text).to.contain(month);
      for (const english of [
        /Regional Report/,
        /Riyadh/,
        /\bdevices?\b/i,
        /\bfamil(y|ies)\b/i,
        /Figures to date/,
        /Weight diverted/,
      ])
        expect(text, String(english)).to.not.match(english);
    });

    it('without ?lang, prints French in Morocco (the stored country) and English again with ?lang=en; 400 for another', async () => {
      await scenario();
      await api().patch('/api/settings').set(bearer(admin)).send({ country: 'MA' }).expect(200);
      const fr = pdfText(savePdf(await binary(api().get('/api/reports/regions/all.pdf').set(bearer(manager)))));
      expect(fr).to.contain('Rapport régional').and.contain('La Mecque').and.contain('Casablanca-Settat');
      expect(fr).to.not.contain('Makkah');
      const en = pdfText(savePdf(await binary(api().get('/api/reports/regions/all.pdf?lang=en').set(bearer(manager)))));
      expect(en).to.contain('Regional Report').and.contain('Makkah');
      const bad = await api().get('/api/reports/regions/SA-01.pdf?lang=de').set(bearer(manager)).expect(400);
      expect(bad.body.error.details[0]).to.include({ path: 'lang' });
    });

    it('when the code is not a region of the list, answers 404 NOT_FOUND in the error shape', async () => {
      const res = await api().get('/api/reports/regions/XX-99.pdf').set(bearer(manager)).expect(404);
      expect(res.body.error).to.include({ code: 'NOT_FOUND' });
      expect(res.body.error.requestId).to.be.a('string');
      const none = await api().get('/api/reports/regions/all.pdf').set(bearer(manager)).expect(404);
      expect(none.body.error.code).to.equal('NOT_FOUND');
    });
  });

  it('GET /api/reports/programmes/:id/cumulative counts each beneficiary once, in the month of its first handover', async () => {
    const programme = await createProgramme(manager);
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10)).toISOString();
    await handedOver(manager, { programmeId: programme.id, handedOverAt: lastMonth });
    await handedOver(manager, { programmeId: programme.id, handedOverAt: now.toISOString() });
    await handedOver(manager, {
      programmeId: programme.id,
      handedOverAt: now.toISOString(),
      beneficiary: { kind: 'student' },
    });
    const res = await api()
      .get(`/api/reports/programmes/${programme.id}/cumulative`)
      .set(bearer((await signIn('viewer')).token))
      .expect(200);
    expect(res.body).to.include({ programmeId: programme.id, targetFamilies: 2000 });
    const months = res.body.months as { month: string; cumulativeFamilies: number; cumulativeStudents: number }[];
    expect(months.map((m) => m.month).slice(-2)).to.deep.equal([lastMonth.slice(0, 7), now.toISOString().slice(0, 7)]);
    expect(months.at(-2)).to.include({ families: 1, cumulativeFamilies: 1, cumulativeStudents: 0 });
    expect(months.at(-1)).to.include({ families: 1, students: 1, cumulativeFamilies: 2, cumulativeStudents: 1 });
    await api().get('/api/reports/programmes/999999/cumulative').set(bearer(manager)).expect(404);
  });

  it('gives each dashboard table as CSV with the dashboard filters, and the cumulative series; 400 for another table', async () => {
    await scenario();
    const viewer = (await signIn('viewer')).token;
    const thisMonth = new Date().toISOString().slice(0, 7);
    const rowsOf = async (url: string) => {
      const res = await csvBody(url, viewer).expect(200);
      expect(res.headers['content-type'], url).to.match(/^text\/csv; charset=utf-8/);
      expect([...(res.body as Buffer).subarray(0, 3)], url).to.deep.equal([0xef, 0xbb, 0xbf]);
      return parseCsv<Record<string, string>>((res.body as Buffer).toString('utf8'), { bom: true, columns: true });
    };
    const monthly = await rowsOf('/api/reports/dashboard/monthly.csv');
    expect(monthly.at(-1)).to.deep.equal({ month: thisMonth, intake: '6', handovers: '2' });
    const riyadh = await rowsOf('/api/reports/dashboard/monthly.csv?regionCode=SA-01');
    expect(riyadh.at(-1)).to.deep.equal({ month: thisMonth, intake: '3', handovers: '1' });
    const status = await rowsOf('/api/reports/dashboard/status.csv');
    expect(status.find((r) => r.status === 'handed_over')).to.deep.equal({ status: 'handed_over', devices: '2' });
    const stages = await rowsOf('/api/reports/dashboard/stages.csv');
    expect(Object.keys(stages[0])).to.deep.equal(['stage', 'medianDays']);
    const bad = await api().get('/api/reports/dashboard/people.csv').set(bearer(viewer)).expect(400);
    expect(bad.body.error.details[0]).to.include({ path: 'table', type: 'any.only' });

    const programme = await createProgramme(manager);
    await handedOver(manager, { programmeId: programme.id, handedOverAt: new Date().toISOString() });
    const cumulative = await rowsOf(`/api/reports/programmes/${programme.id}/cumulative.csv`);
    expect(cumulative.at(-1)).to.include({ month: thisMonth, cumulativeFamilies: '1', targetFamilies: '2000' });
  });
});
