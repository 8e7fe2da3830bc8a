// Figures of the partner associations (spec §13, issue 18 point 6): families and students served through each, by
// the region they live in, the devices handed over to them, and what each partner holds in custody now. JSON and
// CSV (one row per partner × region), and the dashboard's partner table. Read-only, from the read model.
import type { Response } from 'express';
import { csvStringifier } from '../../lib/csv.js';
import { custodyCounts, partnerFigures, type FigureFilters } from '../figures/index.js';
import { partnerSummariesOf } from '../partners/index.js';
import type { PartnerFiguresDto } from '../../shared/index.js';

export async function partnersReport(filters: FigureFilters = {}): Promise<PartnerFiguresDto[]> {
  const [rows, custody] = await Promise.all([partnerFigures(filters), custodyCounts()]);
  const ids = [...new Set([...rows.map((r) => r.partnerId), ...custody.keys()])];
  const partners = await partnerSummariesOf(ids);
  const byId = new Map<number, PartnerFiguresDto>();
  const of = (partnerId: number) => {
    let p = byId.get(partnerId);
    if (!p) {
      const info = partners.get(partnerId);
      p = {
        partnerId,
        name: info?.name ?? '',
        regionCode: info?.regionCode ?? null,
        families: 0,
        students: 0,
        handovers: 0,
        inCustody: custody.get(partnerId) ?? 0,
        byRegion: [],
      };
      byId.set(partnerId, p);
    }
    return p;
  };
  for (const r of rows) {
    const p = of(r.partnerId);
    let region = p.byRegion.find((x) => x.regionCode === r.regionCode);
    if (!region) p.byRegion.push((region = { regionCode: r.regionCode, families: 0, students: 0, handovers: 0 }));
    const families = r.kind === 'family' ? r.served : 0;
    const students = r.kind === 'student' ? r.served : 0;
    region.families += families;
    region.students += students;
    region.handovers += r.handovers;
    p.families += families;
    p.students += students;
    p.handovers += r.handovers;
  }
  for (const id of custody.keys()) of(id);
  for (const p of byId.values()) p.byRegion.sort((a, b) => (a.regionCode ?? '~').localeCompare(b.regionCode ?? '~'));
  return [...byId.values()].sort(
    (a, b) => b.families + b.students - (a.families + a.students) || a.partnerId - b.partnerId,
  );
}

const CSV_COLUMNS = ['partnerId', 'partner', 'regionCode', 'families', 'students', 'handovers', 'inCustody'] as const;

/** The CSV of the partner table, with the dashboard's filters when given (the same rows the dashboard shows). */
export async function sendPartnersCsv(res: Response, filters: FigureFilters = {}): Promise<void> {
  const partners = await partnersReport(filters);
  res.type('text/csv; charset=utf-8');
  res.attachment(`nimah-partners-${new Date().toISOString().slice(0, 10)}.csv`);
  const csv = csvStringifier({ header: true, columns: [...CSV_COLUMNS], bom: true });
  csv.pipe(res);
  for (const p of partners) {
    const regions = p.byRegion.length ? p.byRegion : [{ regionCode: null, families: 0, students: 0, handovers: 0 }];
    // Custody is the partner's, not a region's: written on its first row only, so a column sum stays right.
    regions.forEach((r, i) =>
      csv.write([
        p.partnerId,
        p.name,
        r.regionCode ?? '',
        r.families,
        r.students,
        r.handovers,
        i === 0 ? p.inCustody : 0,
      ]),
    );
  }
  csv.end();
  await new Promise((resolve) => res.once('finish', resolve));
}
