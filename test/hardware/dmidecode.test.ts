import { expect } from 'chai';
import { parseHardwareReport } from '../../server/modules/hardware/index.js';
import { fixture } from './hardware.fixtures.js';

/** A minimal dmidecode text with a system block and a chassis of the given type. */
function dmidecodeWithChassis(chassisType: string): Buffer {
  return Buffer.from(
    [
      'Handle 0x0001, DMI type 1, 27 bytes',
      'System Information',
      '\tManufacturer: Acme',
      '\tProduct Name: Model 1',
      '\tSerial Number: ACME123',
      '',
      'Handle 0x0003, DMI type 3, 22 bytes',
      'Chassis Information',
      `\tType: ${chassisType}`,
      '',
    ].join('\n'),
  );
}

describe('dmidecode parser', () => {
  it('when given a branded laptop, reads maker, model, serial, chassis, CPU and summed RAM of mixed units', () => {
    const report = parseHardwareReport(fixture('dmidecode-laptop.txt'));
    expect(report).to.deep.equal({
      format: 'dmidecode',
      device: {
        manufacturer: 'HP',
        model: 'HP ProBook 450 G5',
        serialNumber: '5CD8123ABC',
        type: 'laptop',
        cpu: 'Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz',
        ramGb: 12,
      },
      drives: [],
      erasures: [],
      warnings: [],
    });
  });

  it('when a white-box PC has CRLF line ends and placeholder identity fields, returns them as null', () => {
    const { device } = parseHardwareReport(fixture('dmidecode-whitebox-crlf.txt'));
    expect(device).to.deep.equal({
      manufacturer: null,
      model: null,
      serialNumber: null,
      type: 'desktop',
      cpu: 'Intel(R) Pentium(R) Gold G5400 CPU @ 3.70GHz',
      ramGb: 8,
    });
  });

  it('when the maker is Lenovo, takes the marketing name from Version rather than the machine type code', () => {
    const text =
      'Handle 0x000C, DMI type 1, 27 bytes\nSystem Information\n\tManufacturer: LENOVO\n' +
      '\tProduct Name: 20L7S0AB00\n\tVersion: ThinkPad T480s\n\tSerial Number: PF1KX9AB\n';
    expect(parseHardwareReport(Buffer.from(text)).device.model).to.equal('ThinkPad T480s');
  });

  it('when the system serial is a placeholder, falls back to the chassis serial', () => {
    const text =
      'Handle 0x0001, DMI type 1, 27 bytes\nSystem Information\n\tManufacturer: Acme\n\tSerial Number: 0123456789\n\n' +
      'Handle 0x0003, DMI type 3, 22 bytes\nChassis Information\n\tType: Tower\n\tSerial Number: CH-778812\n';
    const { device } = parseHardwareReport(Buffer.from(text));
    expect(device.serialNumber).to.equal('CH-778812');
    expect(device.type).to.equal('desktop');
  });

  const chassis: Array<[string, string | null]> = [
    ['Notebook', 'laptop'],
    ['Laptop', 'laptop'],
    ['Portable', 'laptop'],
    ['Sub Notebook', 'laptop'],
    ['Convertible', 'laptop'],
    ['Desktop', 'desktop'],
    ['Tower', 'desktop'],
    ['Mini Tower', 'desktop'],
    ['Low Profile Desktop', 'desktop'],
    ['Space-saving', 'desktop'],
    ['Mini PC', 'desktop'],
    ['All In One', 'all_in_one'],
    ['All in One', 'all_in_one'],
    ['Tablet', 'tablet'],
    ['Detachable', 'tablet'],
    ['Rack Mount Chassis', 'other'],
    ['Other', null],
    ['Unknown', null],
    ['To Be Filled By O.E.M.', null],
  ];
  for (const [word, type] of chassis) {
    it(`when the chassis type is "${word}", the device type is ${type}`, () => {
      expect(parseHardwareReport(dmidecodeWithChassis(word)).device.type).to.equal(type);
    });
  }
});
