import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import { directiveMarker, fail } from './directives.js';
import { goKind, type GoKind } from './goValues.js';
import { sliceStable } from './goSort.js';

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

/**
 * Positions of elements in `order` by identity, first occurrence winning, like Go's `index()`
 * scan. Go compares identities with `==`; a `Map` keyed by the JSON scalar does the same in O(1).
 */
export function positions(order: readonly JsonValue[], mergeKey: string, kind: GoKind | undefined): Map<JsonValue | undefined, number> {
  const ranks = new Map<JsonValue | undefined, number>();
  order.forEach((item, i) => {
    const id = identity(item, mergeKey, kind);
    if (typeof id !== 'object' || id === null) {
      if (!ranks.has(id)) ranks.set(id, i);
    }
  });
  return ranks;
}

/** Every element must be a map holding the merge key (Go's `validateMergeKeyInLists`). */
export function requireMergeKeys(mergeKey: string, path: string, ...lists: ReadonlyArray<readonly JsonValue[]>): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonObject(item)) fail('MIXED_LIST_TYPES', `expected a map, but received ${goKind(item)}`, path);
      if (!Object.hasOwn(item, mergeKey)) {
        fail('MISSING_MERGE_KEY', `map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`, path);
      }
    }
  }
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

/**
 * Go's `normalizeSliceOrder`: sorts `toSort` by the positions of its elements in `order` with
 * `sort.SliceStable` and Go's comparator (elements missing from `order` compare as "less"), then
 * appends the `$patch: delete` elements.
 */
export function orderBy(toSort: readonly JsonValue[], order: readonly JsonValue[], mergeKey: string, kind: GoKind | undefined, path: string): JsonValue[] {
  let items = [...toSort];
  let deleted: JsonValue[] = [];
  if (kind === 'map') {
    requireMergeKeys(mergeKey, path, toSort, order);
    ({ kept: items, deleted } = splitDeletions(toSort, path));
  }
  const ranks = positions(order, mergeKey, kind);
  const rank = (item: JsonValue): number => ranks.get(identity(item, mergeKey, kind)) ?? -1;
  sliceStable(items, (a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra >= 0 && rb >= 0 ? ra < rb : true;
  });
  items.push(...deleted);
  return items;
}

/**
 * Go's `mergeSortedSlice`: interleaves server-only items (`left`) into patch items (`right`),
 * taking a left item first only when both are found in the live order and it comes earlier there.
 */
export function interleave(left: readonly JsonValue[], right: readonly JsonValue[], serverOrder: readonly JsonValue[], mergeKey: string, kind: GoKind | undefined): JsonValue[] {
  const ranks = positions(serverOrder, mergeKey, kind);
  const rank = (item: JsonValue): number => ranks.get(identity(item, mergeKey, kind)) ?? -1;
  const merged: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const li = rank(left[i]!);
    const rj = rank(right[j]!);
    if (li >= 0 && rj >= 0 && li < rj) merged.push(left[i++]!);
    else merged.push(right[j++]!);
  }
  return merged.concat(left.slice(i), right.slice(j));
}

/**
 * Go's `normalizeElementOrder`: patch items in patch order, server-only items in live order,
 * interleaved so that both relative orders hold. Precedence: `$setElementOrder` (or the patch
 * list) over the live list.
 */
export function normalizeElementOrder(
  patchItems: readonly JsonValue[],
  serverOnly: readonly JsonValue[],
  patchOrder: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  mergeKey: string,
  kind: GoKind | undefined,
  path: string,
): JsonValue[] {
  const patch = orderBy(patchItems, patchOrder, mergeKey, kind, path);
  const server = orderBy(serverOnly, serverOrder, mergeKey, kind, path);
  return interleave(server, patch, serverOrder, mergeKey, kind);
}

/** Splits `list` into the items found in `partitionBy` and the others (Go's `partition*ByPresentInList`). */
export function partitionByPresence(
  list: readonly JsonValue[],
  partitionBy: readonly JsonValue[],
  mergeKey: string,
  path: string,
): { inPatch: JsonValue[]; serverOnly: JsonValue[] } {
  const inPatch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  const byMergeKey = mergeKey !== '';
  if (byMergeKey) requireMergeKeys(mergeKey, path, list);
  if (byMergeKey && partitionBy.some((item) => !isJsonObject(item))) fail('MIXED_LIST_TYPES', 'value in list is not a map', path);
  const present = new Set(partitionBy.map((item) => (byMergeKey ? getOwn(item as JsonObject, mergeKey) : item)));
  for (const item of list) {
    const id = byMergeKey ? getOwn(item as JsonObject, mergeKey) : item;
    (present.has(id) && (typeof id !== 'object' || id === null) ? inPatch : serverOnly).push(item);
  }
  return { inPatch, serverOnly };
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
