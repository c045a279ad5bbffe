import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { InvalidMetadataError } from '../errors/InvalidMetadataError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import { cloneJson } from '../json/cloneJson.js';
import type { JsonInput, JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import type { AnnotationKeys, LabelKeys, MetadataKeys } from './MetadataKeys.js';

/**
 * A copy of `to` whose `metadata.annotations` carry the annotations of `from` that `keys` selects.
 * Values are read from `from`'s annotations and nowhere else. A selected key that `from` does not
 * have is not written at all (never as `""`), so `to` keeps whatever it has for it. Nothing else
 * of `to` changes, and neither argument is changed.
 *
 * This is the copy the Argo Rollouts 1.7 fallback got wrong: it read `scale-down-deadline` from the
 * ReplicaSet's labels, found nothing, and wrote `""`.
 *
 * @example
 * ```ts
 * const next = preserveAnnotations(liveReplicaSet, desiredReplicaSet, ARGO_ROLLOUTS_OWNED_ANNOTATIONS);
 * next.metadata.annotations['scale-down-deadline']; // the live deadline, or absent
 * ```
 * @throws {@link InvalidDocumentError} when an argument is not a JSON object.
 * @public
 */
export function preserveAnnotations<T extends JsonInput>(from: JsonInput, to: T, keys: AnnotationKeys): T {
  return preserve(from, to, keys, 'annotations');
}

/**
 * A copy of `to` whose `metadata.labels` carry the labels of `from` that `keys` selects; the
 * same rules as {@link preserveAnnotations}, for labels.
 *
 * @example
 * ```ts
 * const next = preserveLabels(liveReplicaSet, desiredReplicaSet, labelKeys(['rollouts-pod-template-hash']));
 * ```
 * @throws {@link InvalidDocumentError} when an argument is not a JSON object.
 * @public
 */
export function preserveLabels<T extends JsonInput>(from: JsonInput, to: T, keys: LabelKeys): T {
  return preserve(from, to, keys, 'labels');
}

function preserve<T extends JsonInput>(from: JsonInput, to: T, keys: MetadataKeys<'annotations' | 'labels'>, kind: 'annotations' | 'labels'): T {
  // The types already forbid the mix-up; this catches it in JavaScript or past a cast.
  if (keys?.kind !== kind) {
    const message = `keys: expected ${kind} keys (from ${kind === 'labels' ? 'labelKeys' : 'annotationKeys'}), got ${String(keys?.kind)} keys`;
    throw new InvalidMetadataError(message, { input: 'keys', problems: [{ path: `/metadata/${kind}`, key: '', message }] });
  }
  const source = metadataMap(checkedObject(from, 'from'), keys.kind);
  const result = cloneJson(checkedObject(to, 'to')) as JsonObject;
  const selected = jsonKeys(source).filter((key) => keys.matches(key) && typeof source[key] === 'string');
  if (selected.length === 0) return result as T;
  const metadata = objectAt(result, 'metadata');
  const target = objectAt(metadata, keys.kind);
  for (const key of selected) setOwn(target, key, source[key] as JsonValue);
  return result as T;
}

/** `metadata.<kind>` of a checked object, `{}` when absent. */
export function metadataMap(object: JsonObject, kind: 'annotations' | 'labels'): JsonObject {
  const metadata = getOwn(object, 'metadata');
  const map = isJsonObject(metadata) ? getOwn(metadata, kind) : undefined;
  return isJsonObject(map) ? map : {};
}

/** The object at `key` of `parent`, created when absent. */
function objectAt(parent: JsonObject, key: string): JsonObject {
  const existing = getOwn(parent, key);
  if (isJsonObject(existing)) return existing;
  const created: JsonObject = {};
  setOwn(parent, key, created);
  return created;
}

/** Checks that an argument is a JSON object. */
export function checkedObject(value: unknown, input: string): JsonObject {
  assertJsonValue(value, input);
  if (!isJsonObject(value)) throw new InvalidDocumentError(`${input}: expected a Kubernetes object`, { path: '', input });
  return value;
}
