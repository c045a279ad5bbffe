import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';

/**
 * The deletions of a merge patch: only its `null` members, with the objects that lead to them.
 * Go's `keepOrDeleteNullInObj(patch, keepNull=true)` (apimachinery `pkg/util/jsonmergepatch`).
 */
export function deletionsOf(patch: JsonObject): JsonObject {
  const kept: JsonObject = {};
  for (const key of jsonKeys(patch)) {
    const value = patch[key] as JsonValue;
    if (value === null) {
      setOwn(kept, key, null);
    } else if (isJsonObject(value)) {
      const nested = deletionsOf(value);
      if (jsonKeys(nested).length > 0) setOwn(kept, key, nested);
    }
  }
  return kept;
}

/**
 * The additions and changes of a merge patch: everything but its `null` members. An explicitly
 * empty object stays, because it sets a value. Arrays are values and are kept whole.
 * Go's `keepOrDeleteNullInObj(patch, keepNull=false)`.
 */
export function additionsOf(patch: JsonObject): JsonObject {
  const kept: JsonObject = {};
  for (const key of jsonKeys(patch)) {
    const value = patch[key] as JsonValue;
    if (value === null) continue;
    if (isJsonObject(value) && jsonKeys(value).length > 0) {
      const nested = additionsOf(value);
      if (jsonKeys(nested).length > 0) setOwn(kept, key, nested);
    } else {
      setOwn(kept, key, value);
    }
  }
  return kept;
}
