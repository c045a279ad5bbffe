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
import { elementKind, normalizeElementOrder, partitionByPresence } from './elementOrder.js';
import { goKind } from './goValues.js';
import type { MergeOptions } from './mergeOptions.js';
import { mergeListWithView } from './mergeSlice.js';
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
    const keyPath = childPath(path, key);
    if (patchValue === null) {
      delete original[key];
      if (options.ignoreUnmatchedNulls) continue;
    }
    const current = getOwn(original, key);
    if (current === undefined || goKind(current) !== goKind(patchValue)) {
      // A new key, or a new type: the patch value as it is, minus nulls and directives.
      if (!isDeleteList) storePatchValue(original, key, patchValue, options);
      continue;
    }
    if (isJsonObject(current)) {
      const field = lookupField(schema, key, keyPath);
      const { strategy } = splitStrategies(field.meta, keyPath);
      setOwn(original, key, strategy === 'replace' ? (patchValue as JsonObject) : mergeMap(current, patchValue as JsonObject, field.schema, options, keyPath));
    } else if (Array.isArray(current)) {
      const field = lookupField(schema, key, keyPath);
      const { strategy } = splitStrategies(field.meta, keyPath);
      const merged =
        strategy === 'merge' || isDeleteList
          ? mergeListWithView(current, patchValue as JsonValue[], field.schema.items(), field.meta.patchMergeKey ?? '', options, isDeleteList, keyPath, mergeMap).merged
          : (patchValue as JsonValue[]);
      setOwn(original, key, merged);
    } else {
      setOwn(original, key, patchValue);
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
    if (originalList !== undefined && patchList === undefined) merged = originalList;
    else if (originalList === undefined && patchList !== undefined) merged = removeDirectives(patchList, options.mergeParallelList) as JsonValue[];
    else if (originalList !== undefined && patchList !== undefined) {
      if (strategy === 'merge') {
        ({ merged, originalView: liveOrder } = mergeListWithView(originalList, patchList, field.schema.items(), mergeKey, options, false, keyPath, mergeMap));
      } else {
        merged = patchList;
      }
    } else continue;

    const { inPatch, serverOnly } = partitionByPresence(merged, order, mergeKey, keyPath);
    const kind = elementKind(keyPath, originalList ?? [], patchList ?? []);
    if (kind === undefined) fail('MIXED_LIST_TYPES', 'no elements in any of the given slices', keyPath);
    setOwn(original, key, normalizeElementOrder(inPatch, serverOnly, order, liveOrder, mergeKey, kind, keyPath));
    delete patch[key];
  }
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
  for (const item of [left, right]) {
    if (!Object.hasOwn(item, mergeKey)) fail('MISSING_MERGE_KEY', `map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`, path);
  }
  const a = left[mergeKey];
  return a === right[mergeKey] && (typeof a !== 'object' || a === null);
}
