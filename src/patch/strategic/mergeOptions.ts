import { cloneJson } from '../../json/cloneJson.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';

/**
 * Go's `MergeOptions`. Applying a patch (`StrategicMergePatch`) merges parallel lists and drops
 * unmatched nulls; combining the two halves of a three-way patch does neither.
 */
export interface MergeOptions {
  /** Apply `$deleteFromPrimitiveList` and `$setElementOrder` instead of carrying them along. */
  readonly mergeParallelList: boolean;
  /** A `null` for a key the original lacks is dropped instead of kept (as an explicit deletion). */
  readonly ignoreUnmatchedNulls: boolean;
  /**
   * The patch is only read, and what the result takes from it is copied: applying, the patch is
   * the caller's, and copying only what is kept costs less than copying it whole (its
   * `$setElementOrder` lists and the elements merged into others are only read). Combining, both
   * halves are the engine's own and are taken as they are.
   */
  readonly copyPatchValues: boolean;
}

/**
 * How a list merge merges two elements with the same merge key: `mergeMap`, handed in by its
 * caller so that the two modules do not import each other.
 */
export type MergeElement = (original: JsonObject, patch: JsonObject, schema: PatchSchema, options: MergeOptions, path: string) => JsonObject;

/** What `StrategicMergePatch` uses. */
export const applyOptions: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true, copyPatchValues: true };

/** What `CreateThreeWayMergePatch` uses to merge the deletions and the delta. */
export const combineOptions: MergeOptions = { mergeParallelList: false, ignoreUnmatchedNulls: false, copyPatchValues: false };

/** A value of the patch as the result may keep it (see {@link MergeOptions.copyPatchValues}). */
export function keep<T extends JsonValue>(value: T, options: MergeOptions): T {
  return options.copyPatchValues ? (cloneJson(value) as T) : value;
}

/** {@link applyOptions} for a patch the engine copied itself (see {@link ownPatchOptions}). */
const applyOwnOptions: MergeOptions = { ...applyOptions, copyPatchValues: false };

/**
 * The options for merging a part of the patch the engine has copied already (Go's way of merging
 * a list works on the list's copy): what the result takes from it is not copied again.
 */
export function ownPatchOptions(options: MergeOptions): MergeOptions {
  return options.copyPatchValues ? (options.mergeParallelList === applyOptions.mergeParallelList && options.ignoreUnmatchedNulls === applyOptions.ignoreUnmatchedNulls ? applyOwnOptions : { ...options, copyPatchValues: false }) : options;
}
