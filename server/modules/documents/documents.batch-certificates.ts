// All handover certificates of a programme in a date range, as one PDF streamed page by page: allocations are
// read in chunks along the (handed_over_at, id) index, each chunk is drawn, and drawing waits whenever the client
// is slower than we are, so memory stays flat for 2,000 certificates or 20,000.
import type { Writable } from 'node:stream';
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import { countHandedOver, handedOverChunk, type Allocation, type HandoverPeriod } from '../allocations/index.js';
import { drawingIn, isoDay, startOfLocalDay, type SecondLanguage } from './documents.format.js';
import type { Letterhead } from './documents.layout.js';
import type { DateRange } from './documents.schema.js';
import { certificateData } from './documents.handover-certificate-data.js';
import { drawHandoverCertificate } from './documents.handover-certificate-pdf.js';

const CHUNK = 20;
/** Bytes drawn but not yet taken by the client before drawing pauses. */
const HIGH_WATER = 256 * 1024;

const nextDay = (day: string): string => isoDay(new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000));

/** The handover period of the days `from`…`to`, in the charity's time zone. */
function periodOf(range: DateRange): HandoverPeriod {
  return {
    ...(range.from ? { from: startOfLocalDay(range.from) } : {}),
    ...(range.to ? { to: startOfLocalDay(nextDay(range.to)) } : {}),
  };
}

export async function countCertificates(programmeId: number, range: DateRange): Promise<number> {
  return countHandedOver(programmeId, periodOf(range));
}

/** Waits while the client lags; resolves at once when it has gone (the caller then stops). */
async function room(doc: PDFKit.PDFDocument, sink: Writable): Promise<void> {
  while (doc.readableLength > HIGH_WATER && !sink.destroyed) await drainOrClose(sink);
}

// Both listeners are removed whichever event comes, so that thousands of waits leave none behind.
function drainOrClose(sink: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      sink.off('drain', done);
      sink.off('close', done);
      resolve();
    };
    sink.on('drain', done);
    sink.on('close', done);
  });
}

/**
 * Draws every certificate of the range into `doc`, which is already piped to `sink`, in `lang` after Arabic; returns
 * how many.
 */
export async function drawCertificates(
  doc: PDFKit.PDFDocument,
  sink: Writable,
  programmeId: number,
  range: DateRange,
  letterhead: Letterhead,
  lang: SecondLanguage,
): Promise<number> {
  const period = periodOf(range);
  let drawn = 0;
  let after: { at: Date; id: number } | null = null;
  while (!sink.destroyed) {
    // Keyset pagination: the next chunk starts after the last (handed_over_at, id) drawn, so no OFFSET scan grows.
    const chunk: Allocation[] = await handedOverChunk(programmeId, period, after, CHUNK);
    for (const data of await certificateData(chunk)) {
      if (drawn > 0) doc.addPage();
      // The language is set for each page alone: drawingIn is synchronous, and other requests run between pages.
      drawingIn(lang, () => drawHandoverCertificate(doc, data, letterhead));
      drawn += 1;
      // Between pages, let the output stream write what is ready: bytes then wait on the socket, not in memory.
      await setImmediatePromise();
      await room(doc, sink);
    }
    if (chunk.length < CHUNK) break;
    const last: Allocation = chunk[chunk.length - 1];
    after = { at: new Date(last.handedOverAt!), id: last.id };
  }
  return drawn;
}
