import type { JsonValue } from '../../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../../json/ownProperty.js';
import { applyOperator, describeJq, jqFail } from './jqValues.js';

/**
 * gojq's `funcIndex2`: `.[key]` of a value.
 * @example
 * ```ts
 * indexValue([1, 2, 3], -1); // 3
 * ```
 * @internal
 */
export function indexValue(v: JsonValue, key: JsonValue): JsonValue {
  if (typeof key === 'string') {
    if (v === null) return null;
    if (isJsonObject(v)) return getOwn(v, key) ?? null;
    return jqFail(`expected an object but got: ${describeJq(v)}`);
  }
  if (typeof key === 'number') {
    if (v === null) return null;
    const items = Array.isArray(v) ? v : typeof v === 'string' ? Array.from(v) : jqFail(`expected an array but got: ${describeJq(v)}`);
    const i = clampIndex(Math.trunc(key), -1, items.length);
    return i >= 0 && i < items.length ? items[i]! : null;
  }
  if (isJsonObject(key)) {
    if (v === null) return null;
    if (!Object.hasOwn(key, 'start') || !Object.hasOwn(key, 'end')) return jqFail(`expected "start" and "end" for slicing but got: ${describeJq(key)}`);
    return sliceValue(v, key['start']!, key['end']!);
  }
  if (Array.isArray(key)) {
    if (v === null) return null;
    if (!Array.isArray(v)) return jqFail(`expected an array but got: ${describeJq(v)}`);
    return subarrayIndices(v, key);
  }
  if (Array.isArray(v)) return jqFail(`expected a number for indexing an array but got: ${describeJq(key)}`);
  if (typeof v === 'string') return jqFail(`expected a number for indexing a string but got: ${describeJq(key)}`);
  return jqFail(`expected a string for object key but got: ${describeJq(key)}`);
}

/**
 * gojq's `clampIndex`.
 * @example
 * ```ts
 * clampIndex(-1, 0, 3); // 2
 * ```
 * @internal
 */
export function clampIndex(i: number, min: number, max: number): number {
  const j = i < 0 ? i + max : i;
  return j < min ? min : j < max ? j : max;
}

/**
 * `.[start:end]` of an array or a string (by code points); `null` stays `null`.
 * @example
 * ```ts
 * sliceValue('abc', 1, null); // 'bc'
 * ```
 * @internal
 */
export function sliceValue(v: JsonValue, start: JsonValue, end: JsonValue): JsonValue {
  if (v === null) return null;
  const items = Array.isArray(v) ? v : typeof v === 'string' ? Array.from(v) : jqFail(`expected an array but got: ${describeJq(v)}`);
  for (const bound of [start, end]) {
    if (bound !== null && typeof bound !== 'number') jqFail(`expected a number for indexing an array but got: ${describeJq(bound)}`);
  }
  const from = start === null ? 0 : clampIndex(Math.trunc(start as number), 0, items.length);
  const to = end === null ? items.length : clampIndex(Math.trunc(end as number), from, items.length);
  const part = items.slice(from, to);
  return typeof v === 'string' ? part.join('') : part;
}

/**
 * Where `needle` occurs in `items` as a run of elements.
 * @example
 * ```ts
 * subarrayIndices([1, 2, 1, 2], [1, 2]); // [0, 2]
 * ```
 * @internal
 */
export function subarrayIndices(items: readonly JsonValue[], needle: readonly JsonValue[]): JsonValue {
  if (needle.length === 0) return null;
  const found: number[] = [];
  for (let i = 0; i + needle.length <= items.length; i++) {
    if (needle.every((x, j) => applyOperator('==', items[i + j]!, x) === true)) found.push(i);
  }
  return found;
}
