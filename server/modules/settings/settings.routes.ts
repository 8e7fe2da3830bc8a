import Joi from 'joi';
import { currentCountry } from '../../lib/country.js';
import { ValidationError } from '../../lib/errors.js';
import { parse } from '../../lib/parse.js';
import { REGION_CODES } from '../../shared/regions.js';
import { defineRoutes } from '../../lib/route.js';
import { requireFile, singleFile } from '../../lib/upload.js';
import { ADMINS, ALL_ROLES, type Access } from '../auth/index.js';
import { getSettings, MAX_LOGO_BYTES, setLogo, updateSettings, type Settings } from './settings.service.js';

/** What an admin may change (and what setup asks, server/modules/setup): the stored settings but `logoSha256` and `demo`. */
export const settingsPatch = Joi.object<Partial<Settings>>({
  charityName: Joi.string().trim().min(1).max(200),
  charityNameLatin: Joi.string().trim().max(200).allow(''),
  charityLicence: Joi.string().trim().max(64).allow(''),
  charityAddress: Joi.string().trim().max(300).allow(''),
  charityPhone: Joi.string().trim().max(40).allow(''),
  verificationSamplePercent: Joi.number().min(0).max(100),
  publicImpact: Joi.boolean(),
  // Chosen at setup; COUNTRY is only the default until it is stored. Changing it changes the ID and phone rules of
  // what is entered from then on (records already stored keep theirs).
  country: Joi.string().valid('SA', 'MA'),
  regionCode: Joi.string()
    .valid(...REGION_CODES)
    .allow(null),
  city: Joi.string().trim().max(100).allow(''),
  senderName: Joi.string().trim().max(100).allow(''),
  // Set by loading and removing the demo (DELETE /api/settings/demo), and by uploading the logo: refused by name.
  demo: Joi.any().forbidden(),
  logoSha256: Joi.any().forbidden(),
}).min(1);

/** The charity's region must be one of its country's (the country sent with it, or the effective one). */
export function assertRegionOfCountry(regionCode: string | null | undefined, country: 'SA' | 'MA'): void {
  if (regionCode && !regionCode.startsWith(`${country}-`))
    throw new ValidationError('Invalid request', [
      { path: 'regionCode', message: `"regionCode" must be a region of ${country}`, type: 'region.country' },
    ]);
}

function parsePatch(body: unknown): Partial<Settings> {
  const patch = parse(settingsPatch, body);
  assertRegionOfCountry(patch.regionCode, patch.country ?? currentCountry());
  return patch;
}

export const settingsRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/settings',
    access: ALL_ROLES,
    handler: async (_req, res) => res.json(await withCountry(getSettings())),
  },
  {
    method: 'patch',
    path: '/api/settings',
    access: ADMINS,
    handler: async (req, res) => res.json(await withCountry(updateSettings(parsePatch(req.body)))),
  },
  {
    method: 'put',
    path: '/api/settings/logo',
    access: ADMINS,
    body: 'multipart',
    before: [singleFile('file', MAX_LOGO_BYTES)],
    handler: async (req, res) => res.json(await withCountry(setLogo(requireFile(req)))),
  },
]);

/**
 * The settings as the API shows them, with the effective country (the stored one, or COUNTRY while none is), which
 * the client formats by (Arabic month names, currency, phone placeholders, national ID hints).
 */
async function withCountry(settings: Promise<Settings>): Promise<Settings & { country: 'SA' | 'MA' }> {
  return { ...(await settings), country: currentCountry() };
}
