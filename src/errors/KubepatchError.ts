import type { KubepatchErrorCode } from './KubepatchErrorCode.js';

/**
 * @internal
 * Marks kubepatch errors so that {@link isKubepatchError} recognises them even when two copies
 * of the package are loaded (the ESM and the CJS build, or two versions in one tree), where
 * `instanceof` fails.
 */
export const kubepatchErrorBrand: unique symbol = Symbol.for('kubepatch.error') as never;

/**
 * Structured context of a {@link KubepatchError}.
 *
 * @example
 * ```ts
 * throw new KubepatchError('PATH_NOT_FOUND', 'no such container', { path: '/spec/containers/3', operationIndex: 0 });
 * ```
 * @public
 */
export interface KubepatchErrorContext {
  /** The JSON Pointer (RFC 6901) of the offending location, `""` for the root. */
  readonly path?: string;
  /** Index of the failing operation within a JSON Patch. */
  readonly operationIndex?: number;
  /** Which argument of the call the problem is in, e.g. `"document"` or `"patch"`. */
  readonly input?: string;
}

/**
 * Base class of every error kubepatch throws. Branch on {@link KubepatchError.code}.
 *
 * @example
 * ```ts
 * try {
 *   applyJsonPatch(doc, patch);
 * } catch (error) {
 *   if (isKubepatchError(error) && error.code === 'TEST_FAILED') retryWithFreshRead();
 *   else throw error;
 * }
 * ```
 * @public
 */
export class KubepatchError extends Error {
  /** The class name, also set on subclasses, so logs show what was thrown. */
  override name: string = 'KubepatchError';
  /** What went wrong, from a closed list. */
  readonly code: KubepatchErrorCode;
  /** JSON Pointer of the offending location, when there is one. */
  readonly path: string | undefined;
  /** Index of the failing JSON Patch operation, when there is one. */
  readonly operationIndex: number | undefined;
  /** The argument the problem is in (`"document"`, `"patch"`, `"original"`, …), when known. */
  readonly input: string | undefined;

  constructor(code: KubepatchErrorCode, message: string, context: KubepatchErrorContext = {}) {
    super(message);
    this.code = code;
    this.path = context.path;
    this.operationIndex = context.operationIndex;
    this.input = context.input;
    Object.defineProperty(this, kubepatchErrorBrand, { value: true });
  }
}
