// Bundles and gigabytes given, per sponsor, region and month of handover (spec §14): JSON and CSV. Read-only, one
// grouped query over the assignments' covering index (month, sponsor, region, megabytes). Each assignment is a
// fact fixed at handover (its region and month), so a later move of the beneficiary changes no past figure.
// Megabytes are summed as integers and turned into gigabytes once, so the sums are exact.
import type { Response } from 'express';
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../db/sequelize.js';
import { csvStringifier } from '../../lib/csv.js';
import { gbOf, type BundleReportQuery } from './connectivity.schema.js';
import type { BundleReportDto, BundleReportRowDto } from '../../shared/index.js';

interface Row {
  sponsorId: number;
  sponsorName: string;
  regionCode: string;
  month: string;
  bundles: number | string;
  dataMb: number | string;
}

export async function bundleReport(q: BundleReportQuery): Promise<BundleReportDto> {
  const where: string[] = [];
  if (q.from) where.push('a.month >= :from');
  if (q.to) where.push('a.month <= :to');
  if (q.sponsorId) where.push('a.sponsor_id = :sponsorId');
  if (q.regionCode) where.push('a.region_code = :regionCode');
  const rows = await getSequelize().query<Row>(
    `SELECT g.sponsor_id AS sponsorId, s.name AS sponsorName, g.region_code AS regionCode, g.month AS month,
            g.bundles AS bundles, g.data_mb AS dataMb
       FROM (SELECT a.sponsor_id, a.region_code, a.month, COUNT(*) AS bundles, SUM(a.data_mb) AS data_mb
               FROM bundle_assignments a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
              GROUP BY a.month, a.sponsor_id, a.region_code) g
       JOIN sponsors s ON s.id = g.sponsor_id
      ORDER BY g.month, g.sponsor_id, g.region_code`,
    { replacements: { ...q }, type: QueryTypes.SELECT },
  );
  let bundles = 0;
  let dataMb = 0;
  const items: BundleReportRowDto[] = rows.map((r) => {
    bundles += Number(r.bundles);
    dataMb += Number(r.dataMb);
    return {
      sponsorId: Number(r.sponsorId),
      sponsorName: r.sponsorName,
      regionCode: r.regionCode ?? '',
      month: String(r.month),
      bundles: Number(r.bundles),
      dataGb: gbOf(Number(r.dataMb)),
    };
  });
  return { rows: items, totals: { bundles, dataGb: gbOf(dataMb) } };
}

const CSV_COLUMNS = ['month', 'sponsorId', 'sponsor', 'regionCode', 'bundles', 'dataGb'] as const;

/** One line per month × sponsor × region, then a `total` line (UTF-8 with a BOM, so Excel reads Arabic names). */
export async function sendBundlesCsv(res: Response, q: BundleReportQuery): Promise<void> {
  const report = await bundleReport(q);
  res.type('text/csv; charset=utf-8');
  res.attachment(`nimah-bundles-${new Date().toISOString().slice(0, 10)}.csv`);
  const csv = csvStringifier({ header: true, columns: [...CSV_COLUMNS], bom: true });
  csv.pipe(res);
  for (const r of report.rows) csv.write([r.month, r.sponsorId, r.sponsorName, r.regionCode, r.bundles, r.dataGb]);
  csv.write(['total', '', '', '', report.totals.bundles, report.totals.dataGb]);
  csv.end();
  await new Promise((resolve) => res.once('finish', resolve));
}
