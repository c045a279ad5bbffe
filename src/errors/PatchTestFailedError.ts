import type { JsonValue } from '../json/JsonValue.js';
import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * A JSON Patch `test` operation found a value other than the one it expected (RFC 6902 §4.6),
 * typically because the patch was built from a stale read. Nothing of the patch was applied.
 *
 * @example
 * ```ts
 * applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }]); // throws, actual 1, expected 2
 * ```
 * @public
 */
export class PatchTestFailedError extends KubepatchError {
  /** Always `'PatchTestFailedError'`. */
  override name = 'PatchTestFailedError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'TEST_FAILED';
  /** The value found at `path`, `undefined` when nothing is there. */
  readonly actual: JsonValue | undefined;
  /** The value the `test` operation expected. */
  readonly expected: JsonValue;

  constructor(
    message: string,
    context: KubepatchErrorContext & { readonly actual: JsonValue | undefined; readonly expected: JsonValue },
  ) {
    super('TEST_FAILED', message, context);
    this.actual = context.actual;
    this.expected = context.expected;
  }
}
