// The look shared by every A4 document: colours, page geometry, bilingual titles, section headings, paragraphs,
// footers and page flow. Arabic comes first, so it takes the right side. The letterhead is in documents.masthead.ts,
// the field rows and grids in documents.fields.ts.
import { ltr } from '../../lib/pdf/index.js';
import { drawTextMemo, measureTextMemo } from './documents.text-memo.js';
import { second, type Bilingual } from './documents.format.js';

export const COLORS = {
  ink: '#1d2a30',
  muted: '#5f6f76',
  primary: '#0d5c56',
  accent: '#b3883a',
  rule: '#d3dcdd',
  band: '#f2f6f5',
  danger: '#a3261d',
  white: '#ffffff',
} as const;

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 40;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;
/** Where the footer starts: content must end above it. */
export const FOOTER_TOP = A4.height - 52;

/** The charity as documents print it (from the settings), with its logo bytes if one was uploaded. */
export interface Letterhead {
  name: string;
  nameLatin: string;
  licence: string;
  address: string;
  phone: string;
  logo: Buffer | null;
  /** A document of a demo record (issue 22): every page carries the demo band (documents.demo.ts). */
  demo?: boolean;
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Isolates a part without Arabic letters, so that its words, digits and full stops keep their order next to Arabic. */
export function isolate(part: string): string {
  return ARABIC_LETTER.test(part) ? part : ltr(part);
}

/** Parts joined with a middle dot, each Latin part isolated; empty parts dropped. */
export function joinParts(...parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((p): p is string => Boolean(p))
    .map(isolate)
    .join(' · ');
}

/** `عربي · English` (or `عربي · Français`), or the one wording when both write it the same (`ATA Sanitize`). */
export function both(text: Bilingual): string {
  const other = second(text);
  if (!text.ar && !other) return '';
  return text.ar === other ? isolate(text.ar) : joinParts(text.ar, other);
}

/** Address and phone on the right, `left` (e.g. the page number or generation date) on the left. */
export function drawFooter(doc: PDFKit.PDFDocument, letterhead: Letterhead, left: string): void {
  const y = FOOTER_TOP + 14;
  doc
    .save()
    .moveTo(MARGIN, y - 6)
    .lineTo(A4.width - MARGIN, y - 6)
    .lineWidth(0.5)
    .stroke(COLORS.rule)
    .restore();
  const contact = [letterhead.address, letterhead.phone ? ltr(letterhead.phone) : ''].filter(Boolean).join(' · ');
  drawTextMemo(doc, contact || letterhead.name, {
    x: A4.width / 2,
    y,
    width: CONTENT_WIDTH / 2,
    size: 7.5,
    color: COLORS.muted,
    align: 'right',
    direction: 'rtl',
  });
  drawTextMemo(doc, left, {
    x: MARGIN,
    y,
    width: CONTENT_WIDTH / 2 - 10,
    size: 7.5,
    color: COLORS.muted,
    align: 'left',
    direction: 'ltr',
  });
}

/** Arabic title, English title under it, both centred; returns the y below. */
export function drawTitle(doc: PDFKit.PDFDocument, y: number, title: Bilingual): number {
  drawTextMemo(doc, title.ar, {
    x: MARGIN,
    y,
    width: CONTENT_WIDTH,
    size: 19,
    bold: true,
    align: 'center',
    color: COLORS.ink,
    direction: 'rtl',
  });
  drawTextMemo(doc, second(title), {
    x: MARGIN,
    y: doc.y + 1,
    width: CONTENT_WIDTH,
    size: 12,
    align: 'center',
    color: COLORS.muted,
    direction: 'ltr',
  });
  return doc.y + 8;
}

/** A band with the Arabic heading at the right and the English one at the left; returns the y below. */
export function drawSectionHeading(doc: PDFKit.PDFDocument, y: number, title: Bilingual): number {
  const height = 20;
  doc.save().rect(MARGIN, y, CONTENT_WIDTH, height).fill(COLORS.primary).restore();
  doc
    .save()
    .rect(A4.width - MARGIN - 4, y, 4, height)
    .fill(COLORS.accent)
    .restore();
  drawTextMemo(doc, title.ar, {
    x: MARGIN + 8,
    y: y + 3,
    width: CONTENT_WIDTH - 20,
    size: 10.5,
    bold: true,
    align: 'right',
    color: COLORS.white,
    direction: 'rtl',
  });
  drawTextMemo(doc, second(title), {
    x: MARGIN + 8,
    y: y + 4,
    width: CONTENT_WIDTH - 20,
    size: 9.5,
    bold: true,
    align: 'left',
    color: COLORS.white,
    direction: 'ltr',
  });
  return y + height + 2;
}

/** An Arabic paragraph (right) and its English version (left) side by side; returns the y below both. */
export function drawParagraphPair(doc: PDFKit.PDFDocument, y: number, text: Bilingual, size = 9, inset = 0): number {
  const half = (CONTENT_WIDTH - 2 * inset - 20) / 2;
  const ar = drawTextMemo(doc, text.ar, {
    x: A4.width - MARGIN - inset - half,
    y,
    width: half,
    size: size + 0.5,
    align: 'right',
    color: COLORS.ink,
    direction: 'rtl',
    lineGap: 2,
  });
  const en = drawTextMemo(doc, second(text), {
    x: MARGIN + inset,
    y,
    width: half,
    size,
    align: 'left',
    color: COLORS.ink,
    direction: 'ltr',
    lineGap: 2,
  });
  return y + Math.max(ar.height, en.height) + 8;
}

/** The height `drawParagraphPair` will take. */
export function paragraphPairHeight(doc: PDFKit.PDFDocument, text: Bilingual, size = 9, inset = 0): number {
  const half = (CONTENT_WIDTH - 2 * inset - 20) / 2;
  const ar = measureTextMemo(doc, text.ar, { x: 0, y: 0, width: half, size: size + 0.5, direction: 'rtl', lineGap: 2 });
  const en = measureTextMemo(doc, second(text), { x: 0, y: 0, width: half, size, direction: 'ltr', lineGap: 2 });
  return Math.max(ar.height, en.height) + 8;
}

/** A light band introducing a part of a section (one record of several); returns the y below. */
export function drawSubheading(doc: PDFKit.PDFDocument, y: number, title: Bilingual): number {
  doc.save().rect(MARGIN, y, CONTENT_WIDTH, 16).fill(COLORS.band).restore();
  drawTextMemo(doc, title.ar, {
    x: MARGIN + 6,
    y: y + 2,
    width: CONTENT_WIDTH - 12,
    size: 8.5,
    bold: true,
    align: 'right',
    color: COLORS.primary,
    direction: 'rtl',
  });
  drawTextMemo(doc, second(title), {
    x: MARGIN + 6,
    y: y + 2.5,
    width: CONTENT_WIDTH - 12,
    size: 8,
    bold: true,
    align: 'left',
    color: COLORS.primary,
    direction: 'ltr',
  });
  return y + 16;
}

/** Starts a new page (with the running header) when `height` does not fit above the footer; returns the y to use. */
export function ensureRoom(doc: PDFKit.PDFDocument, y: number, height: number, runningHeader: () => number): number {
  if (y + height <= FOOTER_TOP - 6) return y;
  doc.addPage();
  return runningHeader();
}

/** Footers on every page of a buffered document (bufferPages: true), numbered `n / total`. */
export function drawPageFooters(doc: PDFKit.PDFDocument, letterhead: Letterhead, text: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    drawFooter(doc, letterhead, `${text} · ${i - start + 1} / ${count}`);
  }
}
