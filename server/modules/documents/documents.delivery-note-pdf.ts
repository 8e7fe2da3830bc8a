// A batch's delivery note (spec §13): what goes out of the door with 5 or 500 devices. Page one has the letterhead,
// the batch code, the recipient and its contact, the programme and the count; then every device with its specs
// (the table continues over as many pages as needed, headings repeated); then the accessories checklist, the
// receiver's statement and both signatures. Kept compact so that a batch of about ten fits one page, signed. Printed blank to sign while reserved, and as the signed record
// (name, signature image, date, ticks) once handed over. Each page says "page n of N".
import { ltr } from '../../lib/pdf/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { enFr, gregorianDate, hijriDate, second, type Bilingual } from './documents.format.js';
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

export const DELIVERY_NOTE_TITLE: Bilingual = { ar: 'مذكرة تسليم أجهزة', en: 'Delivery Note', fr: 'Bon de livraison' };

const STATUS: Readonly<Record<string, Bilingual>> = {
  reserved: { ar: 'محجوزة بانتظار التسليم', en: 'Reserved, awaiting handover', fr: 'Réservé, en attente de remise' },
  handed_over: { ar: 'سُلّمت', en: 'Handed over', fr: 'Remis' },
  cancelled: { ar: 'أُلغيت', en: 'Cancelled', fr: 'Annulé' },
};

/** Draws the whole note into a buffered document (bufferPages: true: the footers need the page count). */
export function drawDeliveryNote(doc: PDFKit.PDFDocument, data: BatchDocumentData, letterhead: Letterhead): void {
  const running = () => drawRunningHeader(doc, letterhead, `${second(DELIVERY_NOTE_TITLE)} · ${data.code}`);
  const words = numberInWords(data.deviceCount);
  const top = drawLetterhead(doc, letterhead) + 2;
  // The number at the top left, where Arabic letters and forms put it (الرقم), beside the centred title.
  let y = Math.max(drawTitle(doc, top, DELIVERY_NOTE_TITLE), drawCodeBox(doc, top + 2, data.code));
  y = drawFieldGrid(doc, y, headerCells(data, words));
  y = ensureRoom(doc, y, 22 + TABLE_MIN_HEIGHT, running);
  y = drawSectionHeading(doc, y, {
    ar: `بيان الأجهزة (${ltr(String(data.devices.length))})`,
    en: `Devices (${data.devices.length})`,
    fr: `Appareils (${data.devices.length})`,
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
    drawFooter(
      doc,
      letterhead,
      `${code} · صفحة ${n} من ${count} · ${enFr(`Page ${n} of ${count}`, `Page ${n} sur ${count}`)}`,
    );
  }
}

function drawCodeBox(doc: PDFKit.PDFDocument, y: number, code: string): number {
  const width = 132;
  const x = MARGIN;
  doc.save().roundedRect(x, y, width, 36, 5).lineWidth(1).fillAndStroke(COLORS.band, COLORS.accent).restore();
  drawTextMemo(doc, `رقم الدفعة · ${ltr(enFr('Batch No.', 'N° du lot'))}`, {
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
    label: data.handover
      ? { ar: 'تاريخ التسليم', en: 'Handover date', fr: 'Date de remise' }
      : { ar: 'تاريخ الحجز', en: 'Date reserved', fr: 'Date de réservation' },
    value: `${d.ar} · ${ltr(second(d))}\n${hijriDate(at).ar}`,
  };
}

const twoLines = (text: Bilingual): string => (text.ar === second(text) ? text.ar : `${text.ar}\n${second(text)}`);

function headerCells(data: BatchDocumentData, words: Bilingual): GridCell[] {
  const r = data.recipient;
  const programme = data.programme ? joinParts(data.programme.name, data.programme.nameLatin) : '';
  const status: GridCell = {
    label: { ar: 'الحالة', en: 'Status', fr: 'Statut' },
    value: twoLines(STATUS[data.status]),
  };
  const count: GridCell = {
    label: { ar: 'عدد الأجهزة', en: 'Number of devices', fr: "Nombre d'appareils" },
    value: `${data.deviceCount} · ${words.ar}\n${second(words)}`,
    span: r.kind === 'institution' ? 1 : 2,
  };
  return [
    {
      label:
        r.kind === 'institution'
          ? { ar: 'الجهة المستلمة', en: 'Receiving institution', fr: 'Institution destinataire' }
          : { ar: 'الجمعية الشريكة', en: 'Partner association', fr: 'Association partenaire' },
      value: joinParts(r.name, r.nameLatin),
      span: 2,
    },
    { label: { ar: 'نوع الجهة', en: 'Type', fr: 'Type' }, value: both(r.type) },
    { label: { ar: 'المدينة والمنطقة', en: 'City and region', fr: 'Ville et région' }, value: placeOf(r) },
    { label: { ar: 'مسؤول التواصل', en: 'Contact person', fr: 'Personne de contact' }, value: r.contactPerson ?? '' },
    { label: { ar: 'الهاتف', en: 'Phone', fr: 'Téléphone' }, value: r.phone ? ltr(r.phone) : '' },
    { label: { ar: 'البرنامج', en: 'Programme', fr: 'Programme' }, value: programme, span: 2 },
    r.kind === 'institution'
      ? {
          label: { ar: 'رقم التسجيل', en: 'Registration No.', fr: "N° d'enregistrement" },
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
  const en = [r.city, r.region]
    .map((p) => p && second(p))
    .filter(Boolean)
    .join(', ');
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
    ? {
        ar: ` ضمن ${data.programme.name}`,
        en: ` under ${data.programme.nameLatin || data.programme.name}`,
        fr: ` dans le cadre de ${data.programme.nameLatin || data.programme.name}`,
      }
    : { ar: '', en: '', fr: '' };
  const custody =
    r.kind === 'partner'
      ? {
          ar: ' وتبقى الأجهزة في عهدة الجمعية إلى أن يُسلَّم كل جهاز إلى أسرة مستفيدة ويُوثَّق تسليمه.',
          en: " The devices remain in the association's custody until each is handed to a beneficiary family and the handover recorded.",
          fr: " Les appareils restent sous la garde de l'association jusqu'à ce que chacun soit remis à une famille bénéficiaire et sa remise enregistrée.",
        }
      : { ar: '', en: '', fr: '' };
  return {
    ar: `أقرّ أنا الموقّع أدناه، نيابةً عن ${r.name}، باستلام الأجهزة المبيّنة في هذه المذكرة وعددها (${ltr(String(n))}) ${words.ar}، هبةً دون مقابل من ${charity.ar}${programme.ar}، بعد فحصها وتجهيزها ومحو بياناتها وفق معيار ${ltr('NIST SP 800-88')}، سليمةً ومطابقةً للبيان، ومعها الملحقات المؤشَّر عليها.${custody.ar}`,
    en: `I, the undersigned, on behalf of ${latinName(r)}, acknowledge receipt of the devices listed in this note, ${n} (${words.en}) in number, given free of charge by ${charity.en}${programme.en}, tested, refurbished and sanitized to NIST SP 800-88, in good order and as listed, with the accessories ticked.${custody.en}`,
    fr: `Je soussigné(e), au nom de ${latinName(r)}, reconnais avoir reçu les appareils énumérés dans ce bon, au nombre de ${n} (${words.fr}), donnés gratuitement par ${charity.en}${programme.fr}, testés, remis en état et dont les données ont été effacées selon la norme NIST SP 800-88, en bon état et conformes à la liste, avec les accessoires cochés.${custody.fr}`,
  };
}
