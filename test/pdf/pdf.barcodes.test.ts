// Barcodes are checked the way a scanner would read them: render the page at 300 dpi and decode with zbarimg.
import { expect } from 'chai';
import { drawCode128, drawQr, drawText, ltr } from '../../server/lib/pdf/index.js';
import { MM, decodeBarcodes, removeTestPdfs, requirePdfTools, writePdf } from './pdf.helpers.js';

const TAG = 'NM000123';
const URL = 'http://nimah.test/d/NM000123';

// A label as the labels module will lay it out: Code128 and the printed tag on the left, the QR on the right.
function drawLabel(doc: PDFKit.PDFDocument, left: number, top: number): void {
  const qrSize = 25 * MM;
  drawCode128(doc, TAG, left + 1 * MM, top + 3 * MM, 34 * MM, 12 * MM);
  drawText(doc, `جهاز ${ltr('NM-000123')}`, {
    x: left + 2 * MM,
    y: top + 16 * MM,
    width: 32 * MM,
    size: 9,
    align: 'center',
  });
  drawQr(doc, URL, left + 36 * MM, top + 2 * MM, qrSize);
}

describe('pdf barcodes', () => {
  before(requirePdfTools);
  after(removeTestPdfs);

  it('when a Code128 and a QR are drawn on a 62×29 mm label, zbarimg decodes both at 300 dpi', async () => {
    const file = await writePdf((doc) => drawLabel(doc, 0, 0), { size: [62 * MM, 29 * MM], margin: 0 });

    const symbols = decodeBarcodes(file);

    expect(symbols).to.have.members([`CODE-128:${TAG}`, `QR-Code:${URL}`]);
  });

  it('when the same label is drawn on an A4 sheet, zbarimg decodes both at 300 dpi', async () => {
    const file = await writePdf((doc) => drawLabel(doc, 20 * MM, 20 * MM));

    const symbols = decodeBarcodes(file);

    expect(symbols).to.have.members([`CODE-128:${TAG}`, `QR-Code:${URL}`]);
  });

  it('when a Code128 fills a box, its module width leaves 10 quiet modules either side', async () => {
    let moduleWidth = 0;
    await writePdf((doc) => {
      moduleWidth = drawCode128(doc, TAG, 0, 0, 100, 30).moduleWidth;
    });

    // NM000123 in bwip-js: start B, N, M, code C, 00, 01, 23, check = 8 symbols of 11 modules + stop (13) = 101.
    expect(moduleWidth).to.be.closeTo(100 / (101 + 20), 1e-9);
  });

  it('when a QR code is drawn, its module size includes a 4-module quiet zone', async () => {
    let moduleWidth = 0;
    await writePdf((doc) => {
      moduleWidth = drawQr(doc, URL, 0, 0, 66).moduleWidth;
    });

    // The URL fits QR version 2 at level M: 25 modules + 2 × 4 quiet = 33.
    expect(moduleWidth).to.equal(2);
  });
});
