import { assertJsonValue } from '../../json/assertJsonValue.js';
import type { JsonInput, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../../json/ownProperty.js';
import { escapePointerToken } from '../../json/pointer.js';

/**
 * Lists where two patches conflict, with the rules of Go's `mergepatch.HasConflicts`
 * (apimachinery `pkg/util/mergepatch/util.go`), which three-way patches use to find changes made
 * on the live object that a patch would undo:
 *
 * - two objects conflict where a key present in both holds conflicting values (keys present on
 *   one side only never conflict);
 * - two arrays conflict when their lengths differ or an element at the same index conflicts;
 * - scalars conflict when they are not equal; values of different JSON types always conflict.
 *
 * Returns the JSON Pointers of the conflicts in document order, `[]` when there are none. Go stops
 * at the first conflict; listing them all tells the user every field to look at.
 *
 * Go also tells `int64(0)` from `float64(0)`, which both arrive as `0` here: JavaScript has one
 * number type, so such values compare equal.
 *
 * @example
 * ```ts
 * findPatchConflicts({ spec: { replicas: 3 } }, { spec: { replicas: 5, paused: true } }); // ['/spec/replicas']
 * findPatchConflicts({ a: [1] }, { b: [] }); // []
 * ```
 * @throws {@link InvalidDocumentError} when an argument is not a JSON value.
 * @public
 */
export function findPatchConflicts(left: JsonInput, right: JsonInput): string[] {
  assertJsonValue(left, 'left');
  assertJsonValue(right, 'right');
  const conflicts: string[] = [];
  collectConflicts(left, right, '', conflicts);
  return conflicts;
}

/** {@link findPatchConflicts} for checked values. */
export function collectConflicts(left: JsonValue, right: JsonValue, path: string, conflicts: string[]): void {
  if (isJsonObject(left)) {
    if (!isJsonObject(right)) {
      conflicts.push(path);
      return;
    }
    for (const key of jsonKeys(left)) {
      const other = getOwn(right, key);
      if (other !== undefined) collectConflicts(left[key] as JsonValue, other, `${path}/${escapePointerToken(key)}`, conflicts);
    }
  } else if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) {
      conflicts.push(path);
      return;
    }
    for (let i = 0; i < left.length; i++) collectConflicts(left[i] as JsonValue, right[i] as JsonValue, `${path}/${i}`, conflicts);
  } else if (left !== right) {
    conflicts.push(path);
  }
}
