import { cloneJson } from '../../json/cloneJson.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, setOwn } from '../../json/ownProperty.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { diffListsOfMaps } from './diffListsOfMaps.js';
import { deduplicateScalars, elementKind, orderBy, requireMergeKeys } from './elementOrder.js';
import type { DiffElement, DiffOptions } from './diffOptions.js';
import { formatGoValue } from './goValues.js';
import { sortLessOrEqual } from './goSort.js';

/** The three parallel lists a merge list contributes to a patch. */
export interface ListDiff {
  /** Changed and added elements (with the merge key), then `$patch: delete` elements. */
  readonly patch: JsonValue[];
  /** `$deleteFromPrimitiveList/<field>`: scalars removed. */
  readonly deletions: JsonValue[];
  /** `$setElementOrder/<field>`: the merge keys (or scalars) in modified order. */
  readonly order: JsonValue[];
}

const empty: ListDiff = { patch: [], deletions: [], order: [] };

/**
 * Go's `diffLists` for a list whose strategy is `merge`. Both lists are sorted by the `%v` text of
 * their merge key (or value) and walked side by side; the patch list is then put back in modified
 * order. When the original list is empty the patch is simply the modified list.
 */
export function diffLists(
  original: JsonValue[],
  modified: JsonValue[],
  itemSchema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
  path: string,
  diffElement: DiffElement,
): ListDiff {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return empty;
    return { patch: cloneJson(modified) as JsonValue[], deletions: [], order: [] };
  }
  const kind = elementKind(path, original, modified);
  if (kind === 'map') {
    const patch = diffListsOfMaps(original, modified, itemSchema, mergeKey, options, path, diffElement);
    const orderChanged = !sameOrder(original, modified, mergeKey, path);
    const wantOrder =
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (patch.length > 0 || orderChanged)) || (!options.ignoreDeletions && patch.length > 0));
    const order = wantOrder
      ? modified.map((item) => {
          const entry: JsonObject = {};
          setOwn(entry, mergeKey, cloneJson(getOwn(item as JsonObject, mergeKey) as JsonValue));
          return entry;
        })
      : [];
    return { patch, deletions: [], order };
  }
  const { additions, deletions, sortedOriginal } = diffListsOfScalars(original, modified, options);
  const patch = orderBy(additions, modified, mergeKey, kind, path);
  // Go sorts `original` in place before this comparison, so an unchanged list whose order is not
  // sorted gets an order directive, and a list only sorted differently from the original gets none.
  const wantOrder =
    options.setElementOrder &&
    ((!options.ignoreDeletions && deletions.length > 0) || (!options.ignoreChangesAndAdditions && !jsonEqual(sortedOriginal, modified)));
  return { patch, deletions, order: wantOrder ? [...modified] : [] };
}

/** Go's `isOrderSame`: the same merge keys at the same positions. */
function sameOrder(original: readonly JsonValue[], modified: readonly JsonValue[], mergeKey: string, path: string): boolean {
  if (original.length !== modified.length) return false;
  requireMergeKeys(mergeKey, path, original, modified);
  return modified.every((item, i) => {
    const a = (original[i] as JsonObject)[mergeKey];
    return a === (item as JsonObject)[mergeKey] && (typeof a !== 'object' || a === null);
  });
}

/**
 * Go's `diffListsOfScalars`: both lists sorted by `%v` text and walked together; values only in
 * `modified` are additions, values only in `original` deletions (de-duplicated the way Go does).
 */
function diffListsOfScalars(
  original: JsonValue[],
  modified: JsonValue[],
  options: DiffOptions,
): { additions: JsonValue[]; deletions: JsonValue[]; sortedOriginal: JsonValue[] } {
  const before = [...original];
  const after = [...modified];
  sortLessOrEqual(before, formatGoValue);
  sortLessOrEqual(after, formatGoValue);
  const additions: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const a = i < before.length ? formatGoValue(before[i]) : undefined;
    const b = j < after.length ? formatGoValue(after[j]) : undefined;
    if (a !== undefined && b !== undefined && a === b) {
      i++;
      j++;
    } else if (a === undefined || (b !== undefined && a > b)) {
      if (!options.ignoreChangesAndAdditions) additions.push(after[j]!);
      j++;
    } else {
      if (!options.ignoreDeletions) deletions.push(before[i]!);
      i++;
    }
  }
  return { additions, deletions: deduplicateScalars(deletions), sortedOriginal: before };
}
