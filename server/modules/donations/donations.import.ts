// CSV manifests: UTF-8 with or without BOM, comma or semicolon, quoted fields, a header row.
// Every row is checked before anything is stored; the caller stores all rows or none.
import Joi from 'joi';
import { CsvSyntaxError, readCsv } from '../../lib/csv-reader.js';
import { UnprocessableError } from '../../lib/errors.js';
import { runOffThread } from '../../lib/worker-pool.js';
import { serialKey } from '../../lib/text.js';
import { deviceInputKeys, type DeviceInput } from '../devices/index.js';
import type { ImportRowError } from '../../shared/index.js';

export const MAX_IMPORT_ROWS = 10_000;
/** No manifest has this many columns; a row of a million commas is refused instead of being held in memory. */
const MAX_COLUMNS = 500;
/** Files up to this size are read on the request thread (about a millisecond); larger ones in a worker thread. */
const INLINE_MAX_BYTES = 64 * 1024;

/** Header names people use, folded to lower case without spaces/underscores, mapped to our fields. */
const HEADER_ALIASES: Record<string, keyof DeviceInput> = {
  type: 'type',
  devicetype: 'type',
  category: 'type',
  النوع: 'type',
  manufacturer: 'manufacturer',
  make: 'manufacturer',
  brand: 'manufacturer',
  vendor: 'manufacturer',
  الشركةالمصنعة: 'manufacturer',
  الصانع: 'manufacturer',
  model: 'model',
  الموديل: 'model',
  الطراز: 'model',
  serialnumber: 'serialNumber',
  serial: 'serialNumber',
  serialno: 'serialNumber',
  sn: 'serialNumber',
  الرقمالتسلسلي: 'serialNumber',
  // A phone's or tablet's IMEI (docs/phones.md): Luhn-checked like the intake form's.
  imei: 'imei',
  imeinumber: 'imei',
  imei1: 'imei',
  رقمimei: 'imei',
  notes: 'notes',
  note: 'notes',
  info: 'notes',
  comments: 'notes',
  ملاحظات: 'notes',
  cpu: 'cpu',
  processor: 'cpu',
  ramgb: 'ramGb',
  ram: 'ramGb',
};

const rowSchema = Joi.object<Omit<DeviceInput, 'drives'>>({
  type: deviceInputKeys.type,
  manufacturer: deviceInputKeys.manufacturer,
  model: deviceInputKeys.model,
  serialNumber: deviceInputKeys.serialNumber,
  imei: deviceInputKeys.imei,
  notes: deviceInputKeys.notes,
  cpu: deviceInputKeys.cpu,
  ramGb: deviceInputKeys.ramGb,
});

const fold = (h: string) =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.]/g, '');

/**
 * One delimiter per file, read from the header row: ";" when it has more semicolons than commas outside quotes.
 * Both at once would split text such as `écran rayé, batterie faible`, which Excel leaves unquoted in a ";" file.
 */
function delimiterOf(content: Buffer): ',' | ';' {
  const firstLine = content
    .subarray(0, 64 * 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0];
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Empty lines and rows of empty cells (`;;;`, left by spreadsheets) are skipped, but still counted as rows. */
const hasValues = (cells: string[]) => cells.some((c) => c !== '');

export function parseManifest(content: Buffer, defaultType?: string): Omit<DeviceInput, 'drives'>[] {
  let csv: { records: string[][]; total: number };
  try {
    // One record more than the limit is kept, so that a file over it is told apart; the rest are only counted.
    csv = readCsv(content.toString('utf8'), delimiterOf(content), {
      maxRecords: MAX_IMPORT_ROWS + 2,
      maxFields: MAX_COLUMNS,
    });
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    throw new UnprocessableError('IMPORT_INVALID', 'The file is not a readable CSV', [
      { row: 0, field: 'file', message: err.message },
    ]);
  }
  const [header, ...rows] = csv.records;
  if (csv.total - 1 > MAX_IMPORT_ROWS) {
    throw new UnprocessableError('IMPORT_INVALID', `At most ${MAX_IMPORT_ROWS} rows per file`, [
      { row: 0, field: 'file', message: `has ${csv.total - 1} rows` },
    ]);
  }
  if (!header || !rows.some(hasValues))
    throw new UnprocessableError('IMPORT_INVALID', 'The file has no data rows', [
      { row: 0, field: 'file', message: 'needs a header row and at least one device' },
    ]);
  const columns = header.map((h) => (Object.hasOwn(HEADER_ALIASES, fold(h)) ? HEADER_ALIASES[fold(h)] : undefined));
  if (!columns.includes('type') && !defaultType) {
    throw new UnprocessableError('IMPORT_INVALID', 'The file has no type column; add one or choose a default type', [
      { row: 1, field: 'type', message: 'column is missing (or send the form field "type" as a default)' },
    ]);
  }
  return validateRows(rows, columns, defaultType);
}

function validateRows(
  rows: string[][],
  columns: (keyof DeviceInput | undefined)[],
  defaultType?: string,
): Omit<DeviceInput, 'drives'>[] {
  const errors: ImportRowError[] = [];
  const out: Omit<DeviceInput, 'drives'>[] = [];
  const serials = new Map<string, number>();
  const imeis = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 2; // the header is row 1, as in a spreadsheet
    if (!hasValues(cells)) return;
    const record: Record<string, string> = {};
    // Over the row's cells, not the header's columns: a wide header times many short rows was quadratic.
    cells.forEach((cell, c) => {
      if (columns[c] && cell !== '') record[columns[c] as string] = cell;
    });
    if (!record.type && defaultType) record.type = defaultType;
    const { value, error } = rowSchema.validate(record, { abortEarly: false, convert: true, stripUnknown: true });
    for (const d of error?.details ?? [])
      errors.push({ row, field: String(d.path[0] ?? 'row'), message: d.message.replace(/"/g, '') });
    if (value?.serialNumber) {
      const key = serialKey(value.serialNumber);
      const earlier = serials.get(key);
      if (earlier) errors.push({ row, field: 'serialNumber', message: `repeats the serial of row ${earlier}` });
      else serials.set(key, row);
    }
    if (value?.imei && !error) {
      const earlier = imeis.get(value.imei);
      if (earlier) errors.push({ row, field: 'imei', message: `repeats the IMEI of row ${earlier}` });
      else imeis.set(value.imei, row);
    }
    if (!error) out.push(value);
  });
  if (errors.length)
    throw new UnprocessableError(
      'IMPORT_INVALID',
      `${errors.length} problem(s) in the file; nothing was imported`,
      errors,
    );
  return out;
}

/** parseManifest, in a worker thread (within PARSE_TIMEOUT_MS) when the file is more than a few kilobytes. */
export async function readManifest(content: Buffer, defaultType?: string): Promise<Omit<DeviceInput, 'drives'>[]> {
  if (content.length <= INLINE_MAX_BYTES) return parseManifest(content, defaultType);
  return runOffThread(import.meta.url, 'parseManifest', [content, defaultType], { field: 'file' });
}
