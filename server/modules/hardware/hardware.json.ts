// Narrowing helpers for JSON of unknown shape. Every parser reads foreign input through these, so an
// odd value (a number where a string was expected, null, an array) becomes "absent" instead of a TypeError.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * A finite number, or a string holding only a number (some tools quote large values). A 400-digit string is
 * Infinity once converted, so it counts as absent like a JSON 1e999999 does.
 */
export function asNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** Follows a path of keys through nested objects; undefined as soon as one step is missing. */
export function dig(value: unknown, ...keys: string[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function objectsIn(value: unknown): JsonObject[] {
  return asArray(value).filter(isObject);
}

/**
 * Deeper than any hardware report (lshw trees are about 20 brackets deep). JSON.parse is iterative but slows down
 * with depth: 5 million nested arrays (10 MB) took 15 s, 1.5 s per MB against ~10 ms per MB for a flat document.
 */
export const MAX_JSON_DEPTH = 512;

/** True when no array or object in a JSON text opens deeper than `max`; one pass, strings skipped. */
export function nestingWithin(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92)
        i += 1; // a backslash escapes the next character
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 || code === 123) {
      depth += 1;
      if (depth > max) return false;
    } else if (code === 93 || code === 125) depth -= 1;
  }
  return true;
}

/** JSON.parse that answers undefined instead of throwing (and for a document nested deeper than MAX_JSON_DEPTH). */
export function tryParseJson(text: string): unknown {
  if (!nestingWithin(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
