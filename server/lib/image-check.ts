// PNG and JPEG images uploaded to be printed (handover signatures, the charity's logo), checked by their structure
// before they are stored. pdfkit trusts what an image declares when it prints it: a PNG that declares
// 100000 × 100000 pixels makes it allocate 40 GB, a chunk length past the end of the file or a JPEG without a frame
// header makes it throw while the document is being written. One pass over the chunk or segment headers, each
// step moving forward by the declared length, so the check costs time in proportion to the number of headers.
import { UnprocessableError } from './errors.js';

export interface ImageInfo {
  type: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  interlaced: boolean;
}

/** 16 megapixels (4096 × 4096, or a 12-megapixel phone photo): pdfkit then needs at most ~80 MB to print it. */
export const MAX_IMAGE_PIXELS = 4096 * 4096;
const MAX_IMAGE_SIDE = 16_384;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bit depths PNG allows for each colour type. */
const PNG_DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

function pngHeader(data: Buffer, at: number): ImageInfo | undefined {
  const [depth, colour, compression, filter, interlace] = data.subarray(at + 16, at + 21);
  const valid = PNG_DEPTHS[colour]?.includes(depth) && compression === 0 && filter === 0 && interlace <= 1;
  if (!valid) return undefined;
  return {
    type: 'image/png',
    width: data.readUInt32BE(at + 8),
    height: data.readUInt32BE(at + 12),
    interlaced: interlace === 1,
  };
}

/** A PNG whose chunks all lie within the file: IHDR first, at least one IDAT, then IEND (later bytes are ignored). */
function inspectPng(data: Buffer): ImageInfo | undefined {
  if (data.length < 8 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  let header: ImageInfo | undefined;
  let hasData = false;
  for (let at = 8; at + 12 <= data.length;) {
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    if (length > 0x7fffffff || at + 12 + length > data.length) return undefined;
    if (header === undefined) {
      header = type === 'IHDR' && length === 13 ? pngHeader(data, at) : undefined;
      if (header === undefined) return undefined;
    } else if (type === 'IDAT') hasData = true;
    else if (type === 'IEND') return hasData ? header : undefined;
    at += 12 + length;
  }
  return undefined;
}

/** Start-of-frame markers (baseline, progressive, lossless…): every 0xC0–0xCF but DHT (C4), JPG (C8) and DAC (CC). */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** A JPEG whose segments up to its frame header lie within the file, and whose frame header is sound. */
function inspectJpeg(data: Buffer): ImageInfo | undefined {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8 || data[2] !== 0xff) return undefined;
  for (let at = 2; at + 4 <= data.length;) {
    const marker = data[at + 1];
    if (data[at] !== 0xff) return undefined;
    if (marker === 0xff)
      at += 1; // fill byte
    else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8))
      at += 2; // markers without a length
    else if (marker === 0xd9 || marker === 0xda)
      return undefined; // image end or scan data before any frame header
    else {
      const length = data.readUInt16BE(at + 2);
      if (length < 2 || at + 2 + length > data.length) return undefined;
      if (JPEG_FRAMES.has(marker)) {
        if (length < 8 || ![1, 3, 4].includes(data[at + 9])) return undefined;
        return {
          type: 'image/jpeg',
          width: data.readUInt16BE(at + 7),
          height: data.readUInt16BE(at + 5),
          interlaced: false,
        };
      }
      at += 2 + length;
    }
  }
  return undefined;
}

/** The image's type and size, or undefined when the data is not a whole PNG or JPEG. */
export function inspectImage(data: Buffer): ImageInfo | undefined {
  const info = inspectPng(data) ?? inspectJpeg(data);
  return info && info.width > 0 && info.height > 0 ? info : undefined;
}

/** Refuses (422 IMAGE_TOO_LARGE, naming the field) an image with more pixels than a document can print. */
export function assertPrintableSize(info: ImageInfo, field: string): void {
  if (info.width <= MAX_IMAGE_SIDE && info.height <= MAX_IMAGE_SIDE && info.width * info.height <= MAX_IMAGE_PIXELS)
    return;
  throw new UnprocessableError(
    'IMAGE_TOO_LARGE',
    `The image is ${info.width} × ${info.height} pixels; at most ` +
      `${(MAX_IMAGE_PIXELS / 1_000_000) | 0} megapixels can be printed. Scale it down and upload it again.`,
    { field, width: info.width, height: info.height, maxPixels: MAX_IMAGE_PIXELS },
  );
}
