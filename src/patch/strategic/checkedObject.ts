import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import { assertJsonValue } from '../../json/assertJsonValue.js';
import { cloneJson } from '../../json/cloneJson.js';
import type { JsonObject } from '../../json/JsonValue.js';
import { isJsonObject } from '../../json/ownProperty.js';

/**
 * Checks an argument and returns a private deep copy for the engine to work on in place, as Go's
 * functions work on freshly decoded maps. `null` and `undefined` stand for an empty object where
 * Go accepts empty input. Anything but an object is Go's `ErrBadJSONDoc` ("invalid JSON document").
 */
export function checkedObject(value: unknown, input: string, options: { readonly emptyAllowed?: boolean } = {}): JsonObject {
  return cloneJson(checkedInput(value, input, options)) as JsonObject;
}

/**
 * {@link checkedObject} without the copy, for the diffs: they only read their inputs and copy
 * the little they put in a patch, which is cheaper than copying whole documents.
 */
export function checkedInput(value: unknown, input: string, options: { readonly emptyAllowed?: boolean } = {}): JsonObject {
  if ((value === undefined || value === null) && options.emptyAllowed) return {};
  assertJsonValue(value, input);
  if (!isJsonObject(value)) {
    throw new InvalidDocumentError(`${input}: invalid JSON document: strategic merge patch needs a JSON object`, { path: '', input });
  }
  return value;
}
