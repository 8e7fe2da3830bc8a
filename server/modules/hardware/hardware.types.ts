// Shapes of a parsed hardware report. Pure types with no runtime imports: the web client imports this file
// with `import type`, so it must stay free of server code.

import type { DeviceType, DriveDto, MediaType } from '../../shared/index.js';

export type { DeviceType, MediaType };

export type ReportFormat = 'lshw' | 'dmidecode' | 'smartctl' | 'workbench-script' | 'workbench-legacy' | 'workbench11';

/** NIST SP 800-88 techniques the sanitization records accept. */
export type SanitizationTechnique =
  | 'overwrite'
  | 'ata_secure_erase'
  | 'ata_sanitize'
  | 'nvme_sanitize'
  | 'nvme_format_crypto'
  | 'crypto_erase'
  | 'shred'
  | 'disintegrate'
  | 'degauss';

export interface ParsedDevice {
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  type: DeviceType | null;
  cpu: string | null;
  ramGb: number | null;
}

/** A drive as a report describes it: the stored drive's fields, before it has an id. */
export type ParsedDrive = Omit<DriveDto, 'id'>;

export interface ParsedErasure {
  driveSerial: string;
  method: 'clear' | 'purge' | 'destroy';
  technique: SanitizationTechnique;
  tool: string;
  passes: number | null;
  verification: 'none' | 'last_pass' | 'all_passes' | 'sampled';
  result: 'passed' | 'failed' | 'aborted';
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ParsedReport {
  format: ReportFormat;
  device: ParsedDevice;
  drives: ParsedDrive[];
  erasures: ParsedErasure[];
  warnings: string[];
}
