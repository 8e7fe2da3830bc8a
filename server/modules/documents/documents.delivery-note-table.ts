// The delivery note's list of devices: one line per device with its specs, across as many pages as it takes (a
// batch of 500 laptops is eleven pages), the column headings repeated at the top of each. Columns run right to
// left, as Arabic does. While the batch is reserved a last column holds an empty box to tick as each device is
// checked at the door; once handed over the note is a record and the box is gone.
import { FONT_REGULAR } from '../../lib/pdf/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { printTag, second, wording, type Bilingual } from './documents.format.js';
import { A4, COLORS, CONTENT_WIDTH, FOOTER_TOP, MARGIN } from './documents.layout.js';
import type { DeliveryNoteDevice } from './documents.delivery-note-data.js';

// Short wordings: a cell holds both languages on one line.
const TYPES: Readonly<Record<string, Bilingual>> = {
  laptop: { ar: 'محمول', en: 'Laptop', fr: 'Portable' },
  desktop: { ar: 'مكتبي', en: 'Desktop', fr: 'Bureau' },
  all_in_one: { ar: 'متكامل', en: 'AIO', fr: 'Tout-en-un' },
  tablet: { ar: 'لوحي', en: 'Tablet', fr: 'Tablette' },
  phone: { ar: 'جوال', en: 'Phone', fr: 'Téléphone' },
  monitor: { ar: 'شاشة', en: 'Monitor', fr: 'Écran' },
  other: { ar: 'آخر', en: 'Other', fr: 'Autre' },
};

interface Column {
  title: Bilingual;
  width: number;
  value: (row: DeliveryNoteDevice, index: number) => string;
  /** Values drawn left to right and centred (tags, serials, specs); otherwise right-aligned Arabic. */
  ltr?: boolean;
  /** An empty box to tick on paper. */
  check?: boolean;
}

const CHECK_WIDTH = 26;
/** Make and model take what the other columns leave. */
// The type column holds `محمول Portable`, the French being the longer.
const FIXED_WIDTH = 22 + 52 + 60 + 70 + 76 + 32 + 54 + 28;

function columns(withCheck: boolean): Column[] {
  const makeModel = CONTENT_WIDTH - FIXED_WIDTH - (withCheck ? CHECK_WIDTH : 0);
  return [
    { title: { ar: '#', en: '#' }, width: 22, value: (_row, i) => String(i + 1), ltr: true },
    {
      title: { ar: 'رمز الأصل', en: 'Asset tag', fr: 'Étiquette' },
      width: 52,
      value: (row) => printTag(row.assetTag),
      ltr: true,
    },
    {
      title: { ar: 'النوع', en: 'Type' },
      width: 60,
      value: (row) => {
        const type = wording(TYPES, row.type);
        return `${type.ar} ${second(type)}`;
      },
    },
    {
      title: { ar: 'الصانع والطراز', en: 'Make and model', fr: 'Marque et modèle' },
      width: makeModel,
      value: (row) => [row.manufacturer, row.model].filter(Boolean).join(' '),
      ltr: true,
    },
    {
      title: { ar: 'الرقم التسلسلي', en: 'Serial number', fr: 'N° de série' },
      width: 70,
      value: (row) => row.serialNumber ?? '',
      ltr: true,
    },
    { title: { ar: 'المعالج', en: 'CPU', fr: 'Processeur' }, width: 76, value: (row) => row.cpu ?? '', ltr: true },
    {
      title: { ar: 'الذاكرة', en: 'RAM', fr: 'RAM' },
      width: 32,
      value: (row) => (row.ramGb ? `${row.ramGb} GB` : ''),
      ltr: true,
    },
    {
      title: { ar: 'التخزين', en: 'Storage', fr: 'Stockage' },
      width: 54,
      value: (row) => row.storage ?? '',
      ltr: true,
    },
    { title: { ar: 'التصنيف', en: 'Grade', fr: 'Classe' }, width: 28, value: (row) => row.grade ?? '', ltr: true },
    ...(withCheck
      ? [{ title: { ar: 'استُلم', en: 'Checked', fr: 'Vérifié' }, width: CHECK_WIDTH, value: () => '', check: true }]
      : []),
  ];
}

const ROW_HEIGHT = 14;
const HEAD_HEIGHT = 24;
const SIZE = 7;

/** The height of the column headings and one row: what must fit before the table starts on a page. */
export const TABLE_MIN_HEIGHT = HEAD_HEIGHT + ROW_HEIGHT;

/**
 * Draws the devices from `y` on, adding pages as needed (each starts with `running()`, which returns the y below the
 * running header); returns the y below the table.
 */
export function drawDeviceTable(
  doc: PDFKit.PDFDocument,
  y: number,
  rows: readonly DeliveryNoteDevice[],
  withCheck: boolean,
  running: () => number,
): number {
  const cols = columns(withCheck);
  y = drawHead(doc, y, cols);
  rows.forEach((row, index) => {
    if (y + ROW_HEIGHT > FOOTER_TOP - 8) {
      closeTable(doc, y);
      doc.addPage();
      y = drawHead(doc, running(), cols);
    }
    if (index % 2 === 1) doc.save().rect(MARGIN, y, CONTENT_WIDTH, ROW_HEIGHT).fill(COLORS.band).restore();
    eachColumn(cols, (column, x) => {
      if (column.check) {
        doc
          .save()
          .rect(x + column.width / 2 - 4, y + 3, 8, 8)
          .lineWidth(0.6)
          .stroke(COLORS.muted)
          .restore();
        return;
      }
      const text = fit(doc, column.value(row, index), column.width - 6);
      drawTextMemo(doc, text, {
        x: x + 3,
        y: y + 3,
        width: column.width - 6,
        size: SIZE,
        align: column.ltr ? 'center' : 'right',
        color: COLORS.ink,
        direction: column.ltr ? 'ltr' : 'rtl',
      });
    });
    y += ROW_HEIGHT;
  });
  closeTable(doc, y);
  return y + 6;
}

function closeTable(doc: PDFKit.PDFDocument, y: number): void {
  doc
    .save()
    .moveTo(MARGIN, y)
    .lineTo(A4.width - MARGIN, y)
    .lineWidth(0.6)
    .stroke(COLORS.primary)
    .restore();
}

function eachColumn(cols: readonly Column[], draw: (column: Column, x: number) => void): void {
  let right = A4.width - MARGIN;
  for (const column of cols) {
    draw(column, right - column.width);
    right -= column.width;
  }
}

function drawHead(doc: PDFKit.PDFDocument, y: number, cols: readonly Column[]): number {
  doc.save().rect(MARGIN, y, CONTENT_WIDTH, HEAD_HEIGHT).fill(COLORS.primary).restore();
  eachColumn(cols, (column, x) => {
    drawTextMemo(doc, column.title.ar, {
      x: x + 1,
      y: y + 2,
      width: column.width - 2,
      size: 7,
      bold: true,
      align: 'center',
      color: COLORS.white,
      direction: 'rtl',
    });
    if (second(column.title) !== column.title.ar) {
      drawTextMemo(doc, fit(doc, second(column.title), column.width - 2, 6), {
        x: x + 1,
        y: y + 12.5,
        width: column.width - 2,
        size: 6,
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
function fit(doc: PDFKit.PDFDocument, text: string, width: number, size = SIZE): string {
  doc.font(FONT_REGULAR).fontSize(size);
  if (doc.widthOfString(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
