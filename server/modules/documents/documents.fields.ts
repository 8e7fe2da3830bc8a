// Bilingual fields: rows of `English label | value | Arabic label` (certificates) and form-like grids of cells,
// each a small bilingual label over its value (sanitization certificate, receipt header).
import { FONT_BOLD, FONT_REGULAR, type TextBoxOptions } from '../../lib/pdf/index.js';
import { drawTextMemo, measureTextMemo } from './documents.text-memo.js';
import { A4, COLORS, CONTENT_WIDTH, MARGIN, both, ensureRoom } from './documents.layout.js';
import { second, type Bilingual } from './documents.format.js';

export interface FieldRow {
  label: Bilingual;
  value: string;
  /** Draws the value in red (a failed wipe, a missing record). */
  alert?: boolean;
}

const LABEL_WIDTH = 128;

/** False for a value that would print nothing (empty, spaces, or only bidi isolates around nothing). */
export const isSet = (value: string): boolean => value.replace(/[\u2066-\u2069\u200e\u200f]/g, '').trim() !== '';
const ROW_PAD = 3.5;

/**
 * Cuts a value to `maxLines` lines with an ellipsis, for one-page documents where an overlong field must not push
 * the signature off the page. Real names and models fit in two lines; 200 characters of them would not.
 */
