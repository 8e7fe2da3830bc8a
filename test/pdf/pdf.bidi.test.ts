// Pure checks of the bidi layer: the visual order each line is drawn in, what fontkit is handed, and wrapping.
// "Visual" strings below read left to right as on paper, so Arabic words appear reversed (rev()).
import { expect } from 'chai';
import { fontkitInput, ltr, resolveParagraph, stripBidiControls, visualRuns } from '../../server/lib/pdf/pdf.bidi.js';
import { wrapLines } from '../../server/lib/pdf/pdf.wrap.js';

const rev = (text: string): string => text.split('').reverse().join('');

function visualLine(text: string, direction: 'rtl' | 'ltr' | 'auto' = 'auto'): string {
  const runs = visualRuns(resolveParagraph(text, direction), 0, text.length - 1);
  return runs.map((run) => (run.rtl ? rev(run.logical) : run.logical)).join('');
}

describe('pdf bidi: visual order of a line', () => {
  it('when an asset tag sits inside Arabic, the tag stays whole and the Arabic words read right to left', () => {
    expect(visualLine(`جهاز رقم ${ltr('NM-000123')} جاهز`)).to.equal(`${rev('جاهز')} NM-000123 ${rev('جهاز رقم')}`);
  });

  it('when a phone number is isolated with ltr(), it keeps its order after the Arabic label', () => {
    expect(visualLine(`الهاتف: ${ltr('+966 50 123 4567')}`)).to.equal(`+966 50 123 4567 :${rev('الهاتف')}`);
  });

  it('when the same phone number is not isolated, its groups flip: the reason ltr() exists', () => {
    expect(visualLine('الهاتف: +966 50 123 4567')).to.not.contain('+966 50 123 4567');
  });

  it('when a date and a serial are isolated, they come out intact', () => {
    expect(visualLine(`التاريخ: ${ltr('2026-11-23')}`)).to.equal(`2026-11-23 :${rev('التاريخ')}`);
    expect(visualLine(`الرقم التسلسلي: ${ltr('PF0QMY5N')}`)).to.equal(`PF0QMY5N :${rev('الرقم التسلسلي')}`);
  });

  it('when brackets are in right-to-left text, they are mirrored so each still opens towards its content', () => {
    // Logical "(" ends up at the right edge and must look like ")"; the digit stays inside the brackets.
    expect(visualLine('(مرحلة 1)')).to.equal(`(1 ${rev('مرحلة')})`);
  });

  it('when Arabic-Indic and Latin digits follow Arabic words, both numbers keep their digit order', () => {
    expect(visualLine('السنة ٢٠٢٦ والسنة 2026')).to.equal(`2026 ${rev('والسنة')} ٢٠٢٦ ${rev('السنة')}`);
  });

  it('when the line is English only, the visual order is the text itself', () => {
    const text = 'Device NM-000123 (stage 1) handed over on 2026-11-23.';
    expect(visualLine(text)).to.equal(text);
  });

  it('when an English line holds an Arabic name, only the name is reversed and the brackets stay as typed', () => {
    expect(visualLine('Received from: مؤسسة الخير الخيرية (Riyadh)')).to.equal(
      `Received from: ${rev('مؤسسة الخير الخيرية')} (Riyadh)`,
    );
  });

  it('when isolates are used, no bidi control character reaches the drawn runs', () => {
    const runs = visualRuns(resolveParagraph(`رقم ${ltr('NM-000123')}`, 'rtl'), 0, 14);
    expect(runs.map((run) => run.logical).join('')).to.not.match(/[\u2066-\u2069]/);
    expect(stripBidiControls(ltr('NM-000123'))).to.equal('NM-000123');
  });
});

describe('pdf bidi: what fontkit is handed', () => {
  it('when a run is Arabic, fontkit gets it in logical order so that it can join the letters itself', () => {
    const [run] = visualRuns(resolveParagraph('مرحلة', 'rtl'), 0, 4);
    expect(run.shaped).to.equal('مرحلة');
  });

  it('when a run is Arabic-Indic digits, fontkit gets it reversed because it would reverse it once more', () => {
    expect(fontkitInput('٢٠٢٦')).to.equal('٦٢٠٢');
    expect(fontkitInput('2026')).to.equal('2026');
  });

  it('when a right-to-left run holds only neutrals, fontkit gets it in visual order', () => {
    expect(fontkitInput(' :')).to.equal(' :');
  });
});

describe('pdf wrap: logical line breaking', () => {
  const byLength = (start: number, end: number): number => end - start + 1;

  it('when words overflow the width, breaks at spaces and drops the space at the break', () => {
    expect(wrapLines('aaa bbb ccc ddd', 7, byLength)).to.deep.equal([
      { start: 0, end: 6 },
      { start: 8, end: 14 },
    ]);
  });

  it('when one token is wider than the box, breaks it between characters', () => {
    expect(wrapLines('abcdefghij kl', 4, byLength)).to.deep.equal([
      { start: 0, end: 3 },
      { start: 4, end: 7 },
      { start: 8, end: 9 },
      { start: 11, end: 12 },
    ]);
  });

  it('when a long token is broken, a combining mark stays with its letter', () => {
    // 'بَ' is two code units; with room for 2 units the cut must not fall between the letter and its fatha.
    const lines = wrapLines('ابَت', 2, byLength);
    expect(lines[0]).to.deep.equal({ start: 0, end: 0 });
  });

  it('when the text is empty, gives one empty line', () => {
    expect(wrapLines('', 100, byLength)).to.deep.equal([{ start: 0, end: -1 }]);
  });
});
