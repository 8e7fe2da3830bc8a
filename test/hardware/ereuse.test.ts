import { expect } from 'chai';
import { parseHardwareReport } from '../../server/modules/hardware/index.js';
import { fixture } from './hardware.fixtures.js';

describe('eReuse Workbench snapshots', () => {
  describe('workbench-script (smartctl as a JSON string, dmidecode text)', () => {
    const report = parseHardwareReport(fixture('workbench-script-snapshot.json'));

    it('reads the machine from the embedded dmidecode text', () => {
      expect(report.device).to.deep.equal({
        manufacturer: 'Dell Inc.',
        model: 'OptiPlex 7050',
        serialNumber: '7QJ8XK2',
        type: 'desktop',
        cpu: 'Intel(R) Core(TM) i5-7500 CPU @ 3.40GHz',
        ramGb: 8,
      });
    });

    it('reads the drive from the embedded smartctl string and warns about the USB bridge', () => {
      expect(report.drives).to.deep.equal([
        {
          serialNumber: 'X6HBK2ABCDE',
          model: 'TOSHIBA DT01ACA050',
          mediaType: 'hdd',
          capacityBytes: 500107862016,
          smartPassed: true,
          powerOnHours: 28011,
          reallocatedSectors: 0,
          pendingSectors: 0,
        },
      ]);
      expect(report.warnings).to.have.length(1);
      expect(report.warnings[0]).to.contain('/dev/sdb').and.contain('Unknown USB bridge');
      expect(report.erasures).to.deep.equal([]);
    });

    it('when data.smartctl is not valid JSON, still reads dmidecode and warns that drives were not read', () => {
      const snapshot = JSON.parse(fixture('workbench-script-snapshot.json').toString('utf8')) as {
        data: { smartctl: string };
      };
      snapshot.data.smartctl = '[{"device": {"name": "/dev/sda"';
      const broken = parseHardwareReport(Buffer.from(JSON.stringify(snapshot)));
      expect(broken.device.serialNumber).to.equal('7QJ8XK2');
      expect(broken.drives).to.deep.equal([]);
      expect(broken.warnings).to.deep.equal([
        'The snapshot\'s "smartctl" section is not valid smartctl JSON, so its drives could not be read.',
      ]);
    });
  });

  describe('legacy Workbench (data.lshw, data.smart, data.dmidecode)', () => {
    const report = parseHardwareReport(fixture('workbench-legacy-snapshot.json'));

    it('prefers dmidecode for identity and fills CPU and RAM from lshw', () => {
      expect(report.device).to.deep.equal({
        manufacturer: 'LENOVO',
        model: 'ThinkPad T480s',
        serialNumber: 'PF1KX9AB',
        type: 'laptop',
        cpu: 'Intel(R) Core(TM) i5-8350U CPU @ 1.70GHz',
        ramGb: 24,
      });
    });

    it('merges the smartctl and lshw views of the same SSD into one drive', () => {
      expect(report.drives).to.deep.equal([
        {
          serialNumber: 'S414NB0K654321A',
          model: 'Samsung SSD 860 EVO M.2 500GB',
          mediaType: 'ssd',
          capacityBytes: 500107862016,
          smartPassed: true,
          powerOnHours: 7312,
          reallocatedSectors: 2,
          pendingSectors: 0,
        },
      ]);
      expect(report.warnings).to.deep.equal([]);
    });
  });

  describe('Workbench 11 (normalised device and components)', () => {
    const report = parseHardwareReport(fixture('workbench11-snapshot.json'));

    it('reads the device, taking the type from the chassis and RAM from the modules (MiB)', () => {
      expect(report.device).to.deep.equal({
        manufacturer: 'ASUSTeK Computer INC.',
        model: '1001PXD',
        serialNumber: 'A1NX0BC012345',
        type: 'laptop',
        cpu: 'Intel Atom CPU N455 @ 1.66GHz',
        ramGb: 1,
      });
    });

    it('reads drives with sizes in megabytes and SMART values from their TestDataStorage action', () => {
      expect(report.drives).to.deep.equal([
        {
          serialNumber: '50026B724B0C1D2E',
          model: 'SV300S37A120G',
          mediaType: 'ssd',
          capacityBytes: 120000000000,
          smartPassed: true,
          powerOnHours: 3120,
          reallocatedSectors: 0,
          pendingSectors: 0,
        },
        {
          serialNumber: '100709PBN40017ABCDEF',
          model: 'HTS545032B9A300',
          mediaType: 'hdd',
          capacityBytes: 320000000000,
          smartPassed: false,
          powerOnHours: 21877,
          reallocatedSectors: 310,
          pendingSectors: 24,
        },
      ]);
    });

    it('turns EraseBasic and EraseSectors actions into clear/overwrite erasures; a step in error fails the erasure', () => {
      expect(report.erasures).to.deep.equal([
        {
          driveSerial: '50026B724B0C1D2E',
          method: 'clear',
          technique: 'overwrite',
          tool: 'Workbench 11.0b9',
          passes: 1,
          verification: 'none',
          result: 'passed',
          startedAt: '2019-05-14T08:31:02.114Z',
          finishedAt: '2019-05-14T08:52:40.901Z',
        },
        {
          driveSerial: '100709PBN40017ABCDEF',
          method: 'clear',
          technique: 'overwrite',
          tool: 'Workbench 11.0b9',
          passes: 2,
          verification: 'last_pass',
          result: 'failed',
          startedAt: '2019-05-14T08:31:03.001Z',
          finishedAt: '2019-05-14T09:58:12.417Z',
        },
      ]);
    });

    it('skips the serial-less card reader with a warning', () => {
      expect(report.warnings).to.deep.equal([
        'Skipped a HardDrive (Flash Reader) because the snapshot gives no serial number; its erasures, if any, were skipped too.',
      ]);
    });
  });
});
