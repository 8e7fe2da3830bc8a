// Settings an administrator changes at run time (charity identity for documents, R2 sampling share).
// Stored as key → JSON in the settings table; defaults apply until set.
import type { Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { setCurrentCountry, type CountryCode } from '../../lib/country.js';
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
  /**
   * The country the charity works in, chosen at setup: ID rules, phone region, currency, calendar (lib/country.ts).
   * Null until stored: COUNTRY applies (unattended installs); the API shows the effective one.
   */
  country: CountryCode | null;
  /** Where the charity is (ISO 3166-2 region code of server/shared/regions.ts, and the city as typed). */
  regionCode: string | null;
  city: string;
  /** The name messages to donors and families are sent as; empty: the charity's name (email: MAIL_FROM's name first). */
  senderName: string;
  /** Whether the demo data is loaded (setup's checkbox or `npm run db:seed`): every screen shows a demo banner. */
  demo: boolean;
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
  country: null,
  regionCode: null,
  city: '',
  senderName: '',
  demo: false,
};

const SETTING_KEYS = new Set(Object.keys(DEFAULT_SETTINGS));

/** The stored settings over the defaults. Rows of other keys (the setup's token and claim, settings.setup.ts) stay out. */
export async function getSettings(transaction?: Transaction): Promise<Settings> {
  const rows = await Setting.findAll({ transaction });
  const stored = Object.fromEntries(
    rows.filter((r) => SETTING_KEYS.has(r.key)).map((r) => [r.key, JSON.parse(r.value) as unknown]),
  );
  const settings: Settings = { ...DEFAULT_SETTINGS, ...stored };
  if (!transaction) setCurrentCountry(settings.country ?? undefined);
  return settings;
}

/** Writes `patch` in the caller's transaction (setup writes the charity with its admin and programme in one). */
export async function writeSettings(patch: Partial<Settings>, transaction: Transaction): Promise<void> {
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) await Setting.upsert({ key, value: JSON.stringify(value) }, { transaction });
  }
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  await withTransaction((transaction) => writeSettings(patch, transaction));
  return getSettings();
}

/** Reads the stored settings so that the effective country (lib/country.ts) is the stored one. */
export async function refreshSettingsCache(): Promise<void> {
  await getSettings();
}

/**
 * At start, then every `everyMs`: a change made through another instance (or the worker's process) reaches this one
 * within that time; this instance's own changes apply at once. Returns the stop.
 */
export function refreshSettingsEvery(everyMs: number): () => void {
  const timer = setInterval(() => void refreshSettingsCache().catch(() => undefined), everyMs);
  timer.unref();
  return () => clearInterval(timer);
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
