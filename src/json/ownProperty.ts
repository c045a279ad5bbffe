import type { JsonObject, JsonValue } from './JsonValue.js';

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** True when `key` is an own property of `object` holding a value (not `undefined`). */
export function hasOwnValue(object: object, key: string): boolean {
  return hasOwnProperty.call(object, key) && (object as Record<string, unknown>)[key] !== undefined;
}

/**
 * The own property `key` of `object`, or `undefined`. Never reads through the prototype chain,
 * so `"__proto__"`, `"constructor"` and `"toString"` are looked up as data.
 */
export function getOwn(object: object, key: string): JsonValue | undefined {
  return hasOwnProperty.call(object, key) ? (object as Record<string, JsonValue>)[key] : undefined;
}

/**
 * Writes `value` as an own enumerable property. Plain assignment to `"__proto__"` would replace
 * the object's prototype instead of storing data, so that key is defined explicitly.
 */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

/** Own enumerable string keys whose value is not `undefined` (the keys JSON would serialize). */
export function jsonKeys(object: object): string[] {
  const keys = Object.keys(object);
  const record = object as Record<string, unknown>;
  for (const key of keys) {
    if (record[key] === undefined) return keys.filter((k) => record[k] !== undefined);
  }
  return keys;
}

/** True for a JSON object (not an array, not `null`). Inputs are checked before this is used. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
