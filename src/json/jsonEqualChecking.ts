import { isJsonWithin, isPlainPrototype, MAX_DEPTH } from './assertJsonValue.js';
import { sameKeys } from './jsonEqual.js';
import { notJson } from './notJson.js';
import { forInListsOwnKeys } from './ownKeysByForIn.js';

const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * {@link jsonEqual} of two values not checked yet, checking them in the same walk, for diffs of
 * documents that are mostly equal: the equal parts are then read once instead of twice.
 *
 * - `true`: equal, and both are wholly checked;
 * - `false`: not equal, and only what was read before the first difference is checked, so the
 *   caller must still check both (by diffing them, which checks as it goes);
 * - gives up with {@link NOT_JSON} on anything {@link assertJsonValue} rejects.
 *
 * `depth` is the nesting of both values in their documents (the root is 1).
 */
export function jsonEqualChecking(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) {
    // The same value twice (a scalar, or one object shared by both documents): check it once.
    if (typeof a === 'string' || typeof a === 'boolean' || a === null) return true;
    if (!isJsonWithin(a, depth)) notJson();
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (depth > MAX_DEPTH) notJson();
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) return false;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqualChecking(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const prototypeA: unknown = Object.getPrototypeOf(a);
  const prototypeB: unknown = Object.getPrototypeOf(b);
  if (!isPlainPrototype(prototypeA) || !isPlainPrototype(prototypeB)) notJson();
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  if (forInListsOwnKeys(prototypeA) && forInListsOwnKeys(prototypeB)) {
    const equal = sameKeysEqualByForIn(recordA, recordB, depth);
    if (equal !== undefined) return equal;
  }
  return membersEqualChecking(recordA, recordB, depth);
}

/** Per depth, arrays reused for the keys and values of the object compared at that depth. */
const keysAtDepth: string[][] = [];
const valuesAtDepth: unknown[][] = [];

/**
 * The usual case, both written with the same keys in the same order, without building key
 * arrays: `true` or `false` as {@link jsonEqualChecking}, or `undefined` when the keys differ in
 * name or order (the members compared so far were equal), for the general comparison to decide.
 * `b`'s members are read in its own `for…in`, where V8 reads them fastest.
 */
function sameKeysEqualByForIn(a: Record<string, unknown>, b: Record<string, unknown>, depth: number): boolean | undefined {
  const keysB = (keysAtDepth[depth] ??= []);
  const valuesB = (valuesAtDepth[depth] ??= []);
  let count = 0;
  for (const key in b) {
    keysB[count] = key;
    valuesB[count++] = b[key];
  }
  const equal = membersEqualByForIn(a, keysB, valuesB, count, depth);
  // The buffer must not keep the caller's values alive.
  for (let i = 0; i < count; i++) valuesB[i] = undefined;
  return equal;
}

/** Lets go of the values a comparison given up halfway (by {@link NOT_JSON}) left in the buffers. */
export function releaseComparisonBuffers(): void {
  for (const values of valuesAtDepth) values?.fill(undefined);
}

function membersEqualByForIn(a: Record<string, unknown>, keysB: readonly string[], valuesB: readonly unknown[], count: number, depth: number): boolean | undefined {
  let i = 0;
  for (const key in a) {
    if (i === count || keysB[i] !== key) return undefined;
    const memberA = a[key];
    const memberB = valuesB[i++];
    if (memberA === memberB && typeof memberA === 'string') continue; // the most common member, without a call
    if (memberA === undefined || memberB === undefined) {
      // A member holding `undefined` counts as absent, so it must be absent on both sides.
      if (memberA !== memberB) return false;
    } else if (!jsonEqualChecking(memberA, memberB, depth + 1)) {
      return false;
    }
  }
  return i === count ? true : undefined;
}

function membersEqualChecking(a: Record<string, unknown>, b: Record<string, unknown>, depth: number): boolean {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (sameKeys(keysA, keysB)) {
    // The same keys in the same order, so no lookups: `Object.values` lists the values in the
    // order of `Object.keys`.
    const valuesA = Object.values(a);
    const valuesB = Object.values(b);
    for (let i = 0; i < valuesA.length; i++) {
      const memberA = valuesA[i];
      const memberB = valuesB[i];
      if (memberA === undefined || memberB === undefined) {
        if (memberA !== memberB) return false;
      } else if (!jsonEqualChecking(memberA, memberB, depth + 1)) {
        return false;
      }
    }
    return true;
  }
  // Members holding `undefined` count as absent.
  let membersA = 0;
  for (const key of keysA) {
    const memberA = a[key];
    if (memberA === undefined) continue;
    membersA++;
    if (!hasOwnProperty.call(b, key)) return false;
    const memberB = b[key];
    if (memberB === undefined || !jsonEqualChecking(memberA, memberB, depth + 1)) return false;
  }
  let membersB = 0;
  for (const key of keysB) if (b[key] !== undefined) membersB++;
  return membersA === membersB;
}
