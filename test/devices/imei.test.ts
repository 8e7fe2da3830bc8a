// The IMEI check (server/lib/imei.ts): 15 digits, the last a Luhn check digit; typed with Arabic-Indic digits or
// separators, as phones' boxes and *#06# print them.
import { expect } from 'chai';
import { checkImei, isImei, luhnValid, normalizeImei } from '../../server/lib/imei.js';

describe('IMEI check (unit)', () => {
  it('when an IMEI is valid (490154203237518, 356938035643809, 352099001761481), returns it as 15 Latin digits', () => {
    for (const imei of ['490154203237518', '356938035643809', '352099001761481'])
      expect(checkImei(imei)).to.deep.equal({ imei });
  });

  it('when the check digit is wrong (490154203237517), says checksum', () => {
    expect(checkImei('490154203237517')).to.deep.equal({ problem: 'checksum' });
    expect(checkImei('356938035643808')).to.deep.equal({ problem: 'checksum' });
  });

  it('when it has Arabic-Indic or Eastern Arabic-Indic (Persian) digits, reads them as Latin digits', () => {
    expect(checkImei('٤٩٠١٥٤٢٠٣٢٣٧٥١٨')).to.deep.equal({ imei: '490154203237518' });
    expect(checkImei('۴۹۰۱۵۴۲۰۳۲۳۷۵۱۸')).to.deep.equal({ imei: '490154203237518' });
    expect(checkImei('٤٩٠١٥٤-203237518')).to.deep.equal({ imei: '490154203237518' });
  });

  it('when it is written with spaces, hyphens or slashes (the box and *#06# groupings), drops them', () => {
    expect(checkImei('49-015420-323751-8')).to.deep.equal({ imei: '490154203237518' });
    expect(checkImei('490154/20/323751/8')).to.deep.equal({ imei: '490154203237518' });
    expect(checkImei(' 4901 5420 3237 518 ')).to.deep.equal({ imei: '490154203237518' });
    expect(normalizeImei('\u2066490154203237518\u2069')).to.equal('490154203237518');
  });

  it('when it is not 15 digits (14, 16, letters, empty), says length before any checksum', () => {
    for (const bad of ['49015420323751', '4901542032375180', '49015420323751A', 'IMEI', '', '٤٩٠١٥٤'])
      expect(checkImei(bad), bad).to.deep.equal({ problem: 'length' });
  });

  it('luhnValid agrees with the published examples; isImei wants the canonical 15 digits', () => {
    expect(luhnValid('79927398713')).to.equal(true);
    expect(luhnValid('79927398710')).to.equal(false);
    expect(isImei('490154203237518')).to.equal(true);
    expect(isImei('490154203237517')).to.equal(false);
    expect(isImei('49-015420-323751-8')).to.equal(false);
  });
});
