// The documents module: PDFs (handover and sanitization certificates, donor receipts, labels, batches) and the
// public pages (receipt link, certificate verification, label URLs). Routes: documents.routes.ts.
// For bench/certificates.bench.ts: the batch job without HTTP.
export { newDocument } from './documents.pdf.js';
export { programmeCertificates } from './documents.service.js';
// For the reports module: the regional report PDF.
export { regionalReport } from './documents.regional-report-job.js';
export type { RegionalReportData, RegionalReportPage } from './documents.regional-report-data.js';
export { sendPdf } from './documents.http.js';
// For the training routes: the training certificate and the trainee cards (spec §14).
export { trainingCertificate, traineeCards } from './documents.training.js';
// The frame of the public pages, for other modules' public pages (impact).
export { page as publicPage, escapeHtml, paragraph, notFoundPage } from './documents.public-html.js';
export { formatNumber, drawingIn, second, secondLanguage, type SecondLanguage } from './documents.format.js';
// `?lang=en|fr` of a document route (the regional report, the impact page): by default the country's.
export { languageOf as documentLanguageOf } from './documents.schema.js';
export { regionOf } from './documents.places.js';
// The donor's yearly statement (spec §12): issued by a write (issueStatement takes the caller's transaction, so a
// "statement ready" message can join it), drawn for staff by the donors' routes.
export {
  issueStatement,
  issueDonorStatement,
  staffStatementPdf,
  type IssuedStatement,
} from './documents.donor-statement.js';
