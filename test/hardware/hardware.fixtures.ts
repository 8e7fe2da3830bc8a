// Shared helpers for the hardware parser tests: fixture loading and error assertions.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { AppError } from '../../server/lib/errors.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'hardware');

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(fixturesDir, name));
}

export function fixtureNames(): string[] {
  return fs.readdirSync(fixturesDir).sort();
}

/** Runs `action`, expects it to throw an AppError with this status and code, and returns the error. */
export function expectAppError(action: () => unknown, status: number, code: string): AppError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected an error to be thrown').to.be.instanceOf(AppError);
  const error = caught as AppError;
  expect({ status: error.status, code: error.code }).to.deep.equal({ status, code });
  return error;
}
