import { InvalidPatchError, PATCH_CONTENT_TYPES, type JsonInput, type JsonObject, type JsonValue, type PatchType } from 'kubepatch';
import { isJsonObject } from '../json/ownProperty.js';
import type { ClientRequestOptions } from './ClientRequestOptions.js';
import type { KubeConfigLike } from './KubeConfigLike.js';
import { kubeRequest } from './kubeRequest.js';
import type { ObjectTarget } from './ObjectReference.js';
import { referenceOf, resourcePath } from './resourcePath.js';

/**
 * A patch and its format: what `createPatchFor` and `buildFallbackPatch` return, or one written
 * by hand.
 * @example
 * ```ts
 * const scale: PatchToSend = { type: 'merge', patch: { spec: { replicas: 5 } } };
 * const guarded: PatchToSend = { type: 'json', patch: [{ op: 'test', path: '/spec/replicas', value: 3 }, { op: 'replace', path: '/spec/replicas', value: 5 }] };
 * ```
 * @public
 */
export interface PatchToSend {
  /** The format: `json`, `merge`, `strategic` or `apply` (server-side apply). */
  readonly type: PatchType;
  /** The body: a JSON Patch (an array) for `json`, an object for the others. */
  readonly patch: JsonInput;
  /** When given, it must be the `Content-Type` of `type` (a guard against mixing up patches). */
  readonly contentType?: string;
}

/**
 * Options of {@link sendPatch}.
 * @example
 * ```ts
 * const options: SendPatchOptions = { fieldManager: 'deploy-bot', force: true };
 * ```
 * @public
 */
export interface SendPatchOptions extends ClientRequestOptions {
  /** The `fieldManager`: required for `apply`, optional for the other formats. */
  readonly fieldManager?: string;
  /** `apply` only: take over fields other managers own instead of failing with 409. */
  readonly force?: boolean;
  /** Ask the server to validate and answer without storing (`dryRun=All`). */
  readonly dryRun?: boolean;
  /**
   * `'status'`: patch the object's status subresource (`…/status`). The server then changes only
   * `.status` (a Deployment's or a custom resource's spec, labels and annotations stay as they are)
   * and records the `fieldManager` with `subresource: status`. Default: the object itself, where
   * the server leaves `.status` alone for kinds that have the subresource.
   */
  readonly subresource?: 'status';
}

/**
 * Sends a patch of any format (PATCH) with its own `Content-Type` and resolves with the object the
 * server stored. The body goes out byte for byte, `$patch` and `$setElementOrder` directives
 * included (client-node's `KubernetesObjectApi.patch` drops them for built-in kinds, and its
 * `patch*` methods send every body as JSON Patch unless told otherwise). For `apply`, a
 * `fieldManager` is required and `metadata.managedFields` is taken out of the body (the server
 * refuses it); {@link applyObject} is the friendlier way to apply.
 *
 * @example
 * ```ts
 * const live = await getObject(kc, ref);
 * const update = createPatchFor(live, desired); // strategic for built-in kinds, merge for custom resources
 * if (!update.empty) await sendPatch(kc, ref, update);
 * await sendPatch(kc, ref, { type: 'json', patch: [{ op: 'remove', path: '/metadata/annotations/scale-down-deadline' }] });
 * // The status subresource, as a controller writes it:
 * await sendPatch(kc, ref, { type: 'merge', patch: { status: { phase: 'Paused' } } }, { subresource: 'status', fieldManager: 'rollouts-controller' });
 * ```
 * @throws `UnsupportedMediaTypeError` (415, e.g. a strategic merge patch to a custom resource),
 * `ApplyConflictError` (409, an `apply` without `force` would take fields other managers own),
 * `ConflictError` (409, a `resourceVersion` precondition failed), `ImmutableFieldError`
 * (422 "field is immutable"), `ApiError` (any other refusal); `InvalidPatchError` before
 * sending when the patch does not fit its format or the options do not fit the format; a
 * `RangeError` for a `subresource` other than `'status'`.
 * @public
 */
export async function sendPatch(
  client: KubeConfigLike,
  target: ObjectTarget,
  patch: PatchToSend,
  options: SendPatchOptions = {},
): Promise<JsonObject> {
  const ref = referenceOf(target, 'target');
  const body = patchBody(patch, options);
  return kubeRequest(client, {
    method: 'PATCH',
    path: resourcePath(ref, options.plural, options.subresource),
    query: {
      fieldManager: options.fieldManager,
      force: options.force === undefined ? undefined : String(options.force),
      dryRun: options.dryRun === true ? 'All' : undefined,
    },
    contentType: PATCH_CONTENT_TYPES[patch.type],
    body,
    signal: options.signal,
  });
}

function patchBody(patch: PatchToSend, options: SendPatchOptions): JsonValue {
  const invalid = (message: string, input = 'patch'): InvalidPatchError => new InvalidPatchError(message, { input });
  if (!Object.hasOwn(PATCH_CONTENT_TYPES, patch.type)) {
    throw invalid(`unknown patch type ${JSON.stringify(patch.type)}: expected one of ${Object.keys(PATCH_CONTENT_TYPES).join(', ')}`);
  }
  const contentType = PATCH_CONTENT_TYPES[patch.type];
  if (patch.contentType !== undefined && patch.contentType !== contentType) {
    throw invalid(`a ${patch.type} patch is sent as ${contentType}, not ${patch.contentType}`);
  }
  if (patch.type !== 'apply' && options.force !== undefined) {
    throw invalid('force is allowed only for server-side apply (type "apply")', 'options');
  }
  if (patch.type === 'apply' && (options.fieldManager === undefined || options.fieldManager === '')) {
    throw invalid('server-side apply needs a fieldManager', 'options');
  }
  let body: unknown;
  try {
    body = JSON.parse(JSON.stringify(patch.patch) ?? 'null');
  } catch (error) {
    throw invalid(`the patch cannot be sent as JSON: ${(error as Error).message}`);
  }
  if (patch.type === 'json') {
    if (!Array.isArray(body)) throw invalid('a JSON Patch must be an array of operations');
    return body as JsonValue;
  }
  if (!isJsonObject(body)) throw invalid(`a ${patch.type} patch must be a JSON object`);
  if (patch.type === 'apply' && isJsonObject(body.metadata)) delete body.metadata.managedFields;
  return body;
}
