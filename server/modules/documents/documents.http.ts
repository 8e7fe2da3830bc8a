// How documents go out over HTTP: PDF headers, a safe file name, and no caching of personal data.
import type { Request, Response } from 'express';
import { logger } from '../../lib/logger.js';
import { newDocument } from './documents.pdf.js';
import type { PdfJob, StreamJob } from './documents.service.js';

/** Only letters, digits, dots and hyphens: the name goes into a header and into the user's downloads folder. */
export function safeFileName(name: string): string {
  return name
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 120);
}

export function setPdfHeaders(res: Response, fileName: string): void {
  res.status(200);
  res.type('application/pdf');
  // inline: browsers open it in their viewer, ready to print; "save" keeps the name below.
  res.set('Content-Disposition', `inline; filename="${safeFileName(fileName)}"`);
  res.set('Cache-Control', 'private, no-store');
}

/**
 * Draws and sends a document whose data is already loaded (so a 404 or 409 was still sent as JSON). It is drawn
 * before it is piped (the stream holds the pages meanwhile): a drawing error then reaches the error handler as a
 * plain 500. Piped first, the 500 ended the response while pages kept coming, and "write after end" was thrown
 * outside any request, which stops the process.
 */
export function sendPdf(res: Response, job: PdfJob): void {
  const doc = newDocument(job.options);
  job.draw(doc);
  setPdfHeaders(res, job.fileName);
  doc.pipe(res);
  doc.end();
}

/** Sends a PDF made beforehand (labels). */
export function sendPdfBytes(res: Response, pdf: Buffer, fileName: string): void {
  setPdfHeaders(res, fileName);
  res.set('Content-Length', String(pdf.length));
  res.end(pdf);
}

/**
 * Streams a batch: X-Total-Count goes out with the headers, before the first page, so the client can show
 * progress while pages arrive (with the count endpoint, or a HEAD request, it knows the total even earlier).
 */
export async function streamPdf(req: Request, res: Response, job: StreamJob): Promise<void> {
  setPdfHeaders(res, job.fileName);
  res.set('X-Total-Count', String(job.total));
  res.set('Access-Control-Expose-Headers', 'X-Total-Count');
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const doc = newDocument(job.options);
  doc.pipe(res);
  const drawn = await job.draw(doc, res);
  doc.end();
  logger.info('documents.batch_streamed', { pages: drawn, total: job.total, aborted: res.destroyed });
}

/** An HTML page of the public site (receipt, verification). */
export function sendHtml(res: Response, status: number, html: string): void {
  res.status(status).type('html');
  // The receipt link is a secret: no caches on the way, and no search engine indexing it.
  res.set('Cache-Control', 'no-store');
  res.set('X-Robots-Tag', 'noindex, nofollow');
  res.send(html);
}
