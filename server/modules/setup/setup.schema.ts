// What POST /api/setup accepts (server/shared/setup.ts). The admin's password follows the rules of every user's.
import Joi from 'joi';
import { ValidationError } from '../../lib/errors.js';
import { REGION_CODES } from '../../shared/regions.js';
import type { SetupInput } from '../../shared/setup.js';
import { passwordSchema } from '../auth/index.js';
import { programmeInput } from '../programmes/index.js';

const text = (max: number) => Joi.string().trim().max(max).allow('');

export const setupInput = Joi.object<SetupInput>({
  token: Joi.string().max(200),
  charity: Joi.object({
    nameAr: Joi.string().trim().min(1).max(200).required(),
    nameEn: text(200),
    licence: text(64),
    country: Joi.string().valid('SA', 'MA').required(),
    regionCode: Joi.string()
      .valid(...REGION_CODES)
      .allow(null),
    city: text(100),
  }).required(),
  admin: Joi.object({
    name: Joi.string().trim().min(1).max(200).required(),
    email: Joi.string().trim().lowercase().email({ tlds: false }).max(254).required(),
    password: passwordSchema.required(),
    language: Joi.string().valid('ar', 'en', 'fr').default('ar'),
  }).required(),
  programme: programmeInput,
  demo: Joi.boolean().default(false),
});

/** The region must be one of the chosen country's. */
export function assertRegionOfCountry(input: SetupInput): void {
  const { regionCode, country } = input.charity;
  if (regionCode && !regionCode.startsWith(`${country}-`))
    throw new ValidationError('Invalid request', [
      {
        path: 'charity.regionCode',
        message: `"charity.regionCode" must be a region of ${country}`,
        type: 'region.country',
      },
    ]);
}
