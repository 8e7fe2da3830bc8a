// The documents module: PDFs (handover and sanitization certificates, donor receipts, labels, batches) and the
// public pages (receipt link, certificate verification, label URLs). app.ts mounts only what is exported here.
import type { RouteDef } from '../../lib/route.js';
import type { Access } from '../auth/index.js';
import { apiDocumentRoutes } from './documents.routes.js';
import { publicDocumentRoutes } from './public.routes.js';

export const documentRoutes: RouteDef<Access>[] = [...apiDocumentRoutes, ...publicDocumentRoutes];
// For bench/certificates.bench.ts: the batch job without HTTP.
export { newDocument } from './documents.pdf.js';
export { programmeCertificates } from './documents.service.js';
