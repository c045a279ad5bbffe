import { cloneJson } from '../../json/cloneJson.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { jsonKeys, setOwn } from '../../json/ownProperty.js';

/**
 * A copy of a patch value with the members whose value is `null` removed from every object.
 * With `intoArrays`, objects inside arrays are cleaned too (Go's evanphx/json-patch `pruneNulls`);
 * without it arrays are copied as they are (RFC 7386, which treats an array as a value).
 * `null` elements of arrays are always kept.
 */
export function withoutNulls(value: JsonValue, intoArrays: boolean): JsonValue {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    return value.map((element) => (intoArrays ? withoutNulls(element, true) : cloneJson(element)));
  }
  const copy: JsonObject = {};
  for (const key of jsonKeys(value)) {
    const member = value[key] as JsonValue;
    if (member !== null) setOwn(copy, key, withoutNulls(member, intoArrays));
  }
  return copy;
}
