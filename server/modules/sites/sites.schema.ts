// What the site routes accept and return.
import Joi from 'joi';
import { citySchema, regionCodeSchema } from '../regions/index.js';
import type { Site } from './sites.model.js';
import type { SiteDto } from '../../shared/index.js';

export interface SiteInput {
  code: string;
  name: string;
  nameLatin?: string;
  city?: string;
  regionCode?: string | null;
}

export const toSiteDto = (s: Site): SiteDto => ({
  id: s.id,
  code: s.code,
  name: s.name,
  nameLatin: s.nameLatin,
  city: s.city,
  regionCode: s.regionCode ?? null,
});

const optional = (max: number) => Joi.string().trim().max(max).allow('', null).empty(['', null]);
const siteKeys = {
  code: Joi.string()
    .trim()
    .uppercase()
    .pattern(/^[A-Z0-9-]{2,32}$/, { name: 'siteCode.format' })
    .message('{{#label}} must be 2 to 32 letters, digits or hyphens'),
  name: Joi.string().trim().min(1).max(200),
  nameLatin: optional(200),
  city: citySchema,
  regionCode: regionCodeSchema,
};
export const siteInput = Joi.object<SiteInput>({
  ...siteKeys,
  code: siteKeys.code.required(),
  name: siteKeys.name.required(),
});
export const sitePatch = Joi.object<Partial<SiteInput>>(siteKeys).min(1);
