// The yearly statement, in the donor's language only: the charity's letterhead, the statement's number and year,
// the year's devices and what became of them (tiles), the people served by region (counts only), the donations of
// the year, how the figures were made, and the stamp (blocks in documents.donor-statement-blocks.ts).
import { drawQr } from '../../lib/pdf/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { numberIn } from './documents.messages.js';
import {
  A4,
  COLORS,
  CONTENT_WIDTH,
  MARGIN,
  drawPageFooters,
  ensureRoom,
  joinParts,
  type Letterhead,
} from './documents.layout.js';
import { drawLetterhead, drawRunningHeader } from './documents.masthead.js';
import { regionName } from '../../shared/index.js';
import type { StatementFigures } from './documents.donor-statement-data.js';
import {
  drawCells,
  drawHeading,
  drawParagraph,
  drawTable,
  drawTiles,
  measure,
  type Ctx,
} from './documents.donor-statement-blocks.js';
import {
  W,
  dateIn,
  directionOf,
  introOf,
  latin,
  methodNotes,
  type DonorLanguage,
} from './documents.donor-statement-wording.js';

export interface StatementPdfData {
  language: DonorLanguage;
  number: string;
  year: number;
  issuedAt: Date;
  printedAt: Date;
  donor: { kind: string; name: string; nameLatin: string | null; crNumber: string | null };
  figures: StatementFigures;
  /** The donor's page (QR); null on a copy for someone who may not see it. */
  pageUrl: string | null;
}

export function drawDonorStatement(doc: PDFKit.PDFDocument, data: StatementPdfData, letterhead: Letterhead): void {
  const lang = data.language;
  const running = () => drawRunningHeader(doc, letterhead, `${W.title[lang]} · ${latin(lang, data.number)}`);
  const ctx: Ctx = { doc, lang, running };
  let y = drawLetterhead(doc, letterhead);
  drawTextMemo(doc, W.title[lang], {
    x: MARGIN,
    y,
    width: CONTENT_WIDTH,
    size: 19,
    bold: true,
    align: 'center',
    color: COLORS.ink,
    direction: directionOf(lang),
  });
  y = drawCells(ctx, doc.y + 10, [
    [W.number[lang], latin(lang, data.number)],
    [W.year[lang], latin(lang, String(data.year))],
    [W.issued[lang], dateIn(lang, data.issuedAt)],
    [
      W.donor[lang],
      lang === 'ar'
        ? joinParts(data.donor.name, data.donor.nameLatin)
        : joinParts(data.donor.nameLatin, data.donor.name),
    ],
    [
      data.donor.kind === 'company' ? W.crNumber[lang] : W.licence[lang],
      latin(lang, (data.donor.kind === 'company' ? data.donor.crNumber : letterhead.licence) || ''),
    ],
    [W.asOf[lang], dateIn(lang, data.printedAt)],
  ]);
  y = drawParagraph(ctx, y, introOf(lang, data.year), 10, COLORS.ink);
  y = drawHeading(ctx, y + 2, W.impact[lang]);
  y = drawTiles(ctx, y + 4, data.figures);
  y = drawHeading(ctx, ensureRoom(doc, y, 80, running), W.byRegion[lang]);
  y = drawRegions(ctx, y, data.figures);
  y = drawHeading(ctx, ensureRoom(doc, y + 6, 80, running), W.yearDonations[lang]);
  y = drawTable(
    ctx,
    y,
    [0.45, 0.35, 0.2],
    [W.code[lang], W.received[lang], W.devices[lang]],
    data.figures.donations.map((d) => [
      latin(lang, d.code),
      d.receivedAt ? dateIn(lang, d.receivedAt) : '—',
      numberIn(lang, d.devices),
    ]),
  );
  y = drawParagraph(
    ctx,
    ensureRoom(doc, y, measure(ctx, W.noValue[lang], 9) + 90, running),
    W.noValue[lang],
    9,
    COLORS.ink,
  );
  y = drawClosing(ctx, y + 8, data.pageUrl);
  // How the figures were made: footnotes, after the stamp (the receipt prints its manifest there).
  for (const note of [...methodNotes(lang, data.figures.impact), W.privacy[lang]]) {
    y = drawParagraph(ctx, ensureRoom(doc, y, measure(ctx, note, 7.5) + 6, running), note, 7.5, COLORS.muted);
  }
  drawPageFooters(doc, letterhead, `${data.number} · ${data.year}`);
}

function drawRegions(ctx: Ctx, y: number, figures: StatementFigures): number {
  const { lang } = ctx;
  if (!figures.regions.length) return drawParagraph(ctx, y, W.noneServed[lang], 9, COLORS.muted);
  const rows = figures.regions.map((r) => [
    r.regionCode ? regionName(r.regionCode, lang) : W.noRegion[lang],
    numberIn(lang, r.families),
    numberIn(lang, r.students),
  ]);
  const total = [W.total[lang], numberIn(lang, figures.impact.families), numberIn(lang, figures.impact.students)];
  const header = [W.region[lang], W.familiesColumn[lang], W.studentsColumn[lang]];
  return drawTable(ctx, y, [0.5, 0.25, 0.25], header, [...rows, total], true);
}

// The link to the donor's page (QR) at the end side, the stamp at the start side; returns the y below.
function drawClosing(ctx: Ctx, y: number, pageUrl: string | null): number {
  const { doc, lang } = ctx;
  const stampX = lang === 'ar' ? A4.width - MARGIN - 200 : MARGIN;
  drawTextMemo(doc, W.stamp[lang], {
    x: stampX,
    y: y + 6,
    width: 200,
    size: 9,
    bold: true,
    align: 'center',
    color: COLORS.primary,
    direction: directionOf(lang),
  });
  doc
    .save()
    .moveTo(stampX + 20, y + 66)
    .lineTo(stampX + 180, y + 66)
    .lineWidth(0.6)
    .dash(2, { space: 2 })
    .stroke(COLORS.muted)
    .restore();
  if (!pageUrl) return y + 76;
  const qrX = lang === 'ar' ? MARGIN - 6 : A4.width - MARGIN - 78;
  drawQr(doc, pageUrl, qrX, y - 4, 84);
  const textX = lang === 'ar' ? MARGIN + 84 : A4.width - MARGIN - 84 - 170;
  drawTextMemo(doc, W.followPage[lang], {
    x: textX,
    y: y + 24,
    width: 170,
    size: 8.5,
    bold: true,
    color: COLORS.primary,
    align: lang === 'ar' ? 'left' : 'right',
    direction: directionOf(lang),
  });
  return y + 86;
}
