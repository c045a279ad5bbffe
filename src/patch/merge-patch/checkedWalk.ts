import { isPlainObject, MAX_DEPTH } from '../../json/assertJsonValue.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { checkJsonAt, notJson } from '../../json/notJson.js';

/**
 * What {@link createMergePatch}'s single walk needs beyond the shared checking walks of
 * `src/json` (`checkJsonAt`, `cloneJsonChecking`, `NOT_JSON`): the members it reads and
 * writes, the check of a value the patch replaces, and {@link same}, its own comparison: unlike
 * `jsonEqualChecking` it leaves the elements two lists share unchecked until the lists are
 * found equal, since a list found different is copied into the patch, which checks it.
 *
 * `depth` is the depth of the value at hand, the root being 1, as in `assertJsonValue`.
 * @internal
 */

const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * Writes `value` as an own enumerable property: plain assignment to `"__proto__"` would replace
 * the prototype of `object` instead of storing data.
 */
export function setMember(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

/** The own member `key` of `object`, `undefined` when absent; inherited properties are not members. */
export function ownMember(object: JsonObject, key: string): JsonValue | undefined {
  const value = object[key];
  return value === undefined || hasOwnProperty.call(object, key) ? value : undefined;
}

/**
 * Checks `before` (at `depth`), which the patch replaces with `after`, already checked (copied):
 * what `before` shares with `after` at the same place (a list or object rebuilt from the other with
 * a few parts changed, as callers often do) was checked with it and is passed over. Lists are
 * walked side by side, so that an insertion or a removal keeps them in step.
 */
export function checkReplaced(before: unknown, after: unknown, depth: number): void {
  // `after` holds no `undefined` (it was checked): one here is a place `after` lacks.
  if (before === after && after !== undefined) return;
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return checkJsonAt(before, depth);
  if (depth > MAX_DEPTH) notJson();
  if (Array.isArray(before)) {
    if (!Array.isArray(after)) return checkJsonAt(before, depth);
    let j = 0;
    for (let i = 0; i < before.length; i++) {
      const element: unknown = before[i];
      if (j < after.length && element === after[j]) {
        j++;
        continue;
      }
      if (j + 1 < after.length && element === after[j + 1]) {
        j += 2;
        continue;
      }
      // Changed in place (`after` moves on too), or removed (it stays: the next element is what it holds).
      if (j >= after.length || (i + 1 < before.length && before[i + 1] === after[j])) checkJsonAt(element, depth + 1);
      else checkReplaced(element, after[j++], depth + 1);
    }
    return;
  }
  if (Array.isArray(after) || !isPlainObject(before)) return checkJsonAt(before, depth);
  const record = before as Record<string, unknown>;
  const other = after as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const child = record[keys[i]!];
    if (typeof child !== 'object' || child === null) {
      if (child !== undefined) checkJsonAt(child, depth + 1);
      continue;
    }
    // An object of `after` was copied, so checked (an inherited property is no object but
    // `Object.prototype`, which is JSON too).
    const next = other[keys[i]!];
    if (child !== next) checkReplaced(child, next, depth + 1);
  }
}

/**
 * Whether `a` and `b` (at `depth`) are equal as JSON (strict: `1` is not `"1"`), checking what it
 * reads. When the answer is `true` both were checked whole; on `false` it stops at the first
 * difference, and the caller checks or copies them whole.
 */
export function same(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) {
    // One value, read through both documents: checked once.
    checkJsonAt(a, depth);
    return true;
  }
  if (typeof a !== 'object' || a === null) {
    // Different scalars (or a scalar and a container). `NaN` and the like are found when the
    // caller checks `a` whole.
    return false;
  }
  if (typeof b !== 'object' || b === null) return false;
  if (depth > MAX_DEPTH) notJson();
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    // Elements shared by both lists are checked only once the lists are found equal: when they
    // differ, the caller copies `b`, which checks them anyway.
    let shared = false;
    for (let i = 0; i < a.length; i++) {
      const element: unknown = a[i];
      if (element === b[i]) shared = true;
      else if (!same(element, b[i], depth + 1)) return false;
    }
    if (shared) for (let i = 0; i < a.length; i++) if (a[i] === b[i]) checkJsonAt(a[i], depth + 1);
    return true;
  }
  if (Array.isArray(b)) return false;
  if (!isPlainObject(a) || !isPlainObject(b)) notJson();
  return sameMembers(a as JsonObject, b as JsonObject, depth);
}

/** {@link same} for two plain objects. */
function sameMembers(a: JsonObject, b: JsonObject, depth: number): boolean {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  let absentInA = false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    const valueA = a[key];
    if (valueA === undefined) {
      absentInA = true;
      continue;
    }
    const valueB = ownMember(b, key);
    if (valueB === undefined || !same(valueA, valueB, depth + 1)) return false;
  }
  // Every member of `a` is in `b`; with as many keys and none absent in `a`, `b` has no other.
  if (!absentInA && keysA.length === keysB.length) return true;
  let presentA = 0;
  for (let i = 0; i < keysA.length; i++) if (a[keysA[i]!] !== undefined) presentA++;
  let presentB = 0;
  for (let i = 0; i < keysB.length; i++) if (b[keysB[i]!] !== undefined) presentB++;
  return presentA === presentB;
}
