import { MAX_DEPTH } from '../../json/assertJsonValue.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { setOwn } from '../../json/ownProperty.js';

/**
 * The checks of `assertJsonValue`, made by the diffs as they walk their inputs, so that a diff
 * reads each input once instead of twice (a check, then the diff). Each helper here applies
 * exactly `assertJsonValue`'s rules to what it reads; at the first value they reject they throw
 * {@link notJson}, which carries nothing: the caller then runs `assertJsonValue` on its
 * arguments, which throws the error it always threw, with its path.
 */
export const notJson: unknown = Object.freeze(new Error('not JSON'));

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** Throws {@link notJson}. */
export function rejectValue(): never {
  throw notJson;
}

/** A scalar `assertJsonValue` accepts (`undefined` aside): strings, booleans, `null`, finite numbers. */
export function isJsonScalar(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      return value === null;
    default:
      return false;
  }
}

/**
 * Checks one object or array of an input itself (not its members): not nested deeper than
 * `MAX_DEPTH` (`depth` counts the root as 1, so a cycle ends here too), an array or a plain object.
 */
export function checkNode(node: object, depth: number): void {
  if (depth > MAX_DEPTH || (!Array.isArray(node) && !isPlainObject(node))) throw notJson;
}

/** Checks a whole value at `depth` of its input. */
export function checkValue(value: unknown, depth: number): void {
  if (typeof value !== 'object' || value === null) {
    if (!isJsonScalar(value)) throw notJson;
    return;
  }
  checkNode(value, depth);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkValue(value[i], depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!hasOwnProperty.call(record, key)) continue;
    const member = record[key];
    if (member !== undefined) checkValue(member, depth + 1);
  }
}

/** A deep copy of a value at `depth` of its input, checked as it is copied (as `cloneJson` copies). */
export function copyValue(value: unknown, depth: number): JsonValue {
  if (typeof value !== 'object' || value === null) {
    if (!isJsonScalar(value)) throw notJson;
    return value as JsonValue;
  }
  checkNode(value, depth);
  if (Array.isArray(value)) {
    const copy = new Array<JsonValue>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = copyValue(value[i], depth + 1);
    return copy;
  }
  const record = value as Record<string, unknown>;
  const copy: JsonObject = {};
  for (const key in record) {
    if (!hasOwnProperty.call(record, key)) continue;
    const member = record[key];
    if (member === undefined) continue;
    // A plain store where it can be one: `setOwn`'s is shared by every caller, and slower for it.
    if (key === '__proto__') setOwn(copy, key, copyValue(member, depth + 1));
    else copy[key] = copyValue(member, depth + 1);
  }
  return copy;
}

/**
 * `jsonEqual` of two values at `depth` of their inputs. When it answers `true`, both are wholly
 * checked; when `false`, only part may be, and the caller checks (or copies) the rest.
 */
export function equalValues(a: unknown, b: unknown, depth: number): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    if (a !== b) return false;
    if (!isJsonScalar(a)) throw notJson;
    return true;
  }
  if (a === b) {
    checkValue(a, depth);
    return true;
  }
  checkNode(a, depth);
  checkNode(b, depth);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalValues(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (!hasOwnProperty.call(left, key)) continue;
    const member = left[key];
    if (member === undefined) continue;
    count++;
    if (!hasOwnProperty.call(right, key)) return false;
    const other = right[key];
    if (other === undefined || !equalValues(member, other, depth + 1)) return false;
  }
  for (const key in right) if (hasOwnProperty.call(right, key) && right[key] !== undefined && --count < 0) return false;
  return count === 0;
}

/** `assertJsonValue`'s plain objects: made by a literal, `JSON.parse` or `Object.create(null)`, in any realm. */
function isPlainObject(object: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype === null || prototype === Object.prototype) return true;
  // A plain object of another realm (a `vm` context, an iframe) has that realm's `Object.prototype`.
  if (typeof prototype !== 'object' || Object.getPrototypeOf(prototype) !== null) return false;
  const constructor = (prototype as { constructor?: unknown }).constructor;
  return typeof constructor === 'function' && constructor.name === 'Object';
}
