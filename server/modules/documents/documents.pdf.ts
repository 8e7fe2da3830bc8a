// Creates the pdfkit document of every Nimah document: A4 (or a label size), metadata, and a shaping cache.
//
// Why the cache: drawText hands pdfkit each run with `features: []` so that fontkit shapes Arabic whole, and pdfkit
// skips its own layout cache whenever features are given. Every label of every page was shaped again for each
// measurement and for drawing: 78 ms per handover certificate, so 2,000 took minutes. Runs are pure data (glyph
// ids and positions, never changed by pdfkit after layout), so one document may reuse them safely. The cache is
// per font instance (a font's glyph subset belongs to one document) and bounded, so a long batch stays small.
import { createPdf, FONT_BOLD, FONT_REGULAR, type CreatePdfOptions } from '../../lib/pdf/index.js';

const MAX_CACHED_RUNS = 64;

interface EmbeddedFontInternals {
  layoutRun?: (text: string, features?: unknown) => unknown;
  __nimahCached?: boolean;
}

interface DocumentInternals {
  _fontFamilies?: Record<string, EmbeddedFontInternals>;
}

// Only runs shaped with `features: []` (how drawText shapes) are kept, under their text alone: no key to build.
// Two generations: when the current one is full it becomes the previous one, and a hit there is brought back.
function cacheLayouts(font: EmbeddedFontInternals): void {
  const layoutRun = font.layoutRun;
  if (font.__nimahCached || typeof layoutRun !== 'function') return;
  let current = new Map<string, unknown>();
  let previous = new Map<string, unknown>();
  font.layoutRun = (text: string, features?: unknown): unknown => {
    if (!Array.isArray(features) || features.length) return layoutRun.call(font, text, features);
    let run = current.get(text) ?? previous.get(text);
    if (run === undefined) run = layoutRun.call(font, text, features);
    if (!current.has(text)) {
      if (current.size >= MAX_CACHED_RUNS) {
        previous = current;
        current = new Map();
      }
      current.set(text, run);
    }
    return run;
  };
  font.__nimahCached = true;
}

/** A document with both embedded fonts loaded and their shaping cached; regular font selected. */
export function newDocument(options: CreatePdfOptions): PDFKit.PDFDocument {
  const doc = createPdf({ margin: 0, ...options, info: { Producer: 'Nimah', ...options.info } });
  // Selecting each font once creates its embedded-font object, which is what gets the cache.
  doc.font(FONT_BOLD).font(FONT_REGULAR);
  for (const font of new Set(Object.values((doc as unknown as DocumentInternals)._fontFamilies ?? {})))
    cacheLayouts(font);
  return doc;
}

/** Draws a whole document into memory (labels: small, and their events are written only once the PDF exists). */
export function renderToBuffer(doc: PDFKit.PDFDocument, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}
