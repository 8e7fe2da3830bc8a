// nwipe / ShredOS text logs (`nwipe --logfile=…`). Lines read "[2024/03/15 10:22:01] notice: Invoking method
// 'DoD Short' on /dev/sda" (older versions prefix the level with "nwipe: "); the run ends with a "Drive Status"
// table whose rows read "  sda | Erased |  120 MB/s | 01:58:58 | ST1000DM003-1SB1/ZN15TA6Y", printed by
// nwipe_log_summary() in nwipe's logging.c. Times are the wiping machine's local time, without a zone, so
// they are returned as "YYYY-MM-DDTHH:MM:SS" with no offset.
import { UnprocessableError, UnsupportedTypeError } from '../../lib/errors.js';
import { runOffThread } from '../../lib/worker-pool.js';
import type { ParsedErasure, SanitizationTechnique } from '../hardware/index.js';

export interface NwipeDrive {
  serialNumber: string | null;
  model: string | null;
  device: string;
  result: 'passed' | 'failed' | 'aborted';
  startedAt: string | null;
  finishedAt: string | null;
}

export interface NwipeLog {
  tool: string;
  method: ParsedErasure['method'];
  technique: SanitizationTechnique;
  verification: ParsedErasure['verification'];
  passes: number | null;
  drives: NwipeDrive[];
  warnings: string[];
}

interface DriveFacts {
  path: string;
  bus: string | null;
  model: string | null;
  serial: string | null;
  startedAt: string | null;
}
interface SummaryRow {
  name: string;
  status: string;
  duration: string;
  modelSerial: string;
}

interface Facts {
  version: string | null;
  methodLabel: string | null;
  /** Every method named on an "Invoking method" line: an appended log can hold several runs. */
  invokedMethods: Set<string>;
  verify: string | null;
  rounds: number | null;
  passesPerRound: number;
  blanked: boolean;
  finalRandomPass: boolean;
  devices: Map<string, DriveFacts>;
  hidden: Map<string, 'detected' | 'indeterminate'>;
  rows: Map<string, SummaryRow>;
  /** Rows read since the last "Drive Status" header; -1 when not inside that table. */
  tableRows: number;
}

/** More drives than any machine Nimah handles holds: a log listing more is not one machine's wipe. */
const MAX_DRIVES = 256;

const TIMESTAMP =
  /^\[(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)\]\s*(?:nwipe:\s*)?(?:(?:debug|info|notice|warning|error|fatal|sanity):)?\s?/;

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** nwipe -q prints serials as XXXXXXXX; "?????" means it could not read one. */
function cleanSerial(value: string | undefined): string | null {
  const serial = (value ?? '').trim();
  return serial === '' || /^[X?]+$/i.test(serial) ? null : serial;
}

function deviceFacts(facts: Facts, path: string): DriveFacts {
  const known = facts.devices.get(basename(path));
  if (known) return known;
  const created: DriveFacts = { path, bus: null, model: null, serial: null, startedAt: null };
  facts.devices.set(basename(path), created);
  return created;
}

/** The summary footer abbreviates the verify setting. */
const VERIFY_CODES: Readonly<Record<string, string>> = { NV: 'off', VL: 'last pass', VA: 'all passes' };

type Match = ArrayLike<string>;
type Matcher = (message: string) => Match | null;
type Handler = (match: Match, facts: Facts, time: string | null) => void;

/** A matcher from a regular expression; only for patterns without overlapping quantifiers (linear on any line). */
const regex =
  (pattern: RegExp): Matcher =>
  (message) =>
    pattern.exec(message);

// The matchers below replace regular expressions that backtracked on hostile lines: the table row pattern
// (`\s*([^|]*?)\s*\|…`) took 5 s on one 2,042-character line of "a|" and spaces, and cubic time per line.
// They split on fixed separators instead, so a line costs time in proportion to its length.

