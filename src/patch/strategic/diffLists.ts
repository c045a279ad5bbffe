import { cloneJson } from '../../json/cloneJson.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { setOwn } from '../../json/ownProperty.js';
import { cloneJsonChecking } from '../../json/cloneJsonChecking.js';
import { isJsonScalar } from '../../json/assertJsonValue.js';
import { checkJsonAt, checkJsonContainer, notJson } from '../../json/notJson.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { diffListsOfMaps } from './diffListsOfMaps.js';
import { deduplicateScalars, elementKind, orderBy } from './elementOrder.js';
import type { DiffElement, DiffOptions } from './diffOptions.js';
import { formatGoValue } from './goValues.js';
import { sortedPositions } from './goSort.js';

/** The three parallel lists a merge list contributes to a patch. */
export interface ListDiff {
  /** Changed and added elements (with the merge key), then `$patch: delete` elements. */
  readonly patch: JsonValue[];
  /** `$deleteFromPrimitiveList/<field>`: scalars removed. */
  readonly deletions: JsonValue[];
  /** `$setElementOrder/<field>`: the merge keys (or scalars) in modified order. */
  readonly order: JsonValue[];
}

/** No patch: shared, frozen (a list diff's lists are only stored when they are not empty). */
const none = Object.freeze([]) as unknown as JsonValue[];
const empty: ListDiff = Object.freeze({ patch: none, deletions: none, order: none });

/**
 * Go's `diffLists` for a list whose strategy is `merge`. Both lists are sorted by the `%v` text of
 * their merge key (or value) and walked side by side; the patch list is then put back in modified
 * order. When the original list is empty the patch is simply the modified list.
 * `depth` is the nesting of the two lists in their documents; every element is checked on the way.
 */
export function diffLists(
  original: JsonValue[],
  modified: JsonValue[],
  itemSchema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
  path: string,
  depth: number,
  diffElement: DiffElement,
): ListDiff {
  checkJsonContainer(original, depth);
  checkJsonContainer(modified, depth);
  if (original.length === 0) {
    if (modified.length === 0) return empty;
    if (options.ignoreChangesAndAdditions) {
      checkJsonAt(modified, depth);
      return empty;
    }
    return { patch: cloneJsonChecking(modified, depth) as JsonValue[], deletions: none, order: none };
  }
  // One list on both sides is checked once: what fails in it fails in its first reading.
  const kind = original === modified ? elementKind(path, original) : elementKind(path, original, modified);
  if (kind === 'map') {
    const { patch, sameOrder, keys } = diffListsOfMaps(original, modified, itemSchema, mergeKey, options, path, depth, diffElement);
    const wantOrder =
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (patch.length > 0 || !sameOrder)) || (!options.ignoreDeletions && patch.length > 0));
    if (patch.length === 0 && !wantOrder) return empty;
    return { patch, deletions: none, order: wantOrder ? orderEntries(keys, mergeKey) : none };
  }
  // Go kinds tell JSON scalars apart but for numbers JSON cannot hold: `Infinity` is a float64.
  if (kind === 'float64') for (const list of [original, modified]) for (const item of list) if (!isJsonScalar(item)) notJson();
  if (original === modified) return sameScalars(original, options);
  const { additions, deletions, sortedOriginal } = diffListsOfScalars(original, modified, options);
  // Sorting nothing by `modified` is nothing (and scalars need no check of merge keys).
  const patch = additions.length === 0 ? [] : orderBy(additions, modified, mergeKey, kind, path);
  // Go sorts `original` in place before this comparison, so an unchanged list whose order is not
  // sorted gets an order directive, and a list only sorted differently from the original gets none.
  const wantOrder =
    options.setElementOrder &&
    ((!options.ignoreDeletions && deletions.length > 0) || (!options.ignoreChangesAndAdditions && !jsonEqual(sortedOriginal, modified)));
  return { patch, deletions, order: wantOrder ? [...modified] : [] };
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
  const beforeTexts = original.map(formatGoValue);
  const afterTexts = modified.map(formatGoValue);
  const before = sortedPositions(beforeTexts);
  const after = sortedPositions(afterTexts);
  const additions: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const a = i < before.length ? beforeTexts[before[i]!] : undefined;
    const b = j < after.length ? afterTexts[after[j]!] : undefined;
    if (a !== undefined && b !== undefined && a === b) {
      i++;
      j++;
    } else if (a === undefined || (b !== undefined && a > b)) {
      if (!options.ignoreChangesAndAdditions) additions.push(modified[after[j]!]!);
      j++;
    } else {
      if (!options.ignoreDeletions) deletions.push(original[before[i]!]!);
      i++;
    }
  }
  const sortedOriginal = before.map((position) => original[position]!);
  return { additions, deletions: deletions.length < 2 ? deletions : deduplicateScalars(deletions), sortedOriginal };
}

/**
 * {@link diffListsOfScalars} of a list with itself: nothing added or removed, and an order
 * directive when the list is not in the order Go sorts it to (by `%v` text; within one Go kind,
 * equal texts are equal values, so sorting a sorted list changes nothing).
 */
function sameScalars(list: readonly JsonValue[], options: DiffOptions): ListDiff {
  if (!options.setElementOrder || options.ignoreChangesAndAdditions) return empty;
  let previous = list.length > 0 ? formatGoValue(list[0]) : '';
  for (let i = 1; i < list.length; i++) {
    const text = formatGoValue(list[i]);
    if (text < previous) return { patch: none, deletions: none, order: [...list] };
    previous = text;
  }
  return empty;
}

/** `$setElementOrder` of a merge list of maps: `{<mergeKey>: key}` for each key, in list order. */
function orderEntries(keys: readonly JsonValue[], mergeKey: string): JsonObject[] {
  const entries = new Array<JsonObject>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const copy = typeof key === 'object' && key !== null ? cloneJson(key) : key;
    // A store of its own, not `setOwn`'s: one key and one shape here, so the store stays fast.
    const entry: JsonObject = {};
    if (mergeKey === '__proto__') setOwn(entry, mergeKey, copy);
    else entry[mergeKey] = copy;
    entries[i] = entry;
  }
  return entries;
}
