// The letterhead: the charity's Arabic name at the right, its English name at the left, the logo (or a text
// mark when none was uploaded) in the middle; and the shorter running header of continuation pages.
import { enFr } from './documents.format.js';
import { drawDemoBand } from './documents.demo.js';
import { FONT_BOLD, ltr } from '../../lib/pdf/index.js';
import { drawTextMemo, measureTextMemo } from './documents.text-memo.js';
import { A4, COLORS, CONTENT_WIDTH, MARGIN, type Letterhead } from './documents.layout.js';
import { clampLines } from './documents.fields.js';

// pdfkit caches images only by file path, so a logo given as bytes would be embedded again on every page of a
// batch. An opened image object is accepted by doc.image() as well (pdfkit 0.20; @types/pdfkit omits it).
interface OpenedImage {
  width: number;
  height: number;
}
const openedLogos = new WeakMap<PDFKit.PDFDocument, OpenedImage | null>();

function openImage(doc: PDFKit.PDFDocument, data: Buffer): OpenedImage | null {
  try {
    return (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(data);
  } catch {
    // A logo or signature that pdfkit cannot read must not stop a certificate: the caller draws a fallback.
    return null;
  }
}

/** Draws an image (bytes, or one opened before) fitted and centred in the box; false when it cannot be read. */
export function drawImageFit(
  doc: PDFKit.PDFDocument,
  image: Buffer | OpenedImage | null,
  x: number,
  y: number,
  w: number,
  h: number,
): boolean {
  const opened = Buffer.isBuffer(image) ? openImage(doc, image) : image;
  if (!opened) return false;
  const scale = Math.min(w / opened.width, h / opened.height, 1);
  const dw = opened.width * scale;
  const dh = opened.height * scale;
  doc.image(opened as unknown as Buffer, x + (w - dw) / 2, y + (h - dh) / 2, { width: dw, height: dh });
  return true;
}

function logoOf(doc: PDFKit.PDFDocument, letterhead: Letterhead): OpenedImage | null {
  if (!openedLogos.has(doc)) openedLogos.set(doc, letterhead.logo ? openImage(doc, letterhead.logo) : null);
  return openedLogos.get(doc) ?? null;
}

// Words that begin most charity names ("association", "foundation"): the mark uses the first word after them.
const GENERIC_WORDS = new Set([
  'جمعية',
  'مؤسسة',
  'الجمعية',
  'المؤسسة',
  'جمعيه',
  'مركز',
  'Association',
  'Foundation',
  'The',
]);

/** The charity's distinctive word (`نعمة` of `جمعية نعمة لإعادة تأهيل الحواسيب`), for its drawn seal. */
export function sealWord(name: string): string {
  return name.split(/\s+/).find((w) => w && !GENERIC_WORDS.has(w)) ?? name;
}

/** Without an uploaded logo: a teal seal with the charity's distinctive word (or its first letter) in white. */
function drawTextMark(doc: PDFKit.PDFDocument, name: string, cx: number, cy: number, r: number): void {
  doc.save().circle(cx, cy, r).fill(COLORS.primary).restore();
  doc
    .save()
    .circle(cx, cy, r - 3.5)
    .lineWidth(0.8)
    .stroke(COLORS.accent)
    .restore();
  const word = sealWord(name);
  doc.font(FONT_BOLD).fontSize(12);
  const whole = doc.widthOfString(word) <= 2 * r - 14;
  const size = whole ? 12 : 22;
  const text = whole ? word : ([...word][0] ?? '');
  const box = { x: cx - r, y: 0, width: 2 * r, size, bold: true, align: 'center' as const, color: COLORS.white };
  const height = measureTextMemo(doc, text, box).height;
  drawTextMemo(doc, text, { ...box, y: cy - height / 2 - 1 });
}

/** The top of every A4 page; returns the y below it. */
export function drawLetterhead(doc: PDFKit.PDFDocument, letterhead: Letterhead): number {
  if (letterhead.demo) drawDemoBand(doc);
  const top = 30;
  const logoSize = 58;
  const side = (CONTENT_WIDTH - logoSize - 30) / 2;
  const logo = logoOf(doc, letterhead);
  const logoX = A4.width / 2 - logoSize / 2;
  if (!logo || !drawImageFit(doc, logo, logoX, top, logoSize, logoSize)) {
    drawTextMark(doc, letterhead.name, A4.width / 2, top + logoSize / 2, logoSize / 2);
  }
  const right = { x: A4.width - MARGIN - side, width: side, align: 'right' as const };
  const left = { x: MARGIN, width: side, align: 'left' as const };
  const arName = { ...right, size: 13, bold: true, color: COLORS.primary, direction: 'rtl' as const };
  const enName = { ...left, size: 11.5, bold: true, color: COLORS.primary, direction: 'ltr' as const };
  drawTextMemo(doc, clampLines(doc, letterhead.name, arName, 2), { ...arName, y: top + 4 });
  const arBottom = doc.y;
  drawTextMemo(doc, clampLines(doc, letterhead.nameLatin || letterhead.name, enName, 2), { ...enName, y: top + 4 });
  const enBottom = doc.y;
  // No licence number set: no licence line (rather than "Licence No. —").
  const licence = letterhead.licence.trim();
  let arEnd = arBottom;
  let enEnd = enBottom;
  if (licence) {
    drawTextMemo(doc, `ترخيص رقم ${ltr(licence)}`, {
      ...right,
      y: arBottom + 3,
      size: 8.5,
      color: COLORS.muted,
      direction: 'rtl',
    });
    arEnd = doc.y;
    drawTextMemo(doc, `${enFr('Licence No.', 'Agrément n°')} ${licence}`, {
      ...left,
      y: enBottom + 4,
      size: 8.5,
      color: COLORS.muted,
      direction: 'ltr',
    });
    enEnd = doc.y;
  }
  const textBottom = Math.max(arEnd, enEnd);
  // Long names push the rule down rather than run into it.
  const bottom = Math.max(top + logoSize + 8, textBottom + 6);
  doc
    .save()
    .moveTo(MARGIN, bottom)
    .lineTo(A4.width - MARGIN, bottom)
    .lineWidth(1.6)
    .stroke(COLORS.primary)
    .restore();
  doc
    .save()
    .moveTo(MARGIN, bottom + 3)
    .lineTo(A4.width - MARGIN, bottom + 3)
    .lineWidth(0.6)
    .stroke(COLORS.accent)
    .restore();
  return bottom + 14;
}

/** The top of a continuation page: charity name at the right, the document's title and number at the left. */
export function drawRunningHeader(doc: PDFKit.PDFDocument, letterhead: Letterhead, title: string): number {
  if (letterhead.demo) drawDemoBand(doc);
  const y = 28;
  drawTextMemo(doc, letterhead.name, {
    x: A4.width / 2,
    y,
    width: CONTENT_WIDTH / 2,
    size: 9,
    bold: true,
    align: 'right',
    color: COLORS.primary,
    direction: 'rtl',
  });
  drawTextMemo(doc, title, {
    x: MARGIN,
    y,
    width: CONTENT_WIDTH / 2 - 10,
    size: 8.5,
    align: 'left',
    color: COLORS.muted,
    direction: 'ltr',
  });
  doc
    .save()
    .moveTo(MARGIN, y + 18)
    .lineTo(A4.width - MARGIN, y + 18)
    .lineWidth(1)
    .stroke(COLORS.primary)
    .restore();
  return y + 28;
}
