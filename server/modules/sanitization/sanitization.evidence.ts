// What an uploaded evidence file is, read from its first bytes (never from its name or declared type): another
// wipe tool's report (a Blancco PDF or XML, any text report) for a record of a clear or purge, or a photo or a
// destruction certificate (image or PDF) for a destroy. Anything else is refused with 415.
import { UnsupportedTypeError } from '../../lib/errors.js';

const startsWith = (data: Buffer, bytes: number[], at = 0): boolean => bytes.every((b, i) => data[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const isPdf = (data: Buffer): boolean => startsWith(data, ascii('%PDF-'));

function imageFormat(data: Buffer): string | null {
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'webp';
  // HEIC, as phones save photos: an ISO media file whose brand is heic/heix/mif1.
  if (startsWith(data, ascii('ftyp'), 4) && /^(heic|heix|mif1)$/.test(data.subarray(8, 12).toString('latin1')))
    return 'heic';
  return null;
}

/** UTF-8 text: no NUL byte and no invalid sequence. Reads the whole buffer once (linear). */
function isText(data: Buffer): boolean {
  return !data.includes(0) && !data.toString('utf8').includes('\uFFFD');
}

/** The `format` stored with a tool's report, or 415. */
export function reportFormat(data: Buffer): string {
  if (!data.length)
    throw new UnsupportedTypeError('UNSUPPORTED_FILE_TYPE', 'The report file is empty', { field: 'file' });
  if (isPdf(data)) return 'report-pdf';
  if (imageFormat(data)) {
    throw new UnsupportedTypeError(
      'UNSUPPORTED_FILE_TYPE',
      'A photo is evidence only for a destroyed drive (method "destroy"); for an erasure, upload the tool\'s own report (PDF, XML or text)',
      { field: 'file' },
    );
  }
  if (!isText(data))
    throw new UnsupportedTypeError('UNSUPPORTED_FILE_TYPE', "Upload the wipe tool's report as PDF, XML or text", {
      field: 'file',
    });
  return /^\uFEFF?\s*</.test(data.subarray(0, 64).toString('utf8')) ? 'report-xml' : 'report-text';
}

/** The `format` stored with a destruction photo or certificate, or 415. */
export function photoFormat(data: Buffer): string {
  if (isPdf(data)) return 'certificate-pdf';
  const image = imageFormat(data);
  if (!image)
    throw new UnsupportedTypeError(
      'UNSUPPORTED_FILE_TYPE',
      'Upload a photo (PNG, JPEG, WebP, HEIC) or the destruction certificate (PDF)',
      { field: 'file' },
    );
  return `photo-${image}`;
}
