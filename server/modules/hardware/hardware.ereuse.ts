// eReuse Workbench snapshots that wrap raw tool output: workbench-script (`data.smartctl` is a JSON string
// of an array, `data.dmidecode` text, `data.inxi`) and the older Workbench (`data.lshw` object, `data.smart`
// array, `data.dmidecode`). Workbench 11 snapshots are normalised and have their own parser.
import { looksLikeDmidecode, parseDmidecode } from './hardware.dmidecode.js';
import { asArray, asObject, asString, isObject, tryParseJson, type JsonObject } from './hardware.json.js';
import { parseLshw } from './hardware.lshw.js';
import { looksLikeLshw } from './hardware.lshw-tree.js';
import { emptyResult, mergeResults, type SourceResult } from './hardware.merge.js';
import { parseSmartctl } from './hardware.smartctl.js';
import { looksLikeWorkbench11 } from './hardware.workbench11.js';

export type SnapshotKind = 'workbench-script' | 'workbench-legacy' | 'workbench11' | 'unknown-snapshot';

export function isSnapshot(value: unknown): value is JsonObject {
  return isObject(value) && (value.type === 'Snapshot' || value['@type'] === 'Snapshot');
}

export function snapshotKind(snapshot: JsonObject): SnapshotKind {
  if (looksLikeWorkbench11(snapshot)) return 'workbench11';
  const data = asObject(snapshot.data);
  if (data === undefined) return 'unknown-snapshot';
  if ('smartctl' in data || 'disks' in data || 'inxi' in data) return 'workbench-script';
  if ('lshw' in data || 'smart' in data || 'dmidecode' in data) return 'workbench-legacy';
  return 'unknown-snapshot';
}

/** A tool's output embedded either as JSON or as a JSON string (workbench-script stores strings). */
function embeddedJson(value: unknown): unknown {
  return typeof value === 'string' ? tryParseJson(value) : value;
}

function smartctlSection(data: JsonObject): SourceResult {
  const sections = ['smartctl', 'smart', 'disks'].filter((key) => data[key] !== undefined && data[key] !== '');
  const entries: unknown[] = [];
  const warnings: string[] = [];
  for (const key of sections) {
    const parsed = embeddedJson(data[key]);
    if (Array.isArray(parsed)) entries.push(...parsed);
    else if (isObject(parsed)) entries.push(parsed);
    else warnings.push(`The snapshot's "${key}" section is not valid smartctl JSON, so its drives could not be read.`);
  }
  const result = parseSmartctl(entries);
  return { ...result, warnings: [...warnings, ...result.warnings] };
}

function dmidecodeSection(data: JsonObject): SourceResult {
  const text = asString(data.dmidecode);
  if (text === undefined || text.trim() === '') return emptyResult();
  if (looksLikeDmidecode(text)) return parseDmidecode(text);
  return {
    ...emptyResult(),
    warnings: ['The snapshot\'s "dmidecode" section is not dmidecode output, so it was ignored.'],
  };
}

function lshwSection(data: JsonObject): SourceResult {
  const lshw = embeddedJson(data.lshw);
  if (lshw === undefined || lshw === '' || (isObject(lshw) && Object.keys(lshw).length === 0)) return emptyResult();
  if (looksLikeLshw(lshw)) return parseLshw(lshw);
  return { ...emptyResult(), warnings: ['The snapshot\'s "lshw" section is not lshw JSON, so it was ignored.'] };
}

/** dmidecode is trusted first for the machine, smartctl first for the drives; lshw fills what they miss. */
export function parseWorkbenchData(snapshot: JsonObject): SourceResult {
  const data = asObject(snapshot.data) ?? {};
  const merged = mergeResults([dmidecodeSection(data), smartctlSection(data), lshwSection(data)]);
  const eraseOutputs = asArray(snapshot.erase).length;
  if (eraseOutputs > 0) {
    merged.warnings.push(
      `The snapshot lists ${eraseOutputs} erase command output(s); they are not sanitization records ` +
        'because workbench-script does not record whether each erase succeeded. Upload the wipe log instead.',
    );
  }
  return merged;
}
