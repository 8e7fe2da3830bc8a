// Barcodes drawn as vector rectangles, so they stay sharp at any printer resolution (a bitmap would be
// resampled by the label printer's driver and lose bar widths).
import bwipjs from 'bwip-js';
import QRCode, { type BitMatrix } from 'qrcode';

/** Quiet zones from the symbology specs: 10 modules either side of Code128, 4 around a QR code. */
export const CODE128_QUIET_MODULES = 10;
export const QR_QUIET_MODULES = 4;

export interface BarcodeBox {
  /** Width of one module (narrowest bar, or one QR square), in points: check it against the printer's dots. */
  moduleWidth: number;
}

/**
 * Draws a QR code (error correction M) as a `size` × `size` square at (x, y), quiet zone included, so the
 * caller can butt other content against the box.
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): BarcodeBox {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const moduleWidth = size / (modules.size + 2 * QR_QUIET_MODULES);
  const origin = QR_QUIET_MODULES * moduleWidth;
  doc.save();
  for (let row = 0; row < modules.size; row += 1) {
    // One rectangle per horizontal stretch of dark modules: fewer paths, and no seams inside a stretch.
    for (const [from, to] of darkStretches(modules, row)) {
      doc.rect(x + origin + from * moduleWidth, y + origin + row * moduleWidth, (to - from) * moduleWidth, moduleWidth);
    }
  }
  doc.fill('#000000');
  doc.restore();
  return { moduleWidth };
}

function darkStretches(modules: BitMatrix, row: number): Array<[number, number]> {
  const stretches: Array<[number, number]> = [];
  let start = -1;
  for (let column = 0; column <= modules.size; column += 1) {
    const dark = column < modules.size && modules.get(row, column) === 1;
    if (dark && start < 0) start = column;
    if (!dark && start >= 0) {
      stretches.push([start, column]);
      start = -1;
    }
  }
  return stretches;
}

/**
 * Draws a Code128 barcode filling `width` × `height` at (x, y), quiet zones included; no human-readable line
 * (draw it with drawText, in the document's own font). bwip-js picks the code sets, so digit pairs use set C.
 */
export function drawCode128(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
): BarcodeBox {
  const widths = code128Widths(text);
  const modules = widths.reduce((total, w) => total + w, 0) + 2 * CODE128_QUIET_MODULES;
  const moduleWidth = width / modules;
  let offset = CODE128_QUIET_MODULES;
  doc.save();
  // The widths alternate bar, space, bar, …, starting with a bar.
  widths.forEach((w, index) => {
    if (index % 2 === 0) doc.rect(x + offset * moduleWidth, y, w * moduleWidth, height);
    offset += w;
  });
  doc.fill('#000000');
  doc.restore();
  return { moduleWidth };
}

function code128Widths(text: string): number[] {
  const [symbol] = bwipjs.raw({ bcid: 'code128', text });
  if (!symbol || !('sbs' in symbol)) throw new Error('bwip-js returned no Code128 bars');
  return symbol.sbs;
}
