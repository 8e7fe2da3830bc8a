// The one typeface of every Nimah document: IBM Plex Sans Arabic, which has Arabic and Latin glyphs, so mixed
// lines never fall back to a font without Arabic. The files ship in server/assets/fonts (see its README).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { fixLigatureTextOnEnd } from './pdf.extract.js';
import { woffToSfnt } from './pdf.woff.js';
import { projectRoot } from '../../paths.js';

export const FONT_REGULAR = 'Nimah-Regular';
export const FONT_BOLD = 'Nimah-Bold';

// WOFF, not WOFF2: fontkit's subsetter crashes at doc.end() on WOFF2 files.
const FONT_FILES: Readonly<Record<string, string>> = {
  [FONT_REGULAR]: 'IBMPlexSansArabic-Regular.woff',
  [FONT_BOLD]: 'IBMPlexSansArabic-Bold.woff',
};

// From the project root, not from this file: the compiled build (dist/server/...) reads the same files, uncopied.
const fontDir = path.join(projectRoot, 'server', 'assets', 'fonts');
const fontBytes = new Map<string, Buffer>();

// Read and unpacked once per process (see pdf.woff.ts for why the WOFF is unpacked at all).
function loadFont(name: string): Buffer {
  let bytes = fontBytes.get(name);
  if (!bytes) {
    bytes = woffToSfnt(readFileSync(path.join(fontDir, FONT_FILES[name])));
    fontBytes.set(name, bytes);
  }
  return bytes;
}

/** Extra options of `createPdf`, written into the PDF's document information. */
export interface PdfMetadata {
  title?: string;
  author?: string;
  subject?: string;
}

export type CreatePdfOptions = PDFKit.PDFDocumentOptions & PdfMetadata;

/**
 * A pdfkit document with the embedded fonts registered and the regular one selected. `title`, `author` and
 * `subject` go into the document information (`info` wins where both are given); the title is shown in the
 * viewer's title bar instead of the file name. Its `end()` also corrects how Arabic ligatures copy out
 * (see pdf.extract.ts).
 */
export function createPdf(options: CreatePdfOptions = {}): PDFKit.PDFDocument {
  const { title, author, subject, info, ...pdfOptions } = options;
  const doc = new PDFDocument({
    displayTitle: title !== undefined,
    ...pdfOptions,
    info: withoutUndefined({ Creator: 'Nimah', Title: title, Author: author, Subject: subject, ...info }),
  });
  for (const name of Object.keys(FONT_FILES)) doc.registerFont(name, loadFont(name));
  doc.font(FONT_REGULAR);
  fixLigatureTextOnEnd(doc);
  return doc;
}

// pdfkit writes every key of `info`, and an undefined value would end up as a broken entry.
function withoutUndefined(info: PDFKit.DocumentInfo): PDFKit.DocumentInfo {
  return Object.fromEntries(Object.entries(info).filter(([, value]) => value !== undefined));
}
