import { InvalidPatchError } from '../errors/InvalidPatchError.js';
import type { JsonInput, JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import { readTypeMeta } from '../schema/GroupVersionKind.js';
import { PATCH_CONTENT_TYPES } from '../schema/PatchType.js';
import { isBuiltinKind } from '../schema/schemaFor.js';
import {
  ARGO_ROLLOUTS_OWNED_ANNOTATIONS,
  ARGO_ROLLOUTS_OWNED_LABELS,
  type AnnotationKeys,
  type LabelKeys,
  type MetadataKeys,
} from './MetadataKeys.js';
import { checkedObject, metadataMap } from './preserveMetadata.js';

/**
 * Options of {@link buildFallbackPatch}.
 * @example
 * ```ts
 * const options: FallbackPatchOptions = { type: 'strategic', resourceVersion: true };
 * ```
 * @public
 */
export interface FallbackPatchOptions {
  /** The `metadata.labels` keys the caller owns. Default: {@link ARGO_ROLLOUTS_OWNED_LABELS}. */
  readonly labels?: LabelKeys;
  /** The `metadata.annotations` keys the caller owns. Default: {@link ARGO_ROLLOUTS_OWNED_ANNOTATIONS}. */
  readonly annotations?: AnnotationKeys;
  /**
   * `'merge'` (valid for every kind) or `'strategic'` (built-in kinds only; the body is the same,
   * since the fields involved are maps and a scalar). Default: `'merge'`.
   */
  readonly type?: 'merge' | 'strategic';
  /**
   * Add `metadata.resourceVersion` to the patch, which makes the API server refuse it (409) if the
   * object changed since: `true` takes it from `live`, a string is used as given. Default: none.
   */
  readonly resourceVersion?: boolean | string;
}

/**
 * A patch with the format and `Content-Type` to send it with.
 * @example
 * ```ts
 * const { patch, contentType, empty } = buildFallbackPatch(desired, live);
 * ```
 * @public
 */
export interface FallbackPatch {
  /** The patch format. */
  readonly type: 'merge' | 'strategic';
  /** The `Content-Type` to send it with: the one of {@link PATCH_CONTENT_TYPES} for `type`. */
  readonly contentType: (typeof PATCH_CONTENT_TYPES)['merge' | 'strategic'];
  /** The patch body. */
  readonly patch: JsonObject;
  /** `true` when the live object already carries every owned value (a `resourceVersion` alone does not count). */
  readonly empty: boolean;
}

/**
 * The smallest patch that makes `live` carry the values of `desired` for the fields the caller owns,
 * and nothing else: the corrected, general form of the Argo Rollouts 1.7 fallback that a 409 on a
 * ReplicaSet update triggered.
 *
 * Owned fields: `spec.replicas`, the pod template's `metadata.labels` and `metadata.annotations`
 * (whole maps), and the selected keys of `metadata.labels` and `metadata.annotations`. Each value
 * is read from the same place in `desired` (an annotation from the annotations, never from the
 * labels). An owned key that `live` has and `desired` dropped is deleted (`null`), which the
 * original could not do; keys the caller does not own are never touched.
 *
 * @example
 * ```ts
 * const live = { metadata: { annotations: { 'scale-down-deadline': '2026-11-23T10:00:00Z', team: 'x' } }, spec: { replicas: 3 } };
 * const desired = { metadata: { annotations: {} }, spec: { replicas: 0 } };
 * buildFallbackPatch(desired, live).patch;
 * // { metadata: { annotations: { 'scale-down-deadline': null } }, spec: { replicas: 0 } }  (team untouched)
 * ```
 * @throws {@link InvalidPatchError} when `type: 'strategic'` is asked for a kind that is not built in.
 * @throws {@link InvalidDocumentError} when an argument is not a Kubernetes object.
 * @public
 */
export function buildFallbackPatch(desired: JsonInput, live: JsonInput, options: FallbackPatchOptions = {}): FallbackPatch {
  const want = checkedObject(desired, 'desired');
  const have = checkedObject(live, 'live');
  const type = options.type ?? 'merge';
  if (type === 'strategic' && !isBuiltinKind(readTypeMeta([want]) ?? { apiVersion: '', kind: '' })) {
    throw new InvalidPatchError(
      'a strategic merge patch is only accepted for built-in kinds; the API server answers 415 for this one: use type "merge"',
      { input: 'options' },
    );
  }

  const patch: JsonObject = {};
  const metadata: JsonObject = {};
  diffOwnedKeys(metadataMap(want, 'labels'), metadataMap(have, 'labels'), options.labels ?? ARGO_ROLLOUTS_OWNED_LABELS, metadata, 'labels');
  diffOwnedKeys(
    metadataMap(want, 'annotations'),
    metadataMap(have, 'annotations'),
    options.annotations ?? ARGO_ROLLOUTS_OWNED_ANNOTATIONS,
    metadata,
    'annotations',
  );
  if (jsonKeys(metadata).length > 0) patch['metadata'] = metadata;

  const spec: JsonObject = {};
  const replicas = at(want, 'spec', 'replicas');
  if (replicas !== undefined && replicas !== at(have, 'spec', 'replicas')) spec['replicas'] = replicas;
  const templateMetadata: JsonObject = {};
  for (const kind of ['labels', 'annotations'] as const) {
    const all = { kind, matches: () => true } as MetadataKeys<typeof kind>;
    diffOwnedKeys(mapAt(want, 'spec', 'template', 'metadata', kind), mapAt(have, 'spec', 'template', 'metadata', kind), all, templateMetadata, kind);
  }
  if (jsonKeys(templateMetadata).length > 0) spec['template'] = { metadata: templateMetadata };
  if (jsonKeys(spec).length > 0) patch['spec'] = spec;

  const empty = jsonKeys(patch).length === 0;
  const resourceVersion = options.resourceVersion === true ? at(have, 'metadata', 'resourceVersion') : options.resourceVersion;
  if (typeof resourceVersion === 'string' && resourceVersion !== '') {
    const patchMetadata = isJsonObject(patch['metadata']) ? patch['metadata'] : (patch['metadata'] = {});
    patchMetadata['resourceVersion'] = resourceVersion;
  }
  return { type, contentType: PATCH_CONTENT_TYPES[type], patch, empty };
}

/** Sets owned keys whose desired value differs, and nulls owned keys that only `live` has. */
function diffOwnedKeys(want: JsonObject, have: JsonObject, owned: MetadataKeys<'labels' | 'annotations'>, into: JsonObject, kind: string): void {
  const changes: JsonObject = {};
  for (const key of jsonKeys(want)) {
    if (owned.matches(key) && getOwn(have, key) !== want[key]) setOwn(changes, key, want[key] as JsonValue);
  }
  for (const key of jsonKeys(have)) {
    if (owned.matches(key) && getOwn(want, key) === undefined) setOwn(changes, key, null);
  }
  if (jsonKeys(changes).length > 0) into[kind] = changes;
}

function at(object: JsonObject, ...path: string[]): JsonValue | undefined {
  let node: JsonValue | undefined = object;
  for (const key of path) node = isJsonObject(node) ? getOwn(node, key) : undefined;
  return node;
}

function mapAt(object: JsonObject, ...path: string[]): JsonObject {
  const value = at(object, ...path);
  return isJsonObject(value) ? value : {};
}
