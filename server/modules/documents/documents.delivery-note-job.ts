// A batch's two documents as jobs for documents.http.ts: each loads its data first (404/409 sent as JSON), then
// draws. The delivery note is buffered (its footers say "page n of N"); the institution's certificate is one page.
import { loadLetterhead } from './documents.letterhead.js';
import { loadBatchCertificate, loadDeliveryNote } from './documents.delivery-note-data.js';
import { drawDeliveryNote, DELIVERY_NOTE_TITLE } from './documents.delivery-note-pdf.js';
import { BATCH_CERTIFICATE_TITLE, drawBatchCertificate } from './documents.batch-certificate-pdf.js';
import type { PdfJob } from './documents.service.js';
import { drawingIn, second, type SecondLanguage } from './documents.format.js';

export async function deliveryNote(batchId: number, lang: SecondLanguage = 'en'): Promise<PdfJob> {
  const [data, letterhead] = await Promise.all([loadDeliveryNote(batchId), loadLetterhead()]);
  return {
    fileName: `delivery-note-${data.code}.pdf`,
    options: {
      size: 'A4',
      bufferPages: true,
      title: `${second(DELIVERY_NOTE_TITLE, lang)} ${data.code}`,
      author: letterhead.nameLatin || letterhead.name,
      subject: `${data.deviceCount} devices`,
    },
    draw: (doc) => drawingIn(lang, () => drawDeliveryNote(doc, data, letterhead)),
  };
}

/** The institution's certificate of a handed-over batch. */
export async function batchCertificate(batchId: number, lang: SecondLanguage = 'en'): Promise<PdfJob> {
  const [data, letterhead] = await Promise.all([loadBatchCertificate(batchId), loadLetterhead()]);
  const code = data.certificate!.code;
  return {
    fileName: `batch-certificate-${code}.pdf`,
    options: {
      size: 'A4',
      title: `${second(BATCH_CERTIFICATE_TITLE, lang)} ${code}`,
      author: letterhead.nameLatin || letterhead.name,
      subject: data.code,
    },
    draw: (doc) => drawingIn(lang, () => drawBatchCertificate(doc, data, letterhead)),
  };
}
