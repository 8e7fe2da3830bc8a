import { expect } from 'chai';
import { parseHardwareReport } from '../../server/modules/hardware/index.js';
import { fixture } from './hardware.fixtures.js';

describe('lshw parser', () => {
  describe('when given a desktop with a SATA disk, a DVD writer and an empty card reader', () => {
    const report = parseHardwareReport(fixture('lshw-desktop.json'));

    it('reads the machine and drops the SKU lshw appends to the product name', () => {
      expect(report.device).to.deep.equal({
        manufacturer: 'HP',
        model: 'HP EliteDesk 800 G2 SFF',
        serialNumber: 'CZC6282XYZ',
        type: 'desktop',
        cpu: 'Intel(R) Core(TM) i5-6500 CPU @ 3.20GHz',
        ramGb: 16,
      });
    });

    it('returns only the hard disk, as an HDD from its rpm capability', () => {
      expect(report.drives).to.deep.equal([
        {
          serialNumber: 'Z3TABCDE',
          model: 'ST500DM002-1BD14',
          mediaType: 'hdd',
          capacityBytes: 500107862016,
          smartPassed: null,
          powerOnHours: null,
          reallocatedSectors: null,
          pendingSectors: null,
        },
      ]);
    });

    it('explains in warnings why the optical drive and the card reader were skipped', () => {
      expect(report.warnings).to.deep.equal([
        'Skipped the optical drive /dev/cdrom (hp HLDS DVDRW GUD1N): it holds no user data to sanitize.',
        'Skipped /dev/sdb (Generic- SD/MMC Reader): it has no medium (an empty card reader slot or removable drive).',
      ]);
    });
  });

  describe('when given the array form from a white-box PC with an NVMe drive', () => {
    const report = parseHardwareReport(fixture('lshw-array-whitebox.json'));

    it('treats the O.E.M. placeholders as missing and rounds the kernel memory total to whole gigabytes', () => {
      expect(report.device).to.deep.equal({
        manufacturer: null,
        model: null,
        serialNumber: null,
        type: 'desktop',
        cpu: 'AMD Ryzen 5 2600 Six-Core Processor',
        ramGb: 8,
      });
    });

    it('joins the NVMe controller (serial, model) and its namespace (size) into one drive', () => {
      expect(report.drives).to.deep.equal([
        {
          serialNumber: '50026B7683A1B2C3',
          model: 'KINGSTON SA2000M8250G',
          mediaType: 'nvme',
          capacityBytes: 250059350016,
          smartPassed: null,
          powerOnHours: null,
          reallocatedSectors: null,
          pendingSectors: null,
        },
      ]);
      expect(report.warnings).to.deep.equal([]);
    });
  });

  it('when a disk has a size but no serial, skips it with a warning naming the device', () => {
    const tree = {
      id: 'pc',
      class: 'system',
      vendor: 'Acme',
      serial: 'ACME-1',
      children: [{ id: 'disk', class: 'disk', product: 'USB DISK 2.0', logicalname: '/dev/sdb', size: 15728640000 }],
    };
    const report = parseHardwareReport(Buffer.from(JSON.stringify(tree)));
    expect(report.drives).to.have.length(0);
    expect(report.warnings).to.deep.equal([
      'Skipped /dev/sdb (USB DISK 2.0) because lshw shows no serial number (usually a USB bridge or card reader).',
    ]);
  });

  it('when the chassis is missing, takes the device type from the root description', () => {
    const tree = {
      id: 'pc',
      class: 'system',
      description: 'Notebook',
      vendor: 'Acme',
      product: 'Book 14',
      serial: 'AB-12',
    };
    expect(parseHardwareReport(Buffer.from(JSON.stringify(tree))).device.type).to.equal('laptop');
  });
});
