import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import { directiveMarker, fail } from './directives.js';
import { goKind, type GoKind } from './goValues.js';
import { sortByRank } from './sortByRank.js';

/**
 * Go's `sliceElementType`: the one Go type of every element of the given lists, `undefined` when
 * they are all empty. A list of lists, or two element types, is an error.
 */
export function elementKind(path: string, ...lists: ReadonlyArray<readonly JsonValue[]>): GoKind | undefined {
  let kind: GoKind | undefined;
  for (const list of lists) {
    for (const element of list) {
      const current = goKind(element);
      if (kind === undefined) {
        if (current === 'slice') fail('LIST_OF_LISTS', 'lists of lists are not supported', path);
        kind = current;
      } else if (kind !== current) {
        fail('MIXED_LIST_TYPES', `list element types are not identical: ${kind} and ${current}`, path);
      }
    }
  }
  return kind;
}

/** What identifies a list element: its merge key's value for maps, itself for scalars. */
export function identity(item: JsonValue, mergeKey: string, kind: GoKind | undefined): JsonValue | undefined {
  if (kind !== 'map') return item;
  return isJsonObject(item) ? getOwn(item, mergeKey) : undefined;
}

/** Positions in an order list by element identity (see {@link positions}). */
export type Ranks = ReadonlyMap<JsonValue | undefined, number>;

/**
 * Positions of elements in `order` by identity, first occurrence winning, like Go's `index()`
 * scan. Go compares identities with `==`; a `Map` keyed by the JSON scalar does the same in O(1).
 */
export function positions(order: readonly JsonValue[], mergeKey: string, kind: GoKind | undefined): Map<JsonValue | undefined, number> {
  const ranks = new Map<JsonValue | undefined, number>();
  for (let i = 0; i < order.length; i++) {
    const id = identity(order[i]!, mergeKey, kind);
    if ((typeof id !== 'object' || id === null) && !ranks.has(id)) ranks.set(id, i);
  }
  return ranks;
}

/** Every element must be a map holding the merge key (Go's `validateMergeKeyInLists`). */
export function requireMergeKeys(mergeKey: string, path: string, ...lists: ReadonlyArray<readonly JsonValue[]>): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonObject(item)) fail('MIXED_LIST_TYPES', `expected a map, but received ${goKind(item)}`, path);
      if (!hasMember(item, mergeKey)) {
        fail('MISSING_MERGE_KEY', `map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`, path);
      }
    }
  }
}

/**
 * Whether `object` has the member `key`. A member holding `undefined` counts as absent, as in
 * the copy of an argument Go would decode: patches are read in place, not copied first.
 */
export function hasMember(object: JsonObject, key: string): boolean {
  return getOwn(object, key) !== undefined;
}

/** Splits `$patch: delete` elements from the others (Go's `extractToDeleteItems`). */
export function splitDeletions(list: readonly JsonValue[], path: string): { kept: JsonValue[]; deleted: JsonValue[] } {
  const kept: JsonValue[] = [];
  const deleted: JsonValue[] = [];
  for (const item of list) {
    if (!isJsonObject(item)) fail('MIXED_LIST_TYPES', `expected a map, but received ${goKind(item)}`, path);
    (getOwn(item, directiveMarker) === 'delete' ? deleted : kept).push(item);
  }
  return { kept, deleted };
}

/** A list put in order, and whether that order is `exact`: the same whatever order its elements came in. */
export interface Ordered {
  readonly list: JsonValue[];
  readonly exact: boolean;
}

/**
 * Go's `normalizeSliceOrder`: sorts `toSort` by the positions of its elements in `order` with
 * `sort.SliceStable` and Go's comparator (elements missing from `order` compare as "less"), then
 * appends the `$patch: delete` elements.
 */
export function orderBy(toSort: readonly JsonValue[], order: readonly JsonValue[], mergeKey: string, kind: GoKind | undefined, path: string): JsonValue[] {
  return sortedBy(toSort, order, mergeKey, kind, path, undefined).list;
}

function sortedBy(toSort: readonly JsonValue[], order: readonly JsonValue[], mergeKey: string, kind: GoKind | undefined, path: string, ranks: Ranks | undefined): Ordered {
  let items = toSort;
  let deleted: JsonValue[] = [];
  if (kind === 'map') {
    requireMergeKeys(mergeKey, path, toSort, order);
    ({ kept: items, deleted } = splitDeletions(toSort, path));
  }
  const sorted = sortByRank(items, ranksOf(items, ranks ?? positions(order, mergeKey, kind), mergeKey, kind));
  const list = deleted.length === 0 && sorted.items !== toSort ? (sorted.items as JsonValue[]) : [...sorted.items, ...deleted];
  return { list, exact: sorted.exact && deleted.length === 0 };
}

