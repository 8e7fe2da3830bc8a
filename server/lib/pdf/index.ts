// PDF building blocks for Nimah's documents (certificates, receipts, labels): one embedded font with Arabic and
// Latin glyphs, bidi-correct mixed text, and vector barcodes. Documents import only this file.
//
//   const doc = createPdf({ size: 'A4', margin: 40, title: 'Handover certificate', author: 'Nimah' });
//   drawText(doc, `جهاز رقم ${ltr('NM-000123')} جاهز`, { x: 40, y: 40, width: 515, size: 14, bold: true });
//   drawQr(doc, 'https://example.org/verify/K7Q2M9X4TB', 40, 100, 80);
//   doc.end();
//
// Rules for callers: wrap every left-to-right value (tag, serial, phone, ISO date, e-mail, URL) in ltr() before
// putting it into Arabic text, and draw text only through drawText so that each run is shaped and ordered.
export { createPdf, FONT_BOLD, FONT_REGULAR, type CreatePdfOptions, type PdfMetadata } from './pdf.fonts.js';
export { ltr, stripBidiControls, type TextDirection } from './pdf.bidi.js';
export { drawText, measureText, type TextAlign, type TextBox, type TextBoxOptions } from './pdf.text.js';
export { drawCode128, drawQr, type BarcodeBox } from './pdf.barcodes.js';
