import type { JsonObject } from '../../json/JsonValue.js';

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** Whether an object has an own enumerable key, without listing its keys (a patch being built holds no `undefined`). */
export function hasOwnKeys(object: JsonObject): boolean {
  for (const key in object) if (hasOwnProperty.call(object, key)) return true;
  return false;
}
