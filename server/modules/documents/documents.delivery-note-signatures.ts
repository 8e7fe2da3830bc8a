// The foot of a delivery note: the accessories checklist (empty boxes to tick on paper while the batch is reserved,
// the ticks recorded at handover afterwards), the receiver's statement, and the two signature boxes: received by (at the right, Arabic first) and delivered by. Boxes and ticks are drawn as paths, not as
// ☐/☑ characters, which the embedded font does not have.
import { FONT_REGULAR, ltr, stripBidiControls } from '../../lib/pdf/index.js';
import { ACCESSORIES as ACCESSORY_CODES } from '../../shared/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { enFr, gregorianDate, second, type Bilingual } from './documents.format.js';
import {
  A4,
  COLORS,
  CONTENT_WIDTH,
  MARGIN,
  drawParagraphPair,
  drawSubheading,
  paragraphPairHeight,
} from './documents.layout.js';
import { drawImageFit } from './documents.masthead.js';
import { clampLines } from './documents.fields.js';
import { ACCESSORIES } from './documents.wording.js';
import type { BatchDocumentData } from './documents.delivery-note-data.js';

const BOX = 9;

/** A square, ticked or not; (x, y) is its top left corner. */
export function drawCheckbox(doc: PDFKit.PDFDocument, x: number, y: number, ticked: boolean): void {
  doc.save().rect(x, y, BOX, BOX).lineWidth(0.8).stroke(COLORS.ink).restore();
  if (!ticked) return;
  doc
    .save()
    .moveTo(x + 1.8, y + 4.8)
    .lineTo(x + 3.8, y + 7)
    .lineTo(x + 7.6, y + 2)
    .lineWidth(1.4)
    .lineCap('round')
    .lineJoin('round')
    .stroke(COLORS.primary)
    .restore();
}

const noneRecorded = (data: BatchDocumentData): boolean =>
  data.handover !== null && !data.accessories.length && !data.accessoriesNote;

/** The height drawAccessories takes. */
export const accessoriesHeight = (data: BatchDocumentData): number => 16 + 6 + 16 + (noneRecorded(data) ? 18 : 4);

/** Four boxes from the right, each with its wording; "other" followed by its note (or a line to write it on). */
export function drawAccessories(doc: PDFKit.PDFDocument, y: number, data: BatchDocumentData): number {
  const recorded = data.handover !== null;
  y = drawSubheading(doc, y, {
    ar: recorded ? 'الملحقات المسلّمة مع كل جهاز' : 'الملحقات المسلّمة مع كل جهاز (ضع علامة)',
    en: recorded ? 'Accessories handed over with each device' : 'Accessories with each device (tick)',
    fr: recorded ? 'Accessoires remis avec chaque appareil' : 'Accessoires avec chaque appareil (cocher)',
  });
  y += 6;
  const itemWidth = 96;
  let right = A4.width - MARGIN - 4;
  // Where the last label ("Other") begins: its note, or the line to write it on, follows right after.
  let labelStart = right;
  for (const code of ACCESSORY_CODES) {
    const ticked = data.accessories.includes(code);
    drawCheckbox(doc, right - BOX, y + 1.5, ticked);
    const word = ACCESSORIES[code];
    const label = `${word.ar} ${ltr(second(word))}`;
    const box = { x: right - itemWidth, width: itemWidth - BOX - 5, size: 8.5 };
    drawTextMemo(doc, label, { ...box, y, align: 'right', color: COLORS.ink, direction: 'rtl' });
    labelStart = right - BOX - 5 - measureTextWidth(doc, label, box.size);
    right -= itemWidth;
  }
  const noteRight = labelStart - 6;
  if (data.accessoriesNote) {
    const box = { x: MARGIN, width: noteRight - MARGIN, size: 8.5, align: 'right' as const, color: COLORS.ink };
    drawTextMemo(doc, clampLines(doc, `(${data.accessoriesNote})`, box, 1), { ...box, y, direction: 'rtl' });
  } else if (!recorded) {
    dottedLine(doc, MARGIN + 4, noteRight, y + 10);
  }
  y += 16;
  if (!noneRecorded(data)) return y + 4;
  drawTextMemo(doc, `لم تُسلَّم ملحقات مع الأجهزة · ${ltr('No accessories were handed over')}`, {
    x: MARGIN,
    y,
    width: CONTENT_WIDTH,
    size: 8,
    align: 'right',
    color: COLORS.muted,
    direction: 'rtl',
  });
  return y + 18;
}

// The advance width of one short line (pdfkit's own measure): close enough to place what follows it.
function measureTextWidth(doc: PDFKit.PDFDocument, text: string, size: number): number {
  return doc.font(FONT_REGULAR).fontSize(size).widthOfString(stripBidiControls(text));
}

function dottedLine(doc: PDFKit.PDFDocument, from: number, to: number, y: number): void {
  doc.save().moveTo(from, y).lineTo(to, y).lineWidth(0.6).dash(1.5, { space: 2 }).stroke(COLORS.muted).restore();
}

