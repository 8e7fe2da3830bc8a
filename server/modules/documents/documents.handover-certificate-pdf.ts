// The handover certificate: one A4 page that a family keeps and a verifier can check by its QR code.
// Only the masked national ID is ever given to this file, never the full one.
import { drawQr, ltr } from '../../lib/pdf/index.js';
import { currentCountry } from '../../lib/country.js';
import { drawTextMemo } from './documents.text-memo.js';
import { enFr, gregorianDate, hijriDate, printTag, second, wording, type Bilingual } from './documents.format.js';
import {
  A4,
  COLORS,
  CONTENT_WIDTH,
  FOOTER_TOP,
  MARGIN,
  both,
  drawFooter,
  joinParts,
  drawParagraphPair,
  drawSectionHeading,
  isolate,
  type Letterhead,
} from './documents.layout.js';
import { drawRunningHeader, drawImageFit, drawLetterhead } from './documents.masthead.js';
import { clampLines, drawFieldGrid, type GridCell } from './documents.fields.js';
import { ACCESSORIES, BENEFICIARY_KINDS, DEVICE_TYPES } from './documents.wording.js';
import type { Accessory } from '../../shared/index.js';

export interface HandoverCertificateData {
  /** The device is a demo device (issue 22): every page carries the demo band. */
  demo?: boolean;
  certificateCode: string;
  handedOverAt: Date;
  receivedBy: string;
  /** The signature image (PNG or JPEG) as stored at handover; null when the file is missing. */
  signature: Buffer | null;
  device: {
    assetTag: string;
    type: string;
    manufacturer: string | null;
    model: string | null;
    serialNumber: string | null;
    cpu: string | null;
    ramGb: number | null;
    storage: string | null;
    grade: string | null;
    os: string | null;
  };
  beneficiary: { name: string; maskedNationalId: string | null; kind: string };
  programme: { name: string; nameLatin: string | null } | null;
  /** The checklist that went with the device (spec §13), in checklist order; empty before issue 18 or when none. */
  accessories: Accessory[];
  accessoriesNote: string | null;
  /** The connectivity bundle given with the device (spec §14); the SIM only by its last 4 digits. Null when none. */
  bundle: CertificateBundleData | null;
  /** The device's donor, only when the donor agreed to be thanked by name (donors.credit_on_certificates). */
  donor: { name: string; nameLatin: string | null } | null;
  verifyUrl: string;
}

export interface CertificateBundleData {
  sponsorName: string;
  sponsorNameLatin: string | null;
  operator: string;
  dataGb: number;
  validityDays: number;
  iccidLast4: string;
}

export const HANDOVER_TITLE: Bilingual = {
  ar: 'شهادة تسليم جهاز حاسوب',
  en: 'Computer Handover Certificate',
  fr: "Certificat de remise d'un ordinateur",
};
/** A programme's certificates in one PDF (its metadata title). */
export const HANDOVER_TITLES: Bilingual = {
  ar: 'شهادات تسليم أجهزة الحاسوب',
  en: 'Computer Handover Certificates',
  fr: "Certificats de remise d'ordinateurs",
};
/** `رقم الشهادة · Certificate No.` */
export const CERTIFICATE_NO: Bilingual = { ar: 'رقم الشهادة', en: 'Certificate No.', fr: 'N° du certificat' };
/** `امسح للتحقق · Scan to verify` */
export const SCAN_TO_VERIFY: Bilingual = { ar: 'امسح للتحقق', en: 'Scan to verify', fr: 'Scannez pour vérifier' };

/**
 * Draws the certificate on the current page (the caller adds pages between certificates). A family keeps it: it leads
 * with their achievement and the charity's thanks (to the donor by name when the donor agreed), then the certificate's
 * title and code, what it certifies, the device in a compact grid and the handover, then signatures and the QR.
 */
