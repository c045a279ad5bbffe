import type { JsonObject } from '../../json/JsonValue.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';

/**
 * What a diff noticed on its way, for checks run once per patch rather than once per node.
 * Mutable: the options are shared by every level, and so is the report.
 */
export interface DiffReport {
  /** A merge list of maps had two elements with the same merge key, on either side. */
  repeatedMergeKey: boolean;
}

/** What {@link DiffOptions.of} takes: Go's `DiffOptions` fields. */
export interface DiffSettings {
  /** Emit `$setElementOrder` lists for merge lists. */
  readonly setElementOrder: boolean;
  /** Keep only deletions (the "deletions" half of a three-way patch). */
  readonly ignoreChangesAndAdditions: boolean;
  /** Keep no deletions (the "delta" half of a three-way patch). */
  readonly ignoreDeletions: boolean;
}

/**
 * Go's `DiffOptions`: which parts of a difference a diff keeps. One class, so that every diff
 * reads its options from objects of one shape, and the variant for a `retainKeys` map (or for
 * the fields inside one) is made once per diff instead of once per map ({@link forField}).
 */
export class DiffOptions implements DiffSettings {
  readonly setElementOrder: boolean;
  readonly ignoreChangesAndAdditions: boolean;
  readonly ignoreDeletions: boolean;
  /** Emit `$retainKeys` for this map (its field's strategy includes `retainKeys`). */
  readonly buildRetainKeysDirective: boolean;
  /** Where a diff notes what its caller checks once the patch is done; shared by every level. */
  readonly report: DiffReport;
  #other: DiffOptions | undefined;

  private constructor(settings: DiffSettings, buildRetainKeysDirective: boolean, report: DiffReport) {
    this.setElementOrder = settings.setElementOrder;
    this.ignoreChangesAndAdditions = settings.ignoreChangesAndAdditions;
    this.ignoreDeletions = settings.ignoreDeletions;
    this.buildRetainKeysDirective = buildRetainKeysDirective;
    this.report = report;
  }

  /** The options of one diff, reporting to `report`. */
  static of(settings: DiffSettings, report: DiffReport = { repeatedMergeKey: false }): DiffOptions {
    return new DiffOptions(settings, false, report);
  }

  /** These options for a field whose strategy does (or does not) include `retainKeys`. */
  forField(retainKeys: boolean): DiffOptions {
    if (this.buildRetainKeysDirective === retainKeys) return this;
    if (this.#other === undefined) {
      this.#other = new DiffOptions(this, retainKeys, this.report);
      this.#other.#other = this;
    }
    return this.#other;
  }
}

/**
 * How a list diff diffs two elements with the same merge key: `diffMaps`, handed in by its caller
 * so that the two modules do not import each other.
 */
export type DiffElement = (original: JsonObject, modified: JsonObject, schema: PatchSchema, options: DiffOptions, path: string, depth: number) => JsonObject;

/** `CreateTwoWayMergePatch`'s options. */
export const twoWayDiff: DiffSettings = {
  setElementOrder: true,
  ignoreChangesAndAdditions: false,
  ignoreDeletions: false,
};
