import { expect } from 'chai';
import {
  canonical,
  firstReading,
  fromArabicLayout,
  fromAzerty,
  scanCandidates,
  stripUrl,
} from '../../server/modules/scan/scan.normalize.js';
import { serialKey } from '../../server/lib/text.js';

describe('scan normalisation (unit)', () => {
  describe('canonical', () => {
    it('when a code has lower case, spaces, hyphens, dots and underscores, returns it upper case without them', () => {
      expect(canonical(' nm-000 1.2_3 ')).to.equal('NM000123');
    });

    it('when a code has Arabic-Indic or Persian digits, returns Latin digits', () => {
      expect(canonical('NM٠٠٠١٢٣')).to.equal('NM000123');
      expect(canonical('NM۰۰۰۱۲۳')).to.equal('NM000123');
    });

    it('when a code carries direction marks or isolates (copied from an RTL page), drops them', () => {
      expect(canonical('\u200fNM\u2066000123\u2069\u061c')).to.equal('NM000123');
    });

    it('when a serial has a slash or a backslash, reads it as the stored serial key does', () => {
      for (const serial of ['CN/0F6-XYZ', 'ab\\12 c', 'S3Z9.NB0K_1'])
        expect(canonical(serial)).to.equal(serialKey(serial));
    });
  });

  describe('keyboard layouts', () => {
    it('when letters were typed on the Arabic (101) layout, returns the Latin letters of the same keys', () => {
      expect(fromArabicLayout('ىة000123')).to.equal('NM000123');
      expect(fromArabicLayout('يى-2026-0007')).to.equal('DN-2026-0007');
    });

    it('when the Arabic layout produced a lam-alef ligature, returns the one key it came from', () => {
      expect(fromArabicLayout('لا')).to.equal('B');
      expect(fromArabicLayout('لأ')).to.equal('G');
    });

    it('when digits were typed on the AZERTY digit row without Shift, returns the digits', () => {
      expect(fromAzerty('NMààà&é"', false)).to.equal('NM000123');
      expect(fromAzerty('&é"\'(-è_çà', false)).to.equal('1234567890');
    });

    it('when the spec example NM&àà&é" is read on AZERTY, its first key is 1, so it names NM100123', () => {
      expect(fromAzerty('NM&àà&é"', false)).to.equal('NM100123');
    });

    it('when M was typed on AZERTY with Shift (the key gives "?"), swaps it back to M', () => {
      expect(fromAzerty('N?ààà&é"', true)).to.equal('NM000123');
    });
  });

  describe('stripUrl', () => {
    it('when the code is a label URL, returns the tag and says it names a device', () => {
      expect(stripUrl('http://nimah.test/d/NM000123')).to.deep.equal({ code: 'NM000123', hint: 'device' });
      expect(stripUrl('https://nimah.example/d/NM-000123/?from=label#x')).to.deep.equal({
        code: 'NM-000123',
        hint: 'device',
      });
    });

    it('when the code is a verification URL, says it names a certificate', () => {
      expect(stripUrl('https://nimah.example/verify/K7Q2M9X4TB')).to.deep.equal({
        code: 'K7Q2M9X4TB',
        hint: 'certificate',
      });
    });

    it('when the code is no URL, returns it unchanged', () => {
      expect(stripUrl('NM000123')).to.deep.equal({ code: 'NM000123' });
    });
  });

  describe('scanCandidates', () => {
    it('when the code is already plain, returns one reading', () => {
      expect(scanCandidates('NM000123')).to.deep.equal(['NM000123']);
    });

    it('when the code was typed on the Arabic layout, returns the typed text first and the Latin reading after it', () => {
      const readings = scanCandidates('ىة000123');
      expect(readings[0]).to.equal('ىة000123');
      expect(readings).to.include('NM000123');
      expect(new Set(readings).size).to.equal(readings.length);
    });

    it('when the code was typed on AZERTY, includes the digit reading', () => {
      expect(scanCandidates('NMààà&é"')).to.include('NM000123');
      expect(scanCandidates('N?ààà&é"')).to.include('NM000123');
    });

    it('when a serial has hyphens but no other AZERTY digit key, reads the hyphens as separators only', () => {
      expect(scanCandidates('5CG-8281_XB')).to.deep.equal(['5CG8281XB']);
    });

    it('when the code is a label URL with the printed hyphen, returns the tag', () => {
      expect(scanCandidates('http://nimah.test/d/NM-000123')).to.deep.equal(['NM000123']);
    });

    it('when the code is only spaces and direction marks, returns no reading', () => {
      expect(scanCandidates(' \u200f ')).to.deep.equal([]);
    });

    it('firstReading is the first of the readings, for tags, serials, URLs and other layouts', () => {
      for (const code of [
        'nm-000123',
        'ىة000123',
        'NMààà&é"',
        'http://nimah.test/d/NM-000123',
        'pf1-abc-23',
        'DN 2026 0007',
      ]) {
        expect(firstReading(code), code).to.equal(scanCandidates(code)[0]);
      }
    });
  });
});
