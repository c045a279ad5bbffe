import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import {
  childPath,
  deleteFromPrimitiveListPrefix,
  directiveMarker,
  directiveTarget,
  discardNulls,
  fail,
  removeDirectives,
  retainKeysDirective,
  setElementOrderPrefix,
  splitStrategies,
} from './directives.js';
import { elementKind, normalizeElementOrder, partitionByPresence, type Ordered } from './elementOrder.js';
import { goKind, sameGoKind, type GoKind } from './goValues.js';
import type { MergeOptions } from './mergeOptions.js';
import { mergeList } from './mergeSlice.js';
import { lookupField } from './lookupField.js';

/**
 * Go's `mergeMap`: merges `patch` into `original`, both private copies that this changes in place.
 * The work is done in Go's order: `$patch` on the map, then `$retainKeys`, then each
 * `$setElementOrder` with its list, then the remaining keys.
 */
export function mergeMap(original: JsonObject, patch: JsonObject, schema: PatchSchema, options: MergeOptions, path: string): JsonObject {
  if (Object.hasOwn(patch, directiveMarker)) return mapDirective(patch, path);
  applyRetainKeys(original, patch, options, path);
  mergeOrderedLists(original, patch, schema, options, path);

  for (let key of jsonKeys(patch)) {
    const patchValue = patch[key] as JsonValue;
    let isDeleteList = false;
    if (key.startsWith(deleteFromPrimitiveListPrefix)) {
      if (!options.mergeParallelList) {
        setOwn(original, key, patchValue);
        continue;
      }
      key = directiveTarget(key, deleteFromPrimitiveListPrefix, path);
      isDeleteList = true;
    }
    if (patchValue === null) {
      delete original[key];
      if (options.ignoreUnmatchedNulls) continue;
    }
    const current = getOwn(original, key);
    if (current === undefined || !sameGoKind(current, patchValue)) {
      // A new key, or a new type: the patch value as it is, minus nulls and directives.
      if (!isDeleteList) storePatchValue(original, key, patchValue, options);
      continue;
    }
    // Scalars need no path: it is only built for what can fail.
    if (typeof current !== 'object' || current === null) {
      setOwn(original, key, patchValue);
      continue;
    }
    const keyPath = childPath(path, key);
    if (!Array.isArray(current)) {
      const field = lookupField(schema, key, keyPath);
      const { strategy } = splitStrategies(field.meta, keyPath);
      setOwn(original, key, strategy === 'replace' ? (patchValue as JsonObject) : mergeMap(current, patchValue as JsonObject, field.schema, options, keyPath));
    } else {
      const field = lookupField(schema, key, keyPath);
      const { strategy } = splitStrategies(field.meta, keyPath);
      const merged =
        strategy === 'merge' || isDeleteList
          ? mergeList(current, patchValue as JsonValue[], field.schema.items(), field.meta.patchMergeKey ?? '', options, isDeleteList, keyPath, mergeMap).ordered()
          : (patchValue as JsonValue[]);
      setOwn(original, key, merged);
    }
  }
  return original;
}

function storePatchValue(original: JsonObject, key: string, value: JsonValue, options: MergeOptions): void {
  if (options.ignoreUnmatchedNulls) discardNulls(value);
  const cleaned = removeDirectives(value, options.mergeParallelList);
  if (cleaned === undefined) delete original[key];
  else setOwn(original, key, cleaned);
}

/** Go's `handleDirectiveInMergeMap`: `$patch: replace` keeps the patch map, `delete` empties the map. */
function mapDirective(patch: JsonObject, path: string): JsonObject {
  const directive = patch[directiveMarker];
  if (directive === 'replace') {
    delete patch[directiveMarker];
    return patch;
  }
  if (directive === 'delete') return {};
  return fail('UNKNOWN_PATCH_TYPE', `unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`, path);
}

/**
 * Go's `applyRetainKeysDirective`: keys of the original missing from `$retainKeys` are cleared;
 * every non-null, non-directive key of the patch must be listed. Combining two patches, the
 * directive is carried along instead and must agree.
 */
function applyRetainKeys(original: JsonObject, patch: JsonObject, options: MergeOptions, path: string): void {
  if (!Object.hasOwn(patch, retainKeysDirective)) return;
  const retainKeys = patch[retainKeysDirective] as JsonValue;
  delete patch[retainKeysDirective];
  if (!options.mergeParallelList) {
    const existing = getOwn(original, retainKeysDirective);
    if (existing === undefined) original[retainKeysDirective] = retainKeys;
    else if (!jsonEqual(existing, retainKeys)) fail('BAD_RETAIN_KEYS_FORMAT', 'the $retainKeys directives of the two patches differ', path);
    return;
  }
  if (!Array.isArray(retainKeys)) return fail('BAD_RETAIN_KEYS_FORMAT', 'invalid patch format of retainKeys', path);
  const retained = new Set<JsonValue>(retainKeys);
  for (const key of jsonKeys(patch)) {
    if (patch[key] === null || key.startsWith(deleteFromPrimitiveListPrefix) || key.startsWith(setElementOrderPrefix)) continue;
    if (!retained.has(key)) fail('BAD_RETAIN_KEYS_FORMAT', `invalid patch format of retainKeys: ${key} is not listed`, path);
  }
  for (const key of jsonKeys(original)) if (!retained.has(key)) delete original[key];
}

