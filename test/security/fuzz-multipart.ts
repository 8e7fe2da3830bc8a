// Broken multipart bodies: bad or missing boundaries, cut-off parts, files in the wrong field, too many fields,
// and files whose bytes are no text, image or report format any route accepts (NUL bytes, invalid UTF-8).
import { HOSTILE_STRINGS, type Rng } from './fuzz-values.js';
import type { Body } from './fuzz-bodies.js';

const CRLF = '\r\n';

/** Random bytes with NULs and invalid UTF-8 sequences, so no parser can take them for its format. */
export function garbage(rng: Rng, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = rng.int(256);
  bytes[0] = 0x00;
  bytes[Math.floor(size / 2)] = 0xff;
  return bytes;
}

interface Part {
  name: string;
  filename?: string;
  type?: string;
  data: Buffer;
  rawHeaders?: string;
}

function partText(boundary: string, p: Part): Buffer {
  const headers =
    p.rawHeaders ??
    [
      `Content-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`,
      ...(p.type ? [`Content-Type: ${p.type}`] : []),
    ].join(CRLF);
  return Buffer.concat([Buffer.from(`--${boundary}${CRLF}${headers}${CRLF}${CRLF}`), p.data, Buffer.from(CRLF)]);
}

export function form(parts: Part[], boundary = 'fuzzBoundary7MA4YWxk'): Buffer {
  return Buffer.concat([...parts.map((p) => partText(boundary, p)), Buffer.from(`--${boundary}--${CRLF}`)]);
}

const mp = (boundary = 'fuzzBoundary7MA4YWxk') => ({ 'Content-Type': `multipart/form-data; boundary=${boundary}` });

const hostileFields = (rng: Rng): Part[] =>
  ['type', 'force', 'notes', 'verifierId', 'receiverName', rng.pick(['__proto__', 'constructor', 'x'])].map((name) => ({
    name,
    data: Buffer.from(rng.pick(HOSTILE_STRINGS)),
  }));

const file = (rng: Rng, name = 'file', filename = 'manifest.csv'): Part => ({
  name,
  filename,
  type: rng.pick(['text/csv', 'image/png', 'application/json', 'text/plain']),
  data: garbage(rng, 64 + rng.int(4096)),
});

type MultipartMaker = (rng: Rng) => Body;

const makers: Record<string, MultipartMaker> = {
  'boundary mismatch': (rng) => ({
    headers: mp('expectedBoundary'),
    body: form([file(rng)], 'otherBoundary'),
    note: 'boundary mismatch',
  }),
  truncated: (rng) => {
    const whole = form([...hostileFields(rng), file(rng)]);
    return {
      headers: mp(),
      body: whole.subarray(0, Math.floor(whole.length * (0.2 + rng.next() * 0.7))),
      note: 'truncated multipart',
    };
  },
  'no boundary': (rng) => ({
    headers: { 'Content-Type': 'multipart/form-data' },
    body: form([file(rng)]),
    note: 'no boundary parameter',
  }),
  'empty boundary': (rng) => ({
    headers: { 'Content-Type': 'multipart/form-data; boundary=' },
    body: form([file(rng)]),
    note: 'empty boundary',
  }),
  'not multipart': (rng) => ({
    headers: mp(),
    body: Buffer.from(rng.pick(['{}', 'garbage', '--', `--${'x'.repeat(80)}`])),
    note: 'multipart type, other body',
  }),
  'file in another field': (rng) => ({
    headers: mp(),
    body: form([file(rng, rng.pick(['files', 'upload', '__proto__', 'file[]']))]),
    note: 'file in an unexpected field',
  }),
  'two files': (rng) => ({ headers: mp(), body: form([file(rng), file(rng)]), note: 'two files' }),
  'binary file': (rng) => ({
    headers: mp(),
    body: form([...hostileFields(rng), file(rng)]),
    note: 'binary garbage with hostile fields',
  }),
  'path in file name': (rng) => ({
    headers: mp(),
    body: form([file(rng, 'file', rng.pick(['../../../etc/passwd', '..\\..\\x.exe', 'a\u0000.csv', '<script>.csv']))]),
    note: 'traversal in the file name',
  }),
  'field too large': (rng) => ({
    headers: mp(),
    body: form([{ name: 'notes', data: Buffer.alloc(70 * 1024, 0x41) }, file(rng)]),
    note: 'a 70 KB text field',
  }),
  'too many fields': (rng) => ({
    headers: mp(),
    body: form([...Array.from({ length: 25 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })), file(rng)]),
    note: '25 fields',
  }),
  'broken part headers': (rng) => ({
    headers: mp(),
    body: form([{ name: 'file', rawHeaders: 'Content-Disposition: form-data; name=', data: garbage(rng, 100) }]),
    note: 'a part without a name',
  }),
};

export function multipartBody(rng: Rng): Body {
  return makers[rng.pick(Object.keys(makers))](rng);
}

/** A file one MiB above the upload limit, in the right field. */
export function oversizedUpload(maxBytes: number): Body {
  return {
    headers: mp(),
    body: form([
      { name: 'file', filename: 'big.csv', type: 'text/csv', data: Buffer.alloc(maxBytes + 1024 * 1024, 0x41) },
    ]),
    note: 'a file over the upload limit',
  };
}
