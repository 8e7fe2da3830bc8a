// A small hand-drawn-looking signature as a real RGBA PNG (transparent background, like an on-screen pad
// gives), encoded here with zlib so that tests need no image library.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A `width` × `height` PNG with a dark blue looping stroke. */
export function signaturePng(width = 240, height = 80): Buffer {
  const stride = width * 4 + 1;
  const pixels = Buffer.alloc(stride * height);
  const ink = (x: number, y: number): void => {
    for (let dy = -1; dy <= 1; dy += 1) {
      for (let dx = -1; dx <= 1; dx += 1) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        pixels.set([20, 40, 110, 255], py * stride + 1 + px * 4);
      }
    }
  };
  for (let t = 0; t <= 1; t += 0.0008) {
    const x = 12 + t * (width - 24);
    const y = height / 2 + Math.sin(t * 19) * height * 0.28 * (1 - t * 0.5) + Math.cos(t * 7) * 6;
    ink(x, y);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const signatureDataUrl = (): string => `data:image/png;base64,${signaturePng().toString('base64')}`;
