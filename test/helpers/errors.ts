// Assertions on the errors the parsers and services throw.
import { expect } from 'chai';
import { AppError } from '../../server/lib/errors.js';

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
