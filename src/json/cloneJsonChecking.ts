import { isPlainObject, MAX_DEPTH } from './assertJsonValue.js';
import type { JsonObject, JsonValue } from './JsonValue.js';
import { notJson } from './notJson.js';
import { setOwn } from './ownProperty.js';

/**
 * {@link cloneJson} of a value not checked yet: the copy and the check in one walk, for the
 * values a diff puts into its patch. Gives up with {@link NOT_JSON} on anything
 * {@link assertJsonValue} rejects; `depth` is the nesting of `value` in its document.
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
  if (!isPlainObject(value)) notJson();
  const record = value as Record<string, unknown>;
  const copy: JsonObject = {};
  for (const key of Object.keys(record)) {
    const member = record[key];
    if (member !== undefined) setOwn(copy, key, cloneJsonChecking(member, depth + 1));
  }
  return copy;
}
