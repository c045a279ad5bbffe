import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import { assertJsonValue } from '../../json/assertJsonValue.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { isJsonObject } from '../../json/ownProperty.js';
import { checkJsonAt, NOT_JSON } from '../../json/notJson.js';
import { checkedCopy } from './checkedCopy.js';

/**
 * Checks an argument and returns a private deep copy for the engine to work on in place, as Go's
 * functions work on freshly decoded maps. `null` and `undefined` stand for an empty object where
 * Go accepts empty input. Anything but an object is Go's `ErrBadJSONDoc` ("invalid JSON document").
 */
export function checkedObject(value: unknown, input: string, options: { readonly emptyAllowed?: boolean } = {}): JsonObject {
  if ((value === undefined || value === null) && options.emptyAllowed) return {};
  return asObject(checkedCopy(value, input), input);
}

/**
 * {@link checkedObject} without the copy, for the diffs and for patches: they only read these
 * arguments and copy the little they keep, which is cheaper than copying whole documents.
 */
export function checkedInput(value: unknown, input: string, options: { readonly emptyAllowed?: boolean } = {}): JsonObject {
  if ((value === undefined || value === null) && options.emptyAllowed) return {};
  checkArgument(value, input);
  return asObject(value as JsonValue, input);
}

/**
 * `assertJsonValue`, by a walk that lists no keys (see `src/json/notJson.ts`); at anything it refuses,
 * `assertJsonValue` runs, for its error.
 */
function checkArgument(value: unknown, input: string): asserts value is JsonValue {
  try {
    checkJsonAt(value, 1);
    return;
  } catch (error) {
    if (error !== NOT_JSON) throw error;
  }
  assertJsonValue(value, input);
}

function asObject(value: JsonValue, input: string): JsonObject {
  if (!isJsonObject(value)) {
    throw new InvalidDocumentError(`${input}: invalid JSON document: strategic merge patch needs a JSON object`, { path: '', input });
  }
  return value;
}
