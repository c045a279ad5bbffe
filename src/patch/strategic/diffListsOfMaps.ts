import { cloneJson } from '../../json/cloneJson.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, setOwn } from '../../json/ownProperty.js';
import { cloneJsonChecking } from '../../json/cloneJsonChecking.js';
import { checkJsonAt, NOT_JSON } from '../../json/notJson.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { deleteDirective, directiveMarker, fail } from './directives.js';
import type { DiffElement, DiffOptions } from './diffOptions.js';
import { orderBy } from './elementOrder.js';
import { sortedPositions, sortLessOrEqual } from './goSort.js';
import { formatGoValue } from './goValues.js';
import { hasOwnKeys } from './hasOwnKeys.js';
import { indexKeys, repeats } from './keyIndex.js';
import { numberArray, type NumberArray } from './numberArray.js';
import { inherits } from './members.js';
import { rebaseError } from './rebaseError.js';

/** A merge list of maps diffed (see {@link diffListsOfMaps}). */
export interface MapListDiff {
  /** The changed and added elements in modified order, then the deletions. */
  readonly patch: JsonValue[];
  /** Go's `isOrderSame`: the same merge keys at the same positions. */
  readonly sameOrder: boolean;
  /** The merge key of each modified element. */
  readonly keys: readonly JsonValue[];
}

/** The fast path's pairing: for each modified element, the original with its text, or `-1`. */
interface Pairing {
  readonly partner: NumberArray;
  readonly taken: NumberArray;
  /** The texts of the original merge keys. */
  readonly texts: readonly string[];
}

interface Keyed {
  readonly item: JsonObject;
  readonly key: JsonValue;
  readonly text: string;
}

/**
 * Go's `diffListsOfMaps`, then its `normalizeSliceOrder`: matched elements (by the `%v` text of
 * their merge key) are diffed recursively, the merge key put back into a non-empty element patch;
 * new elements are added whole; removed ones become `{<mergeKey>: value, $patch: delete}`.
 *
 * Go sorts both lists by that text and walks them side by side. When the texts are unique on
 * each side and every key is a scalar, elements pair up the same way through an index, the
 * changes land in modified order whatever order they were found in, and only the deletions need
 * sorting. Whether that holds is known before any element is diffed, so each element is diffed
 * once, whichever way the list goes. `depth` is the nesting of the lists in their documents.
 */
export function diffListsOfMaps(
  original: readonly JsonValue[],
  modified: readonly JsonValue[],
  itemSchema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
  path: string,
  depth: number,
  diffElement: DiffElement,
): MapListDiff {
  const before = mergeKeysOf(original, mergeKey, path);
  if (original === modified) {
    const patch = diffSameList(original, before, itemSchema, mergeKey, options, path, depth, diffElement);
    if (patch !== undefined) return { patch, sameOrder: true, keys: before };
  }
  const after = original === modified ? before : mergeKeysOf(modified, mergeKey, path);
  const sameOrder = sameMergeKeys(before, after);
  const pairing = pairByText(before, after, modified, options);
  if (pairing !== undefined) {
    const patch = diffPairs(original, modified, before, after, pairing, itemSchema, mergeKey, options, path, depth, diffElement);
    if (patch !== undefined) return { patch, sameOrder, keys: after };
  }
  const sorted = diffSorted(keyed(original, before), keyed(modified, after), modified, itemSchema, mergeKey, options, path, depth, diffElement);
  return { patch: sorted, sameOrder, keys: after };
}

/**
 * Pairs each modified element with the original element whose key has its text. `undefined`
 * (Go's walk decides) at a non-scalar key, a text repeated on either side, or a `$patch: delete`
 * element, whose places in the patch depend on Go's sort.
 */
function pairByText(beforeKeys: readonly JsonValue[], afterKeys: readonly JsonValue[], modified: readonly JsonValue[], options: DiffOptions): Pairing | undefined {
  const texts = scalarTexts(beforeKeys);
  if (texts === undefined) return undefined;
  const find = indexKeys(texts);
  if (find === undefined) return undefined;
  const partner = numberArray(afterKeys.length, -1);
  const taken = numberArray(beforeKeys.length, 0);
  let added: Set<string> | undefined;
  const direct = !inherits(directiveMarker);
  // Lists mostly keep their order: the element after the last one found is tried before the index.
  let next = 0;
  for (let j = 0; j < afterKeys.length; j++) {
    const key = afterKeys[j]!;
    if (typeof key === 'object' && key !== null) return undefined;
    const text = textOf(key);
    const i = next < texts.length && texts[next] === text ? next : find(text);
    if (i >= 0) next = i + 1;
    // A change to or from `$patch: delete` would put a deletion among the changes.
    const directive = direct ? (modified[j] as JsonObject)[directiveMarker] : getOwn(modified[j] as JsonObject, directiveMarker);
    if (directive === 'delete' && (i >= 0 || !options.ignoreChangesAndAdditions)) return undefined;
    if (i < 0) {
      if (added?.has(text)) return undefined;
      (added ??= new Set()).add(text);
    } else {
      if (taken[i] === 1) return undefined;
      taken[i] = 1;
    }
    partner[j] = i;
  }
  return { partner, taken, texts };
}

