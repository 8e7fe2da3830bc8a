import { expect } from 'chai';
import { AppError } from '../../server/lib/errors.js';
import { parseNwipeLog } from '../../server/modules/sanitization/sanitization.nwipe.js';
import { expectAppError } from '../helpers/errors.js';
import { fixtureNames, fixtureText } from '../helpers/fixtures.js';

const log = (name: string): string => fixtureText('nwipe', name);

/** A short modern log: options, one drive found and invoked, then the summary table. */
function miniLog(
  method: string,
  row: string,
  found = 'Found /dev/sda,  ATA, ST500DM002-1BD142,  500 GB, S/N=Z3TABCDE',
): string {
  return [
    '[2025/01/10 09:00:00]  notice:   banner   = nwipe 0.38',
    `[2025/01/10 09:00:00]  notice:   method   = ${method}`,
    '[2025/01/10 09:00:00]  notice:   verify   = 1 (last pass)',
    `[2025/01/10 09:00:01]  notice: ${found}`,
    `[2025/01/10 09:00:02]  notice: Invoking method '${method}' on /dev/${/\/dev\/(\S+?),/.exec(found)?.[1] ?? 'sda'}`,
    '********************************* Drive Status *********************************',
    '!   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number',
    '--------------------------------------------------------------------------------',
    row,
    '--------------------------------------------------------------------------------',
  ].join('\n');
}