/** "  sda | Erased |  120 MB/s | 01:58:58 | ST1000DM003-1SB1/ZN15TA6Y" → [line, name, status, duration, model/serial]. */
function tableRow(message: string): Match | null {
  if (!message.includes('|')) return null;
  const cells = message.split('|');
  if (cells.length < 5) return null;
  const first = cells[0].trim();
  const name = first.startsWith('!') && first.length > 1 ? first.slice(1).trimStart() : first;
  const duration = cells[3].trim();
  if (name === '' || /\s/.test(name) || !/^\d+:\d\d:\d\d$/.test(duration)) return null;
  return [message, name, cells[1].trim(), duration, cells.slice(4).join('|').replace(/^\s/, '')];
}

/** The table's footer repeats the run's settings: "Total Throughput 240 MB/s, DoD Short, 1R+B+VL" → label, rounds, verify. */
function throughputFooter(message: string): Match | null {
  const at = message.indexOf('Total Throughput ');
  const fields = at < 0 ? [] : message.slice(at).split(',');
  for (let i = 2; i < fields.length; i += 1) {
    const settings = /^\s*(\d+)R\+N?B\+(NV|VL|VA)/.exec(fields[i]);
    // The label is joined only where settings follow: joining at every comma was quadratic in the line's commas.
    const label = settings ? fields.slice(1, i).join(',').trimStart() : '';
    if (settings && label !== '') return [message, label, settings[1], settings[2]];
  }
  return null;
}

/** "Found /dev/sda,  ATA, ST500DM002,  500 GB, S/N=Z3TA" → [line, path, description, serial]. */
function foundDrive(message: string): Match | null {
  if (!message.startsWith('Found /')) return null;
  const comma = message.indexOf(',');
  const path = message.slice(6, comma);
  const rest = comma < 0 ? '' : message.slice(comma + 1).trimStart();
  const serialAt = /,\s*S\/N=/.exec(rest);
  if (comma < 0 || /\s/.test(path) || !serialAt) return null;
  return [message, path, rest.slice(0, serialAt.index), rest.slice(serialAt.index + serialAt[0].length)];
}

/** "*** HIDDEN SECTORS DETECTED ! *** on /dev/sda" → [line, kind, path]. */
function hiddenArea(message: string): Match | null {
  const kind = /HIDDEN (?:SECTORS|AREA) (DETECTED|INDETERMINATE)/i.exec(message);
  if (!kind) return null;
  const on = / on \//gi;
  on.lastIndex = kind.index + kind[0].length;
  const word = /\S*/y;
  for (let found = on.exec(message); found; found = on.exec(message)) {
    word.lastIndex = found.index + 4;
    const run = word.exec(message)?.[0] ?? '';
    // nwipe may put a comma after the device ("on /dev/sdc, Some USB adapters …").
    const path = run.endsWith(',') && run.length > 2 ? run.slice(0, -1) : run;
    if (path.length > 1) return [message, kind[1], path];
  }
  return null;
}

/** "method = DoD Short" → [line, label]. */
function methodSetting(message: string): Match | null {
  const key = /^\s*method\s*=/.exec(message);
  const value = key ? message.slice(key[0].length).trim() : '';
  return value === '' ? null : [message, value];
}

