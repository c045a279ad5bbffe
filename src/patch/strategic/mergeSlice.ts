import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { directiveMarker, fail } from './directives.js';
import { elementKind, hasMember, normalizeElementOrder, partitionByPresence, requireMergeKeys } from './elementOrder.js';
import { keep, type MergeElement, type MergeOptions } from './mergeOptions.js';

/** A merge list merged (see {@link mergeList}). */
export interface MergedList {
  /** The elements, not yet in order: the live list's survivors, then those the patch appended. */
  readonly merged: JsonValue[];
  /** What Go's caller sees of the live list afterwards (see {@link mergeList}). */
  readonly originalView: JsonValue[];
  /** `merged` in Go's order: patch elements in patch order, the others in live order. */
  readonly ordered: () => JsonValue[];
}

/**
 * Go's `mergeSlice` for a list whose strategy is `merge` (or a `$deleteFromPrimitiveList`):
 *
 * - scalars: the union of both lists, duplicates removed; a deletion list removes its values;
 * - maps: `$patch: delete` elements remove every element with their merge key, `$patch: replace`
 *   makes the list the other patch elements, and each remaining patch element is merged into the
 *   first element with the same merge key, or appended;
 * - then the result is ordered: patch elements in patch order, the others in live order. That
 *   step is left to the caller (`ordered`), since a `$setElementOrder` often makes it moot.
 *
 * Elements are found through an index by merge key, so this is linear in the list lengths where
 * Go's scan is quadratic.
 *
 * Also returns what Go's caller still sees through its own slice header on the same backing
 * array afterwards (`originalView`). Go deletes elements by shifting the array in place and
 * appends new ones into the slots that frees, so the caller's view of the "live" list changes;
 * `mergePatchIntoOriginal` then orders the result by that changed view. Reproducing it is what
 * makes a `$setElementOrder` patch that both deletes and adds elements come out in Go's order.
 */
export function mergeList(
  original: JsonValue[],
  patch: JsonValue[],
  itemSchema: PatchSchema,
  mergeKey: string,
  options: MergeOptions,
  isDeleteList: boolean,
  path: string,
  mergeElement: MergeElement,
): MergedList {
  if (original.length === 0 && patch.length === 0) return { merged: original, originalView: original, ordered: () => original };
  const kind = elementKind(path, original, patch);
  let merged: JsonValue[];
  let base = original;
  let patchItems = patch;
  let removalOrder: number[] = [];
  if (kind !== 'map') {
    if (options.mergeParallelList && isDeleteList) {
      const removed = new Set(patch);
      const kept = original.filter((item) => !removed.has(item));
      return { merged: kept, originalView: original, ordered: () => kept };
    }
    merged = [...new Set([...original, ...patch])];
  } else {
    if (mergeKey === '') fail('SCHEMA_MISMATCH', `cannot merge lists without merge key for ${itemSchema.name}`, path);
    ({ base, patchItems, removalOrder } = applySpecialElements(original, patch, mergeKey, options, path));
    merged = mergeByKey(base, patchItems, mergeKey, itemSchema, options, path, mergeElement);
  }
  const orderKey = kind === 'map' ? mergeKey : '';
  const ordered = (): JsonValue[] => {
    const { inPatch, serverOnly, ranks } = partitionByPresence(merged, patchItems, orderKey, path);
    return normalizeElementOrder(inPatch, serverOnly, patchItems, base, orderKey, kind, path, ranks).list;
  };
  return { merged, originalView: removalOrder.length > 0 ? viewAfterShifts(original, removalOrder, merged) : original, ordered };
}

/**
 * The first `original.length` slots of Go's backing array after `deleteMatchingEntries` shifted
 * the survivors left and `append` wrote new elements after them. Each removal leaves the then
 * last element behind in the slot the array shrinks away from, so the tail holds those; `merged`
 * (the survivors, then the appended elements) covers the front. Removals run in Go's order: per
 * `$patch: delete` directive, matching elements front to back. Linear in the list length.
 */
function viewAfterShifts(original: readonly JsonValue[], removalOrder: readonly number[], merged: readonly JsonValue[]): JsonValue[] {
  const n = original.length;
  const slots = new Array<JsonValue>(n);
  const removed = new Uint8Array(n);
  let last = n - 1;
  removalOrder.forEach((index, k) => {
    slots[n - 1 - k] = original[last]!;
    removed[index] = 1;
    while (last >= 0 && removed[last]) last--;
  });
  for (let i = 0; i < n - removalOrder.length; i++) slots[i] = merged[i]!;
  for (let i = n - removalOrder.length; i < n && i < merged.length; i++) slots[i] = merged[i]!;
  return slots;
}

