// Odd input must end in a typed 415/422 or a valid report: never a TypeError (which would be a 500).
import { expect } from 'chai';
import { AppError } from '../../server/lib/errors.js';
import { parseHardwareReport, type ParsedReport } from '../../server/modules/hardware/index.js';
import { fixture, fixtureNames } from './hardware.fixtures.js';

/** Small deterministic PRNG (mulberry32) so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectValidReport(report: ParsedReport): void {
  expect(report.format).to.be.a('string');
  expect(report.drives).to.be.an('array');
  expect(report.erasures).to.be.an('array');
  expect(report.warnings.every((warning) => typeof warning === 'string')).to.equal(true);
  for (const drive of report.drives) expect(drive.serialNumber).to.be.a('string').and.not.equal('');
  expect(report.device.ramGb === null || Number.isFinite(report.device.ramGb)).to.equal(true);
}

/** Parses and returns 'ok', or the HTTP status of the AppError; any other error fails the test. */
function outcome(content: Buffer): number | 'ok' {
  try {
    expectValidReport(parseHardwareReport(content));
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

/** Every leaf value of a JSON document, as the path of keys that reaches it. */
function leafPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((item, index) => leafPaths(item, [...prefix, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
  }
  return [prefix];
}

function replaceAt(document: unknown, path: Array<string | number>, replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(document)) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = replacement;
  return copy;
}

describe('hardware parser fuzzing', () => {
  for (const name of fixtureNames()) {
    it(`when ${name} is cut short at 60 random points, only ever gives a report, 415 or 422`, () => {
      const content = fixture(name);
      const next = random(name.length * 7919);
      for (let i = 0; i < 60; i += 1) {
        expect([200, 'ok', 415, 422]).to.include(outcome(content.subarray(0, Math.floor(next() * content.length))));
      }
    });
  }

  const jsonFixtures = fixtureNames().filter((name) => name.endsWith('.json'));
  const replacements: unknown[] = [
    null,
    12345,
    -1,
    1e308,
    '',
    'x'.repeat(5000),
    [],
    [1, 2],
    {},
    { constructor: 'x' },
    true,
  ];
  for (const name of jsonFixtures) {
    it(`when any value in ${name} is swapped for another JSON type, never throws a TypeError`, () => {
      const document = JSON.parse(fixture(name).toString('utf8')) as unknown;
      const next = random(name.length * 104729);
      for (const path of leafPaths(document)) {
        const replacement = replacements[Math.floor(next() * replacements.length)];
        expect([200, 'ok', 415, 422]).to.include(
          outcome(Buffer.from(JSON.stringify(replaceAt(document, path, replacement)))),
        );
      }
    });
  }

  it('when given 200 buffers of random bytes, answers 415 or 422 every time', () => {
    const next = random(42);
    for (let i = 0; i < 200; i += 1) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(next() * 512) }, () => Math.floor(next() * 256)));
      expect([415, 422]).to.include(outcome(bytes));
    }
  });

  it('when the JSON is nested 100 000 levels deep, answers without overflowing the stack', () => {
    const deep = `${'{"class":"system","id":"a","children":['.repeat(1000)}${']}'.repeat(1000)}`;
    expect([415, 422, 'ok']).to.include(outcome(Buffer.from(deep)));
    const arrays = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect([415, 422]).to.include(outcome(Buffer.from(arrays)));
  });

  it('when keys are prototype names, does not treat them as data', () => {
    const text = '{"json_format_version":[1,0],"__proto__":{"serial_number":"INJECTED"},"device":{"name":"/dev/sda"}}';
    expect(outcome(Buffer.from(text))).to.equal(422);
    const units =
      'Handle 0x0011, DMI type 17, 40 bytes\nMemory Device\n\tSize: 8 constructor\n\n' +
      'Handle 0x0012, DMI type 17, 40 bytes\nMemory Device\n\tSize: 8 GB\n';
    expect(parseHardwareReport(Buffer.from(units)).device.ramGb).to.equal(8);
  });

  it('when a dmidecode text carries a 2 MB line, still parses the rest quickly', () => {
    const text =
      `Handle 0x0001, DMI type 1, 27 bytes\nSystem Information\n\tManufacturer: ${'M'.repeat(2_000_000)}\n` +
      '\tProduct Name: Latitude 5490\n\tSerial Number: 9XYZ123\n';
    const started = Date.now();
    const { device } = parseHardwareReport(Buffer.from(text));
    expect(device).to.include({ manufacturer: null, model: 'Latitude 5490', serialNumber: '9XYZ123' });
    expect(Date.now() - started).to.be.below(2000);
  });
});