const BOX_HEIGHT = 94;

/** The height drawSignatures takes: the receiver's statement (its length depends on the names) and the boxes. */
export function signaturesHeight(doc: PDFKit.PDFDocument, statement: Bilingual): number {
  return 6 + paragraphPairHeight(doc, statement, 8) + BOX_HEIGHT + 4;
}

/** The receiver's statement (what they acknowledge by signing) and both signature boxes; returns the y below. */
export function drawSignatures(
  doc: PDFKit.PDFDocument,
  y: number,
  data: BatchDocumentData,
  statement: Bilingual,
): number {
  y = drawParagraphPair(doc, y + 6, statement, 8);
  const gap = 20;
  const width = (CONTENT_WIDTH - gap) / 2;
  const handover = data.handover;
  drawSignatureBox(doc, A4.width - MARGIN - width, y, width, {
    title: { ar: 'المستلم عن الجهة', en: 'Received by', fr: "Reçu pour l'institution par" },
    signatureLabel: `التوقيع · ${ltr('Signature')}`,
    name: handover?.receivedBy ?? null,
    signature: handover ? (handover.signature ?? 'missing') : null,
    date: handover?.at ?? null,
  });
  drawSignatureBox(doc, MARGIN, y, width, {
    title: { ar: 'المسلِّم عن الجمعية', en: 'Delivered by (charity)', fr: "Remis par (l'association)" },
    signatureLabel: `التوقيع والختم\n${enFr('Signature and stamp', 'Signature et cachet')}`,
    name: handover?.deliveredBy ?? null,
    signature: null,
    date: handover?.at ?? null,
  });
  return y + BOX_HEIGHT + 4;
}

interface SignatureBox {
  title: Bilingual;
  signatureLabel: string;
  /** Null: a line to write the name on. */
  name: string | null;
  /** The signature image; 'missing' when it was recorded but its file is gone; null: an empty space to sign in. */
  signature: Buffer | 'missing' | null;
  date: Date | null;
}

function drawSignatureBox(doc: PDFKit.PDFDocument, x: number, y: number, width: number, box: SignatureBox): void {
  doc.save().roundedRect(x, y, width, BOX_HEIGHT, 4).lineWidth(0.6).stroke(COLORS.rule).restore();
  doc.save().rect(x, y, width, 16).fill(COLORS.band).restore();
  drawTextMemo(doc, box.title.ar, {
    x: x + 6,
    y: y + 3,
    width: width - 12,
    size: 8.5,
    bold: true,
    align: 'right',
    color: COLORS.primary,
    direction: 'rtl',
  });
  drawTextMemo(doc, second(box.title), {
    x: x + 6,
    y: y + 3.5,
    width: width / 2,
    size: 7,
    align: 'left',
    color: COLORS.muted,
    direction: 'ltr',
  });
  const labelWidth = 78;
  const valueX = x + 6;
  const valueWidth = width - labelWidth - 12;
  // Name, signature and date as labelled lines, labels at the right.
  const lines: { label: string; y: number; value: string | null }[] = [
    { label: `الاسم · ${ltr(enFr('Name', 'Nom'))}`, y: y + 21, value: box.name },
    { label: box.signatureLabel, y: y + 37, value: null },
    { label: `التاريخ · ${ltr('Date')}`, y: y + 78, value: box.date ? dateLine(box.date) : null },
  ];
  for (const line of lines) {
    drawTextMemo(doc, line.label, {
      x: x + width - labelWidth - 6,
      y: line.y,
      width: labelWidth,
      size: 7.5,
      align: 'right',
      color: COLORS.muted,
      direction: 'rtl',
    });
    if (line.value) {
      const valueBox = { x: valueX, width: valueWidth, size: 8.5, bold: true, align: 'right' as const };
      drawTextMemo(doc, clampLines(doc, line.value, valueBox, 1), { ...valueBox, y: line.y - 1, color: COLORS.ink });
    } else if (line.label !== box.signatureLabel) dottedLine(doc, valueX, valueX + valueWidth, line.y + 9);
  }
  // The signature area: the recorded image, or room to sign (the charity's side always signs on paper).
  const area = { x: valueX, y: y + 35, w: valueWidth, h: 38 };
  if (
    box.signature === 'missing' ||
    (box.signature && !drawImageFit(doc, box.signature, area.x, area.y, area.w, area.h))
  )
    drawTextMemo(
      doc,
      `صورة التوقيع غير متاحة · ${enFr('Signature image unavailable', 'Image de la signature indisponible')}`,
      {
        x: area.x,
        y: area.y + 16,
        width: area.w,
        size: 7.5,
        align: 'center',
        color: COLORS.danger,
        direction: 'rtl',
      },
    );
  else if (!box.signature) dottedLine(doc, area.x, area.x + area.w, area.y + area.h - 2);
}

function dateLine(date: Date): string {
  const d = gregorianDate(date);
  return `${d.ar} · ${ltr(second(d))}`;
}
