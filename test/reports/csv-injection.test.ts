// CSV exports neutralise spreadsheet formulas (OWASP "CSV injection"): a cell that starts with = + - @, a tab or a
// carriage return gets a leading ' so Excel, LibreOffice and Sheets show it as text. The donor name comes in through
// the public pledge form, the way an attacker would send it; every CSV the API serves is found by walking the route
// list (a response of type text/csv), so an export added later is checked too.
import type { Stream } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import { expect } from 'chai';
import { neutraliseFormula } from '../../server/lib/csv.js';
import { allRoutes } from '../../server/routes.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { urlsOf } from '../security/world.js';

const HOSTILE_NAME = '=HYPERLINK("http://x","y")';
/** Exports of figures only (no text a user typed): checked for formula cells, not for the donor's name. */
const FIGURES_ONLY =
  /^\/api\/reports\/((regions|partners|bundles)(\.csv|\?)|dashboard\/[a-z]+\.csv|programmes\/\d+\/cumulative\.csv)/;

function rawBody(res: Stream, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('CSV exports: formula injection', () => {
  it('neutralises every cell a spreadsheet would evaluate, and nothing else', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', HOSTILE_NAME])
      expect(neutraliseFormula(cell)).to.equal(`'${cell}`);
    for (const cell of ['', 'شركة الخليج', 'NM000123', 'a=b', " '=x"]) expect(neutraliseFormula(cell)).to.equal(cell);
  });

  it('when a pledge names its donor =HYPERLINK(...), every CSV export shows the name as text, starting with a quote', async function () {
    this.timeout(60_000);
    await api()
      .post('/api/public/pledges')
      .send({
        donor: { kind: 'individual', name: HOSTILE_NAME, phone: '0551234567' },
        items: [{ type: 'laptop', count: 1 }],
      })
      .expect(201);
    const [donation] = await rawSelect<{ id: number }>("SELECT id FROM donations WHERE channel = 'pledge'");
    const { token } = await signIn('admin');
    await api()
      .post(`/api/donations/${donation.id}/devices`)
      .set(bearer(token))
      .send({ type: 'laptop', manufacturer: '+Lenovo', model: '@SUM(A1)', serialNumber: 'PF0CSV01', drives: [] })
      .expect(201);

    const exports: string[] = [];
    for (const route of allRoutes.filter((r) => r.method === 'get')) {
      for (const url of urlsOf(route.path, [String(donation.id)])) {
        const res = await api().get(url).set(bearer(token)).buffer(true).parse(rawBody);
        if (!/^text\/csv/.test(String(res.headers['content-type']))) continue;
        exports.push(url);
        const text = (res.body as Buffer).toString('utf8');
        expect(text, url).not.to.match(/(^|[,\n])"?=HYPERLINK/);
        const rows: string[][] = parseCsv(text, { bom: true });
        const cells = rows.flat();
        if (!FIGURES_ONLY.test(url))
          expect(cells, url).to.include(`'${HOSTILE_NAME}`).and.include("'+Lenovo").and.include("'@SUM(A1)");
        expect(
          cells.filter((c) => /^[=+\-@\t\r]/.test(c)),
          url,
        ).to.deep.equal([]);
      }
    }
    expect(exports).to.include('/api/reports/devices.csv');
  });
});
