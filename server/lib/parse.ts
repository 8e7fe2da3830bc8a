// Validate once at the edge: returns a typed value or throws a ValidationError with one entry per field.
import JoiRuntime from 'joi';
import type Joi from 'joi';
import { ValidationError } from './errors.js';

export function parse<T>(schema: Joi.Schema<T>, input: unknown, where = 'Request'): T {
  const nul = pathOfNul(input);
  if (nul !== undefined) throw new ValidationError(`${where} is invalid`, [{ path: nul, message: 'must not contain the NUL character' }]);
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

/**
 * The path of the first text holding U+0000, if any. SQLite ends an inlined SQL literal at a NUL, so such a value in
 * a search or lookup broke the query (a 500), and once stored it would break every later query that quotes it; no
 * field of ours has a use for it. Iterative, because bodies may nest thousands of levels deep.
 */
function pathOfNul(input: unknown): string | undefined {
  interface Step { key: string; parent?: Step }
  const pathOf = (step?: Step): string => {
    const keys: string[] = [];
    for (let s = step; s; s = s.parent) keys.unshift(s.key);
    return keys.join('.');
  };
  const stack: [unknown, Step | undefined][] = [[input, undefined]];
  while (stack.length) {
    const [value, step] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return pathOf(step).slice(0, 200) || 'body';
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) stack.push([v, { key, parent: step }]);
    }
  }
  return undefined;
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
