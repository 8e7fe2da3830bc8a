// Recognising a report from its content (never its file name): JSON documents by their keys, text by
// dmidecode's block headers.
import { UnprocessableError, UnsupportedTypeError } from '../../lib/errors.js';
import { looksLikeDmidecode } from './hardware.dmidecode.js';
import { isSnapshot, snapshotKind } from './hardware.ereuse.js';
import { isObject, MAX_JSON_DEPTH, nestingWithin, type JsonObject } from './hardware.json.js';
import { looksLikeLshw } from './hardware.lshw-tree.js';
import { looksLikeSmartctl } from './hardware.smartctl.js';

export type Detected =
  | { format: 'dmidecode'; text: string }
  | { format: 'lshw'; json: unknown }
  | { format: 'smartctl'; entries: unknown[] }
  | { format: 'workbench-script' | 'workbench-legacy' | 'workbench11'; snapshot: JsonObject };

const SUPPORTED = 'Upload the output of lshw -json, dmidecode, smartctl --json, or an eReuse Workbench snapshot.';

// Keys that identify a JSON report even when the document is cut short and cannot be parsed.
const JSON_MARKERS: ReadonlyArray<[string, RegExp]> = [
  ['eReuse snapshot', /"@?type"\s*:\s*"Snapshot"/],
  ['smartctl', /"json_format_version"|"smartctl"\s*:\s*\{|"smart_status"\s*:/],
  ['lshw', /"class"\s*:\s*"(system|bus|memory|processor|disk|storage|bridge)"/],
];

function unsupported(message: string): UnsupportedTypeError {
  return new UnsupportedTypeError('UNSUPPORTED_FILE_TYPE', `${message} ${SUPPORTED}`);
}

function decodeText(content: Buffer): string {
  const head = content.subarray(0, 8192);
  if (head.includes(0)) throw unsupported('The file is binary, not a hardware report.');
  return content.toString('utf8').replace(/^\uFEFF/, '');
}

/** Parsed JSON; undefined when the text is not JSON and shows no sign of a JSON report (it may be text). */
function parseJsonOrExplain(text: string): { json: unknown } | undefined {
  if (!nestingWithin(text)) {
    throw new UnprocessableError(
      'REPORT_INVALID',
      `The JSON document is nested more than ${MAX_JSON_DEPTH} levels deep; ` + 'no hardware report is.',
      { format: 'JSON', maxDepth: MAX_JSON_DEPTH },
    );
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    const head = text.slice(0, 65536);
    const known = JSON_MARKERS.find(([, marker]) => marker.test(head));
    if (known === undefined) return undefined;
    const reason = error instanceof Error ? error.message : 'unreadable JSON';
    throw new UnprocessableError('REPORT_INVALID', `The ${known[0]} report is truncated or corrupt JSON.`, {
      format: known[0],
      reason,
    });
  }
}

function classifyJson(json: unknown): Detected {
  if (isSnapshot(json)) {
    const kind = snapshotKind(json);
    if (kind === 'unknown-snapshot') {
      throw new UnprocessableError(
        'REPORT_INVALID',
        'The eReuse snapshot has neither raw tool data (data.*) nor device and components.',
        { format: 'eReuse snapshot' },
      );
    }
    return { format: kind, snapshot: json };
  }
  if (looksLikeSmartctl(json)) return { format: 'smartctl', entries: [json] };
  if (Array.isArray(json) && json.length > 0 && json.every(isObject) && json.some(looksLikeSmartctl)) {
    return { format: 'smartctl', entries: json };
  }
  if (looksLikeLshw(json)) return { format: 'lshw', json };
  throw unsupported('The JSON document is not a hardware report Nimah knows.');
}

function classifyText(text: string): Detected {
  if (looksLikeDmidecode(text)) return { format: 'dmidecode', text };
  if (text.startsWith('%PDF')) throw unsupported('The file is a PDF, not a hardware report.');
  if (/=== START OF INFORMATION SECTION ===/.test(text)) {
    throw unsupported("This is smartctl's text output; run smartctl with --json instead.");
  }
  if (/\bnwipe\b/.test(text.slice(0, 65536)) && /^\[\d{4}\/\d\d\/\d\d /m.test(text)) {
    throw unsupported('This is an nwipe wipe log; upload it as a sanitization record, not a hardware report.');
  }
  throw unsupported('The file is not a hardware report Nimah knows.');
}

export function detectFormat(content: Buffer): Detected {
  if (!Buffer.isBuffer(content) || content.length === 0) throw unsupported('The file is empty.');
  const text = decodeText(content);
  const start = text.trimStart().charAt(0);
  // Text reports can start with a bracket too (nwipe logs start "[2024/03/15 …]"), so only parsed JSON is JSON.
  const parsed = start === '{' || start === '[' ? parseJsonOrExplain(text) : undefined;
  return parsed ? classifyJson(parsed.json) : classifyText(text);
}
