// The language printed after Arabic: the country's default, the French wording and French number words. Pure.
import { expect } from 'chai';
import {
  defaultSecondLanguage,
  drawingIn,
  formatNumber,
  gregorianDate,
  second,
  secondLanguage,
} from '../../server/modules/documents/documents.format.js';
import { frenchNumberWords } from '../../server/modules/documents/documents.delivery-note-words.js';
import { DEVICE_TYPES, TECHNIQUES } from '../../server/modules/documents/documents.wording.js';

describe('documents: the second language (English or French)', () => {
  it('defaults to French in Morocco (COUNTRY=MA) and to English in Saudi Arabia (SA)', () => {
    expect(defaultSecondLanguage('MA')).to.equal('fr');
    expect(defaultSecondLanguage('SA')).to.equal('en');
  });

  it('reads a wording in the language being drawn, English outside a French drawing, and puts the previous one back', () => {
    expect(second(DEVICE_TYPES.laptop)).to.equal('Laptop');
    const inside = drawingIn('fr', () => [secondLanguage(), second(DEVICE_TYPES.laptop), formatNumber(1234.5)]);
    expect(inside).to.deep.equal(['fr', 'Ordinateur portable', '1.234,5']);
    expect([secondLanguage(), formatNumber(1234.5)]).to.deep.equal(['en', '1,234.5']);
    expect(second(TECHNIQUES.crypto_erase, 'fr')).to.equal('Effacement cryptographique');
  });

  it('puts the previous language back when a drawing throws', () => {
    expect(() =>
      drawingIn('fr', () => {
        throw new Error('drawing failed');
      }),
    ).to.throw('drawing failed');
    expect(secondLanguage()).to.equal('en');
  });

  it('writes dates in French (fr-MA)', () => {
    expect(gregorianDate(new Date('2026-11-23T10:00:00Z')).fr).to.equal('23 novembre 2026');
  });

  const words: Array<[number, string]> = [
    [1, 'un'],
    [21, 'vingt et un'],
    [71, 'soixante et onze'],
    [80, 'quatre-vingts'],
    [91, 'quatre-vingt-onze'],
    [120, 'cent vingt'],
    [200, 'deux cents'],
    [203, 'deux cent trois'],
    [1000, 'mille'],
    [2300, 'deux mille trois cents'],
    [80000, 'quatre-vingt mille'],
  ];
  for (const [n, fr] of words) {
    it(`writes ${n} in French words as "${fr}"`, () => expect(frenchNumberWords(n)).to.equal(fr));
  }
});
