// A batch's delivery note (spec §13): what goes out of the door with 5 or 500 devices. Page one has the letterhead,
// the batch code, the recipient and its contact, the programme and the count; then every device with its specs
// (the table continues over as many pages as needed, headings repeated); then the accessories checklist, the
// receiver's statement and both signatures. Kept compact so that a batch of about ten fits one page, signed. Printed blank to sign while reserved, and as the signed record
// (name, signature image, date, ticks) once handed over. Each page says "page n of N".
import { ltr } from '../../lib/pdf/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { gregorianDate, hijriDate, type Bilingual } from './documents.format.js';
import {
  COLORS,
  MARGIN,
  both,
  drawFooter,
  drawSectionHeading,
  drawTitle,
  ensureRoom,
  joinParts,
  type Letterhead,
} from './documents.layout.js';
import { drawLetterhead, drawRunningHeader } from './documents.masthead.js';
import { drawFieldGrid, type GridCell } from './documents.fields.js';
import { drawDeviceTable, TABLE_MIN_HEIGHT } from './documents.delivery-note-table.js';
import {
  accessoriesHeight,
  drawAccessories,
  drawSignatures,
  signaturesHeight,
} from './documents.delivery-note-signatures.js';
import { numberInWords } from './documents.delivery-note-words.js';
import { latinName, type BatchDocumentData } from './documents.delivery-note-data.js';

export const DELIVERY_NOTE_TITLE: Bilingual = { ar: 'مذكرة تسليم أجهزة', en: 'Delivery Note' };

const STATUS: Readonly<Record<string, Bilingual>> = {
  reserved: { ar: 'محجوزة بانتظار التسليم', en: 'Reserved, awaiting handover' },
  handed_over: { ar: 'سُلّمت', en: 'Handed over' },
  cancelled: { ar: 'أُلغيت', en: 'Cancelled' },
};

/** Draws the whole note into a buffered document (bufferPages: true: the footers need the page count). */
export function drawDeliveryNote(doc: PDFKit.PDFDocument, data: BatchDocumentData, letterhead: Letterhead): void {
  const running = () => drawRunningHeader(doc, letterhead, `${DELIVERY_NOTE_TITLE.en} · ${data.code}`);
  const words = numberInWords(data.deviceCount);
  const top = drawLetterhead(doc, letterhead) + 2;
  // The number at the top left, where Arabic letters and forms put it (الرقم), beside the centred title.
  let y = Math.max(drawTitle(doc, top, DELIVERY_NOTE_TITLE), drawCodeBox(doc, top + 2, data.code));
  y = drawFieldGrid(doc, y, headerCells(data, words));
  y = ensureRoom(doc, y, 22 + TABLE_MIN_HEIGHT, running);
  y = drawSectionHeading(doc, y, {
    ar: `بيان الأجهزة (${ltr(String(data.devices.length))})`,
    en: `Devices (${data.devices.length})`,
  });
  y = drawDeviceTable(doc, y, data.devices, data.handover === null, running);
  // The checklist stays with the signatures that confirm it: both move to a new page together when needed.
  const statement = receiverStatement(data, letterhead, words);
  y = ensureRoom(doc, y + 4, accessoriesHeight(data) + signaturesHeight(doc, statement), running);
  drawSignatures(doc, drawAccessories(doc, y, data), data, statement);
  drawNumberedFooters(doc, letterhead, data.code);
}

/** `BT-2026-0001 · صفحة 1 من 3 · Page 1 of 3` at the foot of every page. */
function drawNumberedFooters(doc: PDFKit.PDFDocument, letterhead: Letterhead, code: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    const n = i - start + 1;
    drawFooter(doc, letterhead, `${code} · صفحة ${n} من ${count} · Page ${n} of ${count}`);
  }
}

function drawCodeBox(doc: PDFKit.PDFDocument, y: number, code: string): number {
  const width = 132;
  const x = MARGIN;
  doc.save().roundedRect(x, y, width, 36, 5).lineWidth(1).fillAndStroke(COLORS.band, COLORS.accent).restore();
  drawTextMemo(doc, `رقم الدفعة · ${ltr('Batch No.')}`, {
    x,
    y: y + 4,
    width,
    size: 7.5,
    align: 'center',
    color: COLORS.muted,
    direction: 'rtl',
  });
  drawTextMemo(doc, code, {
    x,
    y: y + 15,
    width,
    size: 13,
    bold: true,
    align: 'center',
    color: COLORS.primary,
    direction: 'ltr',
  });
  return y + 44;
}

