// Each tricky line is drawn alone into a PDF and read back with poppler's pdftotext, plain and -layout.
//
// What pdftotext can and cannot give back (poppler 22.12, verified by these tests):
// - It rebuilds logical order from glyph positions with its own simple bidi pass and wraps stretches in
//   U+202A…U+202E embedding marks; pdfText() strips those marks.
// - A neutral between Arabic and Latin (the colon of `الهاتف: …`, the bracket of `… (Riyadh)`) is glued to
//   one side by position alone, so `الهاتف: +966 50 123 4567` comes back as `الهاتف+966 50 123 4567 :` and
//   the space next to a tag moves (`جهاز رقم NM-000123جاهز`). It cannot know which side a neutral belongs
//   to; the page itself is right, and the values (tags, serials, phones, dates) come back intact.
// - Mirrored brackets come back as the glyph drawn, not as the character typed: `(مرحلة 1)` is drawn with a
//   `(` glyph at the left and a `)` at the right, and pdftotext, which does not un-mirror, gives `)مرحلة (1`.
// - Arabic ligatures (لى, لا, لأ, في, بر) come back right only thanks to pdf.extract.ts; without it `إلى`
//   came back `إىل`.
import { expect } from 'chai';
import { drawText, ltr, measureText } from '../../server/lib/pdf/index.js';
import {
  indexesInOrder,
  pdfText,
  pdfWordBoxes,
  rawPdfText,
  removeTestPdfs,
  requirePdfTools,
  writePdf,
} from './pdf.helpers.js';
import { LONG_PARAGRAPH, PAGE, PARAGRAPH_BOX, drawTextLayoutSample } from './text-layout-sample.js';

const BOX = { x: 40, y: 40, width: 515, size: 14 };

async function renderLine(text: string): Promise<string> {
  return writePdf((doc) => drawText(doc, text, BOX));
}

function expectInOrder(text: string, needles: readonly string[]): void {
  const found = indexesInOrder(text, needles);
  expect(found, `${JSON.stringify(needles)} in order in ${JSON.stringify(text)}`).to.not.include(-1);
}

describe('pdf text: what pdftotext reads back from one line', () => {
  before(requirePdfTools);
  after(removeTestPdfs);

  it('when an asset tag sits inside Arabic, the tag is intact and the words keep their order', async () => {
    const file = await renderLine(`جهاز رقم ${ltr('NM-000123')} جاهز`);

    for (const mode of ['plain', 'layout'] as const) {
      // Exact: pdftotext moves the space after the tag in front of it (see the header).
      expect(pdfText(file, mode)).to.equal('جهاز رقم NM-000123جاهز');
      expectInOrder(pdfText(file, mode), ['جهاز', 'رقم', 'NM-000123', 'جاهز']);
    }
  });

  it('when a serial follows an Arabic label, the serial is intact and the colon goes to its far side', async () => {
    const file = await renderLine(`الرقم التسلسلي: ${ltr('PF0QMY5N')}`);

    expect(pdfText(file)).to.equal('الرقم التسلسليPF0QMY5N :');
    expect(pdfText(file, 'layout')).to.equal('الرقم التسلسليPF0QMY5N :');
  });

  it('when a phone number is isolated with ltr(), its digit groups come back in order', async () => {
    const file = await renderLine(`الهاتف: ${ltr('+966 50 123 4567')}`);

    expect(pdfText(file)).to.equal('الهاتف+966 50 123 4567 :');
    expect(pdfText(file, 'layout')).to.contain('+966 50 123 4567');
  });

  it('when a phone number is not isolated, pdftotext shows the groups flipped, as they were drawn', async () => {
    const file = await renderLine('الهاتف: +966 50 123 4567');

    expect(pdfText(file)).to.not.contain('+966 50 123 4567');
  });

  it('when an ISO date follows an Arabic label, the date is intact', async () => {
    const file = await renderLine(`التاريخ: ${ltr('2026-11-23')}`);

    expect(pdfText(file)).to.equal('التاريخ2026-11-23 :');
    expect(pdfText(file, 'layout')).to.contain('2026-11-23');
  });

  it('when brackets are mirrored, pdftotext gives the drawn glyphs: ")مرحلة (1" for "(مرحلة 1)"', async () => {
    const file = await renderLine('(مرحلة 1)');

    // Raw output with poppler's marks: RLE ")مرحلة " LRE "(1" PDF PDF. Rendered by a bidi-aware viewer this
    // shows the same picture as the page; the characters are the mirrored ones (see the header).
    expect(rawPdfText(file)).to.equal('\u202B)مرحلة \u202A(1\u202C\u202C');
    expect(pdfText(file)).to.equal(')مرحلة (1');
  });

  it('when Arabic-Indic and Latin digits are in one line, both numbers come back in digit order', async () => {
    const file = await renderLine('السنة ٢٠٢٦ والسنة 2026');

    expectInOrder(pdfText(file), ['السنة', '٢٠٢٦', 'والسنة', '2026']);
    expect(pdfText(file, 'layout')).to.contain('٢٠٢٦').and.contain('2026');
  });

  it('when Arabic words form ligatures, their letters come back in order (not إىل)', async () => {
    const file = await renderLine('إلى المستفيد على الأقراص للاستخدام عبر في');

    expect(pdfText(file)).to.equal('إلى المستفيد على الأقراص للاستخدام عبر في');
    expect(pdfText(file, 'layout')).to.equal('إلى المستفيد على الأقراص للاستخدام عبر في');
  });

  it('when the line is English only, it comes back exactly', async () => {
    const text = 'Device NM-000123 (stage 1) handed over on 2026-11-23.';
    const file = await renderLine(text);

    expect(pdfText(file)).to.equal(text);
    expect(pdfText(file, 'layout')).to.equal(text);
  });

  it('when an English line names an Arabic donor, the Arabic name comes back whole between the English words', async () => {
    const file = await renderLine('Received from: مؤسسة الخير الخيرية (Riyadh)');

    // The page is right; pdftotext glues the space and "(" that sit between the Arabic and "Riyadh" to the
    // right-to-left stretch (raw: 'Received from: ' RLE '( مؤسسة الخير الخيرية' PDF 'Riyadh)').
    expect(pdfText(file)).to.equal('Received from: ( مؤسسة الخير الخيريةRiyadh)');
    expectInOrder(pdfText(file), ['Received from:', 'مؤسسة الخير الخيرية', 'Riyadh)']);
  });

  it('when text carries isolates, no bidi control character is drawn', async () => {
    const file = await renderLine(`رقم ${ltr('NM-000123')}`);

    expect(rawPdfText(file)).to.not.match(/[\u2066-\u2069\uFFFD]/);
  });
});

