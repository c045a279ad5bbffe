import type { JsonInput, JsonObject } from '../json/JsonValue.js';
import { generationOf, metadataOf, objectOf, resourceVersionOf, sameField, stringMapOf } from './objectParts.js';

/*
 * controller-runtime's update predicates (sigs.k8s.io/controller-runtime, pkg/predicate/predicate.go,
 * the Typed… predicates of the current main). Each `Update` first returns false when either object
 * is nil:
 *
 *   if isNil(e.ObjectOld) { log.Error(nil, "Update event has no old object to update", …); return false }
 *   if isNil(e.ObjectNew) { log.Error(nil, "Update event has no new object for update", …); return false }
 *
 * Here, `null` and `undefined` are nil. Anything else that is not an object is refused with
 * InvalidDocumentError: it is a bug, not an event.
 */

/** Both objects' metadata, or `undefined` when either object is nil. */
function metadataPair(oldObject: unknown, newObject: unknown): [JsonObject | undefined, JsonObject | undefined] | undefined {
  // Both are checked, so a bad object is reported even when the other is nil.
  const before = oldObject === null || oldObject === undefined ? undefined : metadataOf(objectOf(oldObject, 'oldObject'), 'oldObject');
  const after = newObject === null || newObject === undefined ? undefined : metadataOf(objectOf(newObject, 'newObject'), 'newObject');
  if (oldObject === null || oldObject === undefined || newObject === null || newObject === undefined) return undefined;
  return [before, after];
}

/**
 * controller-runtime's `GenerationChangedPredicate`: true when `metadata.generation` differs.
 * Its rule, `pkg/predicate/predicate.go`:
 *
 * > This predicate will skip update events that have no change in the object's metadata.generation field.
 * > The metadata.generation field of an object is incremented by the API server when writes are made to the spec field of an object.
 * > This allows a controller to ignore update events where the spec is unchanged, and only the metadata and/or status fields are changed.
 *
 * `return e.ObjectNew.GetGeneration() != e.ObjectOld.GetGeneration()`, after returning false when
 * either object is nil (`null` or `undefined` here). An absent generation is 0, Go's zero value, so
 * for kinds without one (ConfigMap, Secret) this is always false. The server bumps a Deployment's
 * generation on annotation changes too, and a custom resource's on status changes when its CRD has
 * no status subresource (controller-runtime's caveats say the same).
 *
 * @example
 * ```ts
 * generationChanged({ metadata: { generation: 3 } }, { metadata: { generation: 4 } }); // true
 * generationChanged({ metadata: { generation: 3 } }, { metadata: { generation: 3 }, status: { ready: 1 } }); // false
 * generationChanged(undefined, { metadata: { generation: 1 } }); // false: no old object
 * ```
 * @throws `InvalidDocumentError` when an object is neither nil nor a JSON object, or its metadata
 * is not an object or its generation not an integer.
 * @public
 */
export function generationChanged(oldObject: JsonInput | null | undefined, newObject: JsonInput | null | undefined): boolean {
  const pair = metadataPair(oldObject, newObject);
  if (pair === undefined) return false;
  return generationOf(pair[1], 'newObject') !== generationOf(pair[0], 'oldObject');
}

/**
 * controller-runtime's `LabelChangedPredicate`: true when `metadata.labels` differ.
 * `return !maps.Equal(e.ObjectNew.GetLabels(), e.ObjectOld.GetLabels())` after the nil checks:
 * the same keys with the same values. `maps.Equal` finds a nil map equal to an empty one, so absent,
 * `null` and `{}` are the same here. (controller-runtime before `maps.Equal` used `reflect.DeepEqual`,
 * under which they differed; the API server never sends `{}`, it leaves empty labels out.)
 *
 * @example
 * ```ts
 * labelsChanged({ metadata: { labels: { app: 'web' } } }, { metadata: { labels: { app: 'api' } } }); // true
 * labelsChanged({ metadata: {} }, { metadata: { labels: {} } }); // false
 * ```
 * @throws `InvalidDocumentError` when an object is neither nil nor a JSON object, or its labels are
 * not an object of strings.
 * @public
 */
export function labelsChanged(oldObject: JsonInput | null | undefined, newObject: JsonInput | null | undefined): boolean {
  return mapChanged(oldObject, newObject, 'labels');
}

/**
 * controller-runtime's `AnnotationChangedPredicate`: true when `metadata.annotations` differ.
 * `return !maps.Equal(e.ObjectNew.GetAnnotations(), e.ObjectOld.GetAnnotations())` after the nil
 * checks; absent, `null` and `{}` are the same, as for {@link labelsChanged}. controller-runtime
 * means it to be combined with `GenerationChangedPredicate`:
 *
 * > It is intended to be used in conjunction with the GenerationChangedPredicate
 *
 * @example
 * ```ts
 * const specOrAnnotations = (o: JsonObject, n: JsonObject) => generationChanged(o, n) || annotationsChanged(o, n);
 * ```
 * @throws `InvalidDocumentError` when an object is neither nil nor a JSON object, or its
 * annotations are not an object of strings.
 * @public
 */
export function annotationsChanged(oldObject: JsonInput | null | undefined, newObject: JsonInput | null | undefined): boolean {
  return mapChanged(oldObject, newObject, 'annotations');
}

/**
 * controller-runtime's `ResourceVersionChangedPredicate`: true when `metadata.resourceVersion`
 * differs. `return e.ObjectNew.GetResourceVersion() != e.ObjectOld.GetResourceVersion()` after the
 * nil checks; an absent resourceVersion is `""`. Every write changes it, so this passes every real
 * update and drops the resyncs in which old and new are the same object.
 *
 * @example
 * ```ts
 * resourceVersionChanged({ metadata: { resourceVersion: '41' } }, { metadata: { resourceVersion: '42' } }); // true
 * resourceVersionChanged(live, live); // false: a resync
 * ```
 * @throws `InvalidDocumentError` when an object is neither nil nor a JSON object, or its
 * resourceVersion is not a string.
 * @public
 */
export function resourceVersionChanged(oldObject: JsonInput | null | undefined, newObject: JsonInput | null | undefined): boolean {
  const pair = metadataPair(oldObject, newObject);
  if (pair === undefined) return false;
  return resourceVersionOf(pair[1], 'newObject') !== resourceVersionOf(pair[0], 'oldObject');
}

function mapChanged(oldObject: unknown, newObject: unknown, key: 'labels' | 'annotations'): boolean {
  const pair = metadataPair(oldObject, newObject);
  if (pair === undefined) return false;
  return !sameField(stringMapOf(pair[1], key, 'newObject'), stringMapOf(pair[0], key, 'oldObject'));
}
