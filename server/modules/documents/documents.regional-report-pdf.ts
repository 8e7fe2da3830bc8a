// The regional report for public partners: on each page the letterhead, the region's name in Arabic and the second
// language (English, or French: `?lang=fr`, by default in Morocco),
// its figures as tiles, a bar chart of intake and handovers over 12 months drawn with vector primitives, and how
// the figures were made. One page per region; nothing on it flows onto a second page.
import { drawTextMemo } from './documents.text-memo.js';
import { formatNumber, gregorianDate, second, secondLanguage, type Bilingual } from './documents.format.js';
import { message, messages, type MessageId } from './documents.messages.js';
import {
  A4,
  COLORS,
  CONTENT_WIDTH,
  MARGIN,
  drawFooter,
  drawParagraphPair,
  drawSectionHeading,
  drawTitle,
  type Letterhead,
} from './documents.layout.js';
import { drawLetterhead } from './documents.masthead.js';
import { drawFieldGrid } from './documents.fields.js';
import { drawTiles, type Tile } from './documents.donor-receipt-tiles.js';
import {
  monthName,
  periodOf,
  regionalNotes,
  REGIONAL_TITLE,
  type RegionalReportData,
  type RegionalReportPage,
} from './documents.regional-report-data.js';

const SERIES = {
  intake: { color: COLORS.primary, label: { ar: 'الأجهزة المستلمة', en: 'Devices received', fr: 'Appareils reçus' } },
  handovers: {
    color: COLORS.accent,
    label: { ar: 'الأجهزة المسلَّمة', en: 'Devices handed over', fr: 'Appareils remis' },
  },
} as const satisfies Record<string, { color: string; label: Bilingual }>;

export function drawRegionalReport(doc: PDFKit.PDFDocument, data: RegionalReportData, letterhead: Letterhead): void {
  data.pages.forEach((page, index) => {
    if (index > 0) doc.addPage();
    drawRegionPage(doc, page, data.issuedAt, letterhead);
  });
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    const code = data.pages[i - start]?.region.code ?? '';
    drawFooter(doc, letterhead, `${second(REGIONAL_TITLE)} · ${code} · ${i - start + 1} / ${count}`);
  }
}

function drawRegionPage(doc: PDFKit.PDFDocument, page: RegionalReportPage, issuedAt: Date, letterhead: Letterhead) {
  let y = drawTitle(doc, drawLetterhead(doc, letterhead), REGIONAL_TITLE);
  y = drawRegionName(doc, y, page.region);
  const months = page.months.map((m) => m.month);
  y = drawFieldGrid(doc, y, [
    { label: { ar: 'رمز المنطقة', en: 'Region code', fr: 'Code de la région' }, value: page.region.code },
    { label: { ar: 'فترة الرسم البياني', en: 'Chart period', fr: 'Période du graphique' }, value: periodOf(months) },
    { label: { ar: 'تاريخ الإصدار', en: 'Date issued', fr: 'Date d’émission' }, value: gregorianDate(issuedAt).ar },
  ]);
  y = drawSectionHeading(doc, y, { ar: 'الأرقام حتى تاريخه', en: 'Figures to date', fr: 'Chiffres à ce jour' });
  y = drawTiles(doc, y + 4, tilesOf(page.figures));
  y = drawSectionHeading(doc, y, {
    ar: 'الاستلام والتسليم شهريًا',
    en: 'Intake and handovers by month',
    fr: 'Réceptions et remises par mois',
  });
  y = drawMonthlyChart(doc, y + 6, page.months);
  const totals = {
    intake: page.months.reduce((sum, m) => sum + m.intake, 0),
    handovers: page.months.reduce((sum, m) => sum + m.handovers, 0),
  };
  y = drawParagraphPair(doc, y - 6, messages('regionChartTotals', totals), 7.5) - 2;
  for (const note of regionalNotes()) y = drawParagraphPair(doc, y, note, 7) - 4;
}

/** The region's Arabic name at the right, its second-language name at the left, on a light band under an accent rule. */
function drawRegionName(doc: PDFKit.PDFDocument, y: number, region: RegionalReportPage['region']): number {
  const height = 30;
  doc.save().rect(MARGIN, y, CONTENT_WIDTH, height).fill(COLORS.band).restore();
  doc.save().rect(MARGIN, y, CONTENT_WIDTH, 2).fill(COLORS.accent).restore();
  const half = CONTENT_WIDTH / 2 - 12;
  drawTextMemo(doc, region.nameAr, {
    x: A4.width - MARGIN - 10 - half,
    y: y + 5,
    width: half,
    size: 15,
    bold: true,
    align: 'right',
    color: COLORS.primary,
    direction: 'rtl',
  });
  drawTextMemo(doc, secondLanguage() === 'fr' ? region.nameFr : region.nameEn, {
    x: MARGIN + 10,
    y: y + 7,
    width: half,
    size: 13,
    bold: true,
    align: 'left',
    color: COLORS.primary,
    direction: 'ltr',
  });
  return y + height + 8;
}

/** A tile's caption in Arabic and the second language, agreeing with its count in the second language. */
const caption = (id: MessageId, n: number): Bilingual => ({
  ar: message(id, 'ar', { n }),
  en: message(id, 'en', { n }),
  fr: message(id, 'fr', { n }),
});

