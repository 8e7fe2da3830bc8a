// /impact: the public impact page, Arabic first with English under it, in the public pages' frame (no scripts, no
// external requests). Totals as tiles, a table by region, and the last 12 months as a bar chart drawn in SVG.
import { escapeHtml, formatNumber, paragraph, publicPage } from '../documents/index.js';
import type { ImpactMonthDto, PublicImpactDto } from '../../shared/index.js';

const CSS = `
table{width:100%;border-collapse:collapse;font-size:14px}
th,td{padding:6px 8px;border-bottom:1px solid #d3dcdd;text-align:start}
th{color:#5f6f76;font-weight:600;vertical-align:bottom}
th .en{display:block;font-size:12px;text-align:right}
footer p{margin:2px 0} footer .en{font-size:12px}
td.n{direction:ltr;text-align:right;font-variant-numeric:tabular-nums}
.chart{width:100%;height:auto;direction:ltr}
.legend{font-size:13px;color:#5f6f76}
.legend i{display:inline-block;width:10px;height:10px;margin-inline:8px 4px}
`;

const BAR_RECEIVED = '#b3883a';
const BAR_HANDED_OVER = '#0d5c56';

function tile(value: number, ar: string, en: string): string {
  return `<div class="tile"><b>${escapeHtml(formatNumber(value))}</b>${escapeHtml(ar)}<small lang="en">${escapeHtml(en)}</small></div>`;
}

const heading = (ar: string, en: string) =>
  `<th>${escapeHtml(ar)}<span class="en" lang="en">${escapeHtml(en)}</span></th>`;
const cell = (n: number) => `<td class="n">${escapeHtml(formatNumber(n))}</td>`;

/**
 * Two bars per month (received, handed over) on a shared scale, labelled 'YYYY-MM'. The page reads right to left, so
 * the months run from right to left and the scale sits on the right, as in the app's own charts.
 */
export function monthlyChart(months: readonly ImpactMonthDto[]): string {
  const width = 900;
  const height = 220;
  const bottom = 180;
  const top = 16;
  const max = Math.max(1, ...months.map((m) => Math.max(m.devicesReceived, m.devicesHandedOver)));
  const slot = width / months.length;
  const bar = slot * 0.32;
  const scale = (n: number) => ((bottom - top) * n) / max;
  const bars = months
    .map((m, i) => {
      const x = (months.length - 1 - i) * slot + slot * 0.18;
      const received = scale(m.devicesReceived);
      const handed = scale(m.devicesHandedOver);
      return (
        `<rect x="${(x + bar).toFixed(1)}" y="${(bottom - received).toFixed(1)}" width="${bar.toFixed(1)}" height="${received.toFixed(1)}" fill="${BAR_RECEIVED}"><title>${m.month}: ${m.devicesReceived}</title></rect>` +
        `<rect x="${x.toFixed(1)}" y="${(bottom - handed).toFixed(1)}" width="${bar.toFixed(1)}" height="${handed.toFixed(1)}" fill="${BAR_HANDED_OVER}"><title>${m.month}: ${m.devicesHandedOver}</title></rect>` +
        `<text x="${(x + bar).toFixed(1)}" y="${bottom + 18}" font-size="12" text-anchor="middle" fill="#5f6f76">${m.month}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="Devices received and handed over per month">` +
    `<line x1="0" y1="${bottom}" x2="${width}" y2="${bottom}" stroke="#d3dcdd"/>` +
    `<text x="${width}" y="12" font-size="12" text-anchor="end" fill="#5f6f76">${escapeHtml(formatNumber(max))}</text>${bars}</svg>`
  );
}

export function impactPage(impact: PublicImpactDto): string {
  const t = impact.totals;
  const tiles = [
    tile(t.families, 'الأسر المستفيدة', 'families served'),
    tile(t.students, 'الطلاب المستفيدون', 'students served'),
    tile(t.institutions, 'الجهات المستفيدة', 'institutions served'),
    tile(t.devicesHandedOver, 'الأجهزة المسلَّمة', 'devices handed over'),
    tile(t.drivesSanitized, 'الأقراص الممسوحة بأمان', 'drives securely erased'),
    tile(t.kgDiverted, 'كغ أُبعدت عن النفايات الإلكترونية', 'kg kept out of e-waste'),
    tile(t.co2eKg, 'كغ مكافئ CO₂ تُجنِّبت انبعاثاتها', 'kg CO₂e avoided'),
  ].join('');
  const regionRows = impact.regions
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.nameAr ?? 'غير محددة')}<div class="en" lang="en">${escapeHtml(r.nameEn ?? 'Not set')}</div></td>` +
        `${cell(r.families)}${cell(r.students)}${cell(r.institutions)}${cell(r.devicesHandedOver)}</tr>`,
    )
    .join('');
  const regions = impact.regions.length
    ? `<table><thead><tr>${heading('المنطقة', 'Region')}${heading('الأسر', 'Families')}${heading('الطلاب', 'Students')}${heading('الجهات', 'Institutions')}${heading('الأجهزة المسلّمة', 'Devices handed over')}</tr></thead><tbody>${regionRows}</tbody></table>`
    : paragraph({ ar: 'لم تُسجَّل تسليمات بعد.', en: 'No handovers recorded yet.' }, 'note');
  const legend =
    `<p class="legend"><i style="background:${BAR_RECEIVED}"></i>أجهزة مستلمة <span lang="en">(received)</span>` +
    `<i style="background:${BAR_HANDED_OVER}"></i>أجهزة مسلّمة <span lang="en">(handed over)</span></p>`;
  return publicPage({
    title: { ar: `أثر ${impact.charity.nameAr}`, en: `${impact.charity.nameEn}: our impact` },
    wide: true,
    css: CSS,
    sections: [
      `<h2>الأثر حتى اليوم <span class="en" lang="en">Impact to date</span></h2><div class="tiles">${tiles}</div>`,
      `<h2>حسب المنطقة <span class="en" lang="en">By region</span></h2>${regions}`,
      `<h2>آخر اثني عشر شهرًا <span class="en" lang="en">The last twelve months</span></h2>${legend}${monthlyChart(impact.months)}`,
    ],
    footer:
      `<p>${escapeHtml('أرقام إجمالية فقط، محسوبة لحظة الطلب، ولا تتضمن أي بيانات شخصية.')}</p>` +
      `<p class="en" lang="en">${escapeHtml('Aggregate figures only, exact when requested; no personal data.')}</p>`,
  });
}
