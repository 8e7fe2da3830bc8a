// Phone numbers: parsed with libphonenumber-js in the charity's country, stored as E.164.
import Joi from 'joi';
import { invalid } from './parse.js';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { toLatinDigits } from './text.js';

export function toE164(input: string, country: CountryCode): string | undefined {
  const phone = parsePhoneNumberFromString(toLatinDigits(input), country);
  return phone && phone.isValid() ? phone.number : undefined;
}

/**
 * A joi string that must be a valid phone number in `country` (or international), converted to E.164. A function is
 * asked at each validation: the charity's country is a setting that may change while the schema lives.
 */
export function phoneSchema(country: CountryCode | (() => CountryCode)): Joi.StringSchema {
  return Joi.string()
    .trim()
    .max(40)
    .custom((value: string, helpers) => {
      const e164 = toE164(value, typeof country === 'function' ? country() : country);
      return e164 ?? invalid(helpers, 'phone.invalid', '{{#label}} is not a valid phone number');
    });
}
