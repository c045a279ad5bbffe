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
 * | `MERGE_KEY_COLLISION` | {@link MergeKeyCollisionError} | a strategic merge patch cannot give `modified`: elements of a merge list share their merge key (53/TCP and 53/UDP) |
 * | `IMMUTABLE_FIELD` | {@link ImmutableFieldError} | an update changes a field that cannot change (the API server's 422 "field is immutable") |
 * | `INVALID_METADATA` | {@link InvalidMetadataError} | labels, annotations or a selector break Kubernetes' syntax rules |
 * | `API_CONFLICT` | {@link ConflictError} | the API server answered 409 Conflict and retries did not get through |
 * | `UNSUPPORTED_MEDIA_TYPE` | {@link UnsupportedMediaTypeError} | the API server answered 415: it does not take this patch format for this kind |
 * | `API_ERROR` | {@link ApiError} | the API server refused a request otherwise |
 * | `APPLY_CONFLICT` | {@link ApplyConflictError} | a server-side apply would change fields other managers own (the API server's 409 "Apply failed with N conflicts") |
 * | `INVALID_QUANTITY` | {@link InvalidQuantityError} | a string is not a Kubernetes quantity (`"1GB"`, `"1.5 Gi"`) |
 * | `CONTROL_PLANE_BINARY_MISSING` | {@link ControlPlaneError} | `kubepatch/envtest` found no `kube-apiserver` or `etcd` binary |
 * | `CONTROL_PLANE_PORT_IN_USE` | {@link ControlPlaneError} | a test control plane's port was taken by another process, on every try |
 * | `CONTROL_PLANE_EXITED` | {@link ControlPlaneError} | `etcd` or `kube-apiserver` exited (crashed or refused its flags) |
 * | `CONTROL_PLANE_TIMEOUT` | {@link ControlPlaneError} | a test control plane, or a CRD it installs, was not ready within the wait |
 * | `INVALID_SCHEMA` | {@link InvalidSchemaError} | a schema source (OpenAPI document, CRD, schema table) is malformed or lacks the requested type |
 * | `LIST_OF_LISTS` | {@link StrategicMergePatchError} | a merge list holds lists (Go: "lists of lists are not supported") |
 * | `MIXED_LIST_TYPES` | {@link StrategicMergePatchError} | a merge list mixes element types (Go: "list element types are not identical") |
 * | `MISSING_MERGE_KEY` | {@link StrategicMergePatchError} | an element of a merge list lacks its merge key (Go: "does not contain declared merge key") |
 * | `UNKNOWN_PATCH_TYPE` | {@link StrategicMergePatchError} | `$patch` has a value other than `replace` or `delete` where it stands |
 * | `BAD_PRIMITIVE_LIST_FORMAT` | {@link StrategicMergePatchError} | a malformed `$deleteFromPrimitiveList` directive |
 * | `BAD_RETAIN_KEYS_FORMAT` | {@link StrategicMergePatchError} | a malformed `$retainKeys` directive, or a patch key it does not list |
 * | `BAD_SET_ELEMENT_ORDER_FORMAT` | {@link StrategicMergePatchError} | a malformed `$setElementOrder` directive, or one the patch list contradicts |
 * | `UNKNOWN_FIELD` | {@link StrategicMergePatchError} | the schema has no such field where its patch strategy is needed (Go: "unable to find api field") |
 * | `SCHEMA_MISMATCH` | {@link StrategicMergePatchError} | the schema and the document disagree (a merge list of objects without a merge key, an unknown strategy) |
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
  | 'PRECONDITION_FAILED'
  | 'MERGE_KEY_COLLISION'
  | 'INVALID_SCHEMA'
  | 'IMMUTABLE_FIELD'
  | 'INVALID_METADATA'
  | 'API_CONFLICT'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'API_ERROR'
  | 'APPLY_CONFLICT'
  | 'INVALID_QUANTITY'
  | ControlPlaneErrorCode
  | StrategicMergePatchErrorCode;

/**
 * The codes `kubepatch/envtest` fails with when a test control plane cannot start or stops
 * unexpectedly; see {@link KubepatchErrorCode}.
 *
 * @example
 * ```ts
 * const code: ControlPlaneErrorCode = 'CONTROL_PLANE_BINARY_MISSING';
 * ```
 * @public
 */
export type ControlPlaneErrorCode =
  | 'CONTROL_PLANE_BINARY_MISSING'
  | 'CONTROL_PLANE_PORT_IN_USE'
  | 'CONTROL_PLANE_EXITED'
  | 'CONTROL_PLANE_TIMEOUT';

/**
 * The codes a strategic merge patch fails with, one per error kind of Go's
 * `k8s.io/apimachinery/pkg/util/mergepatch` and `strategicpatch`; see {@link KubepatchErrorCode}.
 *
 * @example
 * ```ts
 * const code: StrategicMergePatchErrorCode = 'MISSING_MERGE_KEY';
 * ```
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
