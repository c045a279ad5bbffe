import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * A patch cannot be applied: it is malformed (code `INVALID_PATCH`: unknown `op`, a missing
 * `value` or `from`, a pointer that does not start with `/`, …) or an operation targets a location
 * that does not exist (code `PATH_NOT_FOUND`). `operationIndex` and `path` name the operation.
 *
 * @example
 * ```ts
 * applyJsonPatch({}, [{ op: 'remove', path: '/missing' }]); // PATH_NOT_FOUND, operationIndex 0
 * ```
 * @public
 */
export class InvalidPatchError extends KubepatchError {
  /** Always `'InvalidPatchError'`. */
  override name = 'InvalidPatchError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'INVALID_PATCH' | 'PATH_NOT_FOUND';

  constructor(
    message: string,
    context: KubepatchErrorContext & { readonly code?: 'INVALID_PATCH' | 'PATH_NOT_FOUND' } = {},
  ) {
    super(context.code ?? 'INVALID_PATCH', message, context);
  }
}
