import type { JsonObject } from '../../json/JsonValue.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';

/** Go's `DiffOptions`: which parts of a difference a diff keeps. */
export interface DiffOptions {
  /** Emit `$setElementOrder` lists for merge lists. */
  readonly setElementOrder: boolean;
  /** Keep only deletions (the "deletions" half of a three-way patch). */
  readonly ignoreChangesAndAdditions: boolean;
  /** Keep no deletions (the "delta" half of a three-way patch). */
  readonly ignoreDeletions: boolean;
  /** Emit `$retainKeys` for this map (its field's strategy includes `retainKeys`). */
  readonly buildRetainKeysDirective: boolean;
  /** Where a diff notes what its caller checks once the patch is done; shared by every level. */
  readonly report?: DiffReport;
}

/**
 * What a diff noticed on its way, for checks run once per patch rather than once per node.
 * Mutable: the options are copied on the way down, the report is shared.
 */
export interface DiffReport {
  /** A merge list of maps had two elements with the same merge key, on either side. */
  repeatedMergeKey: boolean;
}

/**
 * How a list diff diffs two elements with the same merge key: `diffMaps`, handed in by its caller
 * so that the two modules do not import each other.
 */
export type DiffElement = (original: JsonObject, modified: JsonObject, schema: PatchSchema, options: DiffOptions, path: string) => JsonObject;

/** `CreateTwoWayMergePatch`'s options. */
export const twoWayDiff: DiffOptions = {
  setElementOrder: true,
  ignoreChangesAndAdditions: false,
  ignoreDeletions: false,
  buildRetainKeysDirective: false,
};

/** `options` for a field whose strategy does (or does not) include `retainKeys`; no copy when already so. */
export function forField(options: DiffOptions, retainKeys: boolean): DiffOptions {
  return options.buildRetainKeysDirective === retainKeys ? options : { ...options, buildRetainKeysDirective: retainKeys };
}
