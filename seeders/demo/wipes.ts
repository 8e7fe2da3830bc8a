// Sanitization records for demo drives (NIST SP 800-88): the technique each medium calls for, a realistic run
// time, now and then a failed or aborted first run before the one that passed, and physical destruction for
// some hard disks bound for recycling.
import type { DeviceStatus } from '../../server/modules/devices/index.js';
import type { Sanitization } from '../../server/modules/sanitization/index.js';
import type { DrivePlan } from './plan.js';
import type { Random } from './random.js';
import type { Disposition } from '../../server/shared/index.js';

export interface WipeRecord {
  driveSerial: string;
  method: Sanitization['method'];
  technique: Sanitization['technique'];
  tool: string;
  passes?: number;
  verification: Sanitization['verification'];
  result: Sanitization['result'];
  notes?: string;
  /** Run time, and how long before the seeding the run ended (record times are not part of the hash chain). */
  durationMin: number;
  endedMinutesAgo: number;
  /** A second person (the manager) checked the result. */
  verified: boolean;
}

type Technique = Pick<WipeRecord, 'method' | 'technique' | 'tool' | 'passes' | 'verification'>;

const NWIPE: Technique = {
  method: 'clear',
  technique: 'overwrite',
  tool: 'nwipe 0.36',
  passes: 1,
  verification: 'last_pass',
};
const SHRED: Technique = {
  method: 'destroy',
  technique: 'shred',
  tool: 'SEM 0300 hard drive shredder',
  verification: 'none',
};
const SECURE_ERASE: Technique = {
  method: 'purge',
  technique: 'ata_secure_erase',
  tool: 'hdparm 9.65',
  verification: 'sampled',
};

function techniqueFor(drive: DrivePlan, r: Random): Technique {
  if (drive.mediaType === 'nvme') {
    return {
      method: 'purge',
      technique: r.pick(['nvme_sanitize', 'nvme_format_crypto'] as const),
      tool: 'nvme-cli 2.4',
      verification: 'sampled',
    };
  }
  return drive.mediaType === 'ssd' ? SECURE_ERASE : NWIPE;
}

/** An overwrite writes and reads back every byte at about 120 MB/s; firmware erases take minutes. */
function minutesFor(t: Technique, drive: DrivePlan, r: Random): number {
  if (t.technique === 'overwrite') return Math.round((2 * drive.capacityBytes) / 120e6 / 60);
  return t.technique === 'shred' ? 1 : r.int(1, 12);
}

export function wipeRecords(
  drives: DrivePlan[],
  disposition: Disposition | null,
  target: DeviceStatus,
  r: Random,
): WipeRecord[] {
  const records: WipeRecord[] = [];
  for (const drive of drives) {
    // Harvested drives become spare parts, so only recycled hard disks are shredded.
    const shred = drive.mediaType === 'hdd' && disposition === 'recycle' && target === 'recycled' && r.chance(0.5);
    const t = shred ? SHRED : techniqueFor(drive, r);
    const minutes = minutesFor(t, drive, r);
    const endedMinutesAgo = r.int(30, 600);
    if (!shred && r.chance(0.06)) records.push(firstRunGoneWrong(drive, t, minutes, endedMinutesAgo + minutes + 10, r));
    records.push({
      driveSerial: drive.serialNumber,
      ...t,
      result: 'passed',
      durationMin: minutes,
      endedMinutesAgo,
      verified: r.chance(0.2),
    });
  }
  return records;
}

function firstRunGoneWrong(
  drive: DrivePlan,
  t: Technique,
  minutes: number,
  endedMinutesAgo: number,
  r: Random,
): WipeRecord {
  const failed = t.technique === 'overwrite' && r.chance(0.5);
  return {
    driveSerial: drive.serialNumber,
    ...t,
    result: failed ? 'failed' : 'aborted',
    notes: failed ? 'Verification found non-zero sectors; re-run' : 'انقطع التيار أثناء المسح؛ أعيد التشغيل',
    durationMin: failed ? minutes : Math.max(1, Math.round(minutes / 3)),
    endedMinutesAgo,
    verified: false,
  };
}
