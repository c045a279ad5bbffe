import type { JsonObject, JsonValue } from 'kubepatch';
import { jsonEqual } from '../json/jsonEqual.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';

/**
 * The part of a merge or strategic merge `patch` that the caller changed: the members whose value
 * in `desired` differs from `original`, the object `desired` was made from. A member `desired`
 * merely carries over from a stale `original` (a replica count another writer has changed since,
 * an annotation another controller added since) is dropped, so the patch cannot revert it.
 * `metadata.resourceVersion` (a precondition) is kept. Directives (`$patch`, `$retainKeys`, …) are
 * kept where something else at their level is.
 */
export function callerChanges(patch: JsonObject, original: JsonObject, desired: JsonObject): JsonObject {
  return filterLevel(patch, original, desired, 0, false);
}

function filterLevel(
  patch: JsonObject,
  original: JsonValue | undefined,
  desired: JsonValue | undefined,
  depth: number,
  inMetadata: boolean,
): JsonObject {
  const out: JsonObject = {};
  const directives: string[] = [];
  for (const key of jsonKeys(patch)) {
    const value = patch[key] as JsonValue;
    if (key.startsWith('$')) {
      directives.push(key);
      continue;
    }
    if (inMetadata && depth === 1 && key === 'resourceVersion') {
      setOwn(out, key, value);
      continue;
    }
    const before = child(original, key);
    const after = child(desired, key);
    if (isJsonObject(value) && (after === undefined || isJsonObject(after))) {
      const nested = filterLevel(value, before, after, depth + 1, depth === 0 && key === 'metadata');
      if (jsonKeys(nested).length > 0) setOwn(out, key, nested);
    } else if (!jsonEqual(before, after)) {
      setOwn(out, key, value);
    }
  }
  if (jsonKeys(out).some((key) => !(inMetadata && depth === 1 && key === 'resourceVersion'))) {
    for (const key of directives) setOwn(out, key, patch[key] as JsonValue);
  }
  return out;
}

function child(value: JsonValue | undefined, key: string): JsonValue | undefined {
  return isJsonObject(value) ? getOwn(value, key) : undefined;
}

/** True when the patch has nothing to change (at most a `metadata.resourceVersion` precondition). */
export function changesNothing(patch: JsonObject): boolean {
  return jsonKeys(patch).every((key) => {
    if (key !== 'metadata') return false;
    const metadata = patch.metadata;
    return isJsonObject(metadata) && jsonKeys(metadata).every((k) => k === 'resourceVersion');
  });
}
