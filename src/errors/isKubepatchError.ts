import type { ApiError, ConflictError, UnsupportedMediaTypeError } from './ApiError.js';
import type { ControlPlaneError } from './ControlPlaneError.js';
import type { ImmutableFieldError } from './ImmutableFieldError.js';
import type { InvalidDocumentError } from './InvalidDocumentError.js';
import type { InvalidMetadataError } from './InvalidMetadataError.js';
import type { InvalidPatchError } from './InvalidPatchError.js';
import type { InvalidQuantityError } from './InvalidQuantityError.js';
import type { ApplyConflictError } from './ApplyConflictError.js';
import type { InvalidSchemaError } from './InvalidSchemaError.js';
import { KubepatchError, kubepatchErrorBrand } from './KubepatchError.js';
import type { KubepatchErrorCode } from './KubepatchErrorCode.js';
import type { MergeKeyCollisionError } from './MergeKeyCollisionError.js';
import type { PatchConflictError } from './PatchConflictError.js';
import type { PatchTestFailedError } from './PatchTestFailedError.js';
import type { PreconditionFailedError } from './PreconditionFailedError.js';
import type { StrategicMergePatchError } from './StrategicMergePatchError.js';

/**
 * The error class thrown for each {@link KubepatchErrorCode}.
 *
 * @example
 * ```ts
 * type Conflict = KubepatchErrorByCode['CONFLICT']; // PatchConflictError
 * ```
 * @public
 */
export interface KubepatchErrorByCode {
  /** `INVALID_DOCUMENT` is thrown as {@link InvalidDocumentError}. */
  INVALID_DOCUMENT: InvalidDocumentError;
  /** `DOCUMENT_TOO_DEEP` is thrown as {@link InvalidDocumentError}. */
  DOCUMENT_TOO_DEEP: InvalidDocumentError;
  /** `INVALID_PATCH` is thrown as {@link InvalidPatchError}. */
  INVALID_PATCH: InvalidPatchError;
  /** `PATH_NOT_FOUND` is thrown as {@link InvalidPatchError}. */
  PATH_NOT_FOUND: InvalidPatchError;
  /** `TEST_FAILED` is thrown as {@link PatchTestFailedError}. */
  TEST_FAILED: PatchTestFailedError;
  /** `CONFLICT` is thrown as {@link PatchConflictError}. */
  CONFLICT: PatchConflictError;
  /** `PRECONDITION_FAILED` is thrown as {@link PreconditionFailedError}. */
  PRECONDITION_FAILED: PreconditionFailedError;
  /** `MERGE_KEY_COLLISION` is thrown as {@link MergeKeyCollisionError}. */
  MERGE_KEY_COLLISION: MergeKeyCollisionError;
  /** `INVALID_SCHEMA` is thrown as {@link InvalidSchemaError}. */
  INVALID_SCHEMA: InvalidSchemaError;
  /** `IMMUTABLE_FIELD` is thrown as {@link ImmutableFieldError}. */
  IMMUTABLE_FIELD: ImmutableFieldError;
  /** `INVALID_METADATA` is thrown as {@link InvalidMetadataError}. */
  INVALID_METADATA: InvalidMetadataError;
  /** `API_CONFLICT` is thrown as {@link ConflictError}. */
  API_CONFLICT: ConflictError;
  /** `UNSUPPORTED_MEDIA_TYPE` is thrown as {@link UnsupportedMediaTypeError}. */
  UNSUPPORTED_MEDIA_TYPE: UnsupportedMediaTypeError;
  /** `API_ERROR` is thrown as {@link ApiError}. */
  API_ERROR: ApiError;
  /** `APPLY_CONFLICT` is thrown as {@link ApplyConflictError}. */
  APPLY_CONFLICT: ApplyConflictError;
  /** `INVALID_QUANTITY` is thrown as {@link InvalidQuantityError}. */
  INVALID_QUANTITY: InvalidQuantityError;
  /** `CONTROL_PLANE_BINARY_MISSING` is thrown as {@link ControlPlaneError}. */
  CONTROL_PLANE_BINARY_MISSING: ControlPlaneError;
  /** `CONTROL_PLANE_PORT_IN_USE` is thrown as {@link ControlPlaneError}. */
  CONTROL_PLANE_PORT_IN_USE: ControlPlaneError;
  /** `CONTROL_PLANE_EXITED` is thrown as {@link ControlPlaneError}. */
  CONTROL_PLANE_EXITED: ControlPlaneError;
  /** `CONTROL_PLANE_TIMEOUT` is thrown as {@link ControlPlaneError}. */
  CONTROL_PLANE_TIMEOUT: ControlPlaneError;
  /** `LIST_OF_LISTS` is thrown as {@link StrategicMergePatchError}. */
  LIST_OF_LISTS: StrategicMergePatchError;
  /** `MIXED_LIST_TYPES` is thrown as {@link StrategicMergePatchError}. */
  MIXED_LIST_TYPES: StrategicMergePatchError;
  /** `MISSING_MERGE_KEY` is thrown as {@link StrategicMergePatchError}. */
  MISSING_MERGE_KEY: StrategicMergePatchError;
  /** `UNKNOWN_PATCH_TYPE` is thrown as {@link StrategicMergePatchError}. */
  UNKNOWN_PATCH_TYPE: StrategicMergePatchError;
  /** `BAD_PRIMITIVE_LIST_FORMAT` is thrown as {@link StrategicMergePatchError}. */
  BAD_PRIMITIVE_LIST_FORMAT: StrategicMergePatchError;
  /** `BAD_RETAIN_KEYS_FORMAT` is thrown as {@link StrategicMergePatchError}. */
  BAD_RETAIN_KEYS_FORMAT: StrategicMergePatchError;
  /** `BAD_SET_ELEMENT_ORDER_FORMAT` is thrown as {@link StrategicMergePatchError}. */
  BAD_SET_ELEMENT_ORDER_FORMAT: StrategicMergePatchError;
  /** `UNKNOWN_FIELD` is thrown as {@link StrategicMergePatchError}. */
  UNKNOWN_FIELD: StrategicMergePatchError;
  /** `SCHEMA_MISMATCH` is thrown as {@link StrategicMergePatchError}. */
  SCHEMA_MISMATCH: StrategicMergePatchError;
}