/**
 * {@link diffPairs} of one list with itself (a part both documents share), where each element
 * pairs with itself: nothing to index, nothing added or removed. `undefined` where the pairing
 * would give up (see {@link pairByText}) or an error cannot be placed.
 */
function diffSameList(
  list: readonly JsonValue[],
  keys: readonly JsonValue[],
  itemSchema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
  path: string,
  depth: number,
  diffElement: DiffElement,
): JsonValue[] | undefined {
  const texts = scalarTexts(keys);
  if (texts === undefined || repeats(texts)) return undefined;
  const direct = !inherits(directiveMarker);
  for (const item of list) if ((direct ? (item as JsonObject)[directiveMarker] : getOwn(item as JsonObject, directiveMarker)) === 'delete') return undefined;
  let changes: JsonValue[] | undefined;
  for (let j = 0; j < list.length; j++) {
    const element = list[j] as JsonObject;
    let nested: JsonObject;
    try {
      nested = diffElement(element, element, itemSchema, options, path, depth + 1);
    } catch (error) {
      if (error === NOT_JSON) throw error;
      return firstFailure(j, error, list, list, keys, Array.from(keys.keys()), itemSchema, options, path, depth, diffElement);
    }
    if (!hasOwnKeys(nested)) continue;
    setOwn(nested, mergeKey, cloneJson(keys[j]!));
    (changes ??= []).push(nested);
  }
  return changes ?? [];
}

/**
 * The patch of a paired list: changes in modified order, then deletions sorted by text.
 * `undefined` when an element fails with an error that cannot be placed (see {@link firstFailure}).
 */
function diffPairs(
  original: readonly JsonValue[],
  modified: readonly JsonValue[],
  beforeKeys: readonly JsonValue[],
  afterKeys: readonly JsonValue[],
  { partner, taken, texts }: Pairing,
  itemSchema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
  path: string,
  depth: number,
  diffElement: DiffElement,
): JsonValue[] | undefined {
  const changes: JsonValue[] = [];
  for (let j = 0; j < modified.length; j++) {
    const i = partner[j]!;
    if (i < 0) {
      if (options.ignoreChangesAndAdditions) checkJsonAt(modified[j], depth + 1);
      else changes.push(cloneJsonChecking(modified[j], depth + 1));
      continue;
    }
    let nested: JsonObject;
    try {
      // Errors are thrown at `path`, and moved to the element's place in Go's sorted list below.
      nested = diffElement(original[i] as JsonObject, modified[j] as JsonObject, itemSchema, options, path, depth + 1);
    } catch (error) {
      if (error === NOT_JSON) throw error;
      return firstFailure(j, error, original, modified, afterKeys, partner, itemSchema, options, path, depth, diffElement);
    }
    if (!hasOwnKeys(nested)) continue;
    setOwn(nested, mergeKey, cloneJson(afterKeys[j]!));
    changes.push(nested);
  }
  const removed: number[] = [];
  for (let i = 0; i < original.length; i++) {
    if (taken[i] === 1) continue;
    checkJsonAt(original[i], depth + 1);
    if (!options.ignoreDeletions) removed.push(i);
  }
  sortLessOrEqual(removed, (i) => texts[i]!);
  for (const i of removed) changes.push(deleteDirective(mergeKey, beforeKeys[i]!));
  return changes;
}

/**
 * Throws the error Go's walk meets first, now that the element `failed` (in modified order) threw
 * `error`: Go diffs the pairs in the order of their texts and stops at the first that fails, so
 * the pairs not diffed yet that come earlier in that order are diffed now, and the first error
 * among them (or else `error`) is thrown, at the failing element's place in Go's sorted list.
 * Returns `undefined`, for Go's walk to run, when an error is not a {@link StrategicMergePatchError}.
 */
