import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, setOwn } from '../../json/ownProperty.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { childPath, directiveMarker, directiveTarget, fail, removeDirectives, retainKeysDirective, setElementOrderPrefix, splitStrategies } from './directives.js';
import { elementKind, hasMember, normalizeElementOrder, partitionByPresence, type Ordered } from './elementOrder.js';
import { goKind } from './goValues.js';
import { keep, ownPatchOptions, type MergeElement, type MergeOptions } from './mergeOptions.js';
import { memberOf, ownMember } from './members.js';
import { mergeListInOrder } from './mergeListInOrder.js';
import { mergeList } from './mergeSlice.js';
import { lookupField } from './lookupField.js';

/**
 * Go's `mergePatchIntoOriginal`: each `$setElementOrder/<field>` is merged with its list first,
 * and the result ordered by the directive, then the patch, then the live list.
 *
 * Go deletes each directive and its list from the patch map; the patch is only read here, so
 * this returns the keys done, for `mergeMap` to skip. A key is read as absent once done, as Go
 * would find it deleted (a directive may name another directive as its list).
 */
export function mergeOrderedLists(
  original: JsonObject,
  patch: JsonObject,
  keys: readonly string[],
  schema: PatchSchema,
  options: MergeOptions,
  path: string,
  mergeElement: MergeElement,
): readonly string[] {
  // `$retainKeys` is gone from Go's patch map by now, whether or not a directive names it. A list:
  // a map has a directive or two, and a `Set` costs more to make than a short list to search.
  const done: string[] = [retainKeysDirective];
  for (const directiveKey of keys) {
    if (!directiveKey.startsWith(setElementOrderPrefix)) continue;
    const order = unlessDone(patch, directiveKey, done);
    if (!options.mergeParallelList) {
      const existing = getOwn(original, directiveKey);
      if (existing === undefined) setOwn(original, directiveKey, keep(order as JsonValue, options));
      else if (!jsonEqual(existing, order)) fail('BAD_SET_ELEMENT_ORDER_FORMAT', 'invalid patch format of setElementOrder list', path);
    }
    done.push(directiveKey);
    if (!Array.isArray(order)) return fail('MIXED_LIST_TYPES', `expected a slice, but received ${goKind(order as JsonValue)}`, childPath(path, directiveKey));
    const key = directiveTarget(directiveKey, setElementOrderPrefix, path);
    const keyPath = childPath(path, key);
    const originalList = ownMember(original, key);
    const patchList = unlessDone(patch, key, done);
    if (originalList !== undefined && !Array.isArray(originalList)) fail('MIXED_LIST_TYPES', `expected a slice, but received ${goKind(originalList)}`, keyPath);
    if (patchList !== undefined && !Array.isArray(patchList)) fail('MIXED_LIST_TYPES', `expected a slice, but received ${goKind(patchList)}`, keyPath);
    const field = lookupField(schema, key, keyPath);
    const { strategy } = splitStrategies(field.meta, keyPath);
    const mergeKey = field.meta.patchMergeKey ?? '';
    // Without a list in the patch (a reorder), the live list is merged with nothing, as Go's way does too.
    if (strategy === 'merge' && originalList !== undefined) {
      const inOrder = mergeListInOrder(originalList, patchList ?? [], order, field.schema.items(), mergeKey, options, keyPath, mergeElement);
      if (inOrder !== undefined) {
        setOwn(original, key, inOrder);
        done.push(key);
        continue;
      }
    }
    // Go's way, on copies of the directive and the list (the patch's own, as Go decodes it), which
    // the merge may keep and change; nothing in them is copied again.
    const orderCopy = keep(order, options);
    const listCopy = patchList === undefined ? undefined : keep(patchList, options);
    const inner = ownPatchOptions(options);
    validateAgainstOrder(listCopy ?? [], orderCopy, mergeKey, keyPath);

    let merged: JsonValue[];
    let liveOrder = originalList ?? [];
    let goOrdered: (() => JsonValue[]) | undefined;
    if (originalList !== undefined && listCopy === undefined) merged = originalList;
    else if (originalList === undefined && listCopy !== undefined) merged = removeDirectives(listCopy, options.mergeParallelList) as JsonValue[];
    else if (originalList !== undefined && listCopy !== undefined) {
      if (strategy === 'merge') {
        ({ merged, originalView: liveOrder, ordered: goOrdered } = mergeList(originalList, listCopy, field.schema.items(), mergeKey, inner, false, keyPath, mergeElement));
      } else {
        merged = listCopy;
      }
    } else continue;

    // Go orders the merged list as a patch merge does, then by the directive. When the directive
    // and the live list place every element, the first order does not matter and is skipped.
    const lists = { original: originalList ?? [], patch: listCopy ?? [] };
    let ordered = orderByDirective(merged, orderCopy, liveOrder, mergeKey, lists, keyPath);
    if (!ordered.exact && goOrdered !== undefined) ordered = orderByDirective(goOrdered(), orderCopy, liveOrder, mergeKey, lists, keyPath);
    setOwn(original, key, ordered.list);
    done.push(key);
  }
  return done;
}

