// Asset labels: Code128 of the tag (what handheld scanners read), a QR code of PUBLIC_URL/d/<tag> (what phone
// cameras read), the tag printed as NM-000123, and make and model small. 62 × 29 mm continuous roll (Brother QL
// DK-22205 cut to length) one label per page, or an A4 sheet of 3 × 8 (Avery L7159, 63.5 × 33.9 mm).
import { config } from '../../config.js';
import { DEMO_MARK } from './documents.demo.js';
import { drawCode128, drawQr } from '../../lib/pdf/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { printTag } from './documents.format.js';
import { COLORS } from './documents.layout.js';

export const MM = 72 / 25.4;
export const ROLL_LABEL = { width: 62 * MM, height: 29 * MM } as const;

/** Avery L7159: 3 columns × 8 rows of 63.5 × 33.9 mm, 7.2 mm side and 12.9 mm top margins, 2.5 mm between columns. */
export const A4_SHEET = {
  columns: 3,
  rows: 8,
  width: 63.5 * MM,
  height: 33.9 * MM,
  left: 7.2 * MM,
  top: 12.9 * MM,
  pitchX: 66 * MM,
  pitchY: 33.9 * MM,
} as const;

export type LabelFormat = 'roll' | 'a4';

export interface LabelData {
  assetTag: string;
  manufacturer: string | null;
  model: string | null;
  /** A demo device (issue 22): its owner line says so, in red. */
  demo?: boolean;
}

/** Who owns the labelled device (the charity's name), printed smallest at the foot. */
export interface LabelOptions {
  owner: string;
}

/** The charity's name at the foot of every label, in points (never under 6: it must be readable). */
export const OWNER_SIZE = 6.5;

export const deviceUrlOf = (assetTag: string): string => `${config.publicUrl}/d/${assetTag}`;

/** One label in the box (x, y, width, height), with a 2 mm inner margin. */
export function drawLabel(
  doc: PDFKit.PDFDocument,
  label: LabelData,
  box: { x: number; y: number; width: number; height: number },
  options: LabelOptions,
): void {
  const { x, y, width, height } = box;
  const pad = 2 * MM;
  // The charity's name takes a strip across the whole label at the foot (the QR stands above it), so it prints whole.
  const ownerStrip = OWNER_SIZE * 1.5;
  const qr = height - 2 * pad - ownerStrip;
  // The QR box includes its 4-module quiet zone, so it may touch the label's margin.
  drawQr(doc, deviceUrlOf(label.assetTag), x + pad - 1 * MM, y + pad, qr);
  const left = x + pad + qr;
  const right = x + width - pad;
  const codeHeight = height * 0.38;
  // The Code128 box includes its quiet zones: on each side 10 modules of white, which the QR's quiet zone may share.
  drawCode128(doc, label.assetTag, left - 1 * MM, y + pad, right - left + 1 * MM, codeHeight);
  const textBox = { x: left + 1 * MM, width: right - left - 1 * MM, align: 'center' as const };
  drawTextMemo(doc, printTag(label.assetTag), {
    ...textBox,
    y: y + pad + codeHeight + 1,
    size: 12,
    bold: true,
    color: COLORS.ink,
    direction: 'ltr',
  });
  const makeModel = [label.manufacturer, label.model].filter(Boolean).join(' ');
  if (makeModel)
    drawTextMemo(doc, oneLine(doc, makeModel, textBox.width, 6.5), {
      ...textBox,
      y: doc.y,
      size: 6.5,
      color: COLORS.ink,
    });
  // The owner's name must stay readable on a sheet label: at least 6 pt (OWNER_SIZE), in the ink colour.
  const ownerBox = { x: x + pad, width: width - 2 * pad, align: 'center' as const };
  const owner = label.demo ? `${DEMO_MARK} · ${options.owner}` : options.owner;
  drawTextMemo(doc, oneLine(doc, owner, ownerBox.width, OWNER_SIZE), {
    ...ownerBox,
    y: y + height - pad - ownerStrip,
    size: OWNER_SIZE,
    bold: Boolean(label.demo),
    color: label.demo ? COLORS.danger : COLORS.ink,
    direction: 'rtl',
  });
}

function oneLine(doc: PDFKit.PDFDocument, text: string, width: number, size: number): string {
  doc.fontSize(size);
  if (doc.widthOfString(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Draws every label: one per page on a roll, 24 per page on an A4 sheet. The document starts with one page. */
export function drawLabels(
  doc: PDFKit.PDFDocument,
  labels: readonly LabelData[],
  format: LabelFormat,
  options: LabelOptions,
): void {
  labels.forEach((label, index) => {
    if (format === 'roll') {
      if (index > 0) doc.addPage({ size: [ROLL_LABEL.width, ROLL_LABEL.height], margin: 0 });
      drawLabel(doc, label, { x: 0, y: 0, ...ROLL_LABEL }, options);
      return;
    }
    const slot = index % (A4_SHEET.columns * A4_SHEET.rows);
    if (index > 0 && slot === 0) doc.addPage({ size: 'A4', margin: 0 });
    const x = A4_SHEET.left + (slot % A4_SHEET.columns) * A4_SHEET.pitchX;
    const y = A4_SHEET.top + Math.floor(slot / A4_SHEET.columns) * A4_SHEET.pitchY;
    drawLabel(doc, label, { x, y, width: A4_SHEET.width, height: A4_SHEET.height }, options);
  });
}
