import type { JsonValue } from './JsonValue.js';
import { hasOwnValue, jsonKeys } from './ownProperty.js';

/**
 * Strict JSON equality, as RFC 6902 §4.6 defines it for `test`:
 *
 * > o  strings: are considered equal if they contain the same number of Unicode characters and
 * >    their code points are byte-by-byte equal.
 * > o  numbers: are considered equal if their values are numerically equal.
 * > o  arrays: are considered equal if they contain the same number of values, and if each
 * >    value can be considered equal to the value at the corresponding position in the other array
 * > o  objects: are considered equal if they contain the same number of members, and if each
 * >    member can be considered equal to a member in the other object, by comparing their keys
 * >    (as strings) and their values (using this list of type-specific rules).
 * > o  literals (false, true, and null): are considered equal if they are the same.
 *
 * Unlike deep-equal's default, `1` never equals `"1"` and `null` never equals absent.
 */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (sameKeys(keysA, keysB)) {
    // The usual case: the same keys in the same order, compared side by side without lookups
    // (`Object.values` lists the values in the order of `Object.keys`). A member holding
    // `undefined` counts as absent, so it must be absent on both sides.
    const valuesA = Object.values(a);
    const valuesB = Object.values(b);
    for (let i = 0; i < valuesA.length; i++) {
      const memberA = valuesA[i];
      const memberB = valuesB[i];
      if (memberA === undefined || memberB === undefined ? memberA !== memberB : !jsonEqual(memberA, memberB)) return false;
    }
    return true;
  }
  const keys = jsonKeys(a);
  if (keys.length !== jsonKeys(b).length) return false;
  for (const key of keys) {
    if (!hasOwnValue(b, key) || !jsonEqual(a[key], b[key])) return false;
  }
  return true;
}

/** The same keys in the same order. */
export function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
