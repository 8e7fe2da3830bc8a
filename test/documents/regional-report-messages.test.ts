// The regional report's sentences (issue 20): the chart's totals in the CLDR plural forms of Arabic, English and
// French, numbers written the French way. Pure: documents.messages.ts only.
import { expect } from 'chai';
import { message } from '../../server/modules/documents/documents.messages.js';
import { monthName } from '../../server/modules/documents/documents.regional-report-data.js';

const totals = (intake: number, handovers: number) => ({ intake, handovers });

describe('documents: the regional report in French', () => {
  it('words the chart totals for 1, 2 and many in French (one, other, many for round millions)', () => {
    expect(message('regionChartTotals', 'fr', totals(1, 2))).to.equal(
      'Sur ces mois : 1 appareil reçu et 2 appareils remis.',
    );
    expect(message('regionChartTotals', 'fr', totals(1234, 0))).to.equal(
      'Sur ces mois : 1.234 appareils reçus et 0 appareil remis.',
    );
    expect(message('regionChartTotals', 'fr', totals(1_000_000, 1))).to.equal(
      'Sur ces mois : 1.000.000 d’appareils reçus et 1 appareil remis.',
    );
  });

  it('words them in Arabic (zero, one, two, few, many) and English too', () => {
    expect(message('regionChartTotals', 'ar', totals(0, 2)))
      .to.contain('لم يُستلم أي جهاز')
      .and.contain('سُلِّم جهازان');
    expect(message('regionChartTotals', 'ar', totals(3, 11)))
      .to.contain('استُلمت 3 أجهزة')
      .and.contain('سُلِّم 11 جهازًا');
    expect(message('regionChartTotals', 'en', totals(1, 2))).to.equal(
      'Over these months: 1 device received and 2 devices handed over.',
    );
  });

  it('agrees the tiles with their count and names the months in French', () => {
    expect(message('regionHandedOver', 'fr', { n: 1 })).to.equal('appareil remis');
    expect(message('regionHandedOver', 'fr', { n: 2 })).to.equal('appareils remis');
    expect(message('regionInstitutions', 'fr', { n: 0 })).to.equal('établissement bénéficiaire');
    expect(monthName('2026-02')).to.deep.include({ en: 'Feb', fr: 'fév.' });
  });
});
