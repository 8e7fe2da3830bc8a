// What a parsed report may hold before it reaches the database. A hostile report can name a million drives or a
// RAM size of 1e300; the columns (INTEGER counters, FLOAT RAM, BIGINT bytes) would refuse such values with a
// database error, and a million rows would hold a transaction for minutes. Values out of range become unknown
// (null); more drives or erasures than any one machine has make the report invalid.
import { UnprocessableError } from '../../lib/errors.js';
import type { SourceResult } from './hardware.merge.js';
import type { ParsedDrive } from './hardware.types.js';

/** More than a storage server holds: a report listing more is not one machine's. */
export const MAX_DRIVES = 256;
const MAX_ERASURES = 4 * MAX_DRIVES;
/** Warnings returned with the report; the rest are counted in one last line. */
const MAX_WARNINGS = 50;
/** Largest value of the INTEGER counters (power-on hours, sector counts) on MariaDB and SQLite alike. */
const MAX_INT32 = 2 ** 31 - 1;
/** 64 TiB of RAM: larger is not a real machine. */
const MAX_RAM_GB = 65_536;

const withinInt32 = (value: number | null): number | null => (value !== null && value <= MAX_INT32 ? value : null);

function boundedDrive(drive: ParsedDrive): ParsedDrive {
  return {
    ...drive,
    capacityBytes:
      drive.capacityBytes !== null && Number.isSafeInteger(drive.capacityBytes) && drive.capacityBytes > 0
        ? drive.capacityBytes
        : null,
    powerOnHours: withinInt32(drive.powerOnHours),
    reallocatedSectors: withinInt32(drive.reallocatedSectors),
    pendingSectors: withinInt32(drive.pendingSectors),
  };
}

function boundedWarnings(warnings: string[]): string[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  return [
    ...warnings.slice(0, MAX_WARNINGS - 1),
    `…and ${warnings.length - MAX_WARNINGS + 1} more warnings like these.`,
  ];
}

/** The result with every value in range for storage; throws REPORT_INVALID when it lists too many drives. */
export function boundResult(result: SourceResult, format: string): SourceResult {
  if (result.drives.length > MAX_DRIVES || result.erasures.length > MAX_ERASURES) {
    throw new UnprocessableError(
      'REPORT_INVALID',
      `The ${format} report lists more than ${MAX_DRIVES} drives or ` +
        `${MAX_ERASURES} erasures: it is not the report of one machine.`,
      { format, drives: result.drives.length, erasures: result.erasures.length },
    );
  }
  const ramGb = result.device.ramGb;
  return {
    device: { ...result.device, ramGb: ramGb !== null && ramGb > 0 && ramGb <= MAX_RAM_GB ? ramGb : null },
    drives: result.drives.map(boundedDrive),
    erasures: result.erasures,
    warnings: boundedWarnings(result.warnings),
  };
}
