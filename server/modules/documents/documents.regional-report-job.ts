// The regional report as a document to send: its file name, metadata and drawing (documents.http.ts sends it).
import { loadLetterhead } from './documents.letterhead.js';
import { drawRegionalReport } from './documents.regional-report-pdf.js';
import { REGIONAL_TITLE, type RegionalReportData } from './documents.regional-report-data.js';
import type { PdfJob } from './documents.service.js';

/** The job that draws the report: one A4 page per region, footers numbered over the whole file. */
export async function regionalReport(data: RegionalReportData, fileCode: string): Promise<PdfJob> {
  const letterhead = await loadLetterhead();
  return {
    fileName: `regional-report-${fileCode}.pdf`,
    options: {
      size: 'A4',
      bufferPages: true,
      title: `${REGIONAL_TITLE.en} · ${data.pages.map((p) => p.region.nameEn).join(', ')}`.slice(0, 200),
      author: letterhead.nameLatin || letterhead.name,
      subject: data.pages.map((p) => p.region.code).join(' '),
    },
    draw: (doc) => drawRegionalReport(doc, data, letterhead),
  };
}
