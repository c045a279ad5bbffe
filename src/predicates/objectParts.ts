import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { jsonEqual } from '../json/jsonEqual.js';
import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../json/ownProperty.js';
import { escapePointerToken } from '../json/pointer.js';

/**
 * How the change predicates read the parts of an object they compare, with Go's zero values
 * (`GetGeneration()` is 0 and `GetResourceVersion()` is `""` when the field is absent) and a typed
 * error for anything that is not a Kubernetes object.
 */

/** The object itself: a JSON object, else `InvalidDocumentError`. */
export function objectOf(value: unknown, input: string): JsonObject {
  if (!isJsonObject(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new InvalidDocumentError(`${input} must be a Kubernetes object (a JSON object), not ${what}`, { input, path: '' });
  }
  return value;
}

/** `metadata`, or `undefined` when absent or `null`; anything else that is not an object is refused. */
export function metadataOf(object: JsonObject, input: string): JsonObject | undefined {
  const metadata = getOwn(object, 'metadata');
  if (metadata === undefined || metadata === null) return undefined;
  if (!isJsonObject(metadata)) throw new InvalidDocumentError(`${input}: metadata must be an object`, { input, path: '/metadata' });
  return metadata;
}

/** `metadata.generation`, 0 when absent (Go's zero value), which must otherwise be an integer. */
export function generationOf(metadata: JsonObject | undefined, input: string): number {
  const generation = metadata === undefined ? undefined : getOwn(metadata, 'generation');
  if (generation === undefined || generation === null) return 0;
  if (typeof generation !== 'number' || !Number.isInteger(generation)) {
    throw new InvalidDocumentError(`${input}: metadata.generation must be an integer, not ${JSON.stringify(generation)}`, {
      input,
      path: '/metadata/generation',
    });
  }
  return generation;
}

/** True when `metadata.generation` is present (not absent, not `null`). */
export function hasGeneration(metadata: JsonObject | undefined): boolean {
  const generation = metadata === undefined ? undefined : getOwn(metadata, 'generation');
  return generation !== undefined && generation !== null;
}

/** `metadata.resourceVersion`, `""` when absent (Go's zero value), which must otherwise be a string. */
export function resourceVersionOf(metadata: JsonObject | undefined, input: string): string {
  const resourceVersion = metadata === undefined ? undefined : getOwn(metadata, 'resourceVersion');
  if (resourceVersion === undefined || resourceVersion === null) return '';
  if (typeof resourceVersion !== 'string') {
    throw new InvalidDocumentError(`${input}: metadata.resourceVersion must be a string, not ${JSON.stringify(resourceVersion)}`, {
      input,
      path: '/metadata/resourceVersion',
    });
  }
  return resourceVersion;
}

/**
 * `metadata.labels` or `metadata.annotations` (Go's `map[string]string`): `undefined` when absent
 * or `null`; an object whose values are all strings otherwise, else `InvalidDocumentError`.
 */
export function stringMapOf(metadata: JsonObject | undefined, key: 'labels' | 'annotations', input: string): JsonObject | undefined {
  const map = metadata === undefined ? undefined : getOwn(metadata, key);
  if (map === undefined || map === null) return undefined;
  if (!isJsonObject(map)) throw new InvalidDocumentError(`${input}: metadata.${key} must be an object of strings`, { input, path: `/metadata/${key}` });
  for (const name of jsonKeys(map)) {
    if (typeof map[name] !== 'string') {
      throw new InvalidDocumentError(`${input}: metadata.${key}[${JSON.stringify(name)}] must be a string, not ${JSON.stringify(map[name])}`, {
        input,
        path: `/metadata/${key}/${escapePointerToken(name)}`,
      });
    }
  }
  return map;
}

/** Absent, `null`, `{}` or `[]`: what Go decodes to a nil or empty map, slice or struct. */
export function isEmpty(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && jsonKeys(value).length === 0;
}

/**
 * Whether a field is the same on both sides: absent, `null` and empty count as one (Go's
 * `maps.Equal` on a nil and an empty map, and how the API server omits empty fields); otherwise
 * strict JSON equality (`1` is not `"1"`, order of list items counts).
 */
export function sameField(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (isEmpty(a)) return isEmpty(b);
  return !isEmpty(b) && jsonEqual(a, b);
}
