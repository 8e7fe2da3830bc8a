// The blocks of the yearly statement, in one language: paragraphs, heading bands, label-over-value cells, figure
// tiles and tables. Arabic starts at the right (cells, tiles, columns), English and French at the left.
import { drawTextMemo, measureTextMemo } from './documents.text-memo.js';
import { message, numberIn, type MessageId } from './documents.messages.js';
import { A4, COLORS, CONTENT_WIDTH, FOOTER_TOP, MARGIN } from './documents.layout.js';
import type { StatementFigures } from './documents.donor-statement-data.js';
import { directionOf, type DonorLanguage } from './documents.donor-statement-wording.js';

export interface Ctx {
  doc: PDFKit.PDFDocument;
  lang: DonorLanguage;
  running: () => number;
}

export const startSide = (lang: DonorLanguage) =>
  ({ align: lang === 'ar' ? 'right' : 'left', direction: directionOf(lang) }) as const;

export function measure(ctx: Ctx, text: string, size: number): number {
  return measureTextMemo(ctx.doc, text, {
    x: MARGIN,
    y: 0,
    width: CONTENT_WIDTH,
    size,
    lineGap: 2,
    ...startSide(ctx.lang),
  }).height;
}

export function drawParagraph(ctx: Ctx, y: number, text: string, size: number, color: string): number {
  const box = drawTextMemo(ctx.doc, text, {
    x: MARGIN,
    y,
    width: CONTENT_WIDTH,
    size,
    color,
    lineGap: 2,
    ...startSide(ctx.lang),
  });
  return y + box.height + 6;
}

/** A band with the heading at the start side; returns the y below. */
export function drawHeading(ctx: Ctx, y: number, title: string): number {
  const { doc, lang } = ctx;
  doc.save().rect(MARGIN, y, CONTENT_WIDTH, 20).fill(COLORS.primary).restore();
  const accentX = lang === 'ar' ? A4.width - MARGIN - 4 : MARGIN;
  doc.save().rect(accentX, y, 4, 20).fill(COLORS.accent).restore();
  drawTextMemo(doc, title, {
    x: MARGIN + 10,
    y: y + 3.5,
    width: CONTENT_WIDTH - 20,
    size: 10.5,
    bold: true,
    color: COLORS.white,
    ...startSide(lang),
  });
  return y + 26;
}

/** Label over value, three cells a line, from the start side; returns the y below. */
export function drawCells(ctx: Ctx, y: number, all: ReadonlyArray<[string, string]>): number {
  const { doc, lang } = ctx;
  // An unset value (no licence number) leaves its cell out rather than printing a lone dash.
  const cells = all.filter(([, value]) => value.replace(/[\u2066-\u2069]/g, '').trim());
  const width = CONTENT_WIDTH / 3;
  for (let i = 0; i < cells.length; i += 3) {
    const line = cells.slice(i, i + 3);
    const height =
      Math.max(
        ...line.map(
          ([, value]) =>
            measureTextMemo(doc, value, {
              x: 0,
              y: 0,
              width: width - 10,
              size: 9.5,
              bold: true,
              ...startSide(lang),
            }).height,
        ),
      ) + 22;
    line.forEach(([label, value], j) => {
      const x = lang === 'ar' ? A4.width - MARGIN - (j + 1) * width : MARGIN + j * width;
      doc.save().rect(x, y, width, height).lineWidth(0.5).stroke(COLORS.rule).restore();
      const box = { x: x + 5, width: width - 10, ...startSide(lang) };
      drawTextMemo(doc, label, { ...box, y: y + 4, size: 7.5, color: COLORS.muted });
      drawTextMemo(doc, value, { ...box, y: y + 15, size: 9.5, bold: true, color: COLORS.ink });
    });
    y += height;
  }
  return y + 10;
}

export function drawTiles(ctx: Ctx, y: number, figures: StatementFigures): number {
  const { doc, lang } = ctx;
  const i = figures.impact;
  const n = (value: number) => numberIn(lang, value);
  const tile = (value: number, caption: MessageId, shown = n(value)): [string, string] => [
    shown,
    message(caption, lang, { n: value }),
  ];
  const disposed = i.outcomes.recycled + i.outcomes.harvested;
  const lines: Array<Array<[string, string]>> = [
    [
      tile(i.received, 'tileGiven'),
      tile(i.outcomes.placed, 'tilePlaced'),
      tile(i.families, 'tileFamilies'),
      tile(i.students, 'tileStudents'),
      tile(i.drivesSanitized.total, 'tileDrives'),
    ],
    [
      tile(i.outcomes.in_progress, 'tileInProgress'),
      tile(disposed, 'tileDisposed'),
      tile(i.kg.total, 'tileKg'),
      tile(i.co2e.kg, 'tileCo2e', `≈ ${n(i.co2e.kg)}`),
    ],
  ];
  const gap = 7;
  const width = (CONTENT_WIDTH - 4 * gap) / 5;
  for (const line of lines) {
    line.forEach(([value, label], j) => {
      const x = lang === 'ar' ? A4.width - MARGIN - (j + 1) * width - j * gap : MARGIN + j * (width + gap);
      doc.save().roundedRect(x, y, width, 50, 5).fill(COLORS.band).restore();
      doc
        .save()
        .rect(lang === 'ar' ? x + width - 3 : x, y + 8, 3, 34)
        .fill(COLORS.accent)
        .restore();
      const box = { x: x + 7, width: width - 14, ...startSide(lang) };
      drawTextMemo(doc, value, { ...box, y: y + 5, size: 16, bold: true, color: COLORS.primary, direction: 'ltr' });
      drawTextMemo(doc, label, { ...box, y: y + 27, size: 8, bold: true, color: COLORS.ink });
    });
    y += 50 + gap;
  }
  return y + 4;
}

/** Columns from the start side, header on a band, one row a line; a new page repeats the header. */
export function drawTable(
  ctx: Ctx,
  y: number,
  widths: number[],
  header: string[],
  rows: string[][],
  lastBold = false,
): number {
  const { doc, lang } = ctx;
  const drawRow = (cells: string[], top: number, bold: boolean, band: boolean) => {
    if (band) doc.save().rect(MARGIN, top, CONTENT_WIDTH, 18).fill(COLORS.band).restore();
    let offset = 0;
    cells.forEach((text, i) => {
      const width = widths[i] * CONTENT_WIDTH;
      const x = lang === 'ar' ? A4.width - MARGIN - offset - width : MARGIN + offset;
      drawTextMemo(doc, text, {
        x: x + 6,
        y: top + 4,
        width: width - 12,
        size: 9,
        bold,
        color: bold ? COLORS.primary : COLORS.ink,
        ...startSide(lang),
      });
      offset += width;
    });
  };
  drawRow(header, y, true, true);
  y += 20;
  rows.forEach((cells, index) => {
    if (y + 18 > FOOTER_TOP - 6) {
      y = ctx.running();
      drawRow(header, y, true, true);
      y += 20;
    }
    drawRow(cells, y, lastBold && index === rows.length - 1, false);
    doc
      .save()
      .moveTo(MARGIN, y + 18)
      .lineTo(A4.width - MARGIN, y + 18)
      .lineWidth(0.4)
      .stroke(COLORS.rule)
      .restore();
    y += 18;
  });
  return y + 10;
}
