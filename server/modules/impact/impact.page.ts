// /impact: the public impact page, Arabic first with the second language under it (English, or French: `?lang=fr`,
// by default in Morocco), in the public pages' frame (no scripts, no external requests). Totals as tiles, a table by
// region, and the last 12 months as a bar chart drawn in SVG. Drawn inside drawingIn(lang) (impact.routes.ts).
import { escapeHtml, formatNumber, paragraph, publicPage, second, secondLanguage } from '../documents/index.js';
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

/** Arabic, English and French wording; the page prints Arabic and the second language being drawn. */
type Words = { ar: string; en: string; fr: string };
const w = (ar: string, en: string, fr: string): Words => ({ ar, en, fr });
const other = (words: Words): string => second(words);
const span = (words: Words) => `<span class="en" lang="${secondLanguage()}">${escapeHtml(other(words))}</span>`;

function tile(value: number, words: Words): string {
  return `<div class="tile"><b>${escapeHtml(formatNumber(value))}</b>${escapeHtml(words.ar)}<small lang="${secondLanguage()}">${escapeHtml(other(words))}</small></div>`;
}

const heading = (words: Words) => `<th>${escapeHtml(words.ar)}${span(words)}</th>`;
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
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(other(w('', 'Devices received and handed over per month', 'Appareils reçus et remis par mois')))}">` +
    `<line x1="0" y1="${bottom}" x2="${width}" y2="${bottom}" stroke="#d3dcdd"/>` +
    `<text x="${width}" y="12" font-size="12" text-anchor="end" fill="#5f6f76">${escapeHtml(formatNumber(max))}</text>${bars}</svg>`
  );
}

/** The region's name in the second language ('Not set' / 'Non précisée' for the handovers without one). */
function regionName(r: PublicImpactDto['regions'][number]): string {
  if (secondLanguage() === 'fr') return r.nameFr ?? r.nameEn ?? 'Non précisée';
  return r.nameEn ?? 'Not set';
}

export function impactPage(impact: PublicImpactDto): string {
  const t = impact.totals;
  const tiles = [
    tile(t.families, w('الأسر المستفيدة', 'families served', 'familles bénéficiaires')),
    tile(t.students, w('الطلاب المستفيدون', 'students served', 'élèves bénéficiaires')),
    tile(t.institutions, w('الجهات المستفيدة', 'institutions served', 'établissements bénéficiaires')),
    tile(t.devicesHandedOver, w('الأجهزة المسلَّمة', 'devices handed over', 'appareils remis')),
    tile(t.drivesSanitized, w('الأقراص الممسوحة بأمان', 'drives securely erased', 'disques effacés de façon sûre')),
    tile(
      t.kgDiverted,
      w('كغ أُبعدت عن النفايات الإلكترونية', 'kg kept out of e-waste', 'kg de déchets électroniques évités'),
    ),
    tile(t.co2eKg, w('كغ مكافئ CO₂ تُجنِّبت انبعاثاتها', 'kg CO₂e avoided', 'kg CO₂e évités')),
  ].join('');
  const regionRows = impact.regions
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.nameAr ?? 'غير محددة')}<div class="en" lang="${secondLanguage()}">${escapeHtml(regionName(r))}</div></td>` +
        `${cell(r.families)}${cell(r.students)}${cell(r.institutions)}${cell(r.devicesHandedOver)}</tr>`,
    )
    .join('');
  const regions = impact.regions.length
    ? `<table><thead><tr>${heading(w('المنطقة', 'Region', 'Région'))}${heading(w('الأسر', 'Families', 'Familles'))}${heading(w('الطلاب', 'Students', 'Élèves'))}${heading(w('الجهات', 'Institutions', 'Établissements'))}${heading(w('الأجهزة المسلّمة', 'Devices handed over', 'Appareils remis'))}</tr></thead><tbody>${regionRows}</tbody></table>`
    : paragraph(
        w('لم تُسجَّل تسليمات بعد.', 'No handovers recorded yet.', 'Aucune remise enregistrée pour l’instant.'),
        'note',
      );
  const lang = secondLanguage();
  const legend =
    `<p class="legend"><i style="background:${BAR_RECEIVED}"></i>أجهزة مستلمة <span lang="${lang}">(${other(w('', 'received', 'reçus'))})</span>` +
    `<i style="background:${BAR_HANDED_OVER}"></i>أجهزة مسلّمة <span lang="${lang}">(${other(w('', 'handed over', 'remis'))})</span></p>`;
  return publicPage({
    title: w(
      `أثر ${impact.charity.nameAr}`,
      `${impact.charity.nameEn}: our impact`,
      `${impact.charity.nameEn} : notre impact`,
    ),
    wide: true,
    css: CSS,
    sections: [
      `<h2>الأثر حتى اليوم ${span(w('', 'Impact to date', 'Impact à ce jour'))}</h2><div class="tiles">${tiles}</div>`,
      `<h2>حسب المنطقة ${span(w('', 'By region', 'Par région'))}</h2>${regions}`,
      `<h2>آخر اثني عشر شهرًا ${span(w('', 'The last twelve months', 'Les douze derniers mois'))}</h2>${legend}${monthlyChart(impact.months)}`,
    ],
    footer:
      `<p>${escapeHtml('أرقام إجمالية فقط، محسوبة لحظة الطلب، ولا تتضمن أي بيانات شخصية.')}</p>` +
      `<p class="en" lang="${lang}">${escapeHtml(other(w('', 'Aggregate figures only, exact when requested; no personal data.', 'Chiffres globaux uniquement, exacts au moment de la demande ; aucune donnée personnelle.')))}</p>`,
  });
}
