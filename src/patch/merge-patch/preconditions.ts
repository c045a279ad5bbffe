import type { JsonObject } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import { escapePointerToken } from '../../json/pointer.js';

/**
 * A check run on a computed patch: it returns `false` to reject the patch, which then throws
 * {@link PreconditionFailedError}. Like Go's `mergepatch.PreconditionFunc`.
 *
 * @example
 * ```ts
 * const keepReplicas: PatchPrecondition = (patch) => !('spec' in patch && 'replicas' in (patch.spec as object));
 * ```
 * @public
 */
export interface PatchPrecondition {
  /** `true` when `patch` is acceptable. */
  (patch: JsonObject): boolean;
  /** JSON Pointer of the field the precondition guards, reported in the error. */
  readonly path?: string;
}

/**
 * A precondition that fails when the patch touches the top-level `key`, as Go's
 * `mergepatch.RequireKeyUnchanged`: the presence of the key in a patch means its value changed.
 * `kubectl apply` passes `apiVersion` and `kind` for every object.
 *
 * @example
 * ```ts
 * createThreeWayMergePatch(original, modified, live, {
 *   preconditions: [requireKeyUnchanged('apiVersion'), requireKeyUnchanged('kind')],
 * });
 * ```
 * @public
 */
export function requireKeyUnchanged(key: string): PatchPrecondition {
  const check = (patch: JsonObject): boolean => getOwn(patch, key) === undefined;
  return Object.assign(check, { path: `/${escapePointerToken(key)}` });
}

/**
 * A precondition that fails when the patch touches `metadata.<key>`, as Go's
 * `mergepatch.RequireMetadataKeyUnchanged`. `kubectl apply` passes `name` for every object.
 *
 * @example
 * ```ts
 * createThreeWayMergePatch(original, modified, live, {
 *   preconditions: [requireMetadataKeyUnchanged('name')],
 * });
 * ```
 * @public
 */
export function requireMetadataKeyUnchanged(key: string): PatchPrecondition {
  const check = (patch: JsonObject): boolean => {
    const metadata = getOwn(patch, 'metadata');
    return !isJsonObject(metadata) || getOwn(metadata, key) === undefined;
  };
  return Object.assign(check, { path: `/metadata/${escapePointerToken(key)}` });
}
