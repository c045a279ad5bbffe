import type { JsonObject, JsonValue } from '../json/JsonValue.js';

/**
 * Sets `object[key] = value`, the last of duplicate keys winning as in kubectl, without letting a
 * key `__proto__` change the object's prototype.
 */
export function setJsonKey(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else (object as Record<string, JsonValue>)[key] = value;
}
