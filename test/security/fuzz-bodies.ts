// Malformed request bodies. Every body here is invalid by construction: either it is not a parseable JSON
// object or multipart form at all, or it sets a "poison" field (one the route's own validation named when
// probed) to a value no schema accepts. So a fuzz request can never legitimately create or change a record.
import {
  deepArray,
  deepObject,
  HOSTILE_STRINGS,
  HUGE,
  JSON_VALUES,
  PROTO_KEYS,
  PROTO_VALUES,
  SENTINEL,
  type Rng,
} from './fuzz-values.js';

export interface Body {
  headers: Record<string, string>;
  body?: Buffer;
  note: string;
}

/** What the probe learnt about a route's JSON body. */
export interface BodyFacts {
  /** Top-level fields that, set to SENTINEL, make the route answer 400; empty when none was found. */
  poison: string[];
  /** Field names the route is likely to know (from its error details and from what the API returns). */
  known: string[];
  /** Whether an empty object is refused, so that bodies whose every key is stripped stay invalid. */
  emptyRejected: boolean;
  /** The route's JSON size limit in bytes. */
  limitBytes: number;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const json = (text: string | Buffer, note: string, headers: Record<string, string> = JSON_TYPE): Body => ({
  headers,
  body: Buffer.isBuffer(text) ? text : Buffer.from(text),
  note,
});

const entry = (k: string, v: string) => `${JSON.stringify(k)}:${v}`;

/** Hostile entries first, the poison last: with duplicate keys JSON.parse keeps the last one. */
function poisoned(rng: Rng, facts: BodyFacts, hostile: string[]): string {
  const poison = facts.poison.filter(() => rng.chance(0.5));
  const chosen = poison.length ? poison : [rng.pick(facts.poison)];
  return `{${[...hostile, ...chosen.map((k) => entry(k, SENTINEL))].join(',')}}`;
}

function hostileEntries(rng: Rng, facts: BodyFacts, values: readonly string[]): string[] {
  const keys = [...facts.known, 'extra', 'isAdmin', 'role', 'id', 'userId', 'createdAt'];
  return Array.from({ length: 1 + rng.int(5) }, () => entry(rng.pick(keys), rng.pick(values)));
}

type JsonMaker = (rng: Rng, facts: BodyFacts) => Body;

const objectMakers: Record<string, JsonMaker> = {
  'wrong types': (rng, f) => json(poisoned(rng, f, hostileEntries(rng, f, JSON_VALUES)), 'wrong types'),
  'huge strings': (rng, f) =>
    json(
      poisoned(
        rng,
        f,
        f.known.slice(0, 4).map((k) => entry(k, JSON.stringify(HUGE))),
      ),
      'huge strings (100 KB)',
    ),
  'deep object': (rng, f) =>
    json(
      poisoned(rng, f, [entry(rng.pick([...f.known, 'extra']), rng.chance(0.5) ? deepObject() : deepArray())]),
      'depth 5,000',
    ),
  'prototype keys': (rng, f) =>
    json(
      poisoned(
        rng,
        f,
        PROTO_KEYS.slice(0, 2 + rng.int(5)).map((k) => entry(k, rng.pick(PROTO_VALUES))),
      ),
      '__proto__/constructor/prototype',
    ),
  'sql and script': (rng, f) =>
    json(
      poisoned(
        rng,
        f,
        hostileEntries(
          rng,
          f,
          HOSTILE_STRINGS.map((s) => JSON.stringify(s)),
        ),
      ),
      'SQL and script text',
    ),
  'invalid utf-8': (rng, f) => {
    const text = poisoned(rng, f, [entry(rng.pick([...f.known, 'x']), '"\u0001BAD\u0001"')]);
    const [head, tail] = text.split('\u0001BAD\u0001');
    return json(
      Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from(tail)]),
      'invalid UTF-8 bytes',
    );
  },
};

const NON_OBJECTS = [
  '[]',
  '[1,2]',
  '"text"',
  '123',
  'null',
  'true',
  deepArray(),
  `[${SENTINEL}]`,
  JSON.stringify(HUGE),
];
const MALFORMED = [
  '{',
  '{"a":',
  "{'a':1}",
  '{"a":1,}',
  '{"a":NaN}',
  '{"a":undefined}',
  '\u0000',
  '}{',
  '{"a":1}{"b":2}',
  '{"a":"\\x"}',
  `${deepObject()}}`,
];
const WRONG_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'text/html',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/jsonx',
  'image/png',
  'application/octet-stream',
];
const ENCODINGS = ['gzip', 'deflate', 'br', 'x-custom', 'gzip, gzip'];

const structuralMakers: Record<string, JsonMaker> = {
  'not an object': (rng) => json(rng.pick(NON_OBJECTS), 'JSON that is not an object'),
  malformed: (rng) => json(rng.pick(MALFORMED), 'malformed JSON'),
  'wrong content type': (rng) =>
    json(`{${entry('x', rng.pick(JSON_VALUES))}}`, 'wrong content type', { 'Content-Type': rng.pick(WRONG_TYPES) }),
  'no content type': () => json(SENTINEL, 'a body without a content type', {}),
  'bad encoding': (rng) =>
    json('garbage that is not compressed', 'bad content encoding', {
      ...JSON_TYPE,
      'Content-Encoding': rng.pick(ENCODINGS),
    }),
};

/** One malformed JSON-route body; object-shaped ones only where the probe found a poison field. */
export function jsonBody(rng: Rng, facts: BodyFacts): Body {
  const makers = { ...structuralMakers, ...(facts.poison.length ? objectMakers : {}) };
  const names = Object.keys(makers);
  if (facts.emptyRejected && rng.chance(0.05)) return json('{}', 'missing every field');
  return makers[rng.pick(names)](rng, facts);
}

/** A syntactically valid JSON object just over the route's limit. */
export function oversizedJson(facts: BodyFacts): Body {
  return json(`{"x":"${'B'.repeat(facts.limitBytes + 1024)}"}`, 'JSON over the size limit');
}
