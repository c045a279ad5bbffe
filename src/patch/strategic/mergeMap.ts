import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, jsonKeys, setOwn } from '../../json/ownProperty.js';
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
import { sameGoKind } from './goValues.js';
import { keep, ownPatchOptions, type MergeOptions } from './mergeOptions.js';
import { mergeOrderedLists } from './mergeOrderedLists.js';
import { mergeList } from './mergeSlice.js';
import { lookupField } from './lookupField.js';
import { ownMember } from './members.js';

/**
 * Go's `mergeMap`: merges `patch` into `original`, a private copy that this changes in place.
 * The work is done in Go's order: `$patch` on the map, then `$retainKeys`, then each
 * `$setElementOrder` with its list, then the remaining keys.
 *
 * Go deletes each directive (and each list merged with its `$setElementOrder`) from the patch
 * map as it goes; here the patch is only read, and the keys done are skipped instead. What the
 * result takes from the patch is copied where it is taken ({@link keep}).
 */
export function mergeMap(original: JsonObject, patch: JsonObject, schema: PatchSchema, options: MergeOptions, path: string): JsonObject {
  // The directives are found among the keys the patch's JSON copy would have, not looked up:
  // every directive starts with `$`, and most maps of a patch have none.
  const keys = jsonKeys(patch);
  let retainKeys = false;
  let ordered = false;
  for (const key of keys) {
    if (key.charCodeAt(0) !== 36) continue;
    if (key === directiveMarker) return mapDirective(patch, options, path);
    if (key === retainKeysDirective) retainKeys = true;
    else if (key.startsWith(setElementOrderPrefix)) ordered = true;
  }
  if (retainKeys) applyRetainKeys(original, patch, keys, options, path);
  const done = ordered ? mergeOrderedLists(original, patch, keys, schema, options, path, mergeMap) : undefined;

  for (let key of keys) {
    if (key === retainKeysDirective || done?.includes(key)) continue;
    const patchValue = patch[key] as JsonValue;
    let isDeleteList = false;
    if (key.charCodeAt(0) === 36 && key.startsWith(deleteFromPrimitiveListPrefix)) {
      if (!options.mergeParallelList) {
        setOwn(original, key, keep(patchValue, options));
        continue;
      }
      key = directiveTarget(key, deleteFromPrimitiveListPrefix, path);
      isDeleteList = true;
    }
    if (patchValue === null) {
      delete original[key];
      if (options.ignoreUnmatchedNulls) continue;
    }
    const current = ownMember(original, key);
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
      setOwn(original, key, strategy === 'replace' ? keep(patchValue, options) : mergeMap(current, patchValue as JsonObject, field.schema, options, keyPath));
    } else {
      const field = lookupField(schema, key, keyPath);
      const { strategy } = splitStrategies(field.meta, keyPath);
      // Go's way of merging a list works on the list's copy (as Go decodes the patch), which it may keep.
      const merged =
        strategy === 'merge' || isDeleteList
          ? mergeList(current, keep(patchValue as JsonValue[], options), field.schema.items(), field.meta.patchMergeKey ?? '', ownPatchOptions(options), isDeleteList, keyPath, mergeMap).ordered()
          : keep(patchValue, options);
      setOwn(original, key, merged);
    }
  }
  return original;
}

function storePatchValue(original: JsonObject, key: string, value: JsonValue, options: MergeOptions): void {
  const copy = keep(value, options);
  if (options.ignoreUnmatchedNulls) discardNulls(copy);
  const cleaned = removeDirectives(copy, options.mergeParallelList);
  if (cleaned === undefined) delete original[key];
  else setOwn(original, key, cleaned);
}

/** Go's `handleDirectiveInMergeMap`: `$patch: replace` keeps the patch map, `delete` empties the map. */
function mapDirective(patch: JsonObject, options: MergeOptions, path: string): JsonObject {
  const directive = patch[directiveMarker];
  if (directive === 'replace') {
    const replacement = keep(patch, options);
    delete replacement[directiveMarker];
    return replacement;
  }
  if (directive === 'delete') return {};
  return fail('UNKNOWN_PATCH_TYPE', `unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`, path);
}

/**
 * Go's `applyRetainKeysDirective`: keys of the original missing from `$retainKeys` are cleared;
 * every non-null, non-directive key of the patch must be listed. Combining two patches, the
 * directive is carried along instead and must agree.
 */
function applyRetainKeys(original: JsonObject, patch: JsonObject, keys: readonly string[], options: MergeOptions, path: string): void {
  const retainKeys = patch[retainKeysDirective] as JsonValue;
  if (!options.mergeParallelList) {
    const existing = getOwn(original, retainKeysDirective);
    if (existing === undefined) original[retainKeysDirective] = keep(retainKeys, options);
    else if (!jsonEqual(existing, retainKeys)) fail('BAD_RETAIN_KEYS_FORMAT', 'the $retainKeys directives of the two patches differ', path);
    return;
  }
  if (!Array.isArray(retainKeys)) return fail('BAD_RETAIN_KEYS_FORMAT', 'invalid patch format of retainKeys', path);
  const retained = new Set<JsonValue>(retainKeys);
  for (const key of keys) {
    if (key === retainKeysDirective || patch[key] === null || key.startsWith(deleteFromPrimitiveListPrefix) || key.startsWith(setElementOrderPrefix)) continue;
    if (!retained.has(key)) fail('BAD_RETAIN_KEYS_FORMAT', `invalid patch format of retainKeys: ${key} is not listed`, path);
  }
  for (const key of jsonKeys(original)) if (!retained.has(key)) delete original[key];
}