export function clampLines(
  doc: PDFKit.PDFDocument,
  text: string,
  box: Omit<TextBoxOptions, 'y'>,
  maxLines: number,
): string {
  if (
    maxLines === Infinity ||
    fitsOneLine(doc, text, box) ||
    measureTextMemo(doc, text, { ...box, y: 0 }).lines <= maxLines
  )
    return text;
  let low = 1;
  let high = [...text].length;
  const chars = [...text];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measureTextMemo(doc, `${chars.slice(0, middle).join('')}…`, { ...box, y: 0 }).lines <= maxLines) low = middle;
    else high = middle - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}…`;
}

// Most values are a few words. Their advance width (pdfkit's own cached per-word measure) is within a few points
// of the shaped width, so with a margin it tells safely that no wrapping will happen and the full bidi layout
// (the costly part of every certificate in a batch) can be skipped for the measuring.
function fitsOneLine(doc: PDFKit.PDFDocument, text: string, box: Omit<TextBoxOptions, 'y'>): boolean {
  if (text.length > 60 || /\n/.test(text)) return false;
  doc.font(box.bold ? FONT_BOLD : FONT_REGULAR).fontSize(box.size ?? 10);
  return doc.widthOfString(text) <= box.width * 0.85;
}

const PART_SEPARATOR = ' · ';

/**
 * A value of several parts (`حاسوب محمول · Laptop`, `Lenovo ThinkPad T480`, `DN-2026-0007 · Gulf Tech Co.`) that does
 * not fit on one line goes onto several, a line break between parts rather than inside one: wrapped inside a part,
 * the bidi algorithm reorders the pieces of each line on its own and the Arabic and English halves interleave
 * (`Lenovo ThinkPad · حاسوب محمول` over `T480`). Parts are packed greedily, in order.
 */
export function packParts(doc: PDFKit.PDFDocument, text: string, box: Omit<TextBoxOptions, 'y'>): string {
  if (!text.includes(PART_SEPARATOR) || fitsOneLine(doc, text, box)) return text;
  if (text.includes('\n'))
    return text
      .split('\n')
      .map((paragraph) => packParts(doc, paragraph, box))
      .join('\n');
  const oneLine = (t: string): boolean => measureTextMemo(doc, t, { ...box, y: 0 }).lines <= 1;
  if (oneLine(text)) return text;
  const lines: string[] = [];
  let line = '';
  for (const part of text.split(PART_SEPARATOR)) {
    const candidate = line ? `${line}${PART_SEPARATOR}${part}` : part;
    if (!line || oneLine(candidate)) line = candidate;
    else {
      lines.push(line);
      line = part;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

function valueHeight(doc: PDFKit.PDFDocument, text: string, box: Omit<TextBoxOptions, 'y'>): number {
  const probe = fitsOneLine(doc, text, box) ? 'X' : text;
  return measureTextMemo(doc, probe, { ...box, y: 0 }).height;
}

/** Rows of `English label | value | Arabic label`, banded; returns the y below the last row. */
export function drawFieldRows(
  doc: PDFKit.PDFDocument,
  y: number,
  rows: readonly FieldRow[],
  maxLines = Infinity,
): number {
  const valueX = MARGIN + LABEL_WIDTH;
  const valueWidth = CONTENT_WIDTH - 2 * LABEL_WIDTH;
  // An unset value is left out, not printed as a lone dash.
  rows
    .filter((row) => isSet(row.value))
    .forEach((row, index) => {
      const valueBox = { x: valueX + 6, width: valueWidth - 12, size: 10, bold: true, align: 'center' as const };
      const value = clampLines(doc, packParts(doc, row.value, valueBox), valueBox, maxLines);
      const height = Math.max(valueHeight(doc, value, valueBox), 13) + 2 * ROW_PAD;
      if (index % 2 === 0) doc.save().rect(MARGIN, y, CONTENT_WIDTH, height).fill(COLORS.band).restore();
      drawTextMemo(doc, second(row.label), {
        x: MARGIN + 6,
        y: y + ROW_PAD + 1,
        width: LABEL_WIDTH - 8,
        size: 8.5,
        color: COLORS.muted,
        direction: 'ltr',
      });
      drawTextMemo(doc, row.label.ar, {
        x: A4.width - MARGIN - LABEL_WIDTH + 2,
        y: y + ROW_PAD,
        width: LABEL_WIDTH - 8,
        size: 9,
        color: COLORS.muted,
        align: 'right',
        direction: 'rtl',
      });
      drawTextMemo(doc, value, { ...valueBox, y: y + ROW_PAD, color: row.alert ? COLORS.danger : COLORS.ink });
      y += height;
    });
  doc
    .save()
    .moveTo(MARGIN, y)
    .lineTo(A4.width - MARGIN, y)
    .lineWidth(0.5)
    .stroke(COLORS.rule)
    .restore();
  return y + 8;
}

export interface GridCell extends FieldRow {
  /** How many columns the cell spans (a long hash, a remark); default 1. */
  span?: number;
}

const CELL_PAD = 5;

interface PlacedCell {
  cell: GridCell;
  x: number;
  width: number;
}

// Cells fill each line from the right, as Arabic reads; a cell that does not fit on the line starts the next one.
// An unset value leaves its cell out (no lone dash); the last cell of a line that is not full takes the rest of it,
// so that no empty box is left at its end.
function gridLines(cells: readonly GridCell[], columns: number): PlacedCell[][] {
  const columnWidth = CONTENT_WIDTH / columns;
  const lines: PlacedCell[][] = [];
  let line: PlacedCell[] = [];
  let used = 0;
  const widen = (): void => {
    const last = line[line.length - 1];
    if (!last || used >= columns) return;
    last.width += (columns - used) * columnWidth;
    last.x = MARGIN;
  };
  for (const cell of cells.filter((c) => isSet(c.value))) {
    const span = Math.min(cell.span ?? 1, columns);
    if (used + span > columns) {
      widen();
      lines.push(line);
      line = [];
      used = 0;
    }
    line.push({ cell, x: A4.width - MARGIN - (used + span) * columnWidth, width: span * columnWidth });
    used += span;
  }
  widen();
  if (line.length) lines.push(line);
  return lines;
}

function cellValueBox(placed: PlacedCell): Omit<TextBoxOptions, 'y'> {
  return { x: placed.x + CELL_PAD, width: placed.width - 2 * CELL_PAD, size: 9.5, bold: true, align: 'right' };
}

const cellValue = (doc: PDFKit.PDFDocument, placed: PlacedCell): string =>
  packParts(doc, placed.cell.value, cellValueBox(placed));

function labelBox(placed: PlacedCell): Omit<TextBoxOptions, 'y'> {
  return {
    x: placed.x + CELL_PAD,
    width: placed.width - 2 * CELL_PAD,
    size: 7,
    color: COLORS.muted,
    align: 'right',
    direction: 'rtl',
  };
}

// A label that wraps pushes its value down rather than running into it.
function cellHeights(doc: PDFKit.PDFDocument, placed: PlacedCell): { label: number; value: number } {
  return {
    label: measureTextMemo(doc, both(placed.cell.label), { ...labelBox(placed), y: 0 }).height,
    value: measureTextMemo(doc, cellValue(doc, placed), { ...cellValueBox(placed), y: 0 }).height,
  };
}

function lineHeight(doc: PDFKit.PDFDocument, line: PlacedCell[]): number {
  return (
    Math.max(
      ...line.map((p) => {
        const h = cellHeights(doc, p);
        return h.label + h.value;
      }),
    ) + 13
  );
}

/** The height of the grid's first line: a heading must not be left at the foot of a page without it. */
export function firstGridLineHeight(doc: PDFKit.PDFDocument, cells: readonly GridCell[], columns = 3): number {
  const [first] = gridLines(cells, columns);
  return first ? lineHeight(doc, first) : 0;
}

/**
 * A form-like grid: each cell a small bilingual label over its value; returns the y below. With `running`, a line
 * that does not fit starts a new page (the callback draws its header and returns the y to continue at).
 */
export function drawFieldGrid(
  doc: PDFKit.PDFDocument,
  y: number,
  cells: readonly GridCell[],
  columns = 3,
  running?: () => number,
): number {
  for (const line of gridLines(cells, columns)) {
    const height = lineHeight(doc, line);
    if (running) y = ensureRoom(doc, y, height, running);
    for (const placed of line) drawCell(doc, placed, y, height);
    y += height;
  }
  return y + 8;
}

function drawCell(doc: PDFKit.PDFDocument, placed: PlacedCell, y: number, height: number): void {
  doc.save().rect(placed.x, y, placed.width, height).lineWidth(0.5).stroke(COLORS.rule).restore();
  const label = drawTextMemo(doc, both(placed.cell.label), { ...labelBox(placed), y: y + 4 });
  drawTextMemo(doc, cellValue(doc, placed), {
    ...cellValueBox(placed),
    y: y + 6 + label.height,
    color: placed.cell.alert ? COLORS.danger : COLORS.ink,
  });
}