export function drawHandoverCertificate(
  doc: PDFKit.PDFDocument,
  data: HandoverCertificateData,
  ownLetterhead: Letterhead,
): void {
  const letterhead = data.demo ? { ...ownLetterhead, demo: true } : ownLetterhead;
  let y = drawLetterhead(doc, letterhead);
  y = drawAchievement(doc, y, data, letterhead);
  y = drawTitleAndCode(doc, y, data.certificateCode);
  y = drawParagraphPair(doc, y, introText(data, letterhead), 8.5);
  y = drawSectionHeading(doc, y, { ar: 'الجهاز', en: 'The computer', fr: "L'ordinateur" });
  y = drawFieldGrid(doc, y, [...deviceCells(data.device), ...accessoryRows(data), ...bundleRows(data.bundle)], 3);
  y = drawSectionHeading(doc, y, { ar: 'التسليم', en: 'Handover', fr: 'Remise' });
  y = drawFieldGrid(doc, y, handoverCells(data), 3);
  const { top, shrink } = signaturePlace(doc, y, data, letterhead);
  drawSignatureAndQr(doc, top, data, shrink);
  drawFooter(doc, letterhead, `${data.certificateCode} · ${data.verifyUrl}`);
}

/**
 * What the family achieved, in their name, and the thanks: the first lines anybody reads. Display lines without
 * punctuation between Arabic words, so that text copied out of the PDF keeps their order as well.
 */
export function achievementText(
  data: Pick<HandoverCertificateData, 'beneficiary' | 'donor'>,
  letterhead: Pick<Letterhead, 'name' | 'nameLatin'>,
): { headline: Bilingual; achievement: Bilingual; thanks: Bilingual } {
  const name = data.beneficiary.name;
  const donor = data.donor;
  const charityEn = letterhead.nameLatin || letterhead.name;
  return {
    headline: { ar: `تهانينا ${name}`, en: `Congratulations, ${isolate(name)}`, fr: `Félicitations, ${isolate(name)}` },
    achievement: {
      ar: 'أصبح لكم جهاز حاسوب جاهز للتعلّم والعمل',
      en: 'A computer ready for learning and work is now yours',
      fr: 'Un ordinateur prêt pour apprendre et travailler est désormais à vous',
    },
    thanks: donor
      ? {
          ar: `تشكر ${letterhead.name} ${donor.name} على التبرع بهذا الجهاز وتتمنى لكم به النجاح`,
          en: `${charityEn} thanks ${isolate(donor.nameLatin || donor.name)}, who donated this computer, and wishes you every success with it`,
          fr: `${charityEn} remercie ${isolate(donor.nameLatin || donor.name)}, qui a donné cet ordinateur, et vous souhaite plein de succès avec lui`,
        }
      : {
          ar: `تشكر ${letterhead.name} المتبرّع الكريم بهذا الجهاز وتتمنى لكم به النجاح`,
          en: `${charityEn} thanks the generous donor who gave this computer, and wishes you every success with it`,
          fr: `${charityEn} remercie le généreux donateur qui a offert cet ordinateur, et vous souhaite plein de succès avec lui`,
        },
  };
}

function drawAchievement(
  doc: PDFKit.PDFDocument,
  y: number,
  data: HandoverCertificateData,
  letterhead: Letterhead,
): number {
  const { headline, achievement, thanks } = achievementText(data, letterhead);
  const box = { x: MARGIN + 10, width: CONTENT_WIDTH - 20, align: 'center' as const };
  drawTextMemo(doc, headline.ar, { ...box, y, size: 18, bold: true, color: COLORS.primary, direction: 'rtl' });
  drawTextMemo(doc, achievement.ar, {
    ...box,
    y: doc.y,
    size: 13,
    bold: true,
    color: COLORS.primary,
    direction: 'rtl',
  });
  const achieved = second(achievement);
  drawTextMemo(doc, `${second(headline)}${enFr(': ', ' : ')}${achieved.charAt(0).toLowerCase()}${achieved.slice(1)}`, {
    ...box,
    y: doc.y + 1,
    size: 10.5,
    color: COLORS.primary,
    direction: 'ltr',
  });
  drawTextMemo(doc, thanks.ar, { ...box, y: doc.y + 7, size: 10.5, color: COLORS.ink, direction: 'rtl' });
  drawTextMemo(doc, `${second(thanks)}.`, { ...box, y: doc.y + 1, size: 9, color: COLORS.muted, direction: 'ltr' });
  const bottom = doc.y + 8;
  doc
    .save()
    .moveTo(A4.width / 2 - 60, bottom)
    .lineTo(A4.width / 2 + 60, bottom)
    .lineWidth(0.8)
    .stroke(COLORS.accent)
    .restore();
  return bottom + 10;
}

