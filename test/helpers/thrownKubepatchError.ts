import { isKubepatchError, type KubepatchErrorByCode, type KubepatchErrorCode } from 'kubepatch';

/**
 * The error `run` throws, which must be a kubepatch error with `code`; a return without throwing,
 * or another error, fails the test with a message that says so.
 */
export function thrownKubepatchError<Code extends KubepatchErrorCode>(code: Code, run: () => unknown): KubepatchErrorByCode[Code] {
  try {
    run();
  } catch (error) {
    if (isKubepatchError(error, code)) return error;
    throw error;
  }
  throw new Error(`expected a kubepatch error with code ${code}, but nothing was thrown`);
}