function firstFailure(
  failed: number,
  error: unknown,
  original: readonly JsonValue[],
  modified: readonly JsonValue[],
  afterKeys: readonly JsonValue[],
  partner: NumberArray,
  itemSchema: PatchSchema,
  options: DiffOptions,
  path: string,
  depth: number,
  diffElement: DiffElement,
): undefined {
  const order = sortedPositions(afterKeys.map(textOf));
  const rank = new Array<number>(order.length);
  order.forEach((j, r) => (rank[j] = r));
  let first = failed;
  let firstError = error;
  for (const j of order) {
    if (rank[j]! >= rank[failed]!) break;
    if (j < failed || partner[j]! < 0) continue;
    try {
      diffElement(original[partner[j]!] as JsonObject, modified[j] as JsonObject, itemSchema, options, path, depth + 1);
    } catch (earlier) {
      if (earlier === NOT_JSON) throw earlier;
      first = j;
      firstError = earlier;
      break;
    }
  }
  const placed = rebaseError(firstError, path, `${path}/${rank[first]}`);
  if (placed === undefined) return undefined;
  throw placed;
}

/** The `%v` text of each key, or `undefined` when one is not a scalar. */
function scalarTexts(keys: readonly JsonValue[]): readonly string[] | undefined {
  let i = 0;
  // Strings are their own text: the usual list of string keys is its own list of texts.
  while (i < keys.length && typeof keys[i] === 'string') i++;
  if (i === keys.length) return keys as readonly string[];
  const texts = new Array<string>(keys.length);
  for (let k = 0; k < i; k++) texts[k] = keys[k] as string;
  for (; i < keys.length; i++) {
    const key = keys[i]!;
    if (typeof key === 'object' && key !== null) return undefined;
    texts[i] = textOf(key);
  }
  return texts;
}

/** `formatGoValue`, without a call for the usual string key. */
function textOf(key: JsonValue): string {
  return typeof key === 'string' ? key : formatGoValue(key);
}

/** Go's walk over both lists sorted by the text of their merge keys. */
function diffSorted(
  before: Keyed[],
  after: Keyed[],
  modified: readonly JsonValue[],
  itemSchema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
  path: string,
  depth: number,
  diffElement: DiffElement,
): JsonValue[] {
  sortLessOrEqual(before, (entry) => entry.text);
  sortLessOrEqual(after, (entry) => entry.text);
  // Only this walk sees repeated keys (the fast path gives up on them), sorted side by side.
  if (hasRepeatedText(before) || hasRepeatedText(after)) options.report.repeatedMergeKey = true;
  const changes: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const a = before[i];
    const b = after[j];
    if (a !== undefined && b !== undefined && a.text === b.text) {
      const nested = diffElement(a.item, b.item, itemSchema, options, `${path}/${j}`, depth + 1);
      if (hasOwnKeys(nested)) {
        setOwn(nested, mergeKey, cloneJson(b.key));
        changes.push(nested);
      }
      i++;
      j++;
    } else if (a === undefined || (b !== undefined && a.text > b.text)) {
      if (options.ignoreChangesAndAdditions) checkJsonAt(b!.item, depth + 1);
      else changes.push(cloneJsonChecking(b!.item, depth + 1));
      j++;
    } else {
      checkJsonAt(a.item, depth + 1);
      if (!options.ignoreDeletions) deletions.push(deleteDirective(mergeKey, a.key));
      i++;
    }
  }
  return orderBy(changes, modified, mergeKey, 'map', path).concat(deletions);
}

/** Whether two neighbours of a list sorted by text have the same text. */
function hasRepeatedText(sorted: readonly Keyed[]): boolean {
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.text === sorted[i - 1]!.text) return true;
  return false;
}

/** Each element's merge key, in list order; every element must be a map holding it. */
function mergeKeysOf(list: readonly JsonValue[], mergeKey: string, path: string): JsonValue[] {
  const keys = new Array<JsonValue>(list.length);
  const direct = !inherits(mergeKey);
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    if (!isJsonObject(item)) return fail('MIXED_LIST_TYPES', 'expected a map in a merge list', path);
    const key = direct ? item[mergeKey] : getOwn(item, mergeKey);
    if (key === undefined) return fail('MISSING_MERGE_KEY', `map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`, path);
    keys[i] = key;
  }
  return keys;
}

/** Go's `isOrderSame`: the same merge keys at the same positions (`==`, which only scalars pass). */
function sameMergeKeys(before: readonly JsonValue[], after: readonly JsonValue[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    const a = before[i];
    if (a !== after[i] || (typeof a === 'object' && a !== null)) return false;
  }
  return true;
}

/** Each element with its merge key and that key's `%v` text, in list order, for Go's walk. */
function keyed(list: readonly JsonValue[], keys: readonly JsonValue[]): Keyed[] {
  return list.map((item, i): Keyed => ({ item: item as JsonObject, key: keys[i]!, text: formatGoValue(keys[i]) }));
}