/**
 * True for any error thrown by kubepatch, also one thrown by another copy of the package (the
 * ESM and CJS builds loaded side by side, or two versions in one tree) or in another realm, where
 * `instanceof` fails.
 * With a `code`, it also narrows to the class thrown for that code.
 *
 * @example
 * ```ts
 * try {
 *   createThreeWayMergePatch(original, modified, live);
 * } catch (error) {
 *   if (isKubepatchError(error, 'CONFLICT')) console.error(error.conflicts);
 *   else if (isKubepatchError(error)) console.error(error.code, error.path);
 *   else throw error;
 * }
 * ```
 * @public
 */
export function isKubepatchError(error: unknown): error is KubepatchError;
/**
 * True for a kubepatch error (from any copy of the package) with the given `code`, narrowed to
 * the class thrown for that code.
 *
 * @example
 * ```ts
 * if (isKubepatchError(error, 'TEST_FAILED')) console.error(error.actual, error.expected);
 * ```
 * @public
 */
export function isKubepatchError<C extends KubepatchErrorCode>(
  error: unknown,
  code: C,
): error is KubepatchErrorByCode[C];
export function isKubepatchError(error: unknown, code?: KubepatchErrorCode): boolean {
  // Not `instanceof Error`: an error made in another realm (a `vm` context) fails that test too.
  const branded =
    error instanceof KubepatchError ||
    (typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[kubepatchErrorBrand] === true);
  return branded && (code === undefined || (error as KubepatchError).code === code);
}