/**
 * Go's `mergeSliceWithSpecialElements`: handles the `$patch` elements of a merge list.
 * `$patch: merge` is an error ("merging lists cannot yet be specified in the patch").
 */
function applySpecialElements(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
  options: MergeOptions,
  path: string,
): { base: JsonValue[]; patchItems: JsonValue[]; removalOrder: number[] } {
  const plain: JsonValue[] = [];
  const deletedKeys = new Set<JsonValue>();
  let replace = false;
  for (const item of patch) {
    const element = item as JsonObject;
    if (!hasMember(element, directiveMarker)) {
      plain.push(item);
      continue;
    }
    const directive = element[directiveMarker];
    if (directive === 'delete') {
      if (!hasMember(element, mergeKey)) {
        fail('MISSING_MERGE_KEY', `map: ${JSON.stringify(element)} does not contain declared merge key: ${mergeKey}`, path);
      }
      deletedKeys.add(element[mergeKey] as JsonValue);
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      fail('UNKNOWN_PATCH_TYPE', 'merging lists cannot yet be specified in the patch', path);
    } else {
      fail('UNKNOWN_PATCH_TYPE', `unknown patch type: ${String(directive)} in map: ${JSON.stringify(element)}`, path);
    }
  }
  if (replace) return { base: plain.map((item) => keep(item, options)), patchItems: [], removalOrder: [] };
  if (deletedKeys.size === 0) return { base: original, patchItems: plain, removalOrder: [] };
  const indexesByKey = new Map<JsonValue, number[]>();
  original.forEach((item, index) => {
    if (!isJsonObject(item)) fail('MIXED_LIST_TYPES', 'value in a merge list is not a map', path);
    const key = getOwn(item, mergeKey);
    if (key === undefined || (typeof key === 'object' && key !== null) || !deletedKeys.has(key)) return;
    const indexes = indexesByKey.get(key);
    if (indexes) indexes.push(index);
    else indexesByKey.set(key, [index]);
  });
  // Go deletes directive by directive, each time every element with that key, front to back.
  const removalOrder: number[] = [];
  for (const key of deletedKeys) for (const index of indexesByKey.get(key) ?? []) removalOrder.push(index);
  const removed = new Uint8Array(original.length);
  for (const index of removalOrder) removed[index] = 1;
  return { base: original.filter((_, index) => removed[index] === 0), patchItems: plain, removalOrder };
}

/**
 * Go's `mergeSliceWithoutSpecialElements`: each patch element merges into the first element of
 * the list with an equal merge key (one appended earlier in this loop included), else is appended.
 * Only the patch's keys are indexed (`-1` until found in the list): patches are usually short.
 */
function mergeByKey(
  base: JsonValue[],
  patchItems: readonly JsonValue[],
  mergeKey: string,
  itemSchema: PatchSchema,
  options: MergeOptions,
  path: string,
  mergeElement: MergeElement,
): JsonValue[] {
  const merged = [...base];
  const firstIndex = new Map<JsonValue, number>();
  for (const item of patchItems) {
    const key = getOwn(item as JsonObject, mergeKey);
    if (key !== undefined && (typeof key !== 'object' || key === null)) firstIndex.set(key, -1);
  }
  merged.forEach((item, i) => {
    if (!isJsonObject(item)) fail('MIXED_LIST_TYPES', 'value in a merge list is not a map', path);
    const key = getOwn(item, mergeKey);
    if (key !== undefined && (typeof key !== 'object' || key === null) && firstIndex.get(key) === -1) firstIndex.set(key, i);
  });
  requireMergeKeys(mergeKey, path, patchItems);
  for (const item of patchItems) {
    const element = item as JsonObject;
    const key = element[mergeKey] as JsonValue;
    const comparable = typeof key !== 'object' || key === null;
    const at = comparable ? firstIndex.get(key) : undefined;
    if (at !== undefined && at >= 0) {
      merged[at] = mergeElement(merged[at] as JsonObject, element, itemSchema, options, `${path}/${at}`);
    } else {
      if (comparable) firstIndex.set(key, merged.length);
      merged.push(keep(element, options));
    }
  }
  return merged;
}
