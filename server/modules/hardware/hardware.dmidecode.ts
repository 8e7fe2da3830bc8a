// `dmidecode` text: blocks that start "Handle 0x0001, DMI type 1, 27 bytes", then a title line, then
// tab-indented "Key: Value" lines. Type 1 is the system, 3 the chassis, 4 a processor, 17 a memory device.
import { deviceTypeFromChassis, modelName } from './hardware.identity.js';
import { emptyResult, type SourceResult } from './hardware.merge.js';
import { cleanSerial, cleanText } from './hardware.placeholders.js';
import { bytesToRamGb, memorySizeToBytes } from './hardware.units.js';

interface DmiBlock {
  type: number;
  fields: Map<string, string>;
}

const HANDLE_LINE = /^Handle 0x[0-9A-Fa-f]+, DMI type (\d+)/;
/** Longest field name dmidecode prints is under 40 characters; a colon further in is part of a value. */
const MAX_KEY_LENGTH = 81;

/**
 * A tab-indented "Key: Value" line. Read by position, not with a regular expression: `[ \t]*(.*)$` backtracked
 * over a long run of spaces ending in a stray carriage return, quadratic in the line's length.
 */
function fieldOf(line: string): [string, string] | undefined {
  if (line.charCodeAt(0) !== 9 || line.length < 3 || line[1] === '\t' || line[1] === ':') return undefined;
  const colon = line.indexOf(':', 2);
  if (colon < 0 || colon > MAX_KEY_LENGTH + 1) return undefined;
  return [line.slice(1, colon).trim(), line.slice(colon + 1).trim()];
}

/** Recognises dmidecode output by its block headers. */
export function looksLikeDmidecode(text: string): boolean {
  return /^Handle 0x[0-9A-Fa-f]+, DMI type \d+/m.test(text);
}

export function parseDmiBlocks(text: string): DmiBlock[] {
  const blocks: DmiBlock[] = [];
  let current: DmiBlock | undefined;
  for (const line of text.split(/\r?\n/)) {
    const header = HANDLE_LINE.exec(line);
    if (header) {
      current = { type: Number(header[1]), fields: new Map() };
      blocks.push(current);
      continue;
    }
    const field = current ? fieldOf(line) : undefined;
    if (current && field && !current.fields.has(field[0])) current.fields.set(field[0], field[1]);
  }
  return blocks;
}

function blocksOfType(blocks: DmiBlock[], type: number): Array<Map<string, string>> {
  return blocks.filter((block) => block.type === type).map((block) => block.fields);
}

/** The first populated processor's model string ("Intel(R) Core(TM) i7-4600U CPU @ 2.10GHz"). */
function processorName(processors: Array<Map<string, string>>): string | null {
  for (const cpu of processors) {
    if (/unpopulated/i.test(cpu.get('Status') ?? '')) continue;
    const version = cleanText(cpu.get('Version'));
    if (version) return version;
    const family = cleanText(cpu.get('Family'));
    if (family) return [cleanText(cpu.get('Manufacturer')), family].filter(Boolean).join(' ');
  }
  return null;
}

/** Installed RAM: the sum of the memory devices' sizes ("No Module Installed" slots count as zero). */
function installedRamGb(memoryDevices: Array<Map<string, string>>): number | null {
  const total = memoryDevices.reduce((sum, module) => sum + (memorySizeToBytes(module.get('Size')) ?? 0), 0);
  return bytesToRamGb(total);
}

export function parseDmidecode(text: string): SourceResult {
  const blocks = parseDmiBlocks(text);
  const system = blocksOfType(blocks, 1)[0];
  const chassis = blocksOfType(blocks, 3)[0];
  const result = emptyResult();
  const manufacturer = cleanText(system?.get('Manufacturer')) ?? cleanText(chassis?.get('Manufacturer'));
  result.device = {
    manufacturer,
    model: modelName(manufacturer, system?.get('Product Name'), system?.get('Version')),
    serialNumber: cleanSerial(system?.get('Serial Number')) ?? cleanSerial(chassis?.get('Serial Number')),
    type: deviceTypeFromChassis(chassis?.get('Type')),
    cpu: processorName(blocksOfType(blocks, 4)),
    ramGb: installedRamGb(blocksOfType(blocks, 17)),
  };
  return result;
}
