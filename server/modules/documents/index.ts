// The documents module: PDFs (handover and sanitization certificates, donor receipts, labels, batches) and the
// public pages (receipt link, certificate verification, label URLs). Routes: documents.routes.ts.
// For bench/certificates.bench.ts: the batch job without HTTP.
export { newDocument } from './documents.pdf.js';
export { programmeCertificates } from './documents.service.js';
