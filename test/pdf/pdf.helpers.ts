// Writes test PDFs to a temp folder and reads them back with poppler (pdftotext, pdftoppm) and zbar (zbarimg).
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { createPdf, type CreatePdfOptions } from '../../server/lib/pdf/index.js';
import { PDF_TOOLS, skipWithoutTools } from '../helpers/tools.js';

let outDir: string | null = null;

/** The temp folder of this run's PDFs, made on first use. */
export function testPdfDir(): string {
  outDir ??= mkdtempSync(path.join(tmpdir(), 'nimah-pdf-'));
  return outDir;
}

/** Removes the temp folder (each test file calls it in `after`); kept when KEEP_TEST_PDFS is set, to look at. */
export function removeTestPdfs(): void {
  if (outDir && !process.env.KEEP_TEST_PDFS) rmSync(outDir, { recursive: true, force: true });
  outDir = null;
}

/**
 * For `before(requirePdfTools)`: skips the suite, naming the package to install, when poppler-utils or zbar-tools
 * is missing (a newcomer's machine); `.ci/run` installs both and fails when it cannot.
 */
export function requirePdfTools(this: Mocha.Context): void {
  skipWithoutTools(this, PDF_TOOLS);
}

/** Points per millimetre (PDF units are 1/72 inch). */
export const MM = 72 / 25.4;

let fileCount = 0;

/** Builds a document with `draw` and writes it to a new file in the temp folder; returns its path. */
export async function writePdf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: CreatePdfOptions = { size: 'A4', margin: 0 },
): Promise<string> {
  fileCount += 1;
  const file = path.join(testPdfDir(), `test-${fileCount}.pdf`);
  const doc = createPdf(options);
  const out = createWriteStream(file);
  doc.pipe(out);
  draw(doc);
  doc.end();
  await finished(out);
  return file;
}

/**
 * pdftotext's output without the embedding marks it adds around right-to-left and left-to-right stretches
 * (U+202A…U+202E), with runs of spaces squeezed and the page's trailing form feed and blank lines dropped.
 */
export function pdfText(file: string, mode: 'plain' | 'layout' = 'plain'): string {
  const args = mode === 'layout' ? ['-layout', file, '-'] : [file, '-'];
  return stripEmbeddingMarks(execFileSync('pdftotext', args, { encoding: 'utf8' }))
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** pdftotext's raw output, marks included, for the tests that pin down exactly what it gives. */
export function rawPdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\f/g, '').trim();
}

export function stripEmbeddingMarks(text: string): string {
  return text.replace(/[\u202A-\u202E]/g, '');
}

export interface WordBox {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Word boxes from `pdftotext -bbox` (points, origin at the top left), to check where lines sit. */
export function pdfWordBoxes(file: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const pattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  return [...html.matchAll(pattern)].map((m) => ({
    text: m[5],
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

/** Renders every page to PNG at `dpi` and returns what zbarimg decodes, one `TYPE:value` per symbol. */
export function decodeBarcodes(file: string, dpi = 300): string[] {
  const prefix = file.replace(/\.pdf$/, `-${dpi}`);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, prefix]);
  const dir = path.dirname(file);
  const pngs = readdirSync(dir)
    .filter((name) => name.startsWith(path.basename(prefix)) && name.endsWith('.png'))
    .map((name) => path.join(dir, name));
  // zbarimg exits 4 when it finds nothing: read its output either way and let the assertion say what is missing.
  return pngs
    .flatMap((png) => spawnSync('zbarimg', ['-q', png], { encoding: 'utf8' }).stdout.trim().split('\n'))
    .filter(Boolean);
}

/** Where each needle occurs in `text`, each searched after the previous one: -1 for one missing or out of order. */
export function indexesInOrder(text: string, needles: readonly string[]): number[] {
  let from = 0;
  return needles.map((needle) => {
    const index = text.indexOf(needle, from);
    from = index < 0 ? from : index + needle.length;
    return index;
  });
}
