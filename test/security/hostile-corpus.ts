// Generated hostile inputs for every parser of uploaded content, at any size: the shapes that made the old
// parsers slow (backtracking regular expressions, per-row error objects, ancestor walks) and the ones that break
// careless parsers (deep nesting, numbers beyond double range, truncated image headers). Shared by
// test/security/hostile-parsers.test.ts and bench/parsers.bench.ts.
import { crc32 } from 'node:zlib';

export interface HostileCase {
  name: string;
  /** Which parser reads it (as the upload routes do). */
  parser: 'nwipe' | 'hardware' | 'csv' | 'image';
  make: (bytes: number) => Buffer;
}

/** `unit` repeated after `head` until the text is about `bytes` long. */
function fill(head: string, unit: string, bytes: number, tail = ''): Buffer {
  const count = Math.max(1, Math.floor((bytes - head.length - tail.length) / unit.length));
  return Buffer.from(head + unit.repeat(count) + tail);
}

const NWIPE_HEAD =
  "[2024/03/15 10:22:01] nwipe: notice: Invoking method 'DoD Short' on /dev/sda\n" +
  '********************************* Drive Status *********************************\n';

/** One element nested inside the next, `depth` deep: `open` × depth, then `close` × depth. */
const nested = (open: string, close: string, bytes: number): Buffer => {
  const depth = Math.max(1, Math.floor(bytes / (open.length + close.length)));
  return Buffer.from(open.repeat(depth) + close.repeat(depth));
};

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
}

/** IHDR declaring `width` × `height`, 8-bit RGBA. */
function ihdr(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return pngChunk('IHDR', header);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const EMPTY_TEXT = pngChunk('tEXt', Buffer.alloc(0));
/** A JPEG frame header (SOF0) declaring `width` × `height`, 3 components. */
const sof0 = (width: number, height: number): Buffer =>
  Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ]);