/** The document's title and its code on one band: Arabic title at the right, the code in the middle, English left. */
function drawTitleAndCode(doc: PDFKit.PDFDocument, y: number, code: string): number {
  const height = 30;
  doc
    .save()
    .roundedRect(MARGIN, y, CONTENT_WIDTH, height, 5)
    .lineWidth(0.8)
    .fillAndStroke(COLORS.band, COLORS.rule)
    .restore();
  const third = CONTENT_WIDTH / 3;
  drawTextMemo(doc, HANDOVER_TITLE.ar, {
    x: A4.width - MARGIN - third - 10,
    y: y + 7,
    width: third,
    size: 11,
    bold: true,
    align: 'right',
    color: COLORS.ink,
    direction: 'rtl',
  });
  drawTextMemo(doc, second(HANDOVER_TITLE), {
    x: MARGIN + 10,
    y: y + 9,
    width: third,
    size: 9.5,
    align: 'left',
    color: COLORS.muted,
    direction: 'ltr',
  });
  drawTextMemo(doc, `${CERTIFICATE_NO.ar} · ${ltr(second(CERTIFICATE_NO))}`, {
    x: MARGIN + third,
    y: y + 2,
    width: third,
    size: 7,
    align: 'center',
    color: COLORS.muted,
    direction: 'rtl',
  });
  drawTextMemo(doc, code, {
    x: MARGIN + third,
    y: y + 11,
    width: third,
    size: 13,
    bold: true,
    align: 'center',
    color: COLORS.primary,
    direction: 'ltr',
  });
  return y + height + 8;
}

/** The height of the signature, stamp and QR block. */
export const SIGNATURE_BLOCK = 118;
/**
 * How much shorter the block may be drawn (a lower signature box, a smaller QR: 66 pt, 23 mm, still read at once)
 * to keep a certificate on one page when the device rows run long (accessories and a connectivity bundle).
 */
export const SIGNATURE_SHRINK_MAX = 36;
/** The block's last text ends this far above its nominal bottom (the room kept under "Scan to verify"). */
const BLOCK_SLACK = 8;

// Normally the signatures sit at a fixed height; when long values pushed the rows down they follow them, drawn a
// little shorter if that keeps them on the page, and in the rare case that they would still run into the footer
// they move to a second page rather than overlap.
function signaturePlace(
  doc: PDFKit.PDFDocument,
  y: number,
  data: HandoverCertificateData,
  letterhead: Letterhead,
): { top: number; shrink: number } {
  const top = Math.max(y + 4, 640);
  if (top + SIGNATURE_BLOCK <= FOOTER_TOP) return { top, shrink: 0 };
  const shrink = Math.ceil(top + SIGNATURE_BLOCK - BLOCK_SLACK - FOOTER_TOP);
  if (shrink <= SIGNATURE_SHRINK_MAX) return { top, shrink };
  drawFooter(doc, letterhead, `${data.certificateCode} · ${data.verifyUrl}`);
  doc.addPage();
  return {
    top: drawRunningHeader(doc, letterhead, `${second(HANDOVER_TITLE)} · ${data.certificateCode}`) + 10,
    shrink: 0,
  };
}

export function drawCodeBox(doc: PDFKit.PDFDocument, y: number, code: string): number {
  const width = 250;
  const x = A4.width / 2 - width / 2;
  doc.save().roundedRect(x, y, width, 38, 6).lineWidth(1).fillAndStroke(COLORS.band, COLORS.accent).restore();
  drawTextMemo(doc, `${CERTIFICATE_NO.ar} · ${ltr(second(CERTIFICATE_NO))}`, {
    x,
    y: y + 4,
    width,
    size: 8,
    align: 'center',
    color: COLORS.muted,
    direction: 'rtl',
  });
  drawTextMemo(doc, code, {
    x,
    y: y + 15,
    width,
    size: 15,
    bold: true,
    align: 'center',
    color: COLORS.primary,
    direction: 'ltr',
  });
  return y + 48;
}

function introText(data: HandoverCertificateData, letterhead: Letterhead): Bilingual {
  const programme = data.programme
    ? {
        ar: ` ضمن ${data.programme.name}`,
        en: ` under ${data.programme.nameLatin || data.programme.name}`,
        fr: ` dans le cadre de ${data.programme.nameLatin || data.programme.name}`,
      }
    : { ar: '', en: '', fr: '' };
  return {
    ar: `تشهد ${letterhead.name} بأنها سلّمت الجهاز الموضّح أدناه${programme.ar}، بعد فحصه وتجهيزه ومحو بياناته وفق معيار ${ltr('NIST SP 800-88')}، هبةً دون مقابل.`,
    en: `${letterhead.nameLatin || letterhead.name} certifies that it handed over the device below${programme.en}, after testing, refurbishing and sanitizing it to NIST SP 800-88, as a gift free of charge.`,
    fr: `${letterhead.nameLatin || letterhead.name} certifie avoir remis l'appareil ci-dessous${programme.fr}, après l'avoir testé, remis en état et en avoir effacé les données selon la norme NIST SP 800-88, à titre de don gratuit.`,
  };
}

