// Firmware and tools fill unset fields with stock strings ("To Be Filled By O.E.M.", "System Serial Number").
// Stored as data they would make every unbranded PC look like the same machine, so they count as missing.

const PLACEHOLDERS = new Set([
  'to be filled by o.e.m.',
  'to be filled by oem',
  'fill by oem',
  'o.e.m.',
  'oem',
  'default string',
  'not specified',
  'not available',
  'not applicable',
  'not provided',
  'not present',
  'not installed',
  'system serial number',
  'system product name',
  'system manufacturer',
  'system version',
  'system name',
  'chassis serial number',
  'chassis manufacture',
  'chassis manufacturer',
  'base board serial number',
  'baseboard serial number',
  'type1productconfigid',
  'type2 - board serial number',
  'sku',
  'product name',
  'serial number',
  'asset tag',
  'no asset information',
  'invalid',
  'unknown',
  'none',
  'null',
  'empty',
  'n/a',
  'na',
  '-',
  '--',
  '---',
  '.',
  '0123456789',
  '1234567890',
  '123456789',
  '12345678',
  'x.x',
  'xxxxx',
]);

/** Longest text we keep; beyond this a value is junk, not a model name. */
const MAX_TEXT_LENGTH = 200;
/** Real serial numbers are short; a longer one is a tool printing something else. */
const MAX_SERIAL_LENGTH = 64;

/** Trimmed text with runs of whitespace collapsed, or null when empty, a placeholder or absurdly long. */
export function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (value.length > MAX_TEXT_LENGTH * 4) return null;
  // Firmware strings carry NULs and other control bytes.
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001f\u007f]/g;
  const text = value.replace(controls, ' ').replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > MAX_TEXT_LENGTH) return null;
  return PLACEHOLDERS.has(text.toLowerCase()) ? null : text;
}

/** Like cleanText, and also rejects filler serials: all zeros, all F, all X or ? (anonymised by the tool). */
export function cleanSerial(value: unknown): string | null {
  const text = cleanText(value);
  if (text === null || text.length > MAX_SERIAL_LENGTH) return null;
  const compact = text.replace(/[\s\-_.:]/g, '');
  if (compact === '' || /^0+$/.test(compact) || /^f+$/i.test(compact) || /^[x?*]+$/i.test(compact)) return null;
  return text;
}
