// Makes text copied out of our PDFs read right for Arabic ligatures.
//
// A PDF maps each glyph to its text through the font's ToUnicode table, and pdfkit writes a ligature glyph's
// characters in logical order (لى → U+0644 U+0649). pdftotext spreads those characters left to right across the
// glyph as if they were in visual order, then reverses the right-to-left line, so `إلى` came back as `إىل` and
// `الأقراص` as `األقراص` (domain-notes §5 reports the same from pdf.js; only pdftotext is checked here). Arabic ligatures are only ever drawn inside runs that
// fontkit reverses into visual order, so writing their characters in visual order (reversed) is right every time.
//
// Marked content with /ActualText would be the standard fix, but poppler 22 places ActualText characters away
// from the glyphs that pdfkit draws, which breaks the line apart in pdftotext. This uses pdfkit internals
// (`_fontFamilies`, `EmbeddedFont.unicode`), checked against pdfkit 0.20.2: on another shape it does nothing,
// and the extraction test in test/pdf fails loudly instead.

import { isRtlScript } from './pdf.bidi.js';

interface EmbeddedFontInternals {
  unicode?: unknown;
}

interface DocumentInternals {
  _fontFamilies?: Record<string, EmbeddedFontInternals>;
}

/** Wraps `doc.end()` so that, just before fonts are embedded, right-to-left ligatures map to visual order. */
export function fixLigatureTextOnEnd(doc: PDFKit.PDFDocument): void {
  const end = doc.end.bind(doc);
  doc.end = (): void => {
    reverseRtlLigatures(doc);
    end();
  };
}

function reverseRtlLigatures(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as DocumentInternals)._fontFamilies ?? {};
  // The same font object sits under several keys (its name and its cache key): fix each one once.
  for (const font of new Set(Object.values(families))) {
    if (!Array.isArray(font.unicode)) continue;
    font.unicode = font.unicode.map((codePoints: unknown) =>
      isRtlLigature(codePoints) ? [...codePoints].reverse() : codePoints,
    );
  }
}

function isRtlLigature(codePoints: unknown): codePoints is number[] {
  return (
    Array.isArray(codePoints) &&
    codePoints.length > 1 &&
    codePoints.some((codePoint) => typeof codePoint === 'number' && isRtlScript(String.fromCodePoint(codePoint)))
  );
}
