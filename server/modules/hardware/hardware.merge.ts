// Combining what several tools say about one machine: a snapshot carries dmidecode, lshw and smartctl, each
// knowing part of the answer.
import { serialKey } from '../../lib/text.js';
import type { ParsedDevice, ParsedDrive, ParsedErasure } from './hardware.types.js';

/** What one parser extracted from one tool's output. */
export interface SourceResult {
  device: ParsedDevice;
  drives: ParsedDrive[];
  erasures: ParsedErasure[];
  warnings: string[];
}

export function emptyDevice(): ParsedDevice {
  return { manufacturer: null, model: null, serialNumber: null, type: null, cpu: null, ramGb: null };
}

export function emptyResult(): SourceResult {
  return { device: emptyDevice(), drives: [], erasures: [], warnings: [] };
}

/** Fields of `preferred` win; `fallback` fills only what `preferred` left null. */
function fillNulls<T extends object>(preferred: T, fallback: T): T {
  const merged = { ...preferred };
  for (const key of Object.keys(fallback) as Array<keyof T>) {
    if (merged[key] === null || merged[key] === undefined) merged[key] = fallback[key];
  }
  return merged;
}

/** Drives are the same physical drive when their serials match once case, spaces and dashes are ignored. */
function mergeDrives(lists: ParsedDrive[][]): ParsedDrive[] {
  const byKey = new Map<string, ParsedDrive>();
  for (const drive of lists.flat()) {
    const key = serialKey(drive.serialNumber);
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, drive);
      continue;
    }
    const merged = fillNulls(known, drive);
    // 'other' means the first source could not tell; a later source that knows the media type wins.
    if (known.mediaType === 'other') merged.mediaType = drive.mediaType;
    byKey.set(key, merged);
  }
  return [...byKey.values()];
}

/** Merges results in order of trust: the first result's values win over later ones. */
export function mergeResults(results: SourceResult[]): SourceResult {
  return {
    device: results.reduce((device, result) => fillNulls(device, result.device), emptyDevice()),
    drives: mergeDrives(results.map((result) => result.drives)),
    erasures: results.flatMap((result) => result.erasures),
    warnings: [...new Set(results.flatMap((result) => result.warnings))],
  };
}

/** True when the result says anything at all about the machine. */
export function hasUsableData(result: SourceResult): boolean {
  const deviceKnown = Object.values(result.device).some((value) => value !== null);
  return deviceKnown || result.drives.length > 0 || result.erasures.length > 0;
}