/** The position in the order list of each item, `-1` where it is missing. */
function ranksOf(items: readonly JsonValue[], ranks: Ranks, mergeKey: string, kind: GoKind | undefined): number[] {
  const result = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) result[i] = ranks.get(identity(items[i]!, mergeKey, kind)) ?? -1;
  return result;
}

/**
 * Go's `mergeSortedSlice`: interleaves server-only items (`left`) into patch items (`right`),
 * taking a left item first only when both are found in the live order (`ranks`) and it comes
 * earlier there. Looks up each item once, and the rest of `right` not at all once `left` is done.
 */
function interleave(left: readonly JsonValue[], right: readonly JsonValue[], ranks: Ranks, mergeKey: string, kind: GoKind | undefined): JsonValue[] {
  const rank = (item: JsonValue): number => ranks.get(identity(item, mergeKey, kind)) ?? -1;
  const merged: JsonValue[] = [];
  let i = 0;
  let j = 0;
  let li = left.length > 0 && right.length > 0 ? rank(left[0]!) : -1;
  let rj = left.length > 0 && right.length > 0 ? rank(right[0]!) : -1;
  while (i < left.length && j < right.length) {
    if (li >= 0 && rj >= 0 && li < rj) {
      merged.push(left[i++]!);
      if (i < left.length) li = rank(left[i]!);
    } else {
      merged.push(right[j++]!);
      if (j < right.length) rj = rank(right[j]!);
    }
  }
  while (i < left.length) merged.push(left[i++]!);
  while (j < right.length) merged.push(right[j++]!);
  return merged;
}

/**
 * Go's `normalizeElementOrder`: patch items in patch order, server-only items in live order,
 * interleaved so that both relative orders hold. Precedence: `$setElementOrder` (or the patch
 * list) over the live list. `patchRanks` are {@link partitionByPresence}'s, reused when they
 * identify elements the same way.
 */
export function normalizeElementOrder(
  patchItems: readonly JsonValue[],
  serverOnly: readonly JsonValue[],
  patchOrder: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  mergeKey: string,
  kind: GoKind | undefined,
  path: string,
  patchRanks?: Ranks,
): Ordered {
  const sameIdentity = (mergeKey !== '') === (kind === 'map');
  const patch = sortedBy(patchItems, patchOrder, mergeKey, kind, path, sameIdentity ? patchRanks : undefined);
  // Without server-only items (a `$setElementOrder` that lists every element) the live order is moot.
  if (serverOnly.length === 0) {
    if (kind === 'map') requireMergeKeys(mergeKey, path, serverOrder); // as sorting no elements by it would
    return patch;
  }
  const serverRanks = positions(serverOrder, mergeKey, kind);
  const server = sortedBy(serverOnly, serverOrder, mergeKey, kind, path, serverRanks);
  return { list: interleave(server.list, patch.list, serverRanks, mergeKey, kind), exact: patch.exact && server.exact };
}

/**
 * Splits `list` into the items found in `partitionBy` and the others (Go's `partition*ByPresentInList`),
 * each in list order. Also returns the positions in `partitionBy` it looked them up in.
 */
export function partitionByPresence(
  list: readonly JsonValue[],
  partitionBy: readonly JsonValue[],
  mergeKey: string,
  path: string,
): { inPatch: JsonValue[]; serverOnly: JsonValue[]; ranks: Ranks } {
  const inPatch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  const byMergeKey = mergeKey !== '';
  if (byMergeKey) requireMergeKeys(mergeKey, path, list);
  if (byMergeKey && partitionBy.some((item) => !isJsonObject(item))) fail('MIXED_LIST_TYPES', 'value in list is not a map', path);
  // Go compares with `==`, which only scalars pass: `positions` holds no other identity.
  const ranks = positions(partitionBy, mergeKey, byMergeKey ? 'map' : undefined);
  for (const item of list) (ranks.has(byMergeKey ? getOwn(item as JsonObject, mergeKey) : item) ? inPatch : serverOnly).push(item);
  return { inPatch, serverOnly, ranks };
}

/**
 * Go's `deduplicateScalars`, whose swap-with-last removal decides the order of a
 * `$deleteFromPrimitiveList` directive. Lists without duplicates return at once.
 */
export function deduplicateScalars(list: JsonValue[]): JsonValue[] {
  if (new Set(list).size === list.length) return list;
  const s = [...list];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length]!;
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}
