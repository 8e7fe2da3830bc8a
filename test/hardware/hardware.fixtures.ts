// Shared helpers for the hardware parser tests: their fixture folder (test/helpers/fixtures.ts) and error assertions.
import { fixture as anyFixture, fixtureNames as anyFixtureNames } from '../helpers/fixtures.js';

export { root as repoRoot } from '../helpers/fixtures.js';
export { expectAppError } from '../helpers/errors.js';

/** A file of test/fixtures/hardware. */
export const fixture = (name: string): Buffer => anyFixture('hardware', name);

export const fixtureNames = (): string[] => anyFixtureNames('hardware');
