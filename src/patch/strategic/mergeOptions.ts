import type { JsonObject } from '../../json/JsonValue.js';
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
}

/**
 * How a list merge merges two elements with the same merge key: `mergeMap`, handed in by its
 * caller so that the two modules do not import each other.
 */
export type MergeElement = (original: JsonObject, patch: JsonObject, schema: PatchSchema, options: MergeOptions, path: string) => JsonObject;

/** What `StrategicMergePatch` uses. */
export const applyOptions: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };

/** What `CreateThreeWayMergePatch` uses to merge the deletions and the delta. */
export const combineOptions: MergeOptions = { mergeParallelList: false, ignoreUnmatchedNulls: false };