/** Member `key` of the patch, read as absent once done (see {@link mergeOrderedLists}). */
function unlessDone(patch: JsonObject, key: string, done: readonly string[]): JsonValue | undefined {
  return done.includes(key) ? undefined : (memberOf(patch, key) as JsonValue | undefined);
}

/**
 * The last step of Go's `mergePatchIntoOriginal`: `merged` ordered by `$setElementOrder`, then by
 * the live list. `lists`, the live list and the patch's, tell the kind of the elements.
 */
function orderByDirective(
  merged: readonly JsonValue[],
  order: readonly JsonValue[],
  liveOrder: readonly JsonValue[],
  mergeKey: string,
  lists: { readonly original: readonly JsonValue[]; readonly patch: readonly JsonValue[] },
  path: string,
): Ordered {
  const { inPatch, serverOnly, ranks } = partitionByPresence(merged, order, mergeKey, path);
  const kind = elementKind(path, lists.original, lists.patch);
  if (kind === undefined) fail('MIXED_LIST_TYPES', 'no elements in any of the given slices', path);
  return normalizeElementOrder(inPatch, serverOnly, order, liveOrder, mergeKey, kind, path, ranks);
}

/**
 * Go's `validatePatchWithSetOrderList`: the patch list (deletions aside) must follow the order the
 * `$setElementOrder` list gives.
 */
function validateAgainstOrder(patchList: readonly JsonValue[], order: readonly JsonValue[], mergeKey: string, path: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey === '' ? patchList : patchList.filter((item) => !isJsonObject(item) || getOwn(item, directiveMarker) !== 'delete');
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    const item = items[p]!;
    if (isJsonObject(item) && hasMember(item, directiveMarker)) {
      p++;
      continue;
    }
    if (sameElement(item, order[o]!, mergeKey, path)) p++;
    o++;
  }
  if (p < items.length) {
    fail('BAD_SET_ELEMENT_ORDER_FORMAT', `the order in patch list ${JSON.stringify(patchList)} doesn't match $setElementOrder list ${JSON.stringify(order)}`, path);
  }
}

/** Go's `mergeKeyValueEqual`. */
function sameElement(left: JsonValue, right: JsonValue, mergeKey: string, path: string): boolean {
  if (mergeKey === '') return left === right && (typeof left !== 'object' || left === null);
  if (!isJsonObject(left) || !isJsonObject(right)) return fail('MIXED_LIST_TYPES', 'expected a map in a merge list', path);
  if (!hasMember(left, mergeKey)) fail('MISSING_MERGE_KEY', `map: ${JSON.stringify(left)} does not contain declared merge key: ${mergeKey}`, path);
  if (!hasMember(right, mergeKey)) fail('MISSING_MERGE_KEY', `map: ${JSON.stringify(right)} does not contain declared merge key: ${mergeKey}`, path);
  const a = left[mergeKey];
  return a === right[mergeKey] && (typeof a !== 'object' || a === null);
}
