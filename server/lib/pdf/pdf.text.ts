// Mixed Arabic/English text for pdfkit: bidi-resolved, wrapped in logical order, each line drawn run by run
// in visual order at explicit x positions. Plain doc.text gets Arabic word order wrong (pdfkit has no bidi).
import { FONT_BOLD, FONT_REGULAR } from './pdf.fonts.js';
import { resolveParagraph, visualRuns, type BidiParagraph, type TextDirection, type VisualRun } from './pdf.bidi.js';
import { wrapLines } from './pdf.wrap.js';

export type TextAlign = 'start' | 'end' | 'center' | 'left' | 'right';

export interface TextBoxOptions {
  /** Left edge of the box, in points. */
  x: number;
  /** Top of the first line, in points. */
  y: number;
  /** Width of the box; lines wrap at spaces to fit it. */
  width: number;
  /** 'start' is the right edge for a right-to-left paragraph and the left edge otherwise. Default 'start'. */
  align?: TextAlign;
  /** Base direction of each paragraph; 'auto' (default) follows its first strong letter. */
  direction?: TextDirection;
  /** Font size in points, default 10. */
  size?: number;
  bold?: boolean;
  /** Fill colour, default black. */
  color?: string;
  /** Extra space between lines, in points, default 0. */
  lineGap?: number;
}

export interface TextBox {
  /** From the top of the first line to the bottom of the last, in points. */
  height: number;
  lines: number;
}

interface MeasuredRun extends VisualRun {
  width: number;
}

interface LaidOutLine {
  runs: MeasuredRun[];
  width: number;
  rtl: boolean;
}

// Shaping a run whole (`features` given) rather than word by word is what keeps Arabic letters joined across
// pdfkit's internal word cache; `lineBreak: false` stops pdfkit from wrapping or moving on its own.
const RUN_OPTIONS: PDFKit.Mixins.TextOptions = { features: [], lineBreak: false };

/** Lays the text out as `drawText` would and returns its size without drawing anything. */
export function measureText(doc: PDFKit.PDFDocument, text: string, options: TextBoxOptions): TextBox {
  useFont(doc, options);
  return boxOf(doc, layoutText(doc, text, options).length, options);
}

/**
 * Draws bidi text in the box and leaves `doc.x` at the box's left edge and `doc.y` below the last line, so that
 * flowing content can follow. Sets the document's font, size and fill colour as asked. It never adds a page:
 * measure first (measureText) and call doc.addPage() where the text would not fit.
 */
export function drawText(doc: PDFKit.PDFDocument, text: string, options: TextBoxOptions): TextBox {
  useFont(doc, options);
  doc.fillColor(options.color ?? '#000000');
  const lines = layoutText(doc, text, options);
  const step = doc.currentLineHeight() + (options.lineGap ?? 0);
  lines.forEach((line, index) => drawLine(doc, line, lineLeft(line, options), options.y + index * step));
  const box = boxOf(doc, lines.length, options);
  doc.x = options.x;
  doc.y = options.y + box.height;
  return box;
}

function useFont(doc: PDFKit.PDFDocument, options: TextBoxOptions): void {
  doc.font(options.bold ? FONT_BOLD : FONT_REGULAR).fontSize(options.size ?? 10);
}

function boxOf(doc: PDFKit.PDFDocument, lines: number, options: TextBoxOptions): TextBox {
  const height = lines * doc.currentLineHeight() + Math.max(0, lines - 1) * (options.lineGap ?? 0);
  return { height, lines };
}

function layoutText(doc: PDFKit.PDFDocument, text: string, options: TextBoxOptions): LaidOutLine[] {
  // A tab has no glyph in the font and would print as a box: it counts as a space here.
  return text
    .replace(/\t/g, ' ')
    .split(/\r\n|\r|\n|\u2029/)
    .flatMap((paragraphText) => {
      const paragraph = resolveParagraph(paragraphText, options.direction ?? 'auto');
      const measure = (start: number, end: number): number => sumWidths(measureRuns(doc, paragraph, start, end));
      return wrapLines(paragraphText, options.width, measure).map(({ start, end }) => {
        const runs = measureRuns(doc, paragraph, start, end);
        return { runs, width: sumWidths(runs), rtl: paragraph.baseLevel % 2 === 1 };
      });
    });
}

function measureRuns(doc: PDFKit.PDFDocument, paragraph: BidiParagraph, start: number, end: number): MeasuredRun[] {
  return visualRuns(paragraph, start, end).map((run) => {
    // A no-break space only keeps words together while wrapping: it is drawn (and copied out) as a plain space.
    const shaped = run.shaped.replace(/\u00A0/g, ' ');
    return { ...run, shaped, width: doc.widthOfString(shaped, RUN_OPTIONS) };
  });
}

function sumWidths(runs: readonly MeasuredRun[]): number {
  return runs.reduce((total, run) => total + run.width, 0);
}

function lineLeft(line: LaidOutLine, options: TextBoxOptions): number {
  const free = options.width - line.width;
  switch (resolveAlign(options.align ?? 'start', line.rtl)) {
    case 'right':
      return options.x + free;
    case 'center':
      return options.x + free / 2;
    default:
      return options.x;
  }
}

function resolveAlign(align: TextAlign, rtl: boolean): 'left' | 'right' | 'center' {
  if (align === 'start') return rtl ? 'right' : 'left';
  if (align === 'end') return rtl ? 'left' : 'right';
  return align;
}

function drawLine(doc: PDFKit.PDFDocument, line: LaidOutLine, left: number, top: number): void {
  let x = left;
  for (const run of line.runs) {
    if (run.shaped.trim()) doc.text(run.shaped, x, top, RUN_OPTIONS);
    x += run.width;
  }
}
