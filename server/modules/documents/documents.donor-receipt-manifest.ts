// The manifest of a donor receipt: one line per device, across as many pages as it takes (a donation of 500
// laptops is ten pages), with the column headings repeated on each page. Columns run right to left, as Arabic does.
import { ltr } from '../../lib/pdf/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { printTag, second, wording, type Bilingual } from './documents.format.js';
import { messages } from './documents.messages.js';
import { A4, COLORS, FOOTER_TOP, MARGIN, both } from './documents.layout.js';

// Short wordings: a manifest cell holds both languages on one line (the columns leave room for the French).
const TYPES: Readonly<Record<string, Bilingual>> = {
  laptop: { ar: 'محمول', en: 'Laptop', fr: 'Portable' },
  desktop: { ar: 'مكتبي', en: 'Desktop', fr: 'Fixe' },
  all_in_one: { ar: 'متكامل', en: 'All-in-one', fr: 'Tout-en-un' },
  tablet: { ar: 'لوحي', en: 'Tablet', fr: 'Tablette' },
  phone: { ar: 'جوال', en: 'Phone', fr: 'Téléphone' },
  monitor: { ar: 'شاشة', en: 'Monitor', fr: 'Écran' },
  other: { ar: 'آخر', en: 'Other', fr: 'Autre' },
};
const OUTCOMES: Readonly<Record<string, Bilingual>> = {
  placed: { ar: 'سُلّم', en: 'Placed', fr: 'Remis' },
  recycled: { ar: 'أُعيد تدويره', en: 'Recycled', fr: 'Recyclé' },
  harvested: { ar: 'مُفكَّك', en: 'Harvested', fr: 'Démonté' },
  in_progress: { ar: 'قيد التجهيز', en: 'In progress', fr: 'En préparation' },
};
import type { ManifestRow } from './documents.donor-receipt-data.js';

interface Column {
  title: Bilingual;
  width: number;
  value: (row: ManifestRow, index: number) => string;
  ltr?: boolean;
}

const COLUMNS: readonly Column[] = [
  { title: { ar: '#', en: '#' }, width: 22, value: (_row, i) => String(i + 1), ltr: true },
  {
    title: { ar: 'رمز الأصل', en: 'Tag', fr: 'Étiquette' },
    width: 58,
    value: (row) => printTag(row.assetTag),
    ltr: true,
  },
  { title: { ar: 'النوع', en: 'Type', fr: 'Type' }, width: 82, value: (row) => both(wording(TYPES, row.type)) },
  { title: { ar: 'الصانع', en: 'Make', fr: 'Marque' }, width: 56, value: (row) => row.manufacturer ?? '', ltr: true },
  { title: { ar: 'الطراز', en: 'Model', fr: 'Modèle' }, width: 96, value: (row) => row.model ?? '', ltr: true },
  {
    title: { ar: 'الرقم التسلسلي', en: 'Serial', fr: 'N° de série' },
    width: 82,
    value: (row) => row.serialNumber ?? '',
    ltr: true,
  },
  {
    title: { ar: 'المآل', en: 'Outcome', fr: 'Devenir' },
    width: 117,
    value: (row) => both(wording(OUTCOMES, row.outcome)),
  },
];

const ROW_HEIGHT = 14;
const HEAD_HEIGHT = 24;
const SIZE = 7.5;

/** The height of the column headings and one row: what must fit before the manifest starts on a page. */
export const MANIFEST_MIN_HEIGHT = HEAD_HEIGHT + ROW_HEIGHT;

/** Draws the manifest from `y` on, adding pages as needed (each starts with `running()`); returns the y below. */
export function drawManifest(
  doc: PDFKit.PDFDocument,
  y: number,
  rows: readonly ManifestRow[],
  running: () => number,
): number {
  y = drawHead(doc, y);
  rows.forEach((row, index) => {
    if (y + ROW_HEIGHT > FOOTER_TOP - 20) {
      doc.addPage();
      y = drawHead(doc, running());
    }
    if (index % 2 === 1)
      doc
        .save()
        .rect(MARGIN, y, A4.width - 2 * MARGIN, ROW_HEIGHT)
        .fill(COLORS.band)
        .restore();
    eachColumn((column, x) => {
      const text = fit(doc, column.value(row, index), column.width - 8);
      drawTextMemo(doc, text, {
        x: x + 4,
        y: y + 2.5,
        width: column.width - 8,
        size: SIZE,
        align: column.ltr ? 'center' : 'right',
        color: COLORS.ink,
      });
    });
    y += ROW_HEIGHT;
  });
  doc
    .save()
    .moveTo(MARGIN, y)
    .lineTo(A4.width - MARGIN, y)
    .lineWidth(0.6)
    .stroke(COLORS.primary)
    .restore();
  const ending = messages('endOfManifest', { n: rows.length });
  const end = `${ending.ar} · ${ltr(second(ending))}`;
  drawTextMemo(doc, end, {
    x: MARGIN,
    y: y + 4,
    width: A4.width - 2 * MARGIN,
    size: 7.5,
    align: 'center',
    color: COLORS.muted,
    direction: 'rtl',
  });
  return y + 18;
}

function eachColumn(draw: (column: Column, x: number) => void): void {
  let right = A4.width - MARGIN;
  for (const column of COLUMNS) {
    draw(column, right - column.width);
    right -= column.width;
  }
}

function drawHead(doc: PDFKit.PDFDocument, y: number): number {
  doc
    .save()
    .rect(MARGIN, y, A4.width - 2 * MARGIN, HEAD_HEIGHT)
    .fill(COLORS.primary)
    .restore();
  eachColumn((column, x) => {
    drawTextMemo(doc, column.title.ar, {
      x: x + 2,
      y: y + 2,
      width: column.width - 4,
      size: 7.5,
      bold: true,
      align: 'center',
      color: COLORS.white,
      direction: 'rtl',
    });
    if (column.title.en !== column.title.ar) {
      drawTextMemo(doc, second(column.title), {
        x: x + 2,
        y: y + 12.5,
        width: column.width - 4,
        size: 6.5,
        align: 'center',
        color: COLORS.white,
        direction: 'ltr',
      });
    }
  });
  return y + HEAD_HEIGHT;
}

// Cells are one line: a value too long for its column is cut with an ellipsis rather than run into the next one.
// Plain widthOfString is close enough to decide the cut (drawText then lays out what remains).
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  doc.fontSize(SIZE);
  if (doc.widthOfString(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