// Each log line is offered to these matchers in turn; the first that matches records what the line says.
const HANDLERS: ReadonlyArray<[Matcher, Handler]> = [
  [
    (message) => (message.includes('* Drive Status *') ? [message] : null),
    (_m, facts) => {
      facts.tableRows = 0;
    },
  ],
  [
    tableRow,
    (m, facts) => {
      if (facts.tableRows < 0) return;
      if (!facts.rows.has(m[1]) && facts.rows.size >= MAX_DRIVES) {
        throw new UnprocessableError(
          'NWIPE_LOG_INVALID',
          `The nwipe log lists more than ${MAX_DRIVES} drives; upload one log per machine.`,
          { limit: MAX_DRIVES },
        );
      }
      facts.rows.set(m[1], { name: m[1], status: m[2], duration: m[3], modelSerial: m[4] });
      facts.tableRows += 1;
    },
  ],
  [
    regex(/^-{20,}\s*$/),
    (_m, facts) => {
      if (facts.tableRows > 0) facts.tableRows = -1;
    },
  ],
  [
    throughputFooter,
    (m, facts) => {
      facts.tableRows = -1;
      facts.methodLabel ??= m[1];
      facts.rounds ??= Number(m[2]);
      facts.verify ??= VERIFY_CODES[m[3]] ?? null;
    },
  ],
  [
    regex(/^\s*banner\s*=\s*nwipe\s+v?(\d[\w.-]*)/),
    (m, facts) => {
      facts.version = m[1];
    },
  ],
  [
    methodSetting,
    (m, facts) => {
      facts.methodLabel = m[1];
    },
  ],
  [
    regex(/^\s*verify\s*=\s*\d+\s*\(([^)]+)\)/),
    (m, facts) => {
      facts.verify = m[1];
    },
  ],
  [
    regex(/^\s*rounds\s*=\s*(\d+)/),
    (m, facts) => {
      facts.rounds = Number(m[1]);
    },
  ],
  [
    foundDrive,
    (m, facts) => {
      const parts = m[2].split(',').map((part) => part.trim());
      const drive = deviceFacts(facts, m[1]);
      drive.bus = parts.length > 2 ? parts[0] : ((/^(\w+)\s/.exec(parts[0]) ?? [])[1] ?? null);
      drive.model =
        (parts.length > 2
          ? parts.slice(1, -1).join(', ')
          : parts[0].replace(/^(ATA|USB|SAS|SCSI|NVME|MMC|VIRT)\s+/i, '')) || null;
      drive.serial = cleanSerial(m[3]);
    },
  ],
  [
    regex(/^(\/\S+) has serial number (\S+)/),
    (m, facts) => {
      deviceFacts(facts, m[1]).serial ??= cleanSerial(m[2]);
    },
  ],
  [
    regex(/^Invoking method '(.+?)' on (?:device ')?(\/[^'\s]+)/),
    (m, facts, time) => {
      facts.methodLabel ??= m[1];
      facts.invokedMethods.add(m[1]);
      deviceFacts(facts, m[2]).startedAt = time;
    },
  ],
  [
    regex(/^Starting pass \d+\/(\d+), round \d+\/(\d+)/),
    (m, facts) => {
      facts.passesPerRound = Math.max(facts.passesPerRound, Number(m[1]));
      facts.rounds ??= Number(m[2]);
    },
  ],
  [
    regex(/^Blanking device /),
    (_m, facts) => {
      facts.blanked = true;
    },
  ],
  [
    regex(/^Writing final random pattern/),
    (_m, facts) => {
      facts.finalRandomPass = true;
    },
  ],
  [
    hiddenArea,
    (m, facts) => {
      facts.hidden.set(m[2], /DETECTED/i.test(m[1]) ? 'detected' : 'indeterminate');
    },
  ],
];

function splitLine(line: string): { time: string | null; message: string } {
  const match = TIMESTAMP.exec(line);
  if (!match) return { time: null, message: line };
  const [, y, mo, d, h, mi, s] = match;
  return { time: `${y}-${mo}-${d}T${h}:${mi}:${s}`, message: line.slice(match[0].length) };
}

function collectFacts(text: string): Facts {
  const facts: Facts = {
    version: null,
    methodLabel: null,
    invokedMethods: new Set(),
    verify: null,
    rounds: null,
    passesPerRound: 0,
    blanked: false,
    finalRandomPass: false,
    devices: new Map(),
    hidden: new Map(),
    rows: new Map(),
    tableRows: -1,
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.length > 2048) continue;
    const { time, message } = splitLine(line);
    for (const [matcher, handler] of HANDLERS) {
      const match = matcher(message);
      if (!match) continue;
      handler(match, facts, time);
      break;
    }
  }
  return facts;
}

