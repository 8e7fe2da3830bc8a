import Joi from 'joi';
import { config } from '../../config.js';
import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { requireFile, singleFile } from '../../lib/upload.js';
import { ADMINS, ALL_ROLES, type Access } from '../auth/index.js';
import { getSettings, MAX_LOGO_BYTES, setLogo, updateSettings, type Settings } from './settings.service.js';

const settingsPatch = Joi.object<Partial<Settings> & { country?: never }>({
  charityName: Joi.string().trim().max(200),
  charityNameLatin: Joi.string().trim().max(200).allow(''),
  charityLicence: Joi.string().trim().max(64).allow(''),
  charityAddress: Joi.string().trim().max(300).allow(''),
  charityPhone: Joi.string().trim().max(40).allow(''),
  verificationSamplePercent: Joi.number().min(0).max(100),
  publicImpact: Joi.boolean(),
  // The country is the instance's configuration (COUNTRY), not a setting: refused by name rather than ignored.
  country: Joi.any().forbidden(),
}).min(1);

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
    handler: async (req, res) => res.json(await withCountry(updateSettings(parse(settingsPatch, req.body)))),
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
 * The settings as the API shows them: the stored ones plus the instance's country (config COUNTRY, read-only), which
 * the client formats by (Arabic month names, currency, phone placeholders, national ID hints).
 */
async function withCountry(settings: Promise<Settings>): Promise<Settings & { country: 'SA' | 'MA' }> {
  return { ...(await settings), country: config.country };
}
