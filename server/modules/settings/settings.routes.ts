import Joi from 'joi';
import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { requireFile, singleFile } from '../../lib/upload.js';
import { ADMINS, ALL_ROLES, type Access } from '../auth/index.js';
import { getSettings, MAX_LOGO_BYTES, setLogo, updateSettings, type Settings } from './settings.service.js';

const settingsPatch = Joi.object<Partial<Settings>>({
  charityName: Joi.string().trim().max(200),
  charityNameLatin: Joi.string().trim().max(200).allow(''),
  charityLicence: Joi.string().trim().max(64).allow(''),
  charityAddress: Joi.string().trim().max(300).allow(''),
  charityPhone: Joi.string().trim().max(40).allow(''),
  verificationSamplePercent: Joi.number().min(0).max(100),
  publicImpact: Joi.boolean(),
}).min(1);

export const settingsRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/settings',
    access: ALL_ROLES,
    handler: async (_req, res) => res.json(await getSettings()),
  },
  {
    method: 'patch',
    path: '/api/settings',
    access: ADMINS,
    handler: async (req, res) => res.json(await updateSettings(parse(settingsPatch, req.body))),
  },
  {
    method: 'put',
    path: '/api/settings/logo',
    access: ADMINS,
    body: 'multipart',
    before: [singleFile('file', MAX_LOGO_BYTES)],
    handler: async (req, res) => res.json(await setLogo(requireFile(req))),
  },
]);
