// Validate once at the edge: returns a typed value or throws a ValidationError with one entry per field.
import JoiRuntime from 'joi';
import type Joi from 'joi';
import { ValidationError } from './errors.js';

export function parse<T>(schema: Joi.Schema<T>, input: unknown, where = 'Request'): T {
  const { value, error } = schema.validate(input ?? {}, { abortEarly: false, stripUnknown: true, convert: true });
  if (error) {
    const seen = new Set<string>();
    const details = [];
    for (const d of error.details) {
      const path = d.path.length ? d.path.join('.') : (d.context?.key ?? 'body');
      if (seen.has(path)) continue;
      seen.add(path);
      details.push({ path: String(path), message: d.message.replace(/"/g, '') });
    }
    throw new ValidationError(`${where} is invalid`, details);
  }
  return value as T;
}

/** A query parameter that takes one value, several (`a,b`) or repeats (`x=a&x=b`), each from `values`. */
export function listOf(values: readonly string[]): Joi.Schema<string[]> {
  return JoiRuntime.any().custom((v: unknown, helpers) => {
    const items = (Array.isArray(v) ? v : String(v).split(',')).map((s) => String(s).trim()).filter(Boolean);
    const bad = items.find((i) => !values.includes(i));
    if (bad !== undefined) return helpers.message({ custom: `{{#label}} has "${bad.slice(0, 40)}", which is not one of ${values.join(', ')}` });
    return items;
  });
}
