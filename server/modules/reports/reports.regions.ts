// GET /api/reports/regions (JSON and .csv) and the pages of the regional PDF: one row per region of the reference
// list that has any figure, in the list's order, then 'unassigned' when something has no region. Read-only.
import type { Response } from 'express';
import Joi from 'joi';
import { csvStringifier } from '../../lib/csv.js';
import { NotFoundError } from '../../lib/errors.js';
import type { RegionalReportData } from '../documents/index.js';
import {
  addRegionFigures,
  emptyRegionFigures,
  REGION_FIGURE_KEYS,
  REGIONS,
  regionByCode,
  roundRegionFigures,
  UNASSIGNED_REGION,
  type RegionFiguresDto,
  type RegionRowDto,
  type RegionsReportDto,
} from '../../shared/index.js';
import { dashboardFilters, dashboardQuery, type DashboardQuery } from './reports.dashboard.js';
import { regionFigures, regionMonthly } from './reports.regions-data.js';

/** What a region without one is called, in the three languages of the client. */
const UNASSIGNED_NAMES = { nameAr: 'دون منطقة', nameEn: 'No region', nameFr: 'Sans région' } as const;

function rowOf(code: string, figures: RegionFiguresDto): RegionRowDto {
  const region = regionByCode(code);
  return region
    ? {
        regionCode: code,
        country: region.country,
        nameAr: region.nameAr,
        nameEn: region.nameEn,
        nameFr: region.nameFr,
        ...figures,
      }
    : { regionCode: UNASSIGNED_REGION, country: null, ...UNASSIGNED_NAMES, ...figures };
}

const hasData = (f: RegionFiguresDto) => REGION_FIGURE_KEYS.some((k) => f[k] !== 0);

/** Every region with figures; with the dashboard's filters (programme, region, site, period), within them. */
export async function regionsReport(query: DashboardQuery = {}, now = new Date()): Promise<RegionsReportDto> {
  const figures = await regionFigures(dashboardFilters(query, now).filters);
  const codes = [...REGIONS.map((r) => r.code), UNASSIGNED_REGION];
  const items = codes.flatMap((code) => {
    const f = figures.get(code);
    return f && hasData(f) ? [rowOf(code, f)] : [];
  });
  const totals = roundRegionFigures(items.reduce(addRegionFigures, emptyRegionFigures()));
  return { items, totals, generatedAt: now.toISOString() };
}

export const REGION_CSV_COLUMNS = ['regionCode', 'nameAr', 'nameEn', 'nameFr', ...REGION_FIGURE_KEYS] as const;

/** The same rows as a spreadsheet: UTF-8 with a byte-order mark, so that Excel opens the Arabic names right. */
export async function sendRegionsCsv(res: Response, query: DashboardQuery = {}): Promise<void> {
  const report = await regionsReport(query);
  res.type('text/csv; charset=utf-8');
  res.attachment(`nimah-regions-${report.generatedAt.slice(0, 10)}.csv`);
  const csv = csvStringifier({ header: true, columns: [...REGION_CSV_COLUMNS], bom: true });
  csv.pipe(res);
  for (const row of report.items) csv.write(REGION_CSV_COLUMNS.map((c) => row[c]));
  csv.end();
  await new Promise((resolve) => res.once('finish', resolve));
}

/** `?format=csv` on GET /api/reports/regions gives the CSV too (the `.csv` route is the one the client links). */
export const regionsQuery = (dashboardQuery as Joi.ObjectSchema).keys({
  format: Joi.string().valid('json', 'csv').default('json'),
}) as Joi.ObjectSchema<DashboardQuery & { format: 'json' | 'csv' }>;

/** `:code` of /api/reports/regions/:code.pdf: a region code of the list (any case), or `all`. */
export const regionPdfParams = Joi.object<{ code: string }>({
  code: Joi.string().trim().uppercase().max(16).required(),
});

/**
 * The pages of the regional report: one for a region code of the list (zeros when it has no figures yet), or for
 * `ALL` one per region of the list that has figures. 404 for any other code; `all` without any figure is 404 too.
 */
export async function regionalReportData(code: string, now = new Date()): Promise<RegionalReportData> {
  const wanted = code === 'ALL' ? null : regionByCode(code);
  if (code !== 'ALL' && !wanted)
    throw new NotFoundError(`Region ${code} is not in the reference list`, { code, known: 'ISO 3166-2, e.g. SA-01' });
  const figures = await regionFigures();
  const regions = wanted ? [wanted] : REGIONS.filter((r) => hasData(figures.get(r.code) ?? emptyRegionFigures()));
  if (!regions.length) throw new NotFoundError('No region has any figure yet', { code });
  return {
    issuedAt: now,
    pages: await Promise.all(
      regions.map(async (r) => ({
        region: { code: r.code, nameAr: r.nameAr, nameEn: r.nameEn, nameFr: r.nameFr },
        figures: figures.get(r.code) ?? emptyRegionFigures(),
        months: await regionMonthly(r.code, now),
      })),
    ),
  };
}
