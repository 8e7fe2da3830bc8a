// Where the tests' files are: the repository root and test/fixtures (real tool output, kept byte for byte), and the
// small in-memory files the upload tests send. The one place tests, benches and browser tests read fixtures from.
import fs from 'node:fs';
import path from 'node:path';

/** The repository root (the folder of package.json). */
export const root = path.resolve(import.meta.dirname, '..', '..');

/** test/fixtures. */
export const fixturesDir = path.join(root, 'test', 'fixtures');

/** The path of a fixture: `fixturePath('nwipe', 'all-erased-two-drives.log')`. */
export const fixturePath = (...parts: string[]): string => path.join(fixturesDir, ...parts);

/** A fixture's bytes. */
export const fixture = (...parts: string[]): Buffer => fs.readFileSync(fixturePath(...parts));

/** A fixture as UTF-8 text. */
export const fixtureText = (...parts: string[]): string => fs.readFileSync(fixturePath(...parts), 'utf8');

/** The file names in a fixture folder, sorted. */
export const fixtureNames = (...folder: string[]): string[] => fs.readdirSync(fixturePath(...folder)).sort();

/** A 1×1 non-interlaced PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A one-device intake CSV. */
export const CSV = Buffer.from('type,manufacturer,model,serialNumber\nlaptop,Dell,Latitude 5490,UPL000001\n');
