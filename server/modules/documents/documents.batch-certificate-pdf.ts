// An institution's handover certificate for a whole batch (spec §13): one A4 page that thanks the institution and
// certifies how many devices it received, under which programme, when and signed by whom, with a QR code to the
// public verification page. The devices themselves are listed on the batch's delivery note, named here by its code.
// (Not to be confused with documents.batch-certificates.ts: a programme's single-device certificates in one PDF.)
import { ltr } from '../../lib/pdf/index.js';
import { gregorianDate, hijriDate, second, type Bilingual } from './documents.format.js';
import { drawTextMemo } from './documents.text-memo.js';
import {
  COLORS,
  CONTENT_WIDTH,
  FOOTER_TOP,
  MARGIN,
  both,
  drawFooter,
  drawParagraphPair,
  drawSectionHeading,
  drawTitle,
  joinParts,
  type Letterhead,
} from './documents.layout.js';
import { drawLetterhead } from './documents.masthead.js';
import { clampLines, drawFieldRows, type FieldRow } from './documents.fields.js';
import {
  SIGNATURE_BLOCK,
  accessoryRows,
  drawCodeBox,
  drawSignatureAndQr,
} from './documents.handover-certificate-pdf.js';
import { numberInWords } from './documents.delivery-note-words.js';
import type { BatchDocumentData } from './documents.delivery-note-data.js';

export const BATCH_CERTIFICATE_TITLE: Bilingual = {
  ar: 'شهادة شكر وتسليم أجهزة حاسوب',
  en: 'Certificate of Thanks and Computer Handover',
  fr: "Certificat de remerciement et de remise d'ordinateurs",
};

/** `data` is an institution's handed-over batch (loadBatchCertificate refuses anything else). */
export function drawBatchCertificate(doc: PDFKit.PDFDocument, data: BatchDocumentData, letterhead: Letterhead): void {
  const certificate = data.certificate!;
  const handover = data.handover!;
  let y = drawTitle(doc, drawLetterhead(doc, letterhead) + 2, BATCH_CERTIFICATE_TITLE);
  y = drawCodeBox(doc, y, certificate.code);
  y = drawThanks(doc, y, data, letterhead);
  y = drawSectionHeading(doc, y, { ar: 'بيانات التسليم', en: 'Handover', fr: 'Remise' });
  y = drawFieldRows(doc, y, rows(data), 2);
  const top = Math.min(Math.max(y + 4, 640), FOOTER_TOP - SIGNATURE_BLOCK);
  drawSignatureAndQr(doc, top, {
    signature: handover.signature,
    receivedBy: handover.receivedBy,
    verifyUrl: certificate.verifyUrl,
  });
  drawFooter(doc, letterhead, `${certificate.code} · ${certificate.verifyUrl}`);
}

// The thanks in three parts, the institution's name alone and large in the middle: a name inside the English
// sentence would be Arabic inside Latin text, wrapped anywhere.
function thanks(data: BatchDocumentData, letterhead: Letterhead): { before: Bilingual; after: Bilingual } {
  const n = data.deviceCount;
  const programme = data.programme
    ? {
        ar: ` ضمن ${data.programme.name}`,
        en: ` under ${data.programme.nameLatin || data.programme.name}`,
        fr: ` dans le cadre de ${data.programme.nameLatin || data.programme.name}`,
      }
    : { ar: '', en: '', fr: '' };
  return {
    before: {
      ar: `تتقدّم ${letterhead.name} بخالص الشكر والتقدير إلى`,
      en: `${letterhead.nameLatin || letterhead.name} extends its sincere thanks to`,
      fr: `${letterhead.nameLatin || letterhead.name} adresse ses sincères remerciements à`,
    },
    after: {
      ar: `على ثقتها وحرصها على أن تصل هذه الأجهزة إلى من ينتفع بها، وتشهد بأنها سلّمتها عدد (${ltr(String(n))}) من أجهزة الحاسوب${programme.ar}، بعد فحصها وتجهيزها ومحو بياناتها وفق معيار ${ltr('NIST SP 800-88')}، هبةً دون مقابل.`,
      en: `for its trust and its care that these devices reach those who will benefit from them, and certifies that it handed over to it ${n} (${numberInWords(n).en}) computers${programme.en}, tested, refurbished and sanitized to NIST SP 800-88, as a gift free of charge.`,
      fr: `pour sa confiance et son souci que ces appareils parviennent à ceux qui en bénéficieront, et certifie lui avoir remis ${n} (${numberInWords(n).fr}) ordinateurs${programme.fr}, testés, remis en état et dont les données ont été effacées selon la norme NIST SP 800-88, à titre de don gratuit.`,
    },
  };
}

function drawThanks(doc: PDFKit.PDFDocument, y: number, data: BatchDocumentData, letterhead: Letterhead): number {
  const text = thanks(data, letterhead);
  y = drawParagraphPair(doc, y, text.before, 9) - 4;
  const name = {
    x: MARGIN,
    width: CONTENT_WIDTH,
    size: 16,
    bold: true,
    align: 'center' as const,
    color: COLORS.primary,
  };
  drawTextMemo(doc, clampLines(doc, data.recipient.name, name, 2), { ...name, y, direction: 'rtl' });
  return drawParagraphPair(doc, doc.y + 6, text.after, 9);
}

function rows(data: BatchDocumentData): FieldRow[] {
  const r = data.recipient;
  const handover = data.handover!;
  const words = numberInWords(data.deviceCount);
  // `الدار البيضاء، الدار البيضاء سطات · Casablanca, Casablanca-Settat`: the second language names the places too.
  const otherPlace = [r.city, r.region]
    .map((p) => p && second(p))
    .filter(Boolean)
    .join(', ');
  const place = both({ ar: [r.city?.ar, r.region?.ar].filter(Boolean).join('، '), en: otherPlace, fr: otherPlace });
  return [
    { label: { ar: 'الجهة المستلمة', en: 'Institution', fr: 'Institution' }, value: r.name },
    { label: { ar: 'نوع الجهة', en: 'Type', fr: 'Type' }, value: both(r.type) },
    { label: { ar: 'المدينة والمنطقة', en: 'City and region', fr: 'Ville et région' }, value: place },
    {
      label: { ar: 'عدد الأجهزة', en: 'Number of devices', fr: "Nombre d'appareils" },
      value: joinParts(String(data.deviceCount), words.ar, second(words)),
    },
    {
      label: { ar: 'البرنامج', en: 'Programme', fr: 'Programme' },
      value: data.programme ? joinParts(data.programme.name, data.programme.nameLatin) : '',
    },
    { label: { ar: 'مذكرة التسليم', en: 'Delivery note', fr: 'Bon de livraison' }, value: data.code },
    ...accessoryRows(data),
    {
      label: { ar: 'تاريخ التسليم', en: 'Handover date', fr: 'Date de remise' },
      value: both(gregorianDate(handover.at)),
    },
    { label: { ar: 'التاريخ الهجري', en: 'Hijri date', fr: "Date de l'hégire" }, value: hijriDate(handover.at).ar },
    {
      label: { ar: 'المستلم عن الجهة', en: 'Received by', fr: "Reçu pour l'institution par" },
      value: handover.receivedBy,
    },
  ];
}
