import type { JsonValue } from '../json/JsonValue.js';
import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * A computed patch failed one of the caller's preconditions, e.g. it would change `kind` or
 * `metadata.name` ({@link requireKeyUnchanged}, {@link requireMetadataKeyUnchanged}).
 * Like Go's `mergepatch.ErrPreconditionFailed`.
 *
 * @example
 * ```ts
 * createThreeWayMergePatch(original, modified, live, {
 *   preconditions: [requireKeyUnchanged('kind')],
 * }); // throws PreconditionFailedError when `kind` differs
 * ```
 * @public
 */
export class PreconditionFailedError extends KubepatchError {
  /** Always `'PreconditionFailedError'`. */
  override name = 'PreconditionFailedError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'PRECONDITION_FAILED';
  /** The patch that failed the precondition. */
  readonly patch: JsonValue;

  constructor(message: string, context: KubepatchErrorContext & { readonly patch: JsonValue }) {
    super('PRECONDITION_FAILED', message, context);
    this.patch = context.patch;
  }
}
