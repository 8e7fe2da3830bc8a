// The receipt's first words, "N families and M students", in Arabic by CLDR plural category, in English and French.
import { expect } from 'chai';
import { servedHeadline } from '../../server/modules/documents/documents.donor-receipt-wording.js';

describe('donor receipt headline (families and students reached)', () => {
  const cases: Array<[number, number, string, string]> = [
    [1, 0, 'وصل تبرعكم إلى أسرة واحدة', 'Your donation reached 1 family'],
    [2, 1, 'وصل تبرعكم إلى أسرتين وطالب واحد', 'Your donation reached 2 families and 1 student'],
    [3, 2, 'وصل تبرعكم إلى 3 أسر وطالبين', 'Your donation reached 3 families and 2 students'],
    [19, 5, 'وصل تبرعكم إلى 19 أسرة و5 طلاب', 'Your donation reached 19 families and 5 students'],
    [0, 11, 'وصل تبرعكم إلى 11 طالبًا', 'Your donation reached 11 students'],
    [100, 1200, 'وصل تبرعكم إلى 100 أسرة و1,200 طالب', 'Your donation reached 100 families and 1,200 students'],
  ];
  for (const [families, students, ar, en] of cases) {
    it(`when ${families} families and ${students} students were served, reads "${en}"`, () => {
      const { ar: arabic, en: english } = servedHeadline({ families, students });
      expect({ ar: arabic, en: english }).to.deep.equal({ ar, en });
    });
  }

  // French: one for 1 (and 0), other from 2, many for round millions ("de"); numbers as Morocco writes them.
  const french: Array<[number, number, string]> = [
    [1, 0, 'Votre don a bénéficié à 1 famille'],
    [2, 1, 'Votre don a bénéficié à 2 familles et 1 élève'],
    [0, 25, 'Votre don a bénéficié à 25 élèves'],
    [1200, 3, 'Votre don a bénéficié à 1.200 familles et 3 élèves'],
    [1000000, 2000000, 'Votre don a bénéficié à 1.000.000 de familles et 2.000.000 d’élèves'],
  ];
  for (const [families, students, fr] of french) {
    it(`when ${families} families and ${students} students were served, reads in French "${fr}"`, () => {
      expect(servedHeadline({ families, students }).fr).to.equal(fr);
    });
  }

  it('when nobody has received a device yet, says the devices are being prepared (no "0 families")', () => {
    const text = servedHeadline({ families: 0, students: 0 });
    expect(text.en).to.equal('Your devices are being prepared and will soon reach families and students');
    expect(text.ar).to.not.match(/\d/);
    expect(text.fr).to.equal(
      'Vos appareils sont en cours de préparation et bénéficieront bientôt à des familles et à des élèves',
    );
  });
});
