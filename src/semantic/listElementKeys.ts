import type { JsonObject, JsonPrimitive, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';

/**
 * The identity of each element of a keyed list, or `undefined` when they cannot be keyed: an
 * element is not an object, lacks the first key field, or holds an object or list in a key field.
 * (Only the first key field must be there: `protocol`, the second key of `ports`, may be left out
 * and defaulted.) Two elements have the same identity when their key fields are equal, an absent
 * one counting as `null`. With one key field the identity is its value itself (`Map` and `===`
 * compare primitives as JSON does), which spares building a string per element.
 * @internal
 */
export function elementIds(list: readonly JsonValue[], keys: readonly string[]): JsonPrimitive[] | undefined {
  const ids = new Array<JsonPrimitive>(list.length);
  for (let i = 0; i < list.length; i++) {
    const element = list[i];
    if (!isJsonObject(element)) return undefined;
    const first = getOwn(element, keys[0]!);
    if (first === undefined || (typeof first === 'object' && first !== null)) return undefined;
    if (keys.length === 1) {
      ids[i] = first;
      continue;
    }
    const values: JsonPrimitive[] = [];
    for (const key of keys) {
      const value = getOwn(element, key) ?? null;
      if (typeof value === 'object' && value !== null) return undefined;
      values.push(value);
    }
    ids[i] = JSON.stringify(values);
  }
  return ids;
}

/** The key fields of a keyed list element, in the order of `keys`, absent ones left out. @internal */
export function keyFields(element: JsonObject, keys: readonly string[]): [string, JsonPrimitive][] {
  const fields: [string, JsonPrimitive][] = [];
  for (const key of keys) {
    const value = getOwn(element, key);
    if (value !== undefined) fields.push([key, value as JsonPrimitive]);
  }
  return fields;
}