interface MethodInfo {
  method: ParsedErasure['method'];
  technique: SanitizationTechnique;
  note?: string;
}

/** nwipe's firmware methods become NIST purge; every other nwipe method is a host overwrite, NIST clear. */
function methodInfo(label: string, buses: string[]): MethodInfo {
  const allNvme = buses.length > 0 && buses.every((bus) => /nvme/i.test(bus));
  const allAta = buses.length > 0 && buses.every((bus) => /^ata$/i.test(bus));
  if (/^sanitize crypto/i.test(label)) {
    return { method: 'purge', technique: allNvme ? 'nvme_sanitize' : allAta ? 'ata_sanitize' : 'crypto_erase' };
  }
  if (/^sanitize/i.test(label)) return { method: 'purge', technique: allNvme ? 'nvme_sanitize' : 'ata_sanitize' };
  if (/^secure erase/i.test(label) && !allNvme) return { method: 'purge', technique: 'ata_secure_erase' };
  if (/^secure erase/i.test(label)) {
    return {
      method: 'purge',
      technique: 'nvme_format_crypto',
      note:
        'nwipe runs Secure Erase on NVMe drives as an NVMe Format ' +
        'with Secure Erase Setting 1 (user data erase); it is recorded as nvme_format_crypto, the nearest technique Nimah knows.',
    };
  }
  const known = /zero|ones|prng|quick|dod|gutmann|ops-ii|is5|schneier|bmb21|verify/i.test(label);
  const note =
    label === 'unknown'
      ? 'The log names no wipe method; it is recorded as a host overwrite (NIST clear).'
      : `nwipe method "${label}" is not one Nimah knows; it is recorded as a host overwrite (NIST clear).`;
  return { method: 'clear', technique: 'overwrite', note: known ? undefined : note };
}

