// The tricky lines on one page, drawn by a test (which reads them back) and rendered for the team to look at:
//   npx tsx test/pdf/text-layout-sample.ts docs/pdf/text-layout-sample.png
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drawCode128, drawQr, drawText, ltr } from '../../server/lib/pdf/index.js';
import { MM, removeTestPdfs, writePdf } from './pdf.helpers.js';

export const TRICKY_LINES: ReadonlyArray<{ label: string; text: string }> = [
  { label: 'asset tag', text: `جهاز رقم ${ltr('NM-000123')} جاهز` },
  { label: 'serial', text: `الرقم التسلسلي: ${ltr('PF0QMY5N')}` },
  { label: 'phone', text: `الهاتف: ${ltr('+966 50 123 4567')}` },
  { label: 'date', text: `التاريخ: ${ltr('2026-11-23')}` },
  { label: 'brackets', text: '(مرحلة 1)' },
  { label: 'digits', text: 'السنة ٢٠٢٦ والسنة 2026' },
  { label: 'ligatures', text: 'إلى المستفيد على الأقراص للاستخدام عبر في' },
  { label: 'e-mail', text: `البريد: ${ltr('donor@example.org')}` },
];

export const LONG_PARAGRAPH =
  'تتعهد الجمعية بأن جميع البيانات على الأقراص قد مسحت وفق المعيار ' +
  `${ltr('NIST SP 800-88')} قبل تسليم الجهاز ${ltr('NM-000123')} إلى المستفيد بتاريخ ${ltr('2026-11-23')}، ` +
  'وأن الجهاز صالح للاستخدام ومزود بنظام تشغيل مرخص (مرحلة 2)، ويمكن التحقق من الشهادة عبر الرابط ' +
  `${ltr('http://nimah.test/d/NM000123')} في أي وقت.`;

export const ENGLISH_LINES = [
  'Device NM-000123 (stage 1) handed over on 2026-11-23.',
  'Received from: مؤسسة الخير الخيرية (Riyadh)',
];

export const PAGE = { width: 148 * MM, height: 186 * MM, margin: 12 * MM };
export const PARAGRAPH_BOX = { x: PAGE.margin + 60 * MM, width: PAGE.width - 2 * PAGE.margin - 60 * MM };

/** Draws the sample on a PAGE-sized page: each tricky line right-aligned with its name on the left. */
export function drawTextLayoutSample(doc: PDFKit.PDFDocument): void {
  const { margin } = PAGE;
  const inner = PAGE.width - 2 * margin;
  let y = margin;
  y +=
    drawText(doc, 'Nimah text layout sample · عينة تخطيط النص', {
      x: margin,
      y,
      width: inner,
      size: 13,
      bold: true,
      align: 'center',
    }).height +
    4 * MM;
  for (const { label, text } of TRICKY_LINES) {
    drawText(doc, label, { x: margin, y: y + 2, width: 30 * MM, size: 8, color: '#666666' });
    y += drawText(doc, text, { x: margin + 30 * MM, y, width: inner - 30 * MM, size: 12 }).height + 2 * MM;
  }
  y += 2 * MM;
  drawText(doc, 'long paragraph, wrapped and right-aligned in the box', {
    x: margin,
    y: y + 2,
    width: 55 * MM,
    size: 8,
    color: '#666666',
  });
  const box = drawText(doc, LONG_PARAGRAPH, {
    x: PARAGRAPH_BOX.x,
    y,
    width: PARAGRAPH_BOX.width,
    size: 10,
    lineGap: 2,
  });
  doc.rect(PARAGRAPH_BOX.x, y, PARAGRAPH_BOX.width, box.height).lineWidth(0.3).strokeColor('#bbbbbb').stroke();
  y += box.height + 4 * MM;
  for (const line of ENGLISH_LINES) y += drawText(doc, line, { x: margin, y, width: inner, size: 11 }).height + 1 * MM;
  y += 3 * MM;
  drawCode128(doc, 'NM000123', margin, y, 40 * MM, 12 * MM);
  drawText(doc, `جهاز ${ltr('NM-000123')}`, { x: margin, y: y + 13 * MM, width: 40 * MM, size: 9, align: 'center' });
  drawQr(doc, 'http://nimah.test/d/NM000123', margin + 44 * MM, y - 1 * MM, 20 * MM);
}

async function renderSamplePng(target: string): Promise<void> {
  const file = await writePdf(drawTextLayoutSample, {
    size: [PAGE.width, PAGE.height],
    margin: 0,
    title: 'Nimah text layout sample',
  });
  const prefix = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', file, prefix]);
  copyFileSync(`${prefix}.png`, target);
  removeTestPdfs();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await renderSamplePng(process.argv[2] ?? 'docs/pdf/text-layout-sample.png');
}