/**
 * Go's `mergePatchIntoOriginal`: each `$setElementOrder/<field>` is merged with its list first,
 * and the result ordered by the directive, then the patch, then the live list.
 */
function mergeOrderedLists(original: JsonObject, patch: JsonObject, schema: PatchSchema, options: MergeOptions, path: string): void {
  for (const directiveKey of jsonKeys(patch)) {
    if (!directiveKey.startsWith(setElementOrderPrefix)) continue;
    const order = patch[directiveKey] as JsonValue;
    if (!options.mergeParallelList) {
      const existing = getOwn(original, directiveKey);
      if (existing === undefined) setOwn(original, directiveKey, order);
      else if (!jsonEqual(existing, order)) fail('BAD_SET_ELEMENT_ORDER_FORMAT', 'invalid patch format of setElementOrder list', path);
    }
    delete patch[directiveKey];
    if (!Array.isArray(order)) return fail('MIXED_LIST_TYPES', `expected a slice, but received ${goKind(order)}`, childPath(path, directiveKey));
    const key = directiveTarget(directiveKey, setElementOrderPrefix, path);
    const keyPath = childPath(path, key);
    const originalList = getOwn(original, key);
    const patchList = getOwn(patch, key);
    if (originalList !== undefined && !Array.isArray(originalList)) fail('MIXED_LIST_TYPES', `expected a slice, but received ${goKind(originalList)}`, keyPath);
    if (patchList !== undefined && !Array.isArray(patchList)) fail('MIXED_LIST_TYPES', `expected a slice, but received ${goKind(patchList)}`, keyPath);
    const field = lookupField(schema, key, keyPath);
    const { strategy } = splitStrategies(field.meta, keyPath);
    const mergeKey = field.meta.patchMergeKey ?? '';
    validateAgainstOrder(patchList ?? [], order, mergeKey, keyPath);

    let merged: JsonValue[];
    let liveOrder = originalList ?? [];
    let goOrdered: (() => JsonValue[]) | undefined;
    if (originalList !== undefined && patchList === undefined) merged = originalList;
    else if (originalList === undefined && patchList !== undefined) merged = removeDirectives(patchList, options.mergeParallelList) as JsonValue[];
    else if (originalList !== undefined && patchList !== undefined) {
      if (strategy === 'merge') {
        ({ merged, originalView: liveOrder, ordered: goOrdered } = mergeList(originalList, patchList, field.schema.items(), mergeKey, options, false, keyPath, mergeMap));
      } else {
        merged = patchList;
      }
    } else continue;

    // Go orders the merged list as a patch merge does, then by the directive. When the directive
    // and the live list place every element, the first order does not matter and is skipped.
    const kindOf = () => elementKind(keyPath, originalList ?? [], patchList ?? []);
    let ordered = orderByDirective(merged, order, liveOrder, mergeKey, kindOf, keyPath);
    if (!ordered.exact && goOrdered !== undefined) ordered = orderByDirective(goOrdered(), order, liveOrder, mergeKey, kindOf, keyPath);
    setOwn(original, key, ordered.list);
    delete patch[key];
  }
}

/** The last step of Go's `mergePatchIntoOriginal`: `merged` ordered by `$setElementOrder`, then by the live list. */
function orderByDirective(
  merged: readonly JsonValue[],
  order: readonly JsonValue[],
  liveOrder: readonly JsonValue[],
  mergeKey: string,
  kindOf: () => GoKind | undefined,
  path: string,
): Ordered {
  const { inPatch, serverOnly, ranks } = partitionByPresence(merged, order, mergeKey, path);
  const kind = kindOf();
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
    if (isJsonObject(item) && Object.hasOwn(item, directiveMarker)) {
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
  if (!Object.hasOwn(left, mergeKey)) fail('MISSING_MERGE_KEY', `map: ${JSON.stringify(left)} does not contain declared merge key: ${mergeKey}`, path);
  if (!Object.hasOwn(right, mergeKey)) fail('MISSING_MERGE_KEY', `map: ${JSON.stringify(right)} does not contain declared merge key: ${mergeKey}`, path);
  const a = left[mergeKey];
  return a === right[mergeKey] && (typeof a !== 'object' || a === null);
}
