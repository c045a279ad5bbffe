import { MAX_DEPTH } from '../../json/assertJsonValue.js';
import type { JsonArray, JsonObject, JsonValue } from '../../json/JsonValue.js';

/**
 * The building blocks of {@link createMergePatch}'s single walk (and of the checks `semanticDiff`
 * makes as it walks): each one checks the values it
 * visits against the rules of `assertJsonValue` while it compares or copies them, so that a
 * document is read once instead of once to check it and again to diff it. They do not say what
 * is wrong or where: at the first value that is not JSON they throw {@link NOT_JSON}, and the
 * caller runs `assertJsonValue` on each input to throw the error with its path (the common case,
 * valid inputs, never pays for paths or ancestor sets).
 *
 * A cycle needs no set of ancestors: following it nests past {@link MAX_DEPTH}, which is refused.
 * `depth` is the depth of the value at hand, the root being 1, as in `assertJsonValue`.
 * @internal
 */
export const NOT_JSON: unique symbol = Symbol('not JSON');

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** An object made by a literal, `JSON.parse` or `Object.create(null)`, in this realm or another. */
export function isPlain(object: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype === Object.prototype || prototype === null) return true;
  // A plain object of another realm (a `vm` context) has that realm's `Object.prototype`.
  if (typeof prototype !== 'object' || Object.getPrototypeOf(prototype) !== null) return false;
  const constructor = (prototype as { constructor?: unknown }).constructor;
  return typeof constructor === 'function' && constructor.name === 'Object';
}

/** Throws {@link NOT_JSON} unless `object` (at `depth`) may be walked into as a JSON object. */
export function enterObject(object: object, depth: number): void {
  if (depth > MAX_DEPTH || !isPlain(object)) throw NOT_JSON;
}

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

/** Checks `value` (at `depth`) and nothing else. */
export function check(value: unknown, depth: number): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (Number.isFinite(value)) return;
      throw NOT_JSON;
    case 'object':
      break;
    default:
      throw NOT_JSON;
  }
  if (value === null) return;
  if (depth > MAX_DEPTH) throw NOT_JSON;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) check(value[i], depth + 1);
    return;
  }
  if (!isPlain(value)) throw NOT_JSON;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const child = record[keys[i]!];
    // Strings (most members) need no call; `undefined` members count as absent, as in `JSON.stringify`.
    if (typeof child !== 'string' && child !== undefined) check(child, depth + 1);
  }
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
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return check(before, depth);
  if (depth > MAX_DEPTH) throw NOT_JSON;
  if (Array.isArray(before)) {
    if (!Array.isArray(after)) return check(before, depth);
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
      if (j >= after.length || (i + 1 < before.length && before[i + 1] === after[j])) check(element, depth + 1);
      else checkReplaced(element, after[j++], depth + 1);
    }
    return;
  }
  if (Array.isArray(after) || !isPlain(before)) return check(before, depth);
  const record = before as Record<string, unknown>;
  const other = after as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const child = record[keys[i]!];
    if (typeof child !== 'object' || child === null) {
      if (child !== undefined) check(child, depth + 1);
      continue;
    }
    // An object of `after` was copied, so checked (an inherited property is no object but
    // `Object.prototype`, which is JSON too).
    const next = other[keys[i]!];
    if (child !== next) checkReplaced(child, next, depth + 1);
  }
}

/** Checks `value` (at `depth`) and returns a deep copy of it that shares nothing with it. */
export function copy(value: unknown, depth: number): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value;
      throw NOT_JSON;
    case 'object':
      break;
    default:
      throw NOT_JSON;
  }
  if (value === null) return null;
  if (depth > MAX_DEPTH) throw NOT_JSON;
  if (Array.isArray(value)) {
    const out: JsonArray = new Array<JsonValue>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], depth + 1);
    return out;
  }
  if (!isPlain(value)) throw NOT_JSON;
  const record = value as Record<string, unknown>;
  const out: JsonObject = {};
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const child = record[key];
    if (child === undefined) continue;
    // Strings (most members) need no call.
    const copied = typeof child === 'string' ? child : copy(child, depth + 1);
    if (key === '__proto__') setMember(out, key, copied);
    else out[key] = copied;
  }
  return out;
}

/**
 * Whether `a` and `b` (at `depth`) are equal as JSON (strict: `1` is not `"1"`), checking what it
 * reads. When the answer is `true` both were checked whole; on `false` it stops at the first
 * difference, and the caller checks or copies them whole.
 */
export function same(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) {
    // One value, read through both documents: checked once.
    check(a, depth);
    return true;
  }
  if (typeof a !== 'object' || a === null) {
    // Different scalars (or a scalar and a container). `NaN` and the like are found when the
    // caller checks `a` whole.
    return false;
  }
  if (typeof b !== 'object' || b === null) return false;
  if (depth > MAX_DEPTH) throw NOT_JSON;
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
    if (shared) for (let i = 0; i < a.length; i++) if (a[i] === b[i]) check(a[i], depth + 1);
    return true;
  }
  if (Array.isArray(b)) return false;
  if (!isPlain(a) || !isPlain(b)) throw NOT_JSON;
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
