// The donor's in-kind receipt: who gave what, what became of it (counts, never beneficiaries' names), the
// environmental estimate with its factors, the in-kind wording, then the manifest of every device.
import { drawQr, ltr } from '../../lib/pdf/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { enFr, gregorianDate, second, secondLanguage, wording, type Bilingual } from './documents.format.js';
import { message, messages } from './documents.messages.js';
import { cityName } from './documents.places.js';
import {
  A4,
  COLORS,
  CONTENT_WIDTH,
  MARGIN,
  both,
  drawPageFooters,
  drawParagraphPair,
  drawSectionHeading,
  drawTitle,
  ensureRoom,
  joinParts,
  paragraphPairHeight,
  type Letterhead,
} from './documents.layout.js';
import { drawLetterhead, drawRunningHeader } from './documents.masthead.js';
import { drawFieldGrid, type GridCell } from './documents.fields.js';
import { drawManifest, MANIFEST_MIN_HEIGHT } from './documents.donor-receipt-manifest.js';
import { drawFigureTiles, drawOutcomeBar } from './documents.donor-receipt-tiles.js';
import { receiptNotes, RECEIPT_STATEMENTS, servedHeadline } from './documents.donor-receipt-wording.js';
import type { ReceiptData } from './documents.donor-receipt-data.js';
import type { DonorKind } from '../../shared/index.js';

export const RECEIPT_TITLE: Bilingual = {
  ar: 'إيصال تبرع عيني',
  en: 'In-kind Donation Receipt',
  fr: 'Reçu de don en nature',
};

const DONOR_KINDS: Readonly<Record<DonorKind, Bilingual>> = {
  company: { ar: 'شركة', en: 'Company', fr: 'Entreprise' },
  individual: { ar: 'فرد', en: 'Individual', fr: 'Particulier' },
};

export function drawDonorReceipt(doc: PDFKit.PDFDocument, data: ReceiptData, letterhead: Letterhead): void {
  const running = () => drawRunningHeader(doc, letterhead, `${second(RECEIPT_TITLE)} · ${data.receiptNumber}`);
  // What the donor wants to know first: who the donation reached, and what became of every device.
  let y = drawTitle(doc, drawLetterhead(doc, letterhead), RECEIPT_TITLE);
  y = drawOutcomeBar(doc, drawHeadline(doc, y + 2, servedHeadline(data.impact)), data.impact);
  y = drawFieldGrid(doc, y, headerCells(data, letterhead));
  y = drawStatement(doc, y, RECEIPT_STATEMENTS.inKind);
  y = drawSectionHeading(doc, y, { ar: 'أثر تبرعكم', en: 'The impact of your donation', fr: 'L’impact de votre don' });
  y = drawFigureTiles(doc, y + 4, data.impact);
  for (const note of receiptNotes(data.impact)) {
    y = ensureRoom(doc, y, paragraphPairHeight(doc, note, 7.5), running);
    y = drawParagraphPair(doc, y, note, 7.5) - 3;
  }
  y = drawClosing(doc, ensureRoom(doc, y + 4, 86, running), data);
  y = ensureRoom(doc, y, 24 + MANIFEST_MIN_HEIGHT, running);
  y = drawSectionHeading(doc, y, messages('devicesReceivedHeading', { n: data.manifest.length }));
  drawManifest(doc, y, data.manifest, running);
  drawPageFooters(doc, letterhead, `${data.receiptNumber} · ${data.donation.code}`);
}

