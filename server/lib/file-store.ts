// Uploaded evidence is stored once under its sha256, outside any served folder, and never modified.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { config } from '../config.js';

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export function storedPath(hash: string): string {
  return path.join(config.upload.dir, hash.slice(0, 2), hash);
}

/** Writes the file if it is not there yet; returns its hash. Safe to call twice with the same content. */
export async function storeFile(data: Buffer): Promise<string> {
  const hash = sha256(data);
  const file = storedPath(hash);
  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    await fs.writeFile(file, data, { flag: 'wx', mode: 0o640 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return hash;
}

export async function readStoredFile(hash: string): Promise<Buffer> {
  return fs.readFile(storedPath(hash));
}
