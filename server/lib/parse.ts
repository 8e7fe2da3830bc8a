// Validate once at the edge: returns a typed value or throws a ValidationError with one entry per field.
import JoiRuntime from 'joi';
import type Joi from 'joi';
import { ValidationError, type FieldError } from './errors.js';

export function parse<T>(schema: Joi.Schema<T>, input: unknown, where = 'Request'): T {
  const nul = pathOfNul(input);
  if (nul !== undefined) {
    throw new ValidationError(`${where} is invalid`, [
      { path: nul, message: 'must not contain the NUL character', type: 'text.nul' },
    ]);
  }
  const { value, error } = schema.validate(input ?? {}, { abortEarly: false, stripUnknown: true, convert: true });
  if (error) {
    const seen = new Set<string>();
    const details: FieldError[] = [];
    for (const d of error.details) {
      const path = String(d.path.length ? d.path.join('.') : (d.context?.key ?? 'body'));
      if (seen.has(path)) continue;
      seen.add(path);
      details.push({ path, message: d.message.replace(/"/g, ''), ...typeOf(d, value) });
    }
    throw new ValidationError(`${where} is invalid`, details);
  }
  return value;
}

/**
 * joi's context minus what could echo the submitted data (personal data must not come back in an error, nor reach
 * the logs): the label and key are the path, `value`/`dupeValue`/`invalids` are the input, `regex` does not serialise, and
 * `details` nests other reports with their values. What stays is what a client needs to word the error: `limit`,
 * `valids`, `peers`, and the context our own validators give through `invalid()`.
 */
const HIDDEN_CONTEXT = new Set([
  'label',
  'key',
  'value',
  'dupeValue',
  'invalids',
  'regex',
  'details',
  'message',
  'errors',
]);
function contextOf(
  context: Joi.Context | undefined,
  sibling: (ref: Joi.Reference) => unknown,
): Record<string, unknown> | undefined {
  if (!context) return undefined;
  const kept = Object.entries(context).filter(
    ([k, v]) => !HIDDEN_CONTEXT.has(k) && v !== undefined && typeof v !== 'function',
  );
  return kept.length ? Object.fromEntries(kept.map(([k, v]) => [k, JoiRuntime.isRef(v) ? sibling(v) : v])) : undefined;
}
/** A named pattern (`.pattern(re, { name: 'date.pattern' })`) reports its name as the type: our formats have their own. */
function typeOf(d: Joi.ValidationErrorItem, value: unknown): Pick<FieldError, 'type' | 'context'> {
  // A limit given as a reference to a sibling field (`max(Joi.ref('householdSize'))`) is that field's value.
  const sibling = (ref: Joi.Reference): unknown => {
    if (ref.ancestor !== 1) return String(ref);
    let at: unknown = value;
    for (const key of [...d.path.slice(0, -1), ...ref.path])
      at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
    return typeof at === 'number' || typeof at === 'string' || at instanceof Date ? at : String(ref);
  };
  if (d.type === 'string.pattern.name' && typeof d.context?.name === 'string') {
    const { name, ...rest } = d.context;
    return { type: name, context: contextOf(rest, sibling) };
  }
  return { type: d.type, context: contextOf(d.context, sibling) };
}

/**
 * A custom validator's failure with its own machine-readable `type` (e.g. `phone.invalid`), so that the client can
 * translate it; `message` is the English template (`{{#label}}` works) and `context` what the translation needs.
 * The types are listed in README.md (The API). helpers.message() would give every such error the type
 * `custom`.
 */
export function invalid(
  helpers: Joi.CustomHelpers,
  type: string,
  message: string,
  context: Joi.Context = {},
): Joi.ErrorReport {
  return helpers.schema.$_createError(type, helpers.original, context, helpers.state, helpers.prefs, {
    messages: { [type]: message },
  }) as Joi.ErrorReport;
}

/**
 * The path of the first text holding U+0000, if any. SQLite ends an inlined SQL literal at a NUL, so such a value in
 * a search or lookup broke the query (a 500), and once stored it would break every later query that quotes it; no
 * field of ours has a use for it. Iterative, because bodies may nest thousands of levels deep.
 */
function pathOfNul(input: unknown): string | undefined {
  interface Step {
    key: string;
    parent?: Step;
  }
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
    if (bad !== undefined) {
      return invalid(
        helpers,
        'list.only',
        `{{#label}} has "${bad.slice(0, 40)}", which is not one of ${values.join(', ')}`,
        { valids: [...values] },
      );
    }
    return items;
  });
}
