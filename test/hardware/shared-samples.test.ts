// Runs the parsers over the real tool outputs in ../shared/samples (public projects' files, kept outside this
// repository for licence reasons). The suite is skipped only when that folder is absent.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { parseHardwareReport, type ParsedDrive, type ParsedReport } from '../../server/modules/hardware/index.js';
import { expectAppError, repoRoot } from './hardware.fixtures.js';

const samplesDir = path.resolve(repoRoot, '..', 'shared', 'samples');
const sample = (relative: string): Buffer => fs.readFileSync(path.join(samplesDir, relative));
const parse = (relative: string): ParsedReport => parseHardwareReport(sample(relative));

const X1_NVME: ParsedDrive = {
  serialNumber: 'S35ANX0J401001',
  model: 'SAMSUNG MZVLW1T0HMLH-000L7',
  mediaType: 'nvme',
  capacityBytes: 1024209543168,
  smartPassed: true,
  powerOnHours: 6032,
  reallocatedSectors: null,
  pendingSectors: null,
};
const E7240_LITEON: ParsedDrive = {
  serialNumber: 'TW0XXM305508539G1361',
  model: 'LITEONIT LMT-256M6M mSATA 256GB',
  mediaType: 'ssd',
  capacityBytes: 256060514304,
  smartPassed: true,
  powerOnHours: null,
  reallocatedSectors: 0,
  pendingSectors: 0,
};
const E7240_SAMSUNG: ParsedDrive = {
  serialNumber: 'S33HNX0J203755R',
  model: 'Samsung SSD 850 EVO mSATA 500GB',
  mediaType: 'ssd',
  capacityBytes: 500107862016,
  smartPassed: true,
  powerOnHours: 17702,
  reallocatedSectors: 0,
  pendingSectors: 0,
};
const E7240_DEVICE = {
  manufacturer: 'Dell Inc.',
  model: 'Latitude E7240',
  serialNumber: '5CQ6VY1',
  type: 'laptop',
  cpu: 'Intel(R) Core(TM) i7-4600U CPU @ 2.10GHz',
  ramGb: 16,
};
const ZD0_WARNING =
  'Skipped the smartctl entry for /dev/zd0 because it has no serial number (smartctl said: /dev/zd0: ' +
  'Unable to detect device type); it is usually a USB bridge, a card reader or a device smartctl could not read.';

