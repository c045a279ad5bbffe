import type { JsonObject, JsonValue } from './JsonValue.js';
import { jsonKeys, setOwn } from './ownProperty.js';

/**
 * A deep copy of a checked JSON value, sharing nothing with it: plain objects and arrays,
 * `undefined`-valued properties dropped, `__proto__` keys kept as data.
 */
export function cloneJson(value: JsonValue): JsonValue {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy = new Array<JsonValue>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = cloneJson(value[i] as JsonValue);
    return copy;
  }
  const copy: JsonObject = {};
  for (const key of jsonKeys(value)) setOwn(copy, key, cloneJson(value[key] as JsonValue));
  return copy;
}
