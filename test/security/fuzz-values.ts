// The hostile values the fuzz test draws from, as raw JSON text (so that 1e309, duplicate keys and __proto__
// reach the server exactly as an attacker would send them), plus path segments and query pairs.

/** Seeded PRNG helpers: every choice of the fuzz run comes from here, so a seed replays the run. */
export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}

export const HUGE = 'A'.repeat(100 * 1024);
export const DEPTH = 5000;

/** {"a":{"a":…1…}} nested DEPTH times; arrays too, since a parser may recurse differently on them. */
export const deepObject = (depth = DEPTH): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
export const deepArray = (depth = DEPTH): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

const str = (s: string) => JSON.stringify(s);

export const HOSTILE_STRINGS: readonly string[] = [
  "' OR 1=1 --",
  '" OR ""="',
  "'; DROP TABLE devices; --",
  '1; SELECT sleep(5)',
  "admin'--",
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '\u0000',
  'a\u0000b',
  '\u202Eevil',
  '\uFEFF',
  '١٢٣٤٥٦',
  'NM٠٠٠١٢٣',
  '😀'.repeat(50),
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '   ',
  '',
  '\r\nSet-Cookie: x=1',
  '2026-02-30',
  '9999-99-99',
];

/** JSON texts of every kind: right-looking and wrong types alike. */
export const JSON_VALUES: readonly string[] = [
  ...HOSTILE_STRINGS.map(str),
  str(HUGE),
  '"\\ud800"',
  '"\\udfff\\ud800"',
  '1e309',
  '-1e309',
  '-1',
  '0',
  '-0',
  '1.5',
  '9007199254740993',
  '1e-400',
  '123456789012345678901234567890',
  'true',
  'false',
  'null',
  '[]',
  '{}',
  '[null]',
  '[1,"a",{}]',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '[{"__proto__":{"polluted":"yes"}}]',
];

export const PROTO_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];
export const PROTO_VALUES: readonly string[] = [
  '{"polluted":"yes","isAdmin":true,"role":"admin"}',
  '{"prototype":{"polluted":"yes"}}',
  '"polluted"',
  'null',
  '[]',
];

/** A value no field schema accepts: an object where a scalar, array or differently shaped object is expected. */
export const SENTINEL = '{"fuzzSentinel":[{"nested":{"deeper":true}}]}';

/** Path segments, already percent-encoded where a raw byte could not be sent. */
export const PATH_SEGMENTS: readonly string[] = [
  '-1',
  '0',
  '1e309',
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '..',
  '%2e%2e',
  '1.5',
  '99999999999999999999',
  'NaN',
  'Infinity',
  '0x10',
  '%FF%FE',
  "'%20OR%201%3D1%20--",
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '1%3B%20DROP%20TABLE%20devices',
  'null',
  '__proto__',
  'constructor',
  '../',
  '..%2F',
  '%E2%80%AE',
  '%D9%A1%D9%A2',
  '%20',
  'x'.repeat(2000),
  '1%0D%0ASet-Cookie:%20x=1',
  '%',
  '%ZZ',
  '1%2500',
];

export const QUERY_KEYS: readonly string[] = [
  'page',
  'pageSize',
  'q',
  'status',
  'type',
  'donationId',
  'donorId',
  'siteId',
  'limit',
  'kind',
  'deviceIds',
  'programmeId',
  'from',
  'to',
  'sort',
  'order',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '__proto__[polluted]',
  'toString',
];

export const QUERY_VALUES: readonly string[] = [
  '-1',
  '0',
  '1e309',
  '201',
  '1.5',
  'abc',
  '%00',
  "'%20OR%201%3D1%20--",
  '%3Cscript%3E',
  '%25',
  '_',
  'x'.repeat(3000),
  '%FF',
  'intake,bogus',
  'true',
  '',
  '[]',
  '%7B%7D',
  '1,2,abc',
  '..%2F..%2F',
];
