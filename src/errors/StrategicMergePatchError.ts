import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';
import type { StrategicMergePatchErrorCode } from './KubepatchErrorCode.js';

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
