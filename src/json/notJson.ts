import { isJsonWithin, isPlainObject, MAX_DEPTH } from './assertJsonValue.js';

/*
 * The walks that check their input while they work (the diffs of JSON Patch, merge patch and
 * strategic merge patch, applying a strategic merge patch, semanticDiff) share what is here and
 * the checking walks beside it ({@link cloneJsonChecking}, {@link jsonEqualChecking},
 * {@link structuralHashChecking}). Each applies exactly the rules of `assertJsonValue` to what it
 * reads, so that an input is read once instead of once to check it and again to use it.
 */

/**
 * Thrown by the walks that check their input while they work when they meet something that is
 * not JSON. It carries no detail on purpose: finding it must cost nothing, and the caller then
 * runs {@link assertJsonValue} on its arguments, which names the first problem exactly as the
 * separate check always has (the quick walks apply the same rules, so it always finds one).
 * A plain frozen object, not an `Error`: no stack trace is captured for it.
 */
export const NOT_JSON: object = Object.freeze({ notJson: true });

/** Gives up a walk that has met something that is not JSON; see {@link NOT_JSON}. */
export function notJson(): never {
  throw NOT_JSON;
}

/** Checks a whole value found at nesting `depth` (the root is 1) that a walk does not otherwise visit. */
export function checkJsonAt(value: unknown, depth: number): void {
  if (!isJsonWithin(value, depth)) notJson();
}

/**
 * Checks one object or array itself, not its members, before a walk goes into it: not nested
 * deeper than `MAX_DEPTH` (`depth` counts the root as 1, so a cycle ends here too), and an
 * array or a plain object.
 */
export function checkJsonContainer(node: object, depth: number): void {
  if (depth > MAX_DEPTH || (!Array.isArray(node) && !isPlainObject(node))) notJson();
}

