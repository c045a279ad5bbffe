import { cloneJson } from '../../json/cloneJson.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { isJsonObject, jsonKeys } from '../../json/ownProperty.js';
import { escapePointerToken } from '../../json/pointer.js';
import type { JsonPatchOperation } from './JsonPatchOperation.js';

/** Characters Go's `json.Marshal` escapes in the stored object's text, and `JSON.stringify` does not. */
const escapedByGo = /[<>&\u2028\u2029]/;

/**
 * The `test` operations that check `value` at `path` as far as the API server can. Its JSON Patch
 * library (evanphx/json-patch v4.12.0) compares scalars as JSON text, and the stored object's text
 * has `<`, `>`, `&`, U+2028 and U+2029 escaped where the patch's has not, so "a `test` of an equal
 * string holding one of them fails"; and it crashes comparing an array that holds `null`. So a
 * value holding either is tested part by part (an object member by member, an array element by
 * element), and a string holding such a character is not tested at all: no `test` of the server
 * can pass on it. Any other value gets a single `test`.
 */
export function serverSafeTests(path: string, value: JsonValue): JsonPatchOperation[] {
  if (!needsSplit(value)) return [{ op: 'test', path, value: cloneJson(value) }];
  if (Array.isArray(value)) return value.flatMap((item, index) => serverSafeTests(`${path}/${index}`, item));
  if (isJsonObject(value)) return jsonKeys(value).flatMap((key) => serverSafeTests(`${path}/${escapePointerToken(key)}`, value[key] as JsonValue));
  return [];
}

function needsSplit(value: JsonValue): boolean {
  if (typeof value === 'string') return escapedByGo.test(value);
  if (Array.isArray(value)) return value.some((item) => item === null || needsSplit(item));
  return isJsonObject(value) && jsonKeys(value).some((key) => needsSplit(value[key] as JsonValue));
}
