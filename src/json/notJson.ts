import { isJsonWithin } from './assertJsonValue.js';

/**
 * Thrown by the walks that check their input while they work ({@link jsonEqualChecking},
 * {@link cloneJsonChecking}, {@link structuralHashChecking}, …) when they meet something that is
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

/** Checks a whole subtree found at nesting `depth` (the root is 1) that a walk does not otherwise visit. */
export function checkJsonAt(value: unknown, depth: number): void {
  if (!isJsonWithin(value, depth)) notJson();
}
