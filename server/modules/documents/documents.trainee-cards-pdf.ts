// Trainee cards (spec §14): one card per trainee holding a place in a course, to cut out and hand over at the first
// session; the trainer scans its Code128 when taking attendance. Cards of the ID-1 size (85.6 × 54 mm), 2 × 5 on
// an A4 sheet with a thin cutting outline: the charity, the course's title in Arabic and English, the trainee's
// name, the trainee code as a Code128 (the label's barcode drawing) and in text.
import { drawCode128 } from '../../lib/pdf/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { COLORS } from './documents.layout.js';
import { clampLines } from './documents.fields.js';
import { MM } from './documents.labels-pdf.js';

export interface TraineeCardData {
  traineeCode: string;
  name: string;
}

export interface TraineeCardCourse {
  titleAr: string;
  titleEn: string;
  /** The charity's name, printed small at the top. */
  owner: string;
}

export const CARD_SHEET = {
  columns: 2,
  rows: 5,
  width: 85.6 * MM,
  height: 54 * MM,
  left: 15.4 * MM,
  top: 7.5 * MM,
  pitchX: 93.6 * MM,
  pitchY: 57 * MM,
} as const;

/** One card in the box (x, y), with a 3 mm inner margin. */
export function drawTraineeCard(
  doc: PDFKit.PDFDocument,
  card: TraineeCardData,
  course: TraineeCardCourse,
  x: number,
  y: number,
): void {
  const { width, height } = CARD_SHEET;
  doc
    .save()
    .roundedRect(x, y, width, height, 3 * MM)
    .lineWidth(0.4)
    .stroke(COLORS.rule)
    .restore();
  const pad = 3 * MM;
  const inner = { x: x + pad, width: width - 2 * pad, align: 'center' as const };
  doc
    .save()
    .rect(x + pad, y + pad + 11, width - 2 * pad, 0.6)
    .fill(COLORS.accent)
    .restore();
  const owner = { ...inner, size: 6.5, color: COLORS.muted };
  drawTextMemo(doc, clampLines(doc, `${course.owner} · بطاقة متدرّب · Trainee card`, owner, 1), {
    ...owner,
    y: y + pad,
    direction: 'rtl',
  });
  const titleAr = { ...inner, size: 9, bold: true, color: COLORS.primary };
  drawTextMemo(doc, clampLines(doc, course.titleAr, titleAr, 1), { ...titleAr, y: y + pad + 14, direction: 'rtl' });
  const titleEn = { ...inner, size: 7.5, color: COLORS.primary };
  drawTextMemo(doc, clampLines(doc, course.titleEn, titleEn, 1), { ...titleEn, y: doc.y, direction: 'ltr' });
  const name = { ...inner, size: 12, bold: true, color: COLORS.ink };
  drawTextMemo(doc, clampLines(doc, card.name, name, 1), { ...name, y: doc.y + 4, direction: 'rtl' });
  const codeWidth = 64 * MM;
  const codeHeight = 13 * MM;
  const codeTop = y + height - pad - codeHeight - 12;
  // The Code128 box includes its quiet zones (10 modules of white on each side).
  drawCode128(doc, card.traineeCode, x + (width - codeWidth) / 2, codeTop, codeWidth, codeHeight);
  drawTextMemo(doc, card.traineeCode, {
    ...inner,
    y: codeTop + codeHeight + 1,
    size: 10,
    bold: true,
    color: COLORS.ink,
    direction: 'ltr',
  });
}

/** Every card, 10 to an A4 page. The document starts with one page. */
export function drawTraineeCards(
  doc: PDFKit.PDFDocument,
  cards: readonly TraineeCardData[],
  course: TraineeCardCourse,
): void {
  const perPage = CARD_SHEET.columns * CARD_SHEET.rows;
  cards.forEach((card, index) => {
    const slot = index % perPage;
    if (index > 0 && slot === 0) doc.addPage({ size: 'A4', margin: 0 });
    const x = CARD_SHEET.left + (slot % CARD_SHEET.columns) * CARD_SHEET.pitchX;
    const y = CARD_SHEET.top + Math.floor(slot / CARD_SHEET.columns) * CARD_SHEET.pitchY;
    drawTraineeCard(doc, card, course, x, y);
  });
}
