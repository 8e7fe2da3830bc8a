// The closing blocks of the certificate of sanitization: the operator's attestation (right) and the
// organisation's validation (left), each with name, title, date and a signature line.
import { drawTextMemo } from './documents.text-memo.js';
import { gregorianDate, second, wording, type Bilingual } from './documents.format.js';
import { A4, COLORS, CONTENT_WIDTH, MARGIN, both, type Letterhead } from './documents.layout.js';
import { ROLES } from './documents.wording.js';
import {
  allRecords,
  type Person,
  type SanitizationCertificateData,
} from './documents.sanitization-certificate-data.js';

interface Block {
  title: Bilingual;
  text: Bilingual;
  person: Person | null;
  date: Date | null;
}

export const BLOCK_HEIGHT = 160;

export function drawSignatureBlocks(
  doc: PDFKit.PDFDocument,
  y: number,
  data: SanitizationCertificateData,
  letterhead: Letterhead,
): void {
  const width = (CONTENT_WIDTH - 16) / 2;
  const records = allRecords(data);
  const operator = records.map((r) => r.operator).find((p) => p !== null) ?? null;
  const finished =
    records
      .map((r) => r.finishedAt)
      .filter((d): d is Date => d !== null)
      .sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  drawBlock(doc, A4.width - MARGIN - width, y, width, {
    title: { ar: 'الإقرار', en: 'Attestation', fr: 'Attestation' },
    text: {
      ar: 'أُقرّ بأن المعلومات الواردة في هذه الشهادة صحيحة، وبأن الأقراص المذكورة عولجت بالطريقة الموضّحة.',
      en: 'I attest that the information in this certificate is accurate and that the media listed were sanitized as described.',
      fr: "J'atteste que les informations de ce certificat sont exactes et que les disques énumérés ont été effacés comme décrit.",
    },
    person: operator,
    date: finished,
  });
  drawBlock(doc, MARGIN, y, width, {
    title: { ar: 'الاعتماد', en: 'Validation', fr: 'Validation' },
    text: {
      ar: `تعتمد ${letterhead.name} نتيجة المحو بعد مراجعة السجلات والتحقق المستقل.`,
      en: `${letterhead.nameLatin || letterhead.name} accepts the result after reviewing the records and an independent check.`,
      fr: `${letterhead.nameLatin || letterhead.name} accepte le résultat après examen des rapports et une vérification indépendante.`,
    },
    person: data.validation?.person ?? null,
    date: data.validation?.at ?? null,
  });
}

function drawBlock(doc: PDFKit.PDFDocument, x: number, y: number, width: number, block: Block): void {
  doc.save().roundedRect(x, y, width, BLOCK_HEIGHT, 4).lineWidth(0.7).stroke(COLORS.accent).restore();
  const inner = { x: x + 8, width: width - 16 };
  drawTextMemo(doc, both(block.title), {
    ...inner,
    y: y + 6,
    size: 9.5,
    bold: true,
    align: 'right',
    color: COLORS.primary,
    direction: 'rtl',
  });
  drawTextMemo(doc, block.text.ar, {
    ...inner,
    y: doc.y + 3,
    size: 8,
    align: 'right',
    color: COLORS.ink,
    direction: 'rtl',
  });
  drawTextMemo(doc, second(block.text), {
    ...inner,
    y: doc.y + 1,
    size: 7.5,
    align: 'left',
    color: COLORS.muted,
    direction: 'ltr',
  });
  const lines: Array<[Bilingual, string]> = [
    [{ ar: 'الاسم', en: 'Name', fr: 'Nom' }, block.person?.name ?? ''],
    [{ ar: 'المسمى', en: 'Title', fr: 'Fonction' }, block.person ? both(wording(ROLES, block.person.role)) : ''],
    [{ ar: 'التاريخ', en: 'Date', fr: 'Date' }, block.date ? gregorianDate(block.date).ar : ''],
    [{ ar: 'التوقيع', en: 'Signature', fr: 'Signature' }, ''],
  ];
  lines.forEach(([label, value], i) => {
    const top = y + 80 + i * 19;
    drawTextMemo(doc, both(label), {
      ...inner,
      y: top,
      size: 7.5,
      align: 'right',
      color: COLORS.muted,
      direction: 'rtl',
    });
    doc
      .save()
      .moveTo(inner.x, top + 13)
      .lineTo(inner.x + inner.width - 72, top + 13)
      .lineWidth(0.4)
      .dash(1.5, { space: 1.5 })
      .stroke(COLORS.muted)
      .restore();
    if (value)
      drawTextMemo(doc, value, {
        x: inner.x,
        y: top,
        width: inner.width - 76,
        size: 8.5,
        bold: true,
        align: 'right',
        color: COLORS.ink,
        direction: 'rtl',
      });
  });
}