describe('pdf text: wrapping and alignment', () => {
  before(requirePdfTools);
  after(removeTestPdfs);
  const options = { x: PARAGRAPH_BOX.x, y: 40, width: PARAGRAPH_BOX.width, size: 10, lineGap: 2 };

  it('when a long Arabic paragraph is drawn, it wraps into several lines flush with the right edge', async () => {
    const file = await writePdf((doc) => drawText(doc, LONG_PARAGRAPH, options));
    const right = options.x + options.width;

    const lines = groupByLine(pdfWordBoxes(file));
    expect(lines.length).to.be.greaterThan(4);
    for (const words of lines.slice(0, -1)) {
      expect(Math.max(...words.map((w) => w.xMax))).to.be.closeTo(right, 1);
      expect(Math.min(...words.map((w) => w.xMin))).to.be.at.least(options.x - 0.5);
    }
  });

  it('when the paragraph is read back, its values are intact and its words are in reading order', async () => {
    const file = await writePdf((doc) => drawText(doc, LONG_PARAGRAPH, options));

    const text = pdfText(file).replace(/\n/g, ' ');
    expectInOrder(text, [
      'تتعهد الجمعية',
      'على الأقراص',
      'NIST SP 800-88',
      'NM-000123',
      'إلى المستفيد',
      '2026-11-23',
      'صالح للاستخدام',
      'http://nimah.test/d/NM000123',
      'في أي',
    ]);
  });

  it('when measured first, measureText gives the same box as drawText', async () => {
    let measured = { height: 0, lines: 0 };
    let drawn = { height: 0, lines: 0 };
    await writePdf((doc) => {
      measured = measureText(doc, LONG_PARAGRAPH, options);
      drawn = drawText(doc, LONG_PARAGRAPH, options);
    });

    expect(measured).to.deep.equal(drawn);
    expect(drawn.lines).to.be.greaterThan(4);
  });

  it('when align is start on an English paragraph, lines sit on the left edge', async () => {
    const file = await writePdf((doc) => drawText(doc, 'Handover certificate '.repeat(12), { ...options, x: 40 }));

    for (const words of groupByLine(pdfWordBoxes(file))) {
      expect(Math.min(...words.map((w) => w.xMin))).to.be.closeTo(40, 1);
    }
  });
});

describe('pdf text: the sample page', () => {
  before(requirePdfTools);
  after(removeTestPdfs);

  it('when the sample page is drawn, every tricky value reads back intact', async () => {
    const file = await writePdf(drawTextLayoutSample, { size: [PAGE.width, PAGE.height], margin: 0 });

    const text = pdfText(file, 'layout');
    for (const value of [
      'NM-000123',
      'PF0QMY5N',
      '+966 50 123 4567',
      '2026-11-23',
      '٢٠٢٦',
      'donor@example.org',
      'إلى المستفيد على الأقراص للاستخدام عبر في',
      'Device NM-000123 (stage 1) handed over on 2026-11-23.',
    ]) {
      expect(text).to.contain(value);
    }
  });
});

function groupByLine<T extends { yMin: number }>(words: T[]): T[][] {
  const lines = new Map<number, T[]>();
  for (const word of words) {
    const key = Math.round(word.yMin);
    lines.set(key, [...(lines.get(key) ?? []), word]);
  }
  return [...lines.entries()].sort(([a], [b]) => a - b).map(([, line]) => line);
}