describe('nwipe log parser', () => {
  it('when every drive was erased (DoD Short, verify last, blanked), returns both drives as passed with times', () => {
    expect(parseNwipeLog(log('all-erased-two-drives.log'))).to.deep.equal({
      tool: 'nwipe 0.35',
      method: 'clear',
      technique: 'overwrite',
      verification: 'last_pass',
      passes: 4,
      drives: [
        {
          serialNumber: 'S2ZYJ9CF613407',
          model: 'ST500LM012 HN-M500MBB',
          device: '/dev/sda',
          result: 'passed',
          startedAt: '2024-03-15T10:22:01',
          finishedAt: '2024-03-15T13:40:12',
        },
        {
          serialNumber: 'S3Z9NB0K123456X',
          model: 'Samsung SSD 860 EVO 250GB',
          device: '/dev/sdb',
          result: 'passed',
          startedAt: '2024-03-15T10:22:01',
          finishedAt: '2024-03-15T11:12:46',
        },
      ],
      warnings: [],
    });
  });

  it('when one drive shows -FAILED-, marks only that drive failed and counts 2 rounds + blank with all passes verified', () => {
    const parsed = parseNwipeLog(log('one-drive-failed.log'));
    expect({ tool: parsed.tool, verification: parsed.verification, passes: parsed.passes }).to.deep.equal({
      tool: 'nwipe 0.36',
      verification: 'all_passes',
      passes: 3,
    });
    expect(parsed.drives.map(({ serialNumber, result }) => ({ serialNumber, result }))).to.deep.equal([
      { serialNumber: 'WD-WCC2EUA12345', result: 'passed' },
      { serialNumber: 'TE85113Q0ABCDE', result: 'failed' },
    ]);
    expect(parsed.drives[1]).to.include({
      device: '/dev/sdb',
      startedAt: '2023-09-02T08:14:06',
      finishedAt: '2023-09-02T16:52:57',
    });
  });

  it('when the user aborted (UABORTED, older "nwipe: notice:" lines), returns the drive as aborted', () => {
    expect(parseNwipeLog(log('user-aborted.log'))).to.deep.equal({
      tool: 'nwipe 0.27',
      method: 'clear',
      technique: 'overwrite',
      verification: 'none',
      passes: 35,
      drives: [
        {
          serialNumber: 'Y3KBT1XYZ',
          model: 'TOSHIBA MQ01ABD1',
          device: '/dev/sda',
          result: 'aborted',
          startedAt: '2019-11-04T14:02:31',
          finishedAt: '2019-11-04T14:43:41',
        },
      ],
      warnings: [],
    });
  });

  it('when nwipe detected a hidden area (HPA/DCO), warns naming the drive, also for an indeterminate USB stick', () => {
    const parsed = parseNwipeLog(log('hidden-area-warning.log'));
    expect(parsed).to.include({
      tool: 'nwipe 0.37',
      method: 'clear',
      technique: 'overwrite',
      verification: 'last_pass',
      passes: 1,
    });
    expect(parsed.drives.map((drive) => drive.result)).to.deep.equal(['passed', 'passed']);
    expect(parsed.warnings).to.deep.equal([
      'nwipe found a hidden area (HPA/DCO) on /dev/sda (serial ZN15TA6Y): the hidden sectors were not erased.',
      'nwipe could not tell whether /dev/sdc (serial 4C530001230517113102) has a hidden area (HPA/DCO); ' +
        'hidden sectors may not have been erased.',
    ]);
  });

  describe('method mapping to NIST SP 800-88', () => {
    const cases: Array<[string, string, string]> = [
      ['Fill With Zeros', 'clear', 'overwrite'],
      ['Fill With Ones', 'clear', 'overwrite'],
      ['Quick Erase', 'clear', 'overwrite'],
      ['PRNG Stream', 'clear', 'overwrite'],
      ['DoD 5220.22-M', 'clear', 'overwrite'],
      ['DoD Short', 'clear', 'overwrite'],
      ['Gutmann Wipe', 'clear', 'overwrite'],
      ['RCMP TSSIT OPS-II', 'clear', 'overwrite'],
      ['HMG IS5 Enhanced', 'clear', 'overwrite'],
      ['Bruce Schneier 7-Pass', 'clear', 'overwrite'],
      ['BMB21-2019', 'clear', 'overwrite'],
      ['Secure Erase (ATA/NVMe)', 'purge', 'ata_secure_erase'],
      ['Secure Erase + PRNG + Verify', 'purge', 'ata_secure_erase'],
      ['Sanitize Crypto Erase (ATA/SCSI/NVMe)', 'purge', 'ata_sanitize'],
      ['Sanitize Block Erase (ATA/SCSI/NVMe)', 'purge', 'ata_sanitize'],
      ['Sanitize Overwrite (ATA/SCSI/NVMe)', 'purge', 'ata_sanitize'],
    ];
    const row = '       sda | Erased | 130 MB/s | 01:04:10 | ST500DM002-1BD14/Z3TABCDE';
    for (const [method, category, technique] of cases) {
      it(`when the method is "${method}" on an ATA drive, records ${category} / ${technique}`, () => {
        const parsed = parseNwipeLog(miniLog(method, row));
        expect({ method: parsed.method, technique: parsed.technique }).to.deep.equal({ method: category, technique });
        expect(parsed.warnings).to.deep.equal([]);
      });
    }

    it('when Sanitize Crypto Erase ran on an NVMe drive, records purge / nvme_sanitize without verification', () => {
      const parsed = parseNwipeLog(
        miniLog(
          'Sanitize Crypto Erase (ATA/SCSI/NVMe)',
          '   nvme0n1 | Erased | 1 GB/s | 00:00:09 | Samsung SSD 970 E/S4EVNX0N123456',
          'Found /dev/nvme0n1,  NVME, Samsung SSD 970 EVO Plus 500GB,  500 GB, S/N=S4EVNX0N123456',
        ),
      );
      expect(parsed).to.include({ method: 'purge', technique: 'nvme_sanitize', verification: 'none', passes: null });
      expect(parsed.drives[0]).to.include({ device: '/dev/nvme0n1', serialNumber: 'S4EVNX0N123456', result: 'passed' });
    });

    it('when Secure Erase ran on an NVMe drive, records nvme_format_crypto and explains why in a warning', () => {
      const parsed = parseNwipeLog(
        miniLog(
          'Secure Erase (ATA/NVMe)',
          '   nvme0n1 | Erased | 1 GB/s | 00:00:21 | WDC PC SN520 SDAP/184902801234',
          'Found /dev/nvme0n1,  NVME, WDC PC SN520 SDAPNUW-256G-1006,  256 GB, S/N=184902801234',
        ),
      );
      expect(parsed.technique).to.equal('nvme_format_crypto');
      expect(parsed.warnings[0]).to.contain('Secure Erase Setting 1');
    });

    it('when HMG IS5 Enhanced ran with verification off, still records last-pass verification (IS5 always verifies)', () => {
      const text = miniLog(
        'HMG IS5 Enhanced',
        '       sda | Erased | 130 MB/s | 01:04:10 | ST500DM002-1BD14/Z3TABCDE',
      ).replace('verify   = 1 (last pass)', 'verify   = 0 (off)');
      expect(parseNwipeLog(text).verification).to.equal('last_pass');
    });

    it('when the run only verified zeros, records 0 passes and warns that nothing was erased', () => {
      const parsed = parseNwipeLog(
        miniLog('Verify Zeros (0x00)', '       sda | Erased | 130 MB/s | 00:30:00 | ST500DM002-1BD14/Z3TABCDE'),
      );
      expect(parsed.passes).to.equal(0);
      expect(parsed.warnings).to.deep.equal([
        'The log records a verification-only run ("Verify Zeros (0x00)"): it checked the drives but erased nothing.',
      ]);
    });

    it('when the method is one nwipe may add later, records clear / overwrite and says so', () => {
      const parsed = parseNwipeLog(
        miniLog('Tachyon Scramble', '       sda | Erased | 130 MB/s | 00:30:00 | ST500DM002-1BD14/Z3TABCDE'),
      );
      expect(parsed).to.include({ method: 'clear', technique: 'overwrite' });
      expect(parsed.warnings[0]).to.contain('"Tachyon Scramble" is not one Nimah knows');
    });
  });

  it('when serials were anonymised with -q, returns null serials with a warning per drive', () => {
    const parsed = parseNwipeLog(
      miniLog(
        'DoD Short',
        '       sda | Erased | 130 MB/s | 01:04:10 | ST500DM002-1BD14/XXXXXXXXXXXXXXX',
        'Found /dev/sda,  ATA, ST500DM002-1BD142,  500 GB, S/N=XXXXXXXXXXXXXXX',
      ),
    );
    expect(parsed.drives[0].serialNumber).to.equal(null);
    expect(parsed.warnings).to.deep.equal(['nwipe logged no serial number for /dev/sda; match it to a drive by hand.']);
  });

  it('when the summary status is INSANITY, records the drive as failed and says so', () => {
    const parsed = parseNwipeLog(
      miniLog('DoD Short', '       sda |INSANITY| 130 MB/s | 01:04:10 | ST500DM002-1BD14/Z3TABCDE'),
    );
    expect(parsed.drives[0].result).to.equal('failed');
    expect(parsed.warnings).to.deep.equal(['nwipe reported status "INSANITY" for /dev/sda; it is recorded as failed.']);
  });

  it('when a log holds two appended runs, keeps the last result per drive and warns about the different methods', () => {
    const first = miniLog('DoD Short', '!      sda |-FAILED-| 130 MB/s | 01:04:10 | ST500DM002-1BD14/Z3TABCDE');
    const second = miniLog(
      'PRNG Stream',
      '       sda | Erased | 130 MB/s | 00:40:00 | ST500DM002-1BD14/Z3TABCDE',
    ).replaceAll('2025/01/10', '2025/01/11');
    const parsed = parseNwipeLog(`${first}\n${second}\n`);
    expect(parsed.drives).to.have.length(1);
    expect(parsed.drives[0]).to.include({
      result: 'passed',
      startedAt: '2025-01-11T09:00:02',
      finishedAt: '2025-01-11T09:40:02',
    });
    expect(parsed.warnings[0]).to.contain('different methods (DoD Short, PRNG Stream)');
  });

  describe('errors', () => {
    const notNwipe: Array<[string, string]> = [
      ['an empty text', ''],
      ['a dmidecode dump', 'Handle 0x0001, DMI type 1, 27 bytes\nSystem Information\n\tManufacturer: Dell Inc.\n'],
      ['a JSON document', '{"type":"Snapshot"}'],
      ['a syslog without nwipe', '[2024/03/15 10:22:01] kernel: sd 0:0:0:0: [sda] 976773168 512-byte logical blocks'],
      ['binary junk', '\u0000\u0001\u0002[2024/03/15 10:22:01] nwipe'],
      ['a huge line', 'x'.repeat(2_000_000)],
    ];
    for (const [what, text] of notNwipe) {
      it(`when given ${what}, throws 415 UNSUPPORTED_FILE_TYPE`, () => {
        expectAppError(() => parseNwipeLog(text), 415, 'UNSUPPORTED_FILE_TYPE');
      });
    }

    it('when given a value that is not a string at all, throws 415 rather than a TypeError', () => {
      expectAppError(() => parseNwipeLog(null as unknown as string), 415, 'UNSUPPORTED_FILE_TYPE');
      expectAppError(() => parseNwipeLog(Buffer.from('x') as unknown as string), 415, 'UNSUPPORTED_FILE_TYPE');
    });

    it('when the log stops before the Drive Status summary, throws 422 NWIPE_LOG_INCOMPLETE listing the devices', () => {
      const text = log('all-erased-two-drives.log');
      const cut = text.slice(0, text.indexOf('********************************* Drive Status'));
      const error = expectAppError(() => parseNwipeLog(cut), 422, 'NWIPE_LOG_INCOMPLETE');
      expect(error.details).to.deep.equal({ devices: ['/dev/sda', '/dev/sdb'] });
    });

    it('when any fixture is cut at about 100 points, gives a result, 415 or 422, never another error', () => {
      for (const name of fixtureNames('nwipe')) {
        const text = log(name);
        for (let cut = 0; cut < text.length; cut += Math.max(1, Math.floor(text.length / 97))) {
          try {
            parseNwipeLog(text.slice(0, cut));
          } catch (error) {
            expect(error, `${name} cut at ${cut}`).to.be.instanceOf(AppError);
            expect((error as AppError).status).to.be.oneOf([415, 422]);
          }
        }
      }
    });
  });
});
