// The training certificate (spec §14): one A4 page in Arabic and English that a trainee keeps, with a QR code to the
// public verification page. It names the trainee, the course, its hours and dates, and the attendance that earned it.
import { drawQr, ltr } from '../../lib/pdf/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { gregorianDate, hijriDate, type Bilingual } from './documents.format.js';
import {
  A4,
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
import { drawCodeBox } from './documents.handover-certificate-pdf.js';

export interface TrainingCertificateData {
  certificateCode: string;
  completedAt: Date;
  traineeName: string;
  traineeCode: string;
  course: {
    titleAr: string;
    titleEn: string;
    hours: number;
    trainer: string;
    /** YYYY-MM-DD */
    startsOn: string;
    endsOn: string;
  };
  place: { online: boolean; site: { name: string; nameLatin: string | null } | null; location: string | null };
  sessionsAttended: number;
  sessions: number;
  attendancePercent: number;
  verifyUrl: string;
}

export const TRAINING_CERTIFICATE_TITLE: Bilingual = {
  ar: 'شهادة إتمام دورة تدريبية',
  en: 'Training Completion Certificate',
};

/** The height of the stamp, trainer and QR block at the foot. */
const FOOT_BLOCK = 118;

export function drawTrainingCertificate(
  doc: PDFKit.PDFDocument,
  data: TrainingCertificateData,
  letterhead: Letterhead,
): void {
  let y = drawTitle(doc, drawLetterhead(doc, letterhead) + 2, TRAINING_CERTIFICATE_TITLE);
  y = drawCodeBox(doc, y, data.certificateCode);
  y = drawStatement(doc, y, data, letterhead);
  y = drawSectionHeading(doc, y, { ar: 'بيانات الدورة', en: 'Course' });
  y = drawFieldRows(doc, y, rows(data), 2);
  drawFoot(doc, Math.min(Math.max(y + 10, 640), FOOTER_TOP - FOOT_BLOCK), data);
  drawFooter(doc, letterhead, `${data.certificateCode} · ${data.verifyUrl}`);
}

/** `12 ساعة`, with the Arabic counted noun agreeing with the number. */
export function hoursAr(hours: number): string {
  if (hours === 1) return 'ساعة واحدة';
  if (hours === 2) return 'ساعتان';
  return `${ltr(String(hours))} ${hours >= 3 && hours <= 10 ? 'ساعات' : 'ساعة'}`;
}

const hoursEn = (hours: number): string => `${hours} ${hours === 1 ? 'hour' : 'hours'}`;

// In three parts, the trainee's name alone and large in the middle (as the institution's certificate does): a name
// inside the English sentence would be Arabic inside Latin text, wrapped anywhere. The Arabic uses the verbal noun
// (إتمام), which reads the same for a man and a woman.
function drawStatement(
  doc: PDFKit.PDFDocument,
  y: number,
  data: TrainingCertificateData,
  letterhead: Letterhead,
): number {
  const c = data.course;
  const percent = ltr(`${data.attendancePercent}%`);
  y =
    drawParagraphPair(doc, y, {
      ar: `تشهد ${letterhead.name} بإتمام`,
      en: `${letterhead.nameLatin || letterhead.name} certifies that`,
    }) - 4;
  const name = {
    x: MARGIN,
    width: CONTENT_WIDTH,
    size: 17,
    bold: true,
    align: 'center' as const,
    color: COLORS.primary,
  };
  drawTextMemo(doc, clampLines(doc, data.traineeName, name, 2), { ...name, y, direction: 'rtl' });
  return drawParagraphPair(doc, doc.y + 6, {
    ar: `الدورة التدريبية «${c.titleAr}» بنجاح، ومدتها ${hoursAr(c.hours)} تدريبية، بنسبة حضور ${percent} من جلساتها.`,
    en: `has successfully completed the training course “${c.titleEn}” of ${hoursEn(c.hours)}, attending ${data.attendancePercent}% of its sessions.`,
  });
}

function placeText(place: TrainingCertificateData['place']): string {
  if (place.online) return both({ ar: 'عن بُعد', en: 'Online' });
  return joinParts(place.site?.name, place.site?.nameLatin, place.location);
}

const day = (iso: string): Date => new Date(`${iso}T12:00:00Z`);

function rows(data: TrainingCertificateData): FieldRow[] {
  const c = data.course;
  return [
    { label: { ar: 'اسم المتدرّب', en: 'Trainee' }, value: data.traineeName },
    { label: { ar: 'الدورة', en: 'Course' }, value: c.titleAr },
    { label: { ar: 'الدورة بالإنجليزية', en: 'Course (English)' }, value: c.titleEn },
    { label: { ar: 'عدد الساعات', en: 'Hours' }, value: joinParts(hoursAr(c.hours), hoursEn(c.hours)) },
    { label: { ar: 'تاريخ البدء', en: 'Starts on' }, value: both(gregorianDate(day(c.startsOn))) },
    { label: { ar: 'تاريخ الانتهاء', en: 'Ends on' }, value: both(gregorianDate(day(c.endsOn))) },
    { label: { ar: 'المدرّب', en: 'Trainer' }, value: c.trainer },
    { label: { ar: 'المكان', en: 'Place' }, value: placeText(data.place) },
    {
      label: { ar: 'نسبة الحضور', en: 'Attendance' },
      value: joinParts(
        `${data.attendancePercent}%`,
        `الجلسات ${ltr(String(data.sessionsAttended))} من ${ltr(String(data.sessions))}`,
        `${data.sessionsAttended} of ${data.sessions} sessions`,
      ),
    },
    { label: { ar: 'تاريخ الإتمام', en: 'Completed on' }, value: both(gregorianDate(data.completedAt)) },
    { label: { ar: 'التاريخ الهجري', en: 'Hijri date' }, value: hijriDate(data.completedAt).ar },
    { label: { ar: 'رقم المتدرّب', en: 'Trainee code' }, value: data.traineeCode },
  ];
}

// The QR at the left, the trainer's signature in the middle and the charity's stamp at the right (Arabic first).
function drawFoot(doc: PDFKit.PDFDocument, y: number, data: TrainingCertificateData): void {
  const qrSize = FOOT_BLOCK - 10;
  drawQr(doc, data.verifyUrl, MARGIN - 6, y - 4, qrSize);
  drawTextMemo(doc, `امسح للتحقق · ${ltr('Scan to verify')}`, {
    x: MARGIN - 6,
    y: y + FOOT_BLOCK - 12,
    width: FOOT_BLOCK,
    size: 7.5,
    align: 'center',
    color: COLORS.muted,
    direction: 'rtl',
  });
  const boxWidth = 170;
  const stampX = A4.width - MARGIN - boxWidth;
  const trainerX = stampX - 20 - boxWidth;
  signatureLine(doc, { ar: 'ختم الجمعية وتوقيع المسؤول', en: 'Charity stamp and signature' }, stampX, y, boxWidth);
  signatureLine(doc, { ar: 'توقيع المدرّب', en: 'Trainer signature' }, trainerX, y, boxWidth);
  const nameBox = { x: trainerX, width: boxWidth, size: 9, align: 'center' as const, color: COLORS.ink };
  drawTextMemo(doc, clampLines(doc, data.course.trainer, nameBox, 1), { ...nameBox, y: y + 90 });
}

function signatureLine(doc: PDFKit.PDFDocument, caption: Bilingual, x: number, y: number, width: number): void {
  drawTextMemo(doc, caption.ar, {
    x,
    y: y - 6,
    width,
    size: 9,
    bold: true,
    align: 'center',
    color: COLORS.primary,
    direction: 'rtl',
  });
  drawTextMemo(doc, caption.en, {
    x,
    y: doc.y,
    width,
    size: 7.5,
    align: 'center',
    color: COLORS.muted,
    direction: 'ltr',
  });
  doc
    .save()
    .moveTo(x + 10, y + 85)
    .lineTo(x + width - 10, y + 85)
    .lineWidth(0.6)
    .dash(2, { space: 2 })
    .stroke(COLORS.muted)
    .restore();
}
