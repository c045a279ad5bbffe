import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonInput, JsonObject } from '../json/JsonValue.js';
import { getOwn, jsonKeys } from '../json/ownProperty.js';
import type { ObjectChangeKind, ObjectChanges } from './changeTypes.js';
import { generationOf, hasGeneration, metadataOf, objectOf, resourceVersionOf, sameField, stringMapOf } from './objectParts.js';

/** Top-level fields that are not the desired state. */
const NOT_SPEC = new Set(['apiVersion', 'kind', 'metadata', 'status']);

/** Metadata fields with a flag of their own; every other one is `otherMetadata`. */
const FLAGGED_METADATA = new Set(['labels', 'annotations', 'finalizers', 'ownerReferences', 'generation', 'resourceVersion', 'managedFields']);

/**
 * What kind of change the update from `oldObject` to `newObject` is: whether the spec (the
 * generation), labels, annotations, finalizers, owner references, other metadata, the status or
 * only the resourceVersion changed, with a summary `kind` ({@link ObjectChanges}). For an
 * informer's update event, to decide whether a controller has anything to do.
 *
 * The flags for labels, annotations and the resourceVersion are what `labelsChanged`,
 * `annotationsChanged` and `resourceVersionChanged` answer. `generation` is what
 * `generationChanged` answers for objects that have a generation; for kinds without one it says
 * whether the content (`data`, `spec`, …) changed.
 *
 * Pure: the inputs are never modified.
 *
 * @example
 * ```ts
 * const before = { apiVersion: 'apps/v1', kind: 'Deployment',
 *   metadata: { name: 'web', generation: 4, resourceVersion: '812', labels: { app: 'web' } },
 *   spec: { replicas: 2 }, status: { readyReplicas: 1 } };
 * const after = { ...before, metadata: { ...before.metadata, resourceVersion: '815' }, status: { readyReplicas: 2 } };
 * objectChanges(before, after);
 * // { kind: 'status', status: true, resourceVersion: true, generation: false, spec: false, labels: false,
 * //   annotations: false, finalizers: false, ownerReferences: false, otherMetadata: false, managedFields: false,
 * //   fields: ['metadata.resourceVersion', 'status'] }
 * ```
 * @throws `InvalidDocumentError` when either object is not a JSON object (`null` included), holds
 * something JSON cannot (a `Date`: convert client-node models first), or has a `metadata` that is
 * not an object, a `generation` that is not an integer, a `resourceVersion` that is not a string, or
 * labels or annotations that are not strings.
 * @public
 */
export function objectChanges(oldObject: JsonInput, newObject: JsonInput): ObjectChanges {
  assertJsonValue(oldObject, 'oldObject');
  assertJsonValue(newObject, 'newObject');
  const before = objectOf(oldObject, 'oldObject');
  const after = objectOf(newObject, 'newObject');
  const beforeMeta = metadataOf(before, 'oldObject');
  const afterMeta = metadataOf(after, 'newObject');
  // Checked for their types, as the predicates read them.
  const generationDiffers = generationOf(beforeMeta, 'oldObject') !== generationOf(afterMeta, 'newObject');
  const resourceVersion = resourceVersionOf(beforeMeta, 'oldObject') !== resourceVersionOf(afterMeta, 'newObject');
  for (const key of ['labels', 'annotations'] as const) {
    stringMapOf(beforeMeta, key, 'oldObject');
    stringMapOf(afterMeta, key, 'newObject');
  }

  const fields: string[] = [];
  for (const key of unionOfKeys(before, after)) {
    if (key !== 'metadata' && key !== 'apiVersion' && key !== 'kind' && !sameField(getOwn(before, key), getOwn(after, key))) fields.push(key);
  }
  const metadataFields = new Set<string>();
  for (const key of unionOfKeys(beforeMeta ?? {}, afterMeta ?? {})) {
    const differs = key === 'generation' ? generationDiffers : key === 'resourceVersion' ? resourceVersion : !sameField(metaField(beforeMeta, key), metaField(afterMeta, key));
    if (differs) metadataFields.add(key);
  }
  for (const key of metadataFields) fields.push(`metadata.${key}`);
  fields.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const spec = fields.some((field) => !field.startsWith('metadata.') && !NOT_SPEC.has(field));
  const status = fields.includes('status');
  const generation = hasGeneration(beforeMeta) || hasGeneration(afterMeta) ? generationDiffers : spec;
  const otherMetadata = [...metadataFields].some((key) => !FLAGGED_METADATA.has(key));
  const flags = {
    generation,
    spec,
    labels: metadataFields.has('labels'),
    annotations: metadataFields.has('annotations'),
    finalizers: metadataFields.has('finalizers'),
    ownerReferences: metadataFields.has('ownerReferences'),
    otherMetadata,
    status,
    resourceVersion,
    managedFields: metadataFields.has('managedFields'),
  };
  const metadata = flags.labels || flags.annotations || flags.finalizers || flags.ownerReferences || otherMetadata || generationDiffers;
  const kind: ObjectChangeKind = spec
    ? 'spec'
    : metadata
      ? 'metadata'
      : status
        ? 'status'
        : resourceVersion || flags.managedFields
          ? 'resourceVersionOnly'
          : 'none';
  return { kind, ...flags, fields };
}

function metaField(metadata: JsonObject | undefined, key: string) {
  return metadata === undefined ? undefined : getOwn(metadata, key);
}

/** The keys of both objects (with a value), each once, in first-seen order. */
function unionOfKeys(a: JsonObject, b: JsonObject): string[] {
  const keys = jsonKeys(a);
  const seen = new Set(keys);
  for (const key of jsonKeys(b)) if (!seen.has(key)) keys.push(key);
  return keys;
}
