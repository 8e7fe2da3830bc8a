// The documents as use cases: each loads its data (throwing 404/409/422 before any byte is sent) and returns
// what to draw; documents.http.ts sends it. Nothing here sees req or res.
import type { Writable } from 'node:stream';
import type { CreatePdfOptions } from '../../lib/pdf/index.js';
import { drawingIn, printTag, second, type SecondLanguage } from './documents.format.js';
import { loadLetterhead } from './documents.letterhead.js';
import type { DateRange } from './documents.schema.js';
import { countCertificates, drawCertificates } from './documents.batch-certificates.js';
import { findProgramme } from '../programmes/index.js';
import { loadReceipt } from './documents.donor-receipt-data.js';
import { drawDonorReceipt, RECEIPT_TITLE } from './documents.donor-receipt-pdf.js';
import { loadHandoverCertificate } from './documents.handover-certificate-data.js';
import { drawHandoverCertificate, HANDOVER_TITLE, HANDOVER_TITLES } from './documents.handover-certificate-pdf.js';
import { loadSanitizationCertificate } from './documents.sanitization-certificate-data.js';
import { drawSanitizationCertificate, SANITIZATION_TITLE } from './documents.sanitization-certificate-pdf.js';
import { UnprocessableError } from '../../lib/errors.js';

/** A document ready to draw: its file name, pdfkit options (size, metadata) and the drawing. */
export interface PdfJob {
  fileName: string;
  options: CreatePdfOptions;
  draw: (doc: PDFKit.PDFDocument) => void;
}

/** A document drawn while it streams out (batches): `total` pages are announced before the first byte. */
export interface StreamJob {
  fileName: string;
  options: CreatePdfOptions;
  total: number;
  draw: (doc: PDFKit.PDFDocument, sink: Writable) => Promise<number>;
}

const A4 = { size: 'A4' } as const;

export async function handoverCertificate(allocationId: number, lang: SecondLanguage = 'en'): Promise<PdfJob> {
  const [data, letterhead] = await Promise.all([loadHandoverCertificate(allocationId), loadLetterhead()]);
  return {
    fileName: `handover-certificate-${data.certificateCode}.pdf`,
    options: {
      ...A4,
      title: `${second(HANDOVER_TITLE, lang)} ${data.certificateCode}`,
      author: letterhead.nameLatin || letterhead.name,
      subject: printTag(data.device.assetTag),
    },
    draw: (doc) => drawingIn(lang, () => drawHandoverCertificate(doc, data, letterhead)),
  };
}

export async function sanitizationCertificate(deviceId: number, lang: SecondLanguage = 'en'): Promise<PdfJob> {
  const [data, letterhead] = await Promise.all([loadSanitizationCertificate(deviceId), loadLetterhead()]);
  const tag = printTag(data.device.assetTag);
  return {
    fileName: `sanitization-certificate-${tag}.pdf`,
    // Buffered so that every page's footer can say "n / total".
    options: {
      ...A4,
      bufferPages: true,
      title: `${second(SANITIZATION_TITLE, lang)} ${tag}`,
      author: letterhead.nameLatin || letterhead.name,
      subject: 'NIST SP 800-88',
    },
    draw: (doc) => drawingIn(lang, () => drawSanitizationCertificate(doc, data, letterhead, new Date())),
  };
}

/** `withLink`: print the donor's secret receipt link (QR); false for a copy made by someone who may not contact donors. */
export async function donorReceipt(
  where: { id: number } | { receiptToken: string },
  withLink: boolean,
  lang: SecondLanguage = 'en',
): Promise<PdfJob> {
  const [data, letterhead] = await Promise.all([loadReceipt(where, withLink), loadLetterhead()]);
  return {
    fileName: `receipt-${data.receiptNumber}.pdf`,
    options: {
      ...A4,
      bufferPages: true,
      title: `${second(RECEIPT_TITLE, lang)} ${data.receiptNumber}`,
      author: letterhead.nameLatin || letterhead.name,
      subject: data.donation.code,
    },
    draw: (doc) => drawingIn(lang, () => drawDonorReceipt(doc, data, letterhead)),
  };
}

export async function certificateCount(
  programmeId: number,
  range: DateRange,
): Promise<{ programmeId: number; from: string | null; to: string | null; total: number }> {
  await findProgramme(programmeId);
  return {
    programmeId,
    from: range.from ?? null,
    to: range.to ?? null,
    total: await countCertificates(programmeId, range),
  };
}

/** 404 for an unknown programme, 422 NO_CERTIFICATES when the range holds none. Each page as the single certificate. */
export async function programmeCertificates(
  programmeId: number,
  range: DateRange,
  lang: SecondLanguage = 'en',
): Promise<StreamJob> {
  const [programme, total, letterhead] = await Promise.all([
    findProgramme(programmeId),
    countCertificates(programmeId, range),
    loadLetterhead(),
  ]);
  if (!total)
    throw new UnprocessableError('NO_CERTIFICATES', 'No device of this programme was handed over in this date range', {
      programmeId,
      ...range,
    });
  const span = [range.from ?? 'start', range.to ?? 'today'].join('-to-');
  return {
    fileName: `certificates-programme-${programme.id}-${span}.pdf`,
    total,
    options: {
      ...A4,
      title: `${second(HANDOVER_TITLES, lang)} · ${programme.nameLatin || programme.name}`,
      author: letterhead.nameLatin || letterhead.name,
      subject: `${total} ${second({ ar: 'شهادة', en: 'certificates', fr: 'certificats' }, lang)}`,
    },
    draw: (doc, sink) => drawCertificates(doc, sink, programme.id, range, letterhead, lang),
  };
}
