import { expect } from 'chai';
import { cleanSerial, cleanText } from '../../server/modules/hardware/hardware.placeholders.js';

describe('placeholder values', () => {
  const missing = [
    'To Be Filled By O.E.M.',
    'To be filled by O.E.M.',
    'Not Specified',
    'Default string',
    'System Serial Number',
    'System Product Name',
    'Chassis Serial Number',
    '0123456789',
    'None',
    '--',
    '',
    '   ',
    'N/A',
    'Not Available',
  ];
  for (const value of missing) {
    it(`when a field reads "${value}", it counts as missing`, () => {
      expect(cleanText(value)).to.equal(null);
      expect(cleanSerial(value)).to.equal(null);
    });
  }

  const fillerSerials = ['00000000', '0000-0000-0000', 'FFFFFFFF', 'ffffffffffff', 'XXXXXXXXXXXX', '?????'];
  for (const serial of fillerSerials) {
    it(`when a serial is the filler "${serial}", it counts as missing`, () => {
      expect(cleanSerial(serial)).to.equal(null);
    });
  }

  it('when a value is real, trims it and collapses inner whitespace', () => {
    expect(cleanText('  Intel(R) Core(TM)   i5-6500  ')).to.equal('Intel(R) Core(TM) i5-6500');
    expect(cleanSerial(' PF0QMY5N\u0000 ')).to.equal('PF0QMY5N');
  });

  it('when a serial only looks repetitive but is not a known filler, keeps it', () => {
    expect(cleanSerial('AAAAAAAA')).to.equal('AAAAAAAA');
    expect(cleanSerial('Z1Z5DWJK0000XXXXXXXX')).to.equal('Z1Z5DWJK0000XXXXXXXX');
  });

  it('when a value is not a string or is absurdly long, returns null', () => {
    expect(cleanText(42)).to.equal(null);
    expect(cleanText(null)).to.equal(null);
    expect(cleanText({ toString: () => 'x' })).to.equal(null);
    expect(cleanText('x'.repeat(10_000))).to.equal(null);
    expect(cleanSerial('S'.repeat(65))).to.equal(null);
  });
});
