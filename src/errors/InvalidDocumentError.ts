import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * An input is not a JSON value: it holds a cycle, `undefined` in an array, a function, a symbol,
 * a bigint, `NaN` or `Infinity`, a class instance such as `Date` or `Map`, or it nests deeper than
 * {@link MAX_DEPTH} (code `DOCUMENT_TOO_DEEP`). `path` names the offending location.
 *
 * @example
 * ```ts
 * applyMergePatch({ when: new Date() }, {}); // throws InvalidDocumentError, path "/when"
 * ```
 * @public
 */
export class InvalidDocumentError extends KubepatchError {
  /** Always `'InvalidDocumentError'`. */
  override name = 'InvalidDocumentError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'INVALID_DOCUMENT' | 'DOCUMENT_TOO_DEEP';

  constructor(
    message: string,
    context: KubepatchErrorContext & { readonly code?: 'INVALID_DOCUMENT' | 'DOCUMENT_TOO_DEEP' } = {},
  ) {
    super(context.code ?? 'INVALID_DOCUMENT', message, context);
  }
}