function verificationOf(facts: Facts, label: string): ParsedErasure['verification'] {
  if (/^sanitize|^secure erase$|^secure erase \(/i.test(label)) return 'none';
  if (/verify|is5/i.test(label) && !/all/i.test(facts.verify ?? '')) return 'last_pass';
  if (/all/i.test(facts.verify ?? '')) return 'all_passes';
  return /last/i.test(facts.verify ?? '') ? 'last_pass' : 'none';
}

function passesOf(facts: Facts): number | null {
  if (facts.passesPerRound === 0) return null;
  return facts.passesPerRound * (facts.rounds ?? 1) + (facts.blanked ? 1 : 0) + (facts.finalRandomPass ? 1 : 0);
}

const RESULTS: ReadonlyArray<[RegExp, NwipeDrive['result']]> = [
  [/^erased$/i, 'passed'],
  [/uabort|abort/i, 'aborted'],
];

function addDuration(start: string | null, duration: string): string | null {
  if (start === null) return null;
  const [h, m, s] = duration.split(':').map(Number);
  const end = new Date(Date.parse(`${start}Z`) + ((h * 60 + m) * 60 + s) * 1000);
  return Number.isNaN(end.getTime()) ? null : end.toISOString().slice(0, 19);
}

function driveFrom(row: SummaryRow, facts: Facts, warnings: string[]): NwipeDrive {
  const known = facts.devices.get(row.name);
  const split = row.modelSerial.lastIndexOf('/');
  const tableModel = (split >= 0 ? row.modelSerial.slice(0, split) : row.modelSerial).trim();
  const serialNumber = cleanSerial(split >= 0 ? row.modelSerial.slice(split + 1) : '') ?? known?.serial ?? null;
  const result = RESULTS.find(([pattern]) => pattern.test(row.status.trim()))?.[1] ?? 'failed';
  const device = known?.path ?? row.name;
  if (serialNumber === null) warnings.push(`nwipe logged no serial number for ${device}; match it to a drive by hand.`);
  if (!/erased|fail|abort/i.test(row.status))
    warnings.push(`nwipe reported status "${row.status.trim()}" for ${device}; it is recorded as failed.`);
  return {
    serialNumber,
    model: known?.model ?? (tableModel || null),
    device,
    result,
    startedAt: known?.startedAt ?? null,
    finishedAt: addDuration(known?.startedAt ?? null, row.duration),
  };
}

function hiddenAreaWarnings(facts: Facts, drives: NwipeDrive[]): string[] {
  return [...facts.hidden].map(([path, kind]) => {
    const serial = drives.find((drive) => drive.device === path)?.serialNumber;
    const name = serial ? `${path} (serial ${serial})` : path;
    return kind === 'detected'
      ? `nwipe found a hidden area (HPA/DCO) on ${name}: the hidden sectors were not erased.`
      : `nwipe could not tell whether ${name} has a hidden area (HPA/DCO); hidden sectors may not have been erased.`;
  });
}

function assertNwipeLog(text: unknown): asserts text is string {
  const head = typeof text === 'string' ? text.slice(0, 1 << 20) : '';
  const stamped = /^\[\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\]/m.test(head);
  const nwipeSigns = /\bnwipe\b|Invoking method '|\* Drive Status \*/.test(head);
  if (head.includes('\u0000') || !stamped || !nwipeSigns) {
    throw new UnsupportedTypeError('UNSUPPORTED_FILE_TYPE', 'The file is not an nwipe log (nwipe --logfile output).');
  }
}

/** Parses an nwipe/ShredOS log into one sanitization outcome per wiped drive. */
export function parseNwipeLog(text: string): NwipeLog {
  assertNwipeLog(text);
  const facts = collectFacts(text);
  if (facts.rows.size === 0) {
    throw new UnprocessableError(
      'NWIPE_LOG_INCOMPLETE',
      'The nwipe log has no Drive Status summary: the wipe did not ' + 'finish or the log was cut short.',
      { devices: [...facts.devices.values()].map((drive) => drive.path) },
    );
  }
  const warnings: string[] = [];
  const label = facts.methodLabel ?? 'unknown';
  // The bus decides the firmware technique: "NVME" on the Found line, or a /dev/nvme… device name.
  const buses = [...facts.rows.keys()].map((name) => facts.devices.get(name)?.bus ?? name);
  const info = methodInfo(label, buses);
  if (info.note) warnings.push(info.note);
  if (facts.invokedMethods.size > 1) {
    warnings.push(
      `The log holds runs with different methods (${[...facts.invokedMethods].join(', ')}); ` +
        `every drive is recorded with "${label}". Upload one log per run.`,
    );
  }
  if (/^verify/i.test(label))
    warnings.push(`The log records a verification-only run ("${label}"): it checked the drives but erased nothing.`);
  const drives = [...facts.rows.values()].map((row) => driveFrom(row, facts, warnings));
  const version = facts.version ?? /\bnwipe\s+(?:version\s+)?v?(\d+\.\d+[\w.-]*)/i.exec(text.slice(0, 1 << 20))?.[1];
  return {
    tool: version ? `nwipe ${version}` : 'nwipe',
    method: info.method,
    technique: info.technique,
    verification: verificationOf(facts, label),
    passes: /^verify/i.test(label) ? 0 : passesOf(facts),
    drives,
    warnings: [...warnings, ...hiddenAreaWarnings(facts, drives)],
  };
}

/** parseNwipeLog of UTF-8 bytes: decoded in the worker, so the request thread does not copy a 10 MB string. */
export function parseNwipeBytes(content: Buffer): NwipeLog {
  return parseNwipeLog(content.toString('utf8'));
}

/** parseNwipeLog in a worker thread, within PARSE_TIMEOUT_MS: what the upload route uses. */
export function readNwipeLog(content: Buffer | string): Promise<NwipeLog> {
  const fn = typeof content === 'string' ? 'parseNwipeLog' : 'parseNwipeBytes';
  return runOffThread<NwipeLog>(import.meta.url, fn, [content], { field: 'file' });
}
