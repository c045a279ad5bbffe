/**
 * Every error kubepatch throws carries one of these codes, so callers can branch on
 * `error.code` without parsing messages.
 *
 * | code | thrown as | meaning |
 * | --- | --- | --- |
 * | `INVALID_DOCUMENT` | {@link InvalidDocumentError} | an input is not a JSON value (cycle, `Date`, `NaN`, …) |
 * | `DOCUMENT_TOO_DEEP` | {@link InvalidDocumentError} | an input nests deeper than {@link MAX_DEPTH} |
 * | `INVALID_PATCH` | {@link InvalidPatchError} | a patch is malformed (unknown `op`, bad pointer, missing member) |
 * | `PATH_NOT_FOUND` | {@link InvalidPatchError} | a JSON Patch operation targets a location that does not exist |
 * | `TEST_FAILED` | {@link PatchTestFailedError} | a JSON Patch `test` operation did not match |
 * | `CONFLICT` | {@link PatchConflictError} | the changes of a three-way patch collide (Go's conflict check) |
 * | `PRECONDITION_FAILED` | {@link PreconditionFailedError} | a patch changes a field a precondition says must not change |
 *
 *
 * @example
 * ```ts
 * function retryable(code: KubepatchErrorCode): boolean {
 *   return code === 'TEST_FAILED' || code === 'CONFLICT';
 * }
 * ```
 * @public
 */
export type KubepatchErrorCode =
  | 'INVALID_DOCUMENT'
  | 'DOCUMENT_TOO_DEEP'
  | 'INVALID_PATCH'
  | 'PATH_NOT_FOUND'
  | 'TEST_FAILED'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED';