function deviceCells(d: HandoverCertificateData['device']): GridCell[] {
  const type = wording(DEVICE_TYPES, d.type);
  return [
    { label: { ar: 'رمز الأصل', en: 'Asset tag', fr: "Étiquette d'inventaire" }, value: printTag(d.assetTag) },
    { label: { ar: 'النوع', en: 'Type', fr: 'Type' }, value: both(type) },
    {
      label: { ar: 'الشركة المصنّعة والطراز', en: 'Make and model', fr: 'Marque et modèle' },
      value: [d.manufacturer, d.model].filter(Boolean).join(' '),
    },
    { label: { ar: 'الرقم التسلسلي', en: 'Serial number', fr: 'Numéro de série' }, value: d.serialNumber ?? '' },
    { label: { ar: 'المعالج', en: 'Processor', fr: 'Processeur' }, value: d.cpu ?? '' },
    {
      label: { ar: 'الذاكرة والتخزين', en: 'Memory and storage', fr: 'Mémoire et stockage' },
      value: [d.ramGb ? `${d.ramGb} GB RAM` : '', d.storage ?? ''].filter(Boolean).join(' · '),
    },
    { label: { ar: 'نظام التشغيل', en: 'Operating system', fr: "Système d'exploitation" }, value: d.os ?? '' },
    { label: { ar: 'التصنيف', en: 'Grade', fr: 'Classe' }, value: d.grade ?? '' },
  ];
}

/** `شاحن، حقيبة، أخرى (سماعة رأس) · Charger, Bag, Other`; '' when nothing went with the device. */
export function accessoriesText(list: readonly Accessory[], note: string | null): string {
  if (!list.length && !note) return '';
  const ar = list.map((a) => ACCESSORIES[a].ar).join('، ');
  const en = list.map((a) => second(ACCESSORIES[a])).join(', ');
  return joinParts(note ? `${ar}${ar ? ' ' : ''}(${note})` : ar, en);
}

/** The accessories row, only when something went with the device. */
export function accessoryRows(data: Pick<HandoverCertificateData, 'accessories' | 'accessoriesNote'>): GridCell[] {
  const text = accessoriesText(data.accessories, data.accessoriesNote);
  return text
    ? [{ label: { ar: 'الملحقات المسلّمة', en: 'Accessories', fr: 'Accessoires remis' }, value: text, span: 2 }]
    : [];
}

/**
 * The bundle's two rows, only when one went with the device: who gives it, then what it gives, for how long, and
 * the SIM masked to its last 4 digits as the national ID is. Two short rows, not five: with the accessories the
 * page still holds the signatures, drawn shorter when the rows wrap (with a long accessories note as well, they
 * move to a second page like any certificate whose rows run long).
 */
export function bundleRows(bundle: CertificateBundleData | null): GridCell[] {
  if (!bundle) return [];
  const days = ltr(String(bundle.validityDays));
  return [
    {
      label: { ar: 'الجهة الراعية للباقة', en: 'Bundle sponsor', fr: 'Parrain du forfait' },
      value: joinParts(bundle.sponsorName, bundle.sponsorNameLatin),
    },
    {
      label: { ar: 'باقة البيانات والشريحة', en: 'Data bundle and SIM', fr: 'Forfait de données et carte SIM' },
      value: joinParts(
        `${bundle.operator} ${bundle.dataGb} GB`,
        `${days} يومًا`,
        enFr(`${days} days`, `${days} jours`),
        ltr(`****${bundle.iccidLast4}`),
      ),
    },
  ];
}

