// The regional report as a document to send: its file name, metadata and drawing (documents.http.ts sends it).
import { loadLetterhead } from './documents.letterhead.js';
import { drawRegionalReport } from './documents.regional-report-pdf.js';
import { REGIONAL_TITLE, type RegionalReportData } from './documents.regional-report-data.js';
import { drawingIn, second, type SecondLanguage } from './documents.format.js';
import type { PdfJob } from './documents.service.js';

/** The job that draws the report: one A4 page per region, footers numbered over the whole file; `lang` after Arabic. */
export async function regionalReport(
  data: RegionalReportData,
  fileCode: string,
  lang: SecondLanguage = 'en',
): Promise<PdfJob> {
  const letterhead = await loadLetterhead();
  const name = (p: RegionalReportData['pages'][number]) => (lang === 'fr' ? p.region.nameFr : p.region.nameEn);
  return {
    fileName: `regional-report-${fileCode}.pdf`,
    options: {
      size: 'A4',
      bufferPages: true,
      title: `${second(REGIONAL_TITLE, lang)} · ${data.pages.map(name).join(', ')}`.slice(0, 200),
      author: letterhead.nameLatin || letterhead.name,
      subject: data.pages.map((p) => p.region.code).join(' '),
    },
    draw: (doc) => drawingIn(lang, () => drawRegionalReport(doc, data, letterhead)),
  };
}