describe('shared real-world samples', function () {
  before(function () {
    if (!fs.existsSync(samplesDir)) this.skip();
  });

  it('parses every sample file to a report or a typed 415/422, never anything else', () => {
    const files = fs
      .readdirSync(samplesDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
    expect(files.length).to.be.above(10);
    for (const file of files) {
      try {
        const report = parseHardwareReport(fs.readFileSync(file));
        expect(report.format, file).to.be.a('string');
      } catch (error) {
        expect((error as { status?: number }).status, file).to.be.oneOf([415, 422]);
      }
    }
  });

  describe('Lenovo ThinkPad X1 Carbon 5th', () => {
    const X1_DEVICE = {
      manufacturer: 'LENOVO',
      model: 'ThinkPad X1 Carbon 5th',
      serialNumber: 'PF0QMY5N',
      type: 'laptop',
      cpu: 'Intel(R) Core(TM) i7-7500U CPU @ 2.70GHz',
      ramGb: 16,
    };

    it('dmidecode: the laptop, serial PF0QMY5N, 2 × 8192 MB of RAM', () => {
      expect(parse('hardware/lenovo-thinkpad-x1-carbon-5/dmidecode.txt')).to.deep.equal({
        format: 'dmidecode',
        device: X1_DEVICE,
        drives: [],
        erasures: [],
        warnings: [],
      });
    });

    it('lshw: the same laptop, its NVMe drive from controller + namespace, and the empty dock card reader slots skipped', () => {
      const report = parse('hardware/lenovo-thinkpad-x1-carbon-5/lshw.json');
      expect(report.format).to.equal('lshw');
      expect(report.device).to.deep.equal(X1_DEVICE);
      expect(report.drives).to.deep.equal([{ ...X1_NVME, smartPassed: null, powerOnHours: null }]);
      expect(report.warnings).to.deep.equal([
        'Skipped /dev/sda (Generic- SD/MMC): it has no medium (an empty card reader slot or removable drive).',
        'Skipped /dev/sdb (Generic- Micro SD/M2): it has no medium (an empty card reader slot or removable drive).',
      ]);
    });

    it('smartctl: the Samsung NVMe drive with its capacity, SMART status and hours', () => {
      const report = parse('hardware/lenovo-thinkpad-x1-carbon-5/smartctl-nvme0n1.json');
      expect(report.format).to.equal('smartctl');
      expect(report.drives).to.deep.equal([X1_NVME]);
    });
  });

  describe('Dell Latitude E7240', () => {
    it('dmidecode: the laptop, serial 5CQ6VY1, 16 GB', () => {
      expect(parse('hardware/dell-latitude-e7240/dmidecode.txt').device).to.deep.equal(E7240_DEVICE);
    });

    it('smartctl-0 and smartctl-1: the two mSATA SSDs', () => {
      expect(parse('hardware/dell-latitude-e7240/smartctl-0.json').drives).to.deep.equal([E7240_LITEON]);
      expect(parse('hardware/dell-latitude-e7240/smartctl-1.json').drives).to.deep.equal([E7240_SAMSUNG]);
    });

    it('smartctl-2: the entry with no model or serial is nothing usable on its own (422, warning in details)', () => {
      const error = expectAppError(() => parse('hardware/dell-latitude-e7240/smartctl-2.json'), 422, 'REPORT_INVALID');
      expect(error.details).to.deep.equal({ format: 'smartctl', warnings: [ZD0_WARNING] });
    });

    it('workbench-script snapshot: the same laptop, both SSDs, and a warning for the entry with no serial', () => {
      expect(parse('ereuse/workbench-script-snapshot.json')).to.deep.equal({
        format: 'workbench-script',
        device: E7240_DEVICE,
        drives: [E7240_LITEON, E7240_SAMSUNG],
        erasures: [],
        warnings: [ZD0_WARNING],
      });
    });
  });

  describe('Workbench 11 desktop with an erased hard drive', () => {
    let report: ParsedReport;
    before(() => {
      report = parse('ereuse/workbench11-snapshot-with-erasure.json');
    });

    it('reads the Lenovo ThinkCentre tower', () => {
      expect(report.format).to.equal('workbench11');
      expect(report.device).to.deep.equal({
        manufacturer: 'LENOVO',
        model: 'ThinkCentre M92P',
        serialNumber: 'AAAAAAAA',
        type: 'desktop',
        cpu: 'Intel Core i5-3470 CPU @ 3.20GHz',
        ramGb: 4,
      });
    });

    it('reads the Seagate hard drive with its SMART test', () => {
      expect(report.drives).to.deep.equal([
        {
          serialNumber: 'AAAAAAAA',
          model: 'ST3500418AS',
          mediaType: 'hdd',
          capacityBytes: 500_000_000_000,
          smartPassed: true,
          powerOnHours: 18720,
          reallocatedSectors: 0,
          pendingSectors: 0,
        },
      ]);
    });

    it('turns the EraseSectors action (StepZero + StepRandom) into one passed clear/overwrite erasure', () => {
      expect(report.erasures).to.deep.equal([
        {
          driveSerial: 'AAAAAAAA',
          method: 'clear',
          technique: 'overwrite',
          tool: 'Workbench 11.0b11',
          passes: 2,
          verification: 'last_pass',
          result: 'passed',
          startedAt: '2021-10-11T09:45:19.623Z',
          finishedAt: '2022-10-11T13:45:31.239Z',
        },
      ]);
      expect(report.warnings).to.deep.equal([]);
    });
  });

  describe('smartctl samples', () => {
    const expected: Array<[string, Partial<ParsedDrive>]> = [
      [
        'smartctl/smart-ata.json',
        {
          serialNumber: '9RK1XXXX',
          model: 'WDC WD140EDFZ-11A0VA0',
          mediaType: 'hdd',
          capacityBytes: 14000519643136,
          smartPassed: true,
          powerOnHours: 1730,
          reallocatedSectors: 0,
          pendingSectors: 0,
        },
      ],
      [
        'smartctl/smart-nvme.json',
        {
          serialNumber: 'BTNH93710FS91P0B',
          model: 'INTEL SSDPEKNW010T8',
          mediaType: 'nvme',
          capacityBytes: 1024209543168,
          smartPassed: true,
          powerOnHours: 2401,
          reallocatedSectors: null,
          pendingSectors: null,
        },
      ],
      [
        'smartctl/smart-scsi.json',
        {
          serialNumber: 'Z1Z5DWJK0000XXXXXXXX',
          model: 'SEAGATE ST4000NM0043',
          mediaType: 'hdd',
          capacityBytes: 4000787030016,
          smartPassed: true,
          powerOnHours: 43549,
          reallocatedSectors: 56,
          pendingSectors: null,
        },
      ],
    ];
    for (const [file, drive] of expected) {
      it(`${file}: ${drive.serialNumber}, ${drive.mediaType}, SMART passed, ${drive.powerOnHours} hours`, () => {
        const report = parse(file);
        expect(report.format).to.equal('smartctl');
        expect(report.drives).to.deep.equal([drive]);
        expect(report.warnings).to.deep.equal([]);
      });
    }

    it('smartctl/smart-sat.json (attributes only, no identity): 422, the drive is named in the warning', () => {
      const error = expectAppError(() => parse('smartctl/smart-sat.json'), 422, 'REPORT_INVALID');
      expect((error.details as { warnings: string[] }).warnings).to.deep.equal([
        'Skipped the smartctl entry for /dev/sdc because it has no serial number; it is usually a USB bridge, ' +
          'a card reader or a device smartctl could not read.',
      ]);
    });

    it("smartctl/smart-fail.json (smartctl could not open the disk): 422 quoting smartctl's error", () => {
      const error = expectAppError(() => parse('smartctl/smart-fail.json'), 422, 'REPORT_INVALID');
      expect((error.details as { warnings: string[] }).warnings[0]).to.contain('Open failed, Error=5');
    });
  });

  it('the CSV intake sheet and the README are not hardware reports (415)', () => {
    expectAppError(() => parse('csv/devicehub-placeholder.csv'), 415, 'UNSUPPORTED_FILE_TYPE');
    expectAppError(() => parse('README.md'), 415, 'UNSUPPORTED_FILE_TYPE');
  });
});
