// The server validates with joi and answers each bad field with { path, message, type, context } (see
// /work/notes/validation-types.md and README "The API"): `message` is English for API users, `type` is what the
// client translates, as the message `validation.<type>` with the context's values (`limit`, `valids`, `peers` ...)
// as ICU arguments. A field error without a known type (a 409/422 naming its field) is told by the error's code
// (`validation.code.<CODE>`), else shown as the server wrote it.
import type { FieldErrorDto } from '../api/types';
import { ar } from './ar';

type Key = keyof typeof ar;
type Vars = Record<string, string | number>;
type Translate = (key: Key, vars?: Vars) => string;

function isKey(key: string): key is Key {
  return Object.prototype.hasOwnProperty.call(ar, key);
}

/**
 * The context values each translated type needs. A message is used only when they all came with the error (an
 * older server, or a limit given by reference, then shows its own message instead of a sentence with a hole).
 * test/client/i18n.test.ts checks that every `validation.*` message takes exactly these arguments.
 */
export const VALIDATION_ARGS: Readonly<Record<string, readonly string[]>> = {
  'string.min': ['limit'],
  'string.max': ['limit'],
  'string.length': ['limit'],
  'number.min': ['limit'],
  'number.max': ['limit'],
  'number.precision': ['limit'],
  'array.min': ['limit'],
  'array.max': ['limit'],
  'date.min': ['limit'],
  'date.max': ['limit'],
  'object.missing': ['peers'],
  'object.xor': ['peers'],
  'deviceIds.max': ['limit'],
  'password.variety': ['limit'],
};

/** A context value as an ICU argument: numbers stay numbers (plurals), lists are joined, dates lose their time. */
function argument(v: unknown): string | number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(v) ? v.slice(0, 10) : v;
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' || typeof x === 'number').join(' / ');
  return undefined;
}

/** One field error in the user's language; `code` is the error's code, for field errors that carry no type. */
export function translateFieldError(error: FieldErrorDto, t: Translate, code?: string): string {
  if (error.type) {
    // date.max against "now" (a handover cannot be in the future) has its own sentence.
    const type = error.type === 'date.max' && error.context?.limit === 'now' ? 'date.max.now' : error.type;
    const key = `validation.${type}`;
    const vars: Vars = {};
    for (const name of VALIDATION_ARGS[type] ?? []) {
      const v = argument(error.context?.[name]);
      if (v === undefined) return error.message;
      vars[name] = v;
    }
    if (isKey(key)) return t(key, vars);
    return error.message;
  }
  const byCode = `validation.code.${code ?? ''}`;
  return code && isKey(byCode) ? t(byCode) : error.message;
}

/**
 * The translated message of each field named in an error's details, keyed by path ("donor.name", "items.0.count"),
 * the first per path (as ApiError.fieldErrors): give it `err.details` and `err.code` of an ApiError.
 */
export function translateFieldErrors(details: unknown, t: Translate, code?: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const d of details as FieldErrorDto[]) {
    if (d && typeof d.path === 'string' && typeof d.message === 'string' && !(d.path in out))
      out[d.path] = translateFieldError(d, t, code);
  }
  return out;
}
