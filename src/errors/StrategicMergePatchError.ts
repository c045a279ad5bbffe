import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * The codes a strategic merge patch fails with, one per error kind of Go's
 * `k8s.io/apimachinery/pkg/util/mergepatch` and `strategicpatch`.
 * @public
 */
export type StrategicMergePatchErrorCode =
  | 'LIST_OF_LISTS'
  | 'MIXED_LIST_TYPES'
  | 'MISSING_MERGE_KEY'
  | 'UNKNOWN_PATCH_TYPE'
  | 'BAD_PRIMITIVE_LIST_FORMAT'
  | 'BAD_RETAIN_KEYS_FORMAT'
  | 'BAD_SET_ELEMENT_ORDER_FORMAT'
  | 'UNKNOWN_FIELD'
  | 'SCHEMA_MISMATCH';

/**
 * A strategic merge patch cannot be created or applied: a directive is malformed, an element of
 * a merge list lacks its merge key, the schema has no such field, … `code` says which, `path` says
 * where (a JSON Pointer into the document or patch), and the message quotes Go's wording where
 * there is one, so errors can be matched against `kubectl`'s.
 *
 * @example
 * ```ts
 * try {
 *   applyStrategicMergePatch(pod, { spec: { containers: [{ image: 'x' }] } }, schemaFor('v1', 'Pod')!);
 * } catch (error) {
 *   if (isKubepatchError(error, 'MISSING_MERGE_KEY')) console.error(error.path); // '/spec/containers'
 * }
 * ```
 * @public
 */
export class StrategicMergePatchError extends KubepatchError {
  /** Always `'StrategicMergePatchError'`. */
  override name = 'StrategicMergePatchError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: StrategicMergePatchErrorCode;

  constructor(code: StrategicMergePatchErrorCode, message: string, context: KubepatchErrorContext = {}) {
    super(code, message, context);
  }
}
