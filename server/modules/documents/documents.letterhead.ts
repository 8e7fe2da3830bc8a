// The charity's identity for documents, read from the settings each time (an admin may change it at any moment).
import { readStoredFile } from '../../lib/file-store.js';
import { logger } from '../../lib/logger.js';
import { getSettings } from '../settings/index.js';
import type { Letterhead } from './documents.layout.js';

export async function loadLetterhead(): Promise<Letterhead> {
  const s = await getSettings();
  return {
    name: s.charityName,
    nameLatin: s.charityNameLatin,
    licence: s.charityLicence,
    address: s.charityAddress,
    phone: s.charityPhone,
    logo: s.logoSha256 ? await readOptional(s.logoSha256, 'logo') : null,
  };
}

/** A stored image, or null when its file is gone: the document then shows a fallback rather than failing. */
export async function readOptional(sha256: string, what: 'logo' | 'signature'): Promise<Buffer | null> {
  try {
    return await readStoredFile(sha256);
  } catch (err) {
    logger.warn('documents.file_missing', { what, sha256, code: (err as NodeJS.ErrnoException).code });
    return null;
  }
}
