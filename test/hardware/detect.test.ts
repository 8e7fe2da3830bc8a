import { expect } from 'chai';
import { parseHardwareReport } from '../../server/modules/hardware/index.js';
import { expectAppError, fixture } from './hardware.fixtures.js';

const buffer = (text: string) => Buffer.from(text, 'utf8');

describe('hardware report format detection', () => {
  const formats: Array<[string, string]> = [
    ['lshw-desktop.json', 'lshw'],
    ['lshw-array-whitebox.json', 'lshw'],
    ['dmidecode-laptop.txt', 'dmidecode'],
    ['dmidecode-whitebox-crlf.txt', 'dmidecode'],
    ['smartctl-hdd-failing.json', 'smartctl'],
    ['smartctl-array-mixed.json', 'smartctl'],
    ['workbench-script-snapshot.json', 'workbench-script'],
    ['workbench-legacy-snapshot.json', 'workbench-legacy'],
    ['workbench11-snapshot.json', 'workbench11'],
  ];
  for (const [name, format] of formats) {
    it(`when given ${name}, recognises it as ${format} from its content`, () => {
      expect(parseHardwareReport(fixture(name)).format).to.equal(format);
    });
  }

  it('when a JSON report starts with a byte-order mark and blank lines, still recognises it', () => {
    const content = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      buffer('\n\n  '),
      fixture('smartctl-hdd-failing.json'),
    ]);
    expect(parseHardwareReport(content).drives[0].serialNumber).to.equal('WD-WCC6Y4KJ1234');
  });

  describe('content in no known format gives 415 UNSUPPORTED_FILE_TYPE', () => {
    const cases: Array<[string, Buffer]> = [
      ['an empty file', Buffer.alloc(0)],
      ['a CSV sheet', buffer('model;manufacturer;serial\nLatitude E7240;Dell;5CQ6VY1\n')],
      ['JSON null', buffer('null')],
      ['an array of numbers', buffer('[1, 2, 3]')],
      ['an empty array', buffer('[]')],
      ['an unrelated JSON object', buffer('{"name":"nimah","version":"0.1.0"}')],
      ['a JSON string', buffer('"Handle 0x0001, DMI type 1"')],
      ['binary junk with NUL bytes', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe])],
      ['a PDF', buffer('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')],
      ['broken JSON with no known keys', buffer('{"a": [1, 2,')],
      ['a huge line of text', buffer('A'.repeat(3_000_000))],
    ];
    for (const [what, content] of cases) {
      it(`when given ${what}, throws 415`, () => {
        expectAppError(() => parseHardwareReport(content), 415, 'UNSUPPORTED_FILE_TYPE');
      });
    }

    it('when given smartctl text output, says to use --json', () => {
      const error = expectAppError(
        () =>
          parseHardwareReport(
            buffer('smartctl 7.3 2022-02-28 r5338\n=== START OF INFORMATION SECTION ===\nDevice Model: X\n'),
          ),
        415,
        'UNSUPPORTED_FILE_TYPE',
      );
      expect(error.message).to.contain('--json');
    });

    it('when given an nwipe log, says it belongs with sanitization records', () => {
      const error = expectAppError(
        () =>
          parseHardwareReport(
            buffer("[2024/03/15 10:22:01] nwipe: notice: Invoking method 'DoD Short' on device '/dev/sda'\n"),
          ),
        415,
        'UNSUPPORTED_FILE_TYPE',
      );
      expect(error.message).to.contain('nwipe');
    });
  });

  describe('a recognised format that is corrupt or empty gives 422 REPORT_INVALID', () => {
    it('when smartctl JSON is cut short, names the format in the details', () => {
      const text = fixture('smartctl-hdd-failing.json').toString('utf8');
      const error = expectAppError(() => parseHardwareReport(buffer(text.slice(0, 400))), 422, 'REPORT_INVALID');
      expect(error.details).to.include({ format: 'smartctl' });
    });

    it('when an eReuse snapshot is cut short, reports it as a corrupt snapshot', () => {
      const text = fixture('workbench11-snapshot.json').toString('utf8');
      const error = expectAppError(() => parseHardwareReport(buffer(text.slice(0, 300))), 422, 'REPORT_INVALID');
      expect(error.details).to.include({ format: 'eReuse snapshot' });
    });

    it('when lshw JSON is cut short, reports it as corrupt lshw', () => {
      const text = fixture('lshw-desktop.json').toString('utf8');
      const error = expectAppError(() => parseHardwareReport(buffer(text.slice(0, 1200))), 422, 'REPORT_INVALID');
      expect(error.details).to.include({ format: 'lshw' });
    });

    it('when a Snapshot has neither data nor device and components, throws 422', () => {
      expectAppError(
        () => parseHardwareReport(buffer('{"type":"Snapshot","software":"Workbench","version":"1"}')),
        422,
        'REPORT_INVALID',
      );
    });

    it('when the only smartctl entry has no serial, throws 422 and keeps the warning in the details', () => {
      const entry = {
        json_format_version: [1, 0],
        device: { name: '/dev/sdc', protocol: 'ATA' },
        smart_status: { passed: true },
      };
      const error = expectAppError(() => parseHardwareReport(buffer(JSON.stringify(entry))), 422, 'REPORT_INVALID');
      expect((error.details as { warnings: string[] }).warnings[0]).to.match(
        /^Skipped the smartctl entry for \/dev\/sdc/,
      );
    });

    it('when dmidecode output holds only placeholders, throws 422', () => {
      const text =
        'Handle 0x0001, DMI type 1, 27 bytes\nSystem Information\n\tManufacturer: To Be Filled By O.E.M.\n' +
        '\tProduct Name: To Be Filled By O.E.M.\n\tSerial Number: Default string\n';
      expectAppError(() => parseHardwareReport(buffer(text)), 422, 'REPORT_INVALID');
    });

    it('when an lshw tree has no usable node, throws 422', () => {
      expectAppError(
        () => parseHardwareReport(buffer('{"id":"x","class":"system","children":[]}')),
        422,
        'REPORT_INVALID',
      );
    });
  });
});