// Cells put the Arabic on the first line and the English under it (\n): one language per line reads better
// than a long mixed line wrapped anywhere.
function dateCell(data: BatchDocumentData): GridCell {
  const at = data.handover?.at ?? data.createdAt;
  const d = gregorianDate(at);
  return {
    label: data.handover ? { ar: 'تاريخ التسليم', en: 'Handover date' } : { ar: 'تاريخ الحجز', en: 'Date reserved' },
    value: `${d.ar} · ${ltr(d.en)}\n${hijriDate(at).ar}`,
  };
}

const twoLines = (text: Bilingual): string => (text.ar === text.en ? text.ar : `${text.ar}\n${text.en}`);

function headerCells(data: BatchDocumentData, words: Bilingual): GridCell[] {
  const r = data.recipient;
  const programme = data.programme ? joinParts(data.programme.name, data.programme.nameLatin) : '';
  const status: GridCell = { label: { ar: 'الحالة', en: 'Status' }, value: twoLines(STATUS[data.status]) };
  const count: GridCell = {
    label: { ar: 'عدد الأجهزة', en: 'Number of devices' },
    value: `${data.deviceCount} · ${words.ar}\n${words.en}`,
    span: r.kind === 'institution' ? 1 : 2,
  };
  return [
    {
      label:
        r.kind === 'institution'
          ? { ar: 'الجهة المستلمة', en: 'Receiving institution' }
          : { ar: 'الجمعية الشريكة', en: 'Partner association' },
      value: joinParts(r.name, r.nameLatin),
      span: 2,
    },
    { label: { ar: 'نوع الجهة', en: 'Type' }, value: both(r.type) },
    { label: { ar: 'المدينة والمنطقة', en: 'City and region' }, value: placeOf(r) },
    { label: { ar: 'مسؤول التواصل', en: 'Contact person' }, value: r.contactPerson ?? '' },
    { label: { ar: 'الهاتف', en: 'Phone' }, value: r.phone ? ltr(r.phone) : '' },
    { label: { ar: 'البرنامج', en: 'Programme' }, value: programme, span: 2 },
    r.kind === 'institution'
      ? {
          label: { ar: 'رقم التسجيل', en: 'Registration No.' },
          value: r.registrationNumber ? ltr(r.registrationNumber) : '',
        }
      : status,
    dateCell(data),
    ...(r.kind === 'institution' ? [status] : []),
    count,
  ];
}

/** `الدمام، المنطقة الشرقية · Dammam, Eastern Province`. */
function placeOf(r: BatchDocumentData['recipient']): string {
  const ar = [r.city?.ar, r.region?.ar].filter(Boolean).join('، ');
  const en = [r.city?.en, r.region?.en].filter(Boolean).join(', ');
  return twoLines({ ar, en });
}

/**
 * What the receiver signs for: the devices, their count in figures and words, given free of charge and sanitized;
 * a partner association also takes them into its custody until each is handed on.
 */
function receiverStatement(data: BatchDocumentData, letterhead: Letterhead, words: Bilingual): Bilingual {
  const r = data.recipient;
  const n = data.deviceCount;
  const charity = { ar: letterhead.name, en: letterhead.nameLatin || letterhead.name };
  const programme = data.programme
    ? { ar: ` ضمن ${data.programme.name}`, en: ` under ${data.programme.nameLatin || data.programme.name}` }
    : { ar: '', en: '' };
  const custody =
    r.kind === 'partner'
      ? {
          ar: ' وتبقى الأجهزة في عهدة الجمعية إلى أن يُسلَّم كل جهاز إلى أسرة مستفيدة ويُوثَّق تسليمه.',
          en: " The devices remain in the association's custody until each is handed to a beneficiary family and the handover recorded.",
        }
      : { ar: '', en: '' };
  return {
    ar: `أقرّ أنا الموقّع أدناه، نيابةً عن ${r.name}، باستلام الأجهزة المبيّنة في هذه المذكرة وعددها (${ltr(String(n))}) ${words.ar}، هبةً دون مقابل من ${charity.ar}${programme.ar}، بعد فحصها وتجهيزها ومحو بياناتها وفق معيار ${ltr('NIST SP 800-88')}، سليمةً ومطابقةً للبيان، ومعها الملحقات المؤشَّر عليها.${custody.ar}`,
    en: `I, the undersigned, on behalf of ${latinName(r)}, acknowledge receipt of the devices listed in this note, ${n} (${words.en}) in number, given free of charge by ${charity.en}${programme.en}, tested, refurbished and sanitized to NIST SP 800-88, in good order and as listed, with the accessories ticked.${custody.en}`,
  };
}
