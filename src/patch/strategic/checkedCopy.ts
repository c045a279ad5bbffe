import { assertJsonValue } from '../../json/assertJsonValue.js';
import { cloneJson } from '../../json/cloneJson.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { cloneJsonChecking } from '../../json/cloneJsonChecking.js';
import { NOT_JSON } from '../../json/notJson.js';

/**
 * A private deep copy of an argument, checked as {@link assertJsonValue} checks it, in one walk
 * instead of a check and then a copy: the document a patch is applied to is copied whole, and
 * reading it once is most of what applying costs. At a value the copy refuses,
 * {@link assertJsonValue} runs, and throws the error it always threw.
 */
export function checkedCopy(value: unknown, input: string): JsonValue {
  try {
    return cloneJsonChecking(value, 1);
  } catch (error) {
    if (error !== NOT_JSON) throw error;
  }
  assertJsonValue(value, input);
  // Not reached: the copy refuses only what `assertJsonValue` refuses.
  return cloneJson(value);
}