function headerCells(data: ReceiptData, letterhead: Letterhead): GridCell[] {
  const received = data.donation.receivedAt ? gregorianDate(data.donation.receivedAt).ar : '';
  const donor = data.donor;
  return [
    { label: { ar: 'رقم الإيصال', en: 'Receipt number', fr: 'Numéro du reçu' }, value: data.receiptNumber },
    {
      label: { ar: 'تاريخ الإصدار', en: 'Date issued', fr: 'Date d’émission' },
      value: gregorianDate(data.issuedAt).ar,
    },
    {
      label: { ar: 'ترخيص الجمعية', en: 'Charity licence', fr: 'Agrément de l’association' },
      value: letterhead.licence,
    },
    { label: { ar: 'المتبرع', en: 'Donor', fr: 'Donateur' }, value: joinParts(donor.name, donor.nameLatin), span: 2 },
    {
      label: { ar: 'نوع المتبرع', en: 'Donor type', fr: 'Type de donateur' },
      value: both(wording(DONOR_KINDS, donor.kind)),
    },
    ...(donor.kind === 'company'
      ? [
          {
            label: { ar: 'السجل التجاري', en: 'Commercial registration', fr: 'Registre de commerce' },
            value: donor.crNumber ?? '',
          },
        ]
      : []),
    { label: { ar: 'المدينة', en: 'City', fr: 'Ville' }, value: cityName(donor.city) },
    {
      label: { ar: 'رقم التبرع وتاريخ الاستلام', en: 'Donation and date received', fr: 'Don et date de réception' },
      value: joinParts(data.donation.code, received),
      span: donor.kind === 'company' ? 1 : 2,
    },
  ];
}

/** "Your donation reached N families and M students", large, Arabic then the second language; returns the y below. */
function drawHeadline(doc: PDFKit.PDFDocument, y: number, text: Bilingual): number {
  const box = { x: MARGIN, width: CONTENT_WIDTH, align: 'center' as const };
  drawTextMemo(doc, text.ar, { ...box, y, size: 15, bold: true, color: COLORS.primary, direction: 'rtl' });
  drawTextMemo(doc, second(text), { ...box, y: doc.y, size: 10.5, color: COLORS.primary, direction: 'ltr' });
  return doc.y + 6;
}

function drawStatement(doc: PDFKit.PDFDocument, y: number, text: Bilingual): number {
  const height = paragraphPairHeight(doc, text, 8, 10) + 4;
  doc
    .save()
    .roundedRect(MARGIN, y, CONTENT_WIDTH, height, 4)
    .lineWidth(0.8)
    .fillAndStroke('#fbf8f1', COLORS.accent)
    .restore();
  drawParagraphPair(doc, y + 6, text, 8, 10);
  return y + height + 8;
}

// The link to this receipt's page (impact figures grow as devices are placed) and the charity's stamp.
// A copy printed by a viewer carries no link: the link is the donor's secret.
function drawClosing(doc: PDFKit.PDFDocument, y: number, data: ReceiptData): number {
  if (data.receiptUrl) drawQr(doc, data.receiptUrl, MARGIN - 6, y - 4, 84);
  const textX = MARGIN + 84;
  const textWidth = CONTENT_WIDTH - 84 - 210;
  if (data.receiptUrl) {
    drawTextMemo(doc, message('followReceipt', 'ar'), {
      x: textX,
      y: y + 14,
      width: textWidth,
      size: 8.5,
      bold: true,
      align: 'left',
      color: COLORS.primary,
      direction: 'rtl',
    });
    drawTextMemo(doc, ltr(message('followReceipt', secondLanguage())), {
      x: textX,
      y: doc.y + 1,
      width: textWidth,
      size: 7.5,
      align: 'left',
      color: COLORS.muted,
      direction: 'ltr',
    });
  } else doc.y = y + 14;
  drawTextMemo(doc, ltr(message('impactAsOf', secondLanguage(), { date: second(gregorianDate(data.issuedAt)) })), {
    x: textX,
    y: doc.y + 1,
    width: textWidth,
    size: 7.5,
    align: 'left',
    color: COLORS.muted,
    direction: 'ltr',
  });
  const stampX = A4.width - MARGIN - 200;
  drawTextMemo(doc, 'ختم الجمعية وتوقيع المسؤول', {
    x: stampX,
    y: y + 6,
    width: 200,
    size: 9,
    bold: true,
    align: 'center',
    color: COLORS.primary,
    direction: 'rtl',
  });
  drawTextMemo(doc, enFr('Charity stamp and signature', 'Cachet de l’association et signature du responsable'), {
    x: stampX,
    y: doc.y,
    width: 200,
    size: 7.5,
    align: 'center',
    color: COLORS.muted,
    direction: 'ltr',
  });
  doc
    .save()
    .moveTo(stampX + 20, y + 66)
    .lineTo(stampX + 180, y + 66)
    .lineWidth(0.6)
    .dash(2, { space: 2 })
    .stroke(COLORS.muted)
    .restore();
  return y + 86;
}
