// Catches the BeschlussError a test expects, so that it can check the code, message and details; anything else
// (no error, another error) fails the test.
import { BeschlussError } from '../errors.ts';

function expected(error: unknown): BeschlussError {
  if (error instanceof BeschlussError) return error;
  throw error;
}

/** The BeschlussError the action throws. */
export function errorOf(action: () => unknown): BeschlussError {
  try {
    action();
  } catch (error) {
    return expected(error);
  }
  throw new Error('expected a BeschlussError, but nothing was thrown');
}

/** The BeschlussError the promise rejects with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<BeschlussError> {
  try {
    await promise;
  } catch (error) {
    return expected(error);
  }
  throw new Error('expected a BeschlussError, but the promise resolved');
}