function handoverCells(data: HandoverCertificateData): GridCell[] {
  const kind = wording(BENEFICIARY_KINDS, data.beneficiary.kind);
  const programme = data.programme ? joinParts(data.programme.name, data.programme.nameLatin) : '';
  const date = gregorianDate(data.handedOverAt);
  return [
    {
      label: { ar: 'المستفيد', en: 'Beneficiary', fr: 'Bénéficiaire' },
      value: joinParts(data.beneficiary.name, both(kind)),
    },
    {
      label: { ar: 'رقم الهوية', en: 'National ID', fr: currentCountry() === 'MA' ? 'CIN' : "Numéro d'identité" },
      value: data.beneficiary.maskedNationalId ?? '',
    },
    { label: { ar: 'البرنامج', en: 'Programme', fr: 'Programme' }, value: programme },
    {
      label: { ar: 'تاريخ التسليم', en: 'Handover date', fr: 'Date de remise' },
      value: `${date.ar} · ${hijriDate(data.handedOverAt).ar}\n${ltr(second(date))}`,
      span: 2,
    },
    { label: { ar: 'المستلم', en: 'Received by', fr: 'Reçu par' }, value: data.receivedBy },
  ];
}

// The recipient's signature at the right (Arabic first), the charity's stamp in the middle, the QR at the left.
// Also the foot of an institution's batch certificate (documents.batch-certificate-pdf.ts). `shrink` points off
// the height of the signature box and the QR (at most SIGNATURE_SHRINK_MAX), when the page is short of room.
export function drawSignatureAndQr(
  doc: PDFKit.PDFDocument,
  y: number,
  data: Pick<HandoverCertificateData, 'signature' | 'receivedBy' | 'verifyUrl'>,
  shrink = 0,
): void {
  const boxWidth = 190;
  const boxHeight = 112 - shrink;
  const sigX = A4.width - MARGIN - boxWidth;
  drawCaption(
    doc,
    { ar: 'توقيع المستلم', en: 'Recipient signature', fr: 'Signature du destinataire' },
    sigX,
    y,
    boxWidth,
  );
  doc
    .save()
    .roundedRect(sigX, y + 15, boxWidth, 70 - shrink, 4)
    .lineWidth(0.6)
    .stroke(COLORS.rule)
    .restore();
  if (!data.signature || !drawImageFit(doc, data.signature, sigX + 6, y + 19, boxWidth - 12, 62 - shrink)) {
    drawTextMemo(
      doc,
      `صورة التوقيع غير متاحة · ${enFr('Signature image unavailable', 'Image de la signature indisponible')}`,
      {
        x: sigX,
        y: y + 44 - shrink / 2,
        width: boxWidth,
        size: 8,
        align: 'center',
        color: COLORS.danger,
        direction: 'rtl',
      },
    );
  }
  const nameBox = { x: sigX, width: boxWidth, size: 9, align: 'center' as const, color: COLORS.ink };
  drawTextMemo(doc, clampLines(doc, data.receivedBy, nameBox, 1), { ...nameBox, y: y + 90 - shrink });
  const stampX = MARGIN + 130;
  const stampWidth = sigX - stampX - 20;
  drawCaption(
    doc,
    {
      ar: 'ختم الجمعية وتوقيع المسؤول',
      en: 'Charity stamp and signature',
      fr: "Cachet et signature de l'association",
    },
    stampX,
    y,
    stampWidth,
  );
  doc
    .save()
    .moveTo(stampX + 10, y + 85 - shrink)
    .lineTo(stampX + stampWidth - 10, y + 85 - shrink)
    .lineWidth(0.6)
    .dash(2, { space: 2 })
    .stroke(COLORS.muted)
    .restore();
  drawQr(doc, data.verifyUrl, MARGIN - 6, y - 4, boxHeight - 10);
  // Centred under the QR, wide enough for `امسح للتحقق · Scannez pour vérifier` on one line.
  drawTextMemo(doc, `${SCAN_TO_VERIFY.ar} · ${ltr(second(SCAN_TO_VERIFY))}`, {
    x: MARGIN - 15,
    y: y + boxHeight - 12,
    width: 130,
    size: 7.5,
    align: 'center',
    color: COLORS.muted,
    direction: 'rtl',
  });
}

function drawCaption(doc: PDFKit.PDFDocument, text: Bilingual, x: number, y: number, width: number): void {
  drawTextMemo(doc, text.ar, {
    x,
    y: y - 6,
    width,
    size: 9,
    bold: true,
    align: 'center',
    color: COLORS.primary,
    direction: 'rtl',
  });
  drawTextMemo(doc, second(text), {
    x,
    y: doc.y,
    width,
    size: 7.5,
    align: 'center',
    color: COLORS.muted,
    direction: 'ltr',
  });
}
