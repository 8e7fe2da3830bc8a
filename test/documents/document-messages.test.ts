// The donor documents' messages (documents.messages.ts): every one is a valid ICU message in Arabic, English and
// French naming the same values, and counts take the CLDR plural form of their language. Pure.
import { expect } from 'chai';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { message, MESSAGES, numberIn, type MessageId } from '../../server/modules/documents/documents.messages.js';

/** The values a message names, and for each plural value its categories. */
function shape(elements: MessageFormatElement[], into = new Map<string, string[]>()): Map<string, string[]> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number) into.set(e.value, into.get(e.value) ?? []);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.set(e.value, [...(into.get(e.value) ?? []), ...Object.keys(e.options)]);
      for (const option of Object.values(e.options)) shape(option.value, into);
    }
  }
  return into;
}

describe('documents: the donor documents’ messages (ICU, three languages)', () => {
  for (const id of Object.keys(MESSAGES) as MessageId[]) {
    it(`"${id}" parses in Arabic, English and French and names the same values`, () => {
      // A caption that does not agree with its count leaves `n` out (Arabic tile captions, English legends).
      const [ar, en, fr] = (['ar', 'en', 'fr'] as const).map((l) =>
        [...shape(parse(MESSAGES[id][l])).keys()].filter((k) => k !== 'n').sort(),
      );
      expect(fr, 'French as English').to.deep.equal(en);
      // Arabic may leave a Latin value out (the CO2e note's source).
      expect(en, 'Arabic within English').to.include.members(ar);
    });
  }

  it('writes every Arabic count with the six CLDR forms', () => {
    for (const id of ['families', 'students', 'endOfManifest'] as const)
      expect(shape(parse(MESSAGES[id].ar)).get('n'), id).to.have.members([
        'zero',
        'one',
        'two',
        'few',
        'many',
        'other',
      ]);
  });

  const manifest: Array<[number, string, string, string]> = [
    [1, 'نهاية البيان: جهاز واحد', 'End of manifest: 1 device', 'Fin de la liste : 1 appareil'],
    [2, 'نهاية البيان: جهازان', 'End of manifest: 2 devices', 'Fin de la liste : 2 appareils'],
    [3, 'نهاية البيان: 3 أجهزة', 'End of manifest: 3 devices', 'Fin de la liste : 3 appareils'],
    [11, 'نهاية البيان: 11 جهازًا', 'End of manifest: 11 devices', 'Fin de la liste : 11 appareils'],
    [100, 'نهاية البيان: 100 جهاز', 'End of manifest: 100 devices', 'Fin de la liste : 100 appareils'],
    [1500, 'نهاية البيان: 1,500 جهاز', 'End of manifest: 1,500 devices', 'Fin de la liste : 1.500 appareils'],
    [
      1000000,
      'نهاية البيان: 1,000,000 جهاز',
      'End of manifest: 1,000,000 devices',
      'Fin de la liste : 1.000.000 d’appareils',
    ],
  ];
  for (const [n, ar, en, fr] of manifest) {
    it(`counts ${n} devices as "${ar}", "${en}", "${fr}"`, () => {
      expect([message('endOfManifest', 'ar', { n }), message('endOfManifest', 'en', { n })]).to.deep.equal([ar, en]);
      expect(message('endOfManifest', 'fr', { n })).to.equal(fr);
    });
  }

  it('agrees a French caption with its count: 0 and 1 singular, from 2 plural', () => {
    expect([0, 1, 2].map((n) => message('tileFamilies', 'fr', { n }))).to.deep.equal([
      'famille bénéficiaire',
      'famille bénéficiaire',
      'familles bénéficiaires',
    ]);
    expect(message('tileFamilies', 'ar', { n: 5 })).to.equal('أسرة استفادت');
  });

  it('writes numbers as each language does: 1,234.5 in English, 1.234,5 in French, Latin digits in Arabic', () => {
    expect(['ar', 'en', 'fr'].map((l) => numberIn(l as 'ar', 1234.5))).to.deep.equal(['1,234.5', '1,234.5', '1.234,5']);
  });
});