function tilesOf(f: RegionalReportPage['figures']): Tile[][] {
  const n = formatNumber;
  return [
    [
      { value: n(f.received), label: caption('tileReceived', f.received) },
      { value: n(f.inWorkshop), label: caption('regionInWorkshop', f.inWorkshop) },
      { value: n(f.ready), label: caption('regionReady', f.ready) },
      { value: n(f.handedOver), label: caption('regionHandedOver', f.handedOver) },
      { value: n(f.drivesSanitized), label: caption('tileDrives', f.drivesSanitized) },
    ],
    [
      { value: n(f.families), label: caption('tileFamilies', f.families) },
      { value: n(f.students), label: caption('tileStudents', f.students) },
      { value: n(f.institutions), label: caption('regionInstitutions', f.institutions) },
      { value: n(f.kgDiverted), label: caption('tileKg', f.kgDiverted) },
      { value: `≈ ${n(f.co2eKg)}`, label: caption('tileCo2eShort', f.co2eKg) },
    ],
  ];
}

/** 1, 2 or 5 times a power of ten, so that about four grid lines cover the tallest bar. */
export function niceStep(max: number): number {
  const rough = max / 4;
  const p = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= rough) ?? p * 10;
}

const PLOT_HEIGHT = 150;
const AXIS_WIDTH = 30;

/**
 * Grouped bars, oldest month at the left (a time axis, in Western digits like the rest of the report), a grid line
 * per step with its value, each bar's value above it, and under each month its Arabic and second-language names (the year
 * under the first month and under every January). Returns the y below the legend.
 */
function drawMonthlyChart(doc: PDFKit.PDFDocument, y: number, months: RegionalReportPage['months']): number {
  const legendY = y;
  drawLegend(doc, legendY);
  const top = legendY + 20;
  const left = MARGIN + AXIS_WIDTH;
  const right = A4.width - MARGIN;
  const bottom = top + PLOT_HEIGHT;
  const max = Math.max(1, ...months.flatMap((m) => [m.intake, m.handovers]));
  const step = niceStep(max);
  const ceiling = Math.ceil(max / step) * step;
  const yOf = (v: number) => bottom - (v / ceiling) * PLOT_HEIGHT;
  for (let v = 0; v <= ceiling; v += step) {
    doc
      .save()
      .moveTo(left, yOf(v))
      .lineTo(right, yOf(v))
      .lineWidth(v === 0 ? 0.8 : 0.4)
      .stroke(v === 0 ? COLORS.muted : COLORS.rule)
      .restore();
    drawTextMemo(doc, formatNumber(v), {
      x: MARGIN,
      y: yOf(v) - 4,
      width: AXIS_WIDTH - 5,
      size: 7,
      align: 'right',
      color: COLORS.muted,
      direction: 'ltr',
    });
  }
  const slot = (right - left) / Math.max(1, months.length);
  const barWidth = Math.min(13, slot * 0.34);
  months.forEach((m, i) => {
    const centre = left + slot * (i + 0.5);
    const bars = [
      { value: m.intake, color: SERIES.intake.color, x: centre - barWidth - 1 },
      { value: m.handovers, color: SERIES.handovers.color, x: centre + 1 },
    ];
    for (const bar of bars) {
      const height = bottom - yOf(bar.value);
      if (height > 0) doc.save().rect(bar.x, yOf(bar.value), barWidth, height).fill(bar.color).restore();
      if (bar.value > 0)
        drawTextMemo(doc, formatNumber(bar.value), {
          x: bar.x - 6,
          y: yOf(bar.value) - 9,
          width: barWidth + 12,
          size: 6.5,
          align: 'center',
          color: COLORS.ink,
          direction: 'ltr',
        });
    }
    const name = monthName(m.month);
    const box = { x: centre - slot / 2, width: slot, align: 'center' as const };
    drawTextMemo(doc, name.ar, { ...box, y: bottom + 4, size: 7, color: COLORS.ink, direction: 'rtl' });
    drawTextMemo(doc, second(name), { ...box, y: bottom + 14, size: 6.5, color: COLORS.muted, direction: 'ltr' });
    if (i === 0 || m.month.endsWith('-01'))
      drawTextMemo(doc, m.month.slice(0, 4), {
        ...box,
        y: bottom + 23,
        size: 6.5,
        bold: true,
        color: COLORS.muted,
        direction: 'ltr',
      });
  });
  return bottom + 40;
}

/** The two series' swatches and names, Arabic first from the right. */
function drawLegend(doc: PDFKit.PDFDocument, y: number): void {
  let x = A4.width - MARGIN;
  for (const series of [SERIES.intake, SERIES.handovers]) {
    const label = `${series.label.ar} · ${second(series.label)}`;
    const width = 160;
    doc
      .save()
      .rect(x - 10, y + 2, 9, 9)
      .fill(series.color)
      .restore();
    drawTextMemo(doc, label, {
      x: x - 14 - width,
      y: y + 1,
      width,
      size: 8,
      align: 'right',
      color: COLORS.ink,
      direction: 'rtl',
    });
    x -= width + 24;
  }
}
