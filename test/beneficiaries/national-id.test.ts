import { expect } from 'chai';
import {
  isValidCin,
  isValidSaudiId,
  luhnValid,
  normalizeNationalId,
  parseNationalId,
  visibleTail,
} from '../../server/modules/beneficiaries/beneficiaries.national-id.js';
import { initialsOf, maskNationalId } from '../../server/modules/beneficiaries/index.js';

describe('national IDs (pure)', () => {
  describe('Saudi national ID / iqama', () => {
    for (const id of ['1000000008', '1234567897', '2345678904', '1098765439', '2111111114']) {
      it(`when ${id} is given, accepts it (10 digits, starts with 1 or 2, Luhn check digit)`, () => {
        expect(isValidSaudiId(id)).to.equal(true);
        expect(parseNationalId(id, 'SA')).to.equal(id);
      });
    }
    for (const [id, why] of [
      ['1000000000', 'the check digit is wrong'],
      ['1234567890', 'the check digit is wrong'],
      ['3000000006', 'it starts with 3'],
      ['0000000000', 'it starts with 0'],
      ['100000008', 'it has 9 digits'],
      ['10000000008', 'it has 11 digits'],
      ['10000000O8', 'it has a letter'],
      ['', 'it is empty'],
    ]) {
      it(`when ${id || '(empty)'} is given, refuses it because ${why}`, () => {
        expect(parseNationalId(id, 'SA')).to.equal(undefined);
      });
    }
    it('when typed with Arabic-Indic or Persian digits, spaces or hyphens, normalises to Latin digits', () => {
      expect(parseNationalId('١٠٠٠٠٠٠٠٠٨', 'SA')).to.equal('1000000008');
      expect(parseNationalId('۱۰۰۰۰۰۰۰۰۸', 'SA')).to.equal('1000000008');
      expect(parseNationalId(' 1000-000 008 ', 'SA')).to.equal('1000000008');
      expect(parseNationalId('\u2066١٠٠٠٠٠٠٠٠٨\u2069', 'SA')).to.equal('1000000008');
      expect(parseNationalId('١٠٠٠٠٠٠٠٠٠', 'SA')).to.equal(undefined);
    });
    it('computes Luhn over the whole number with the check digit last', () => {
      expect(luhnValid('79927398713')).to.equal(true);
      expect(luhnValid('79927398710')).to.equal(false);
    });
  });

  describe('Moroccan CIN', () => {
    it('when 1–2 letters and 1–8 digits are given, in any case and with spaces, accepts the upper-cased form', () => {
      expect(parseNationalId('BK123456', 'MA')).to.equal('BK123456');
      expect(parseNationalId('bk 123 456', 'MA')).to.equal('BK123456');
      expect(parseNationalId('A1', 'MA')).to.equal('A1');
      expect(parseNationalId('J٤٥٦٧٨٩', 'MA')).to.equal('J456789');
    });
    for (const id of ['ABC12345', '123456', 'AB', 'AB123456789', 'AB1234X', 'A#123']) {
      it(`when ${id} is given, refuses it`, () => expect(isValidCin(normalizeNationalId(id))).to.equal(false));
    }
    it('does not accept a CIN where a Saudi ID is expected, nor the reverse', () => {
      expect(parseNationalId('BK123456', 'SA')).to.equal(undefined);
      expect(parseNationalId('1000000008', 'MA')).to.equal(undefined);
    });
  });

  describe('masking', () => {
    it('shows only the last 4 of a 10-digit ID, keeping the length', () => {
      expect(maskNationalId(visibleTail('1000000008'))).to.equal('******0008');
      expect(maskNationalId('0008')).to.have.length(10);
    });
    it('never shows more than half of a short ID', () => {
      expect(visibleTail('BK123456')).to.equal('3456');
      expect(visibleTail('A12345')).to.equal('345');
      expect(visibleTail('A1')).to.equal('1');
      expect(maskNationalId(visibleTail('A12345'), 6)).to.equal('***345');
    });
  });

  describe('initials', () => {
    for (const [name, initials] of [
      ['أسرة العتيبي', 'أ. ع.'],
      ['Sara Ahmed', 'S. A.'],
      ['sara  ahmed', 'S. A.'],
      ['محمد بن سعد الحربي', 'م. ح.'],
      ['فاطمة', 'ف.'],
      ['Ahmed Al-Harbi', 'A. H.'],
      ['محمد عبد الله', 'م. ا.'],
      ['', ''],
    ]) {
      it(`when the name is "${name}", gives "${initials}"`, () => expect(initialsOf(name)).to.equal(initials));
    }
  });
});
