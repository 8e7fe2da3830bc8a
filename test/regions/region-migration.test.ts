// migrations/2026.12.06T00.00.22.map-free-text-regions.ts on rows written before regions were a reference list:
// free text that names a region (or one of its main cities) gets its code, the rest stays null, is logged at warn
// level and listed by `npm run regions:unmapped`; a region someone chose is never overridden; running it again
// changes nothing.
import fs from 'node:fs';
import { expect } from 'chai';
import { config } from '../../server/config.js';
import { getSequelize } from '../../server/db/sequelize.js';
import { unmappedRows } from '../../server/cli/regions-unmapped.js';
import { up } from '../../migrations/2026.12.06T00.00.22.map-free-text-regions.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { createBeneficiary } from '../beneficiaries/helpers.js';

const run = () => up({ name: 'map-free-text-regions', context: getSequelize().getQueryInterface() });

const codes = async (table: string) =>
  (await rawSelect<{ id: number; region_code: string | null }>(`SELECT id, region_code FROM ${table} ORDER BY id`)).map(
    (r) => [Number(r.id), r.region_code],
  );

/** The regions.unmapped lines of the log file (written asynchronously: read until `until` finds one). */
async function warnings(until: (w: Record<string, unknown>) => boolean): Promise<Record<string, unknown>[]> {
  for (let i = 0; ; i += 1) {
    const lines = fs
      .readFileSync(config.logFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"regions.unmapped"'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .reverse(); // the latest run first
    if (lines.some(until) || i === 40) return lines;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('migration: map free-text regions to region codes (spec §11)', () => {
  it('maps sites, partners and beneficiaries by region name or city, leaves the rest null and lists it; a rerun changes nothing', async () => {
    const admin = await signIn('admin');
    const manager = await signIn('manager');
    // Rows as the code before regions wrote them: free text only (region_code null).
    const site = async (code: string, city?: string, regionCode?: string) =>
      (await api().post('/api/sites').set(bearer(admin.token)).send({ code, name: code, city, regionCode }).expect(201))
        .body.id as number;
    const partner = async (city: string) =>
      (
        await api()
          .post('/api/partners')
          .set(bearer(manager.token))
          .send({ name: `شريك ${city}`, kind: 'school', city })
          .expect(201)
      ).body.id as number;
    const person = async (region: string | null, city: string | null, regionCode?: string) =>
      (await createBeneficiary(manager.token, { region, city, regionCode })).id;

    const riyadhSite = await site('S-1', 'الرياض');
    const casaSite = await site('S-2', 'Casablanca');
    const villageSite = await site('S-3', 'قرية الشفا');
    const noCity = await site('S-4');
    const chosen = await site('S-5', 'جدة', 'SA-01'); // someone chose Riyadh: kept, though Jeddah is in Makkah
    const fesPartner = await partner('Fès');
    const unknownPartner = await partner('Springfield');
    const byRegion = await person('منطقة مكة المكرمة', 'حي الروضة');
    const byEnglishRegion = await person('Eastern Province', null);
    const byCity = await person('somewhere', 'الدار البيضاء');
    const byCityOnly = await person(null, 'fes');
    const lost = await person('North', 'حي النسيم');
    const lostTwin = await person('North', 'حي النسيم');
    const empty = await person(null, null);

    await run();
    const after = {
      sites: await codes('sites'),
      partners: await codes('partners'),
      beneficiaries: await codes('beneficiaries'),
    };
    expect(after.sites).to.deep.equal([
      [riyadhSite, 'SA-01'],
      [casaSite, 'MA-06'],
      [villageSite, null],
      [noCity, null],
      [chosen, 'SA-01'],
    ]);
    expect(after.partners).to.deep.equal([
      [fesPartner, 'MA-03'],
      [unknownPartner, null],
    ]);
    expect(after.beneficiaries).to.deep.equal([
      [byRegion, 'SA-02'],
      [byEnglishRegion, 'SA-04'],
      [byCity, 'MA-06'],
      [byCityOnly, 'MA-03'],
      [lost, null],
      [lostTwin, null],
      [empty, null],
    ]);

    // What it could not map: listed row by row, and logged once per distinct value with its row count.
    expect(await unmappedRows()).to.deep.equal([
      { table: 'sites', id: villageSite, text: 'قرية الشفا' },
      { table: 'partners', id: unknownPartner, text: 'Springfield' },
      { table: 'beneficiaries', id: lost, text: 'North / حي النسيم' },
      { table: 'beneficiaries', id: lostTwin, text: 'North / حي النسيم' },
    ]);
    const warned = await warnings((w) => w.city === 'Springfield');
    expect(warned.find((w) => w.city === 'Springfield')).to.deep.include({ level: 'warn', table: 'partners', rows: 1 });
    expect(warned.find((w) => w.region === 'North')).to.deep.include({
      level: 'warn',
      table: 'beneficiaries',
      city: 'حي النسيم',
      rows: 2,
    });

    await run();
    expect({
      sites: await codes('sites'),
      partners: await codes('partners'),
      beneficiaries: await codes('beneficiaries'),
    }).to.deep.equal(after);
  });
});
