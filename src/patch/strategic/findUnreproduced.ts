import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../../json/ownProperty.js';
import { childPath } from './directives.js';

/**
 * Where `result` (a patch applied) fails to hold `wanted`, as a JSON Pointer into `wanted`, or
 * `undefined` when it holds it all:
 *
 * - a `null` member of `wanted` stands for an absent one (a patch deletes what is `null`);
 * - list elements may come in any order (merge lists follow the live order, and two lists with
 *   the same elements are the same to the API server), but each needs an element of its own;
 * - with `exact` (a two-way patch, whose result should be `wanted`), `result` may hold nothing
 *   more; without (a three-way patch), members and elements others added may stay.
 *
 * Run only after a diff met a repeated merge key, so list matching may be quadratic.
 *
 * @example
 * ```ts
 * findUnreproduced({ ports: [{ port: 53, protocol: 'UDP' }] }, { ports: [{ port: 53, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] }, true);
 * // '/ports/0'
 * ```
 */
export function findUnreproduced(result: JsonValue | undefined, wanted: JsonValue, exact: boolean, path = ''): string | undefined {
  if (Array.isArray(wanted)) return Array.isArray(result) ? findInList(result, wanted, exact, path) : path;
  if (isJsonObject(wanted)) return isJsonObject(result) ? findInMap(result, wanted, exact, path) : path;
  return result === wanted ? undefined : path;
}

function findInMap(result: JsonObject, wanted: JsonObject, exact: boolean, path: string): string | undefined {
  for (const key of jsonKeys(wanted)) {
    const value = wanted[key] as JsonValue;
    const actual = getOwn(result, key);
    if (value === null) {
      if (actual !== undefined && actual !== null) return childPath(path, key);
      continue;
    }
    const miss = findUnreproduced(actual, value, exact, childPath(path, key));
    if (miss !== undefined) return miss;
  }
  if (exact) {
    for (const key of jsonKeys(result)) if (getOwn(wanted, key) === undefined) return childPath(path, key);
  }
  return undefined;
}

function findInList(result: readonly JsonValue[], wanted: readonly JsonValue[], exact: boolean, path: string): string | undefined {
  if (exact && result.length !== wanted.length) {
    // The element that found no match of its own, or else the list (the result has more).
    return findUnmatched(result, wanted, exact, path) ?? path;
  }
  // Element by element first: the usual case, and linear.
  if (wanted.every((item, i) => i < result.length && findUnreproduced(result[i], item, exact) === undefined)) return undefined;
  return findUnmatched(result, wanted, exact, path);
}

/**
 * Where the first element of `wanted` left without an element of `result` that holds it differs
 * from the likeliest one meant (the free element it differs from deepest down, when that is
 * inside a nested list or map), the element itself otherwise, or `undefined`.
 */
function findUnmatched(result: readonly JsonValue[], wanted: readonly JsonValue[], exact: boolean, path: string): string | undefined {
  const used = new Array<boolean>(result.length).fill(false);
  for (let i = 0; i < wanted.length; i++) {
    const elementPath = childPath(path, i);
    let deepest = elementPath;
    let j = -1;
    for (let k = 0; k < result.length && j < 0; k++) {
      if (used[k]) continue;
      const miss = findUnreproduced(result[k], wanted[i]!, exact, elementPath);
      if (miss === undefined) j = k;
      else if (depth(miss) > Math.max(depth(deepest), depth(elementPath) + 1)) deepest = miss;
    }
    if (j < 0) return deepest;
    used[j] = true;
  }
  return undefined;
}

/** The number of tokens of a JSON Pointer. */
function depth(pointer: string): number {
  let count = 0;
  for (let i = 0; i < pointer.length; i++) if (pointer[i] === '/') count++;
  return count;
}
