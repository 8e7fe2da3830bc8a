import { expect } from 'chai';
import { parseHardwareReport } from '../../server/modules/hardware/index.js';
import { fixture } from './hardware.fixtures.js';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const base = { json_format_version: [1, 0], smartctl: { version: [7, 3], exit_status: 0 } };

describe('smartctl --json parser', () => {
  it('when a hard disk fails its self-assessment, reports SMART failed with its sector counts', () => {
    const report = parseHardwareReport(fixture('smartctl-hdd-failing.json'));
    expect(report.drives).to.deep.equal([
      {
        serialNumber: 'WD-WCC6Y4KJ1234',
        model: 'WDC WD10EZEX-08WN4A0',
        mediaType: 'hdd',
        capacityBytes: 1000204886016,
        smartPassed: false,
        powerOnHours: 41830,
        reallocatedSectors: 1880,
        pendingSectors: 48,
      },
    ]);
    expect(report.device).to.deep.equal({
      manufacturer: null,
      model: null,
      serialNumber: null,
      type: null,
      cpu: null,
      ramGb: null,
    });
  });

  describe('when given an array of outputs (NVMe, SATA SSD, USB bridge)', () => {
    const report = parseHardwareReport(fixture('smartctl-array-mixed.json'));

    it('sums NVMe namespaces when nvme_total_capacity is absent and reads hours from the NVMe health log', () => {
      expect(report.drives[0]).to.deep.equal({
        serialNumber: '184902801234',
        model: 'WDC PC SN520 SDAPNUW-256G-1006',
        mediaType: 'nvme',
        capacityBytes: 256060514304,
        smartPassed: true,
        powerOnHours: 5120,
        reallocatedSectors: null,
        pendingSectors: null,
      });
    });

    it('reads packed attribute 9 from its text and uses attribute 187 when 197 and 198 are missing', () => {
      expect(report.drives[1]).to.deep.equal({
        serialNumber: '50026B7782C3D4E5',
        model: 'KINGSTON SA400S37240G',
        mediaType: 'ssd',
        capacityBytes: 240057409536,
        smartPassed: true,
        powerOnHours: 9874,
        reallocatedSectors: null,
        pendingSectors: 3,
      });
    });

    it('leaves the serial-less USB bridge out of the drives and says why', () => {
      expect(report.drives).to.have.length(2);
      expect(report.warnings).to.deep.equal([
        'Skipped the smartctl entry for /dev/sdb because it has no serial number (smartctl said: /dev/sdb: Unknown USB ' +
          'bridge [0x0bda:0x0129 (0x3960)]); it is usually a USB bridge, a card reader or a device smartctl could not read.',
      ]);
    });
  });

  it('when an NVMe output has nvme_total_capacity, prefers it over the namespaces', () => {
    const entry = {
      ...base,
      device: { name: '/dev/nvme0', type: 'nvme', protocol: 'NVMe' },
      model_name: 'Samsung SSD 970 EVO Plus 500GB',
      serial_number: 'S4EVNX0N123456',
      nvme_total_capacity: 500107862016,
      nvme_namespaces: [{ id: 1, size: { bytes: 400000000000 } }],
      power_on_time: { hours: 77 },
    };
    expect(parseHardwareReport(json(entry)).drives[0]).to.include({
      capacityBytes: 500107862016,
      mediaType: 'nvme',
      powerOnHours: 77,
    });
  });

  it('when 197 is absent but 198 is present, uses 198 for pending sectors', () => {
    const entry = {
      ...base,
      device: { name: '/dev/sda', protocol: 'ATA' },
      serial_number: 'ABC123',
      rotation_rate: 5400,
      ata_smart_attributes: {
        table: [
          { id: 198, raw: { value: 7, string: '7' } },
          { id: 187, raw: { value: 2, string: '2' } },
        ],
      },
    };
    expect(parseHardwareReport(json(entry)).drives[0]).to.include({ pendingSectors: 7, mediaType: 'hdd', model: null });
  });

  it('when the device is an eMMC (mmcblk), reports media type emmc', () => {
    const entry = {
      ...base,
      device: { name: '/dev/mmcblk0', protocol: 'ATA' },
      model_name: 'DF4064',
      serial_number: '0x1a2b3c4d',
    };
    expect(parseHardwareReport(json(entry)).drives[0].mediaType).to.equal('emmc');
  });

  it('when the rotation rate is unknown and the model says SSD, reports ssd; otherwise other', () => {
    const ssd = {
      ...base,
      device: { name: '/dev/sda' },
      model_name: 'Crucial CT500MX500SSD1 SSD',
      serial_number: '1904E1E0AAAA',
    };
    const unknown = { ...base, device: { name: '/dev/sdb' }, model_name: 'Generic Flash', serial_number: 'GF-0001' };
    const report = parseHardwareReport(json([ssd, unknown]));
    expect(report.drives.map((drive) => drive.mediaType)).to.deep.equal(['ssd', 'other']);
  });

  it('when a serial is all zeros, treats the entry as having no serial', () => {
    const entry = {
      ...base,
      device: { name: '/dev/sdd', protocol: 'SCSI' },
      model_name: 'Mass Storage',
      serial_number: '000000000000',
    };
    const good = { ...base, device: { name: '/dev/sda', protocol: 'ATA' }, serial_number: 'REAL-1', rotation_rate: 0 };
    const report = parseHardwareReport(json([good, entry]));
    expect(report.drives.map((drive) => drive.serialNumber)).to.deep.equal(['REAL-1']);
    expect(report.warnings[0]).to.match(/^Skipped the smartctl entry for \/dev\/sdd \(Mass Storage\)/);
  });

  it('when the same drive appears twice (controller and namespace), returns it once', () => {
    const a = {
      ...base,
      device: { name: '/dev/nvme0', protocol: 'NVMe' },
      serial_number: 'S35A-NX0J 401001',
      nvme_total_capacity: 1000,
    };
    const b = {
      ...base,
      device: { name: '/dev/nvme0n1', protocol: 'NVMe' },
      serial_number: 's35anx0j401001',
      power_on_time: { hours: 5 },
    };
    const report = parseHardwareReport(json([a, b]));
    expect(report.drives).to.have.length(1);
    expect(report.drives[0]).to.include({ serialNumber: 'S35A-NX0J 401001', capacityBytes: 1000, powerOnHours: 5 });
  });
});
