import type { JsonInput, JsonObject } from '../json/JsonValue.js';
import { isJsonObject, jsonKeys } from '../json/ownProperty.js';
import type { TypeMeta } from '../schema/GroupVersionKind.js';
import type { PatchSchema } from '../schema/PatchSchema.js';
import { patchTypeFor, type PatchTypeChoice } from '../schema/patchTypeFor.js';
import { schemaFor } from '../schema/schemaFor.js';
import { createMergePatch } from './merge-patch/createMergePatch.js';
import { createThreeWayMergePatch } from './merge-patch/createThreeWayMergePatch.js';
import { requireKeyUnchanged, requireMetadataKeyUnchanged } from './merge-patch/preconditions.js';
import { createStrategicMergePatch } from './strategic/createStrategicMergePatch.js';
import { createThreeWayStrategicMergePatch } from './strategic/createThreeWayStrategicMergePatch.js';

/**
 * Options of {@link createPatchFor}.
 * @example
 * ```ts
 * const options: CreatePatchForOptions = { lastApplied, overwrite: false };
 * ```
 * @public
 */
export interface CreatePatchForOptions {
  /**
   * The configuration applied last time (`kubectl.kubernetes.io/last-applied-configuration`).
   * Given, the patch is the three-way patch `kubectl apply` sends: it deletes only what you
   * applied before and no longer do, and leaves fields others set alone. Default: none (two-way).
   */
  readonly lastApplied?: JsonInput | null;
  /** With `lastApplied` and a built-in kind: `false` refuses to undo changes made on the live object. Default: `true`. */
  readonly overwrite?: boolean;
}

/**
 * A patch ready to send: its body, its format and the `Content-Type` to send it with.
 * @example
 * ```ts
 * const { patch, contentType, empty } = createPatchFor(live, desired);
 * ```
 * @public
 */
export interface PatchFor extends PatchTypeChoice {
  /** The patch body. */
  readonly patch: JsonObject;
  /** `true` when the patch changes nothing (`{}`): there is nothing to send. */
  readonly empty: boolean;
}

/**
 * Builds the right patch for any object in one call, choosing the format as `kubectl apply` does
 * ({@link patchTypeFor}): a strategic merge patch for built-in kinds, a JSON merge patch for
 * custom resources such as an Argo Rollout (the API server refuses strategic merge patch for
 * them with 415). Without `lastApplied` it is the two-way patch from `current` to `desired`; with
 * it, the three-way patch of `kubectl apply`, with kubectl's preconditions for custom resources
 * (`apiVersion`, `kind` and `metadata.name` must not change).
 *
 * @example
 * ```ts
 * const { patch, contentType, empty } = createPatchFor(live, desired);
 * if (!empty) {
 *   await api.patchNamespacedDeployment(
 *     { name, namespace, body: patch },
 *     setHeaderOptions('Content-Type', contentType), // @kubernetes/client-node >= 1.1
 *   );
 * }
 * ```
 * @throws {@link InvalidDocumentError} when `desired` names no `apiVersion` and `kind`, or an argument is not an object.
 * @public
 */
export function createPatchFor(current: JsonInput, desired: JsonInput, options: CreatePatchForOptions = {}): PatchFor {
  const kind = desired as TypeMeta;
  const choice = patchTypeFor(kind);
  const schema: PatchSchema | undefined = choice.type === 'strategic' ? schemaFor(kind) : undefined;
  const patch = schema ? strategicPatch(current, desired, schema, options) : mergePatch(current, desired, options);
  return { ...choice, patch, empty: jsonKeys(patch).length === 0 };
}

function strategicPatch(current: JsonInput, desired: JsonInput, schema: PatchSchema, options: CreatePatchForOptions): JsonObject {
  if (!('lastApplied' in options)) return createStrategicMergePatch(current, desired, schema);
  return createThreeWayStrategicMergePatch(options.lastApplied, desired, current, schema, { overwrite: options.overwrite ?? true });
}

function mergePatch(current: JsonInput, desired: JsonInput, options: CreatePatchForOptions): JsonObject {
  if ('lastApplied' in options) {
    const preconditions = [requireKeyUnchanged('apiVersion'), requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name')];
    return createThreeWayMergePatch(options.lastApplied, desired, current, { preconditions });
  }
  const patch = createMergePatch(current, desired);
  return isJsonObject(patch) ? patch : {};
}