export const HOSTILE_CASES: HostileCase[] = [
  // The line: "a|" then spaces, 2,042 characters (the old table-row pattern: ~5 s per line).
  {
    name: 'nwipe: lines of "a|" and 2,040 spaces',
    parser: 'nwipe',
    make: (n) => fill(NWIPE_HEAD, `a|${' '.repeat(2040)}\n`, n),
  },
  {
    name: 'nwipe: lines of "a| " × 680 (many separators)',
    parser: 'nwipe',
    make: (n) => fill(NWIPE_HEAD, `${'a| '.repeat(680)}\n`, n),
  },
  {
    name: 'nwipe: footer, Found and hidden-area lines full of commas and " on /"',
    parser: 'nwipe',
    make: (n) =>
      fill(
        NWIPE_HEAD,
        `Total Throughput ${', ,'.repeat(600)}\nFound /dev/sda${','.repeat(2000)}\n` +
          `HIDDEN SECTORS DETECTED${' on /'.repeat(400)}\n${'*'.repeat(2000)}\n method = a${' '.repeat(2000)}b\n`,
        n,
      ),
  },
  {
    name: 'dmidecode: long fields ending in a stray carriage return, 400-digit sizes',
    parser: 'hardware',
    make: (n) =>
      fill(
        'Handle 0x0011, DMI type 17, 40 bytes\nMemory Device\n',
        `\tSize: ${'9'.repeat(400)} GB\n\tPart Number:${' '.repeat(20_000)}\rx\n`,
        n,
      ),
  },
  {
    name: 'lshw: a deep chain of buses, each holding a disk',
    parser: 'hardware',
    make: (n) => nested('{"class":"bus","children":[{"class":"disk"},', ']}', n),
  },
  { name: 'JSON: nested arrays (100 000 deep per 200 KB)', parser: 'hardware', make: (n) => nested('[', ']', n) },
  {
    name: 'smartctl: entries with numbers beyond double range',
    parser: 'hardware',
    make: (n) =>
      fill(
        '[',
        '{"json_format_version":[1,0],"device":{"name":"/dev/sda"},"serial_number":"S1",' +
          `"user_capacity":{"bytes":1e999999},"power_on_time":{"hours":"${'9'.repeat(400)}"},"rotation_rate":-1e308},`,
        n,
        '{}]',
      ),
  },
  {
    name: 'Workbench 11: components with huge sizes and long dates',
    parser: 'hardware',
    make: (n) =>
      fill(
        '{"type":"Snapshot","device":{"type":"Laptop"},"version":"11","components":[',
        `{"type":"RamModule","size":1e308},{"type":"HardDrive","serialNumber":"S${'1'.repeat(8)}","size":"${'9'.repeat(400)}",` +
          `"actions":[{"type":"EraseBasic","startTime":"${'2'.repeat(3000)}","steps":[{}]}]},`,
        n,
        '{}]}',
      ),
  },
  { name: 'CSV: empty lines', parser: 'csv', make: (n) => fill('type,model\n', '\n', n) },
  { name: 'CSV: one row of commas (many columns)', parser: 'csv', make: (n) => fill('type,model\nlaptop', ',', n) },
  {
    name: 'CSV: a quoted field of doubled quotes',
    parser: 'csv',
    make: (n) => fill('type,model\nlaptop,"', '""', n, '"\n'),
  },
  {
    name: 'CSV: a header of 400 columns over short rows',
    parser: 'csv',
    make: (n) => fill(`type,${'x,'.repeat(400)}model\n`, 'laptop\n', n),
  },
  {
    name: 'PNG: many empty chunks, then an IDAT claiming 2 GB',
    parser: 'image',
    make: (n) =>
      Buffer.concat([
        PNG_SIGNATURE,
        ihdr(100_000, 100_000),
        ...Array<Buffer>(Math.max(1, Math.floor((n - 41) / 12))).fill(EMPTY_TEXT),
        Buffer.from([0x7f, 0xff, 0xff, 0xff, 0x49, 0x44, 0x41, 0x54]),
      ]),
  },
  {
    name: 'JPEG: fill bytes and comment segments, frame header declaring 65535 × 65535',
    parser: 'image',
    make: (n) =>
      Buffer.concat([
        Buffer.from([0xff, 0xd8]),
        Buffer.alloc(Math.floor(n / 2), 0xff),
        Buffer.concat(
          Array.from({ length: Math.max(1, Math.floor(n / 8)) }, () =>
            Buffer.from([0xff, 0xfe, 0x00, 0x04, 0, 0, 0xff, 0xff]),
          ),
        ),
        sof0(65_535, 65_535),
      ]),
  },
];

/** Truncated image headers that declare huge dimensions: each must be refused, never stored. */
export const TRUNCATED_IMAGES: Array<[string, Buffer]> = [
  [
    'a PNG signature and a cut IHDR declaring 4 294 967 295 × 4 294 967 295',
    Buffer.concat([PNG_SIGNATURE, ihdr(0xffffffff, 0xffffffff).subarray(0, 20)]),
  ],
  [
    'a whole IHDR declaring 100 000 × 100 000 and nothing after it',
    Buffer.concat([PNG_SIGNATURE, ihdr(100_000, 100_000)]),
  ],
  [
    'an IHDR then a chunk claiming 2 GB',
    Buffer.concat([PNG_SIGNATURE, ihdr(64, 64), Buffer.from([0x7f, 0xff, 0xff, 0xff, 0x50, 0x4c, 0x54, 0x45, 0, 0])]),
  ],
  [
    'a JPEG start and a frame header cut short',
    Buffer.concat([Buffer.from([0xff, 0xd8]), sof0(65_535, 65_535).subarray(0, 7)]),
  ],
  [
    'a JPEG whose first segment claims 65 535 bytes',
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0x4a, 0x46, 0x49, 0x46]),
  ],
];

/** A whole, valid PNG of `width` × `height` pixels whose pixel data is one (cheap) zlib stream of zeros. */
export function hugePng(width: number, height: number): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
