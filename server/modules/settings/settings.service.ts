// Settings an administrator changes at run time (charity identity for documents, R2 sampling share).
// Stored as key → JSON in the settings table; defaults apply until set.
import type { Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { UnsupportedTypeError } from '../../lib/errors.js';
import { storeFile } from '../../lib/file-store.js';
import { assertPrintableSize, inspectImage } from '../../lib/image-check.js';
import { Setting } from './settings.model.js';

export interface Settings {
  charityName: string;
  charityNameLatin: string;
  charityLicence: string;
  charityAddress: string;
  charityPhone: string;
  /** Share of devices passing complete_wipe that an independent person re-checks (R2v3 asks for at least 5 %). */
  verificationSamplePercent: number;
  /** The charity's logo (PNG or JPEG) in the file store, printed on documents; null until an admin uploads one. */
  logoSha256: string | null;
  /** Whether /impact and GET /api/public/impact publish the aggregate figures (spec §11); off until an admin opts in. */
  publicImpact: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  charityName: 'جمعية نعمة لإعادة تأهيل الحواسيب',
  charityNameLatin: 'Nimah Computer Refurbishing Charity',
  charityLicence: '',
  charityAddress: '',
  charityPhone: '',
  verificationSamplePercent: 5,
  logoSha256: null,
  publicImpact: false,
};

export async function getSettings(transaction?: Transaction): Promise<Settings> {
  const rows = await Setting.findAll({ transaction });
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULT_SETTINGS, ...stored };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  await withTransaction(async (transaction) => {
    for (const [key, value] of Object.entries(patch)) {
      await Setting.upsert({ key, value: JSON.stringify(value) }, { transaction });
    }
  });
  return getSettings();
}

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/**
 * PNG or JPEG by content, never by name. Interlaced PNGs are refused too: pdfkit, which prints the logo on every
 * document, cannot read them.
 */
export function logoImageType(data: Buffer): 'png' | 'jpeg' | undefined {
  // Checked by structure, not just the first bytes: pdfkit trusts the declared size and chunk lengths (lib/image-check.ts).
  const info = inspectImage(data);
  if (!info || info.interlaced) return undefined;
  assertPrintableSize(info, 'file');
  return info.type === 'image/png' ? 'png' : 'jpeg';
}

export async function setLogo(file: Express.Multer.File): Promise<Settings> {
  if (!logoImageType(file.buffer)) {
    throw new UnsupportedTypeError('UNSUPPORTED_FILE_TYPE', 'The logo must be a PNG (not interlaced) or JPEG image', {
      field: 'file',
    });
  }
  // Content-addressed: storing the same logo twice is harmless, and the old file stays for documents already issued.
  return updateSettings({ logoSha256: await storeFile(file.buffer) });
}
