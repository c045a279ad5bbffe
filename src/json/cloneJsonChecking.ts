import { isPlainPrototype, MAX_DEPTH } from './assertJsonValue.js';
import type { JsonObject, JsonValue } from './JsonValue.js';
import { notJson } from './notJson.js';
import { forInListsOwnKeys } from './ownKeysByForIn.js';
import { setOwn } from './ownProperty.js';

const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * {@link cloneJson} of a value not checked yet: the copy and the check in one walk, for the
 * values a diff puts into its patch and the documents a patch is applied to. Gives up with
 * {@link NOT_JSON} on anything {@link assertJsonValue} rejects; `depth` is the nesting of
 * `value` in its document (the root is 1).
 */
export function cloneJsonChecking(value: unknown, depth: number): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : notJson();
    case 'object':
      break;
    default:
      return notJson();
  }
  if (value === null) return null;
  if (depth > MAX_DEPTH) notJson();
  if (Array.isArray(value)) {
    const copy = new Array<JsonValue>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = cloneJsonChecking(value[i], depth + 1);
    return copy;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!isPlainPrototype(prototype)) notJson();
  // `for…in` without building an array of keys; inherited keys are passed over unless the walk
  // knows there are none (see ownKeysByForIn).
  const ownOnly = forInListsOwnKeys(prototype);
  const record = value as Record<string, unknown>;
  const copy: JsonObject = {};
  for (const key in record) {
    if (!ownOnly && !hasOwnProperty.call(record, key)) continue;
    const member = record[key];
    if (member === undefined) continue;
    // Strings, most members, need no call.
    const copied = typeof member === 'string' ? member : cloneJsonChecking(member, depth + 1);
    // A plain store where it can be one: `setOwn`'s is shared by every caller, and slower for it.
    if (key === '__proto__') setOwn(copy, key, copied);
    else copy[key] = copied;
  }
  return copy;
}
