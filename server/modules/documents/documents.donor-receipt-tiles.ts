// The impact figures as tiles: a big number and what it counts, in Arabic and the second language (English or French).
import { FONT_REGULAR, ltr } from '../../lib/pdf/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { formatNumber, second, secondLanguage, type Bilingual } from './documents.format.js';
import { message, messages, type MessageId } from './documents.messages.js';
import { A4, COLORS, CONTENT_WIDTH, MARGIN, joinParts } from './documents.layout.js';
import type { Impact } from './documents.donor-receipt-impact.js';

export interface Tile {
  value: string;
  label: Bilingual;
  note?: string;
  span?: number;
}

const GAP = 7;
const HEIGHT = 52;
const PER_LINE = 5;

/** `Purge 48 · Clear 12` (`Purge 48 · Nettoyage 12`): the NIST categories that were used, strongest first. */
function methodNote(s: Impact['drivesSanitized']): string {
  const used = (
    [
      ['destroy', s.destroy],
      ['purge', s.purge],
      ['clear', s.clear],
    ] as const
  ).filter(([, n]) => n > 0);
  const language = secondLanguage();
  return used.length
    ? joinParts(...used.map(([name, n]) => `${message(name, language)} ${formatNumber(n)}`))
    : message('tileDrives', language, { n: s.total });
}

/** A tile's caption in Arabic and the second language, agreeing with the count above it. */
const caption = (id: MessageId, n: number): Bilingual => messages(id, { n });

/** Lines of up to five tiles, from the right (Arabic first); returns the y below them. Used by the regional report too. */
export function drawTiles(doc: PDFKit.PDFDocument, y: number, lines: readonly Tile[][]): number {
  const unit = (CONTENT_WIDTH - (PER_LINE - 1) * GAP) / PER_LINE;
  for (const line of lines) {
    let right = A4.width - MARGIN;
    for (const tile of line) {
      const span = tile.span ?? 1;
      const width = unit * span + GAP * (span - 1);
      drawTile(doc, right - width, y, width, tile);
      right -= width + GAP;
    }
    y += HEIGHT + GAP;
  }
  return y + 2;
}

function drawTile(doc: PDFKit.PDFDocument, x: number, y: number, width: number, tile: Tile): void {
  doc.save().roundedRect(x, y, width, HEIGHT, 5).fill(COLORS.band).restore();
  doc
    .save()
    .rect(x + width - 3, y + 8, 3, HEIGHT - 16)
    .fill(COLORS.accent)
    .restore();
  const box = { x: x + 6, width: width - 14, align: 'right' as const };
  drawTextMemo(doc, tile.value, { ...box, y: y + 3, size: 16, bold: true, color: COLORS.primary, direction: 'ltr' });
  drawTextMemo(doc, tile.label.ar, { ...box, y: y + 24, size: 8.5, bold: true, color: COLORS.ink, direction: 'rtl' });
  drawTextMemo(doc, tile.note ?? second(tile.label), {
    ...box,
    y: y + 37,
    size: 7,
    color: COLORS.muted,
    direction: 'ltr',
  });
}

const OUTCOME_BAR: ReadonlyArray<{ key: keyof Impact['outcomes']; label: MessageId; color: string }> = [
  { key: 'placed', label: 'legendPlaced', color: COLORS.primary },
  { key: 'recycled', label: 'legendRecycled', color: '#5f9e8f' },
  { key: 'harvested', label: 'legendHarvested', color: COLORS.accent },
  { key: 'in_progress', label: 'legendInProgress', color: '#c9d3d5' },
];

/**
 * What became of the devices received, as one bar from the right (placed first) with its legend under it; outcomes
 * with no device are left out of the legend. Returns the y below.
 */
export function drawOutcomeBar(doc: PDFKit.PDFDocument, y: number, impact: Impact): number {
  const total = impact.received;
  const height = 14;
  const shown = OUTCOME_BAR.filter((o) => impact.outcomes[o.key] > 0);
  let right = A4.width - MARGIN;
  doc.save().roundedRect(MARGIN, y, CONTENT_WIDTH, height, 3).fill(COLORS.band).restore();
  for (const o of shown) {
    const width = total ? (CONTENT_WIDTH * impact.outcomes[o.key]) / total : 0;
    doc
      .save()
      .rect(right - width, y, width, height)
      .fill(o.color)
      .restore();
    right -= width;
  }
  const legendY = y + height + 5;
  let x = A4.width - MARGIN;
  for (const o of shown) {
    const n = impact.outcomes[o.key];
    const label = caption(o.label, n);
    const text = `${label.ar} ${ltr(formatNumber(n))} · ${ltr(second(label))}`;
    const box = { x: 0, y: legendY, width: 200, size: 8, color: COLORS.ink, direction: 'rtl' as const };
    doc.font(FONT_REGULAR).fontSize(8);
    const width = Math.min(doc.widthOfString(text.replace(/[\u2066-\u2069]/g, '')) + 4, 200);
    doc
      .save()
      .rect(x - 8, legendY + 2, 8, 8)
      .fill(o.color)
      .restore();
    drawTextMemo(doc, text, { ...box, x: x - 12 - width, width, align: 'right' });
    x -= width + 26;
  }
  return legendY + 14;
}

/** The figures under the bar: received, drives wiped, kg kept out of e-waste, CO2e avoided. */
export function drawFigureTiles(doc: PDFKit.PDFDocument, y: number, impact: Impact): number {
  const s = impact.drivesSanitized;
  return drawTiles(doc, y, [
    [
      { value: formatNumber(impact.received), label: caption('tileReceived', impact.received) },
      { value: formatNumber(impact.outcomes.placed), label: caption('tilePlaced', impact.outcomes.placed) },
      { value: formatNumber(s.total), label: caption('tileDrives', s.total), note: methodNote(s) },
      { value: formatNumber(impact.kg.total), label: caption('tileKg', impact.kg.total) },
      { value: `≈ ${formatNumber(impact.co2e.kg)}`, label: caption('tileCo2eShort', impact.co2e.kg) },
    ],
  ]);
}
