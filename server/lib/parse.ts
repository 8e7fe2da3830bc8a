// Validate once at the edge: returns a typed value or throws a ValidationError with one entry per field.
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
