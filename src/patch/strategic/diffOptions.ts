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
}

/** `CreateTwoWayMergePatch`'s options. */
export const twoWayDiff: DiffOptions = {
  setElementOrder: true,
  ignoreChangesAndAdditions: false,
  ignoreDeletions: false,
  buildRetainKeysDirective: false,
};
