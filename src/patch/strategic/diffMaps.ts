import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, jsonKeys, setOwn } from '../../json/ownProperty.js';
import { cloneJsonChecking } from '../../json/cloneJsonChecking.js';
import { sameKeys } from '../../json/jsonEqual.js';
import { jsonEqualChecking } from '../../json/jsonEqualChecking.js';
import { isJsonScalar } from '../../json/assertJsonValue.js';
import { checkJsonAt, checkJsonContainer, notJson } from '../../json/notJson.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { childPath, deleteFromPrimitiveListPrefix, directiveMarker, fail, retainKeysDirective, setElementOrderPrefix, splitStrategies } from './directives.js';
import { diffLists, type ListDiff } from './diffLists.js';
import { hasOwnKeys } from './hasOwnKeys.js';
import type { DiffOptions } from './diffOptions.js';
import { sameGoKind } from './goValues.js';
import { sortLessOrEqual } from './goSort.js';

const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * Go's `diffMaps`: the strategic merge patch that turns `original` into `modified`.
 *
 * - a key added, or whose JSON type changed, is set to the modified value;
 * - a key removed is set to `null`;
 * - maps are compared recursively unless their strategy is `replace`;
 * - merge lists give changed and added elements, `$patch: delete` elements, `$deleteFromPrimitiveList`
 *   and `$setElementOrder` (see {@link diffLists}); other lists are sent whole when they differ;
 * - a map whose strategy includes `retainKeys` lists its non-null keys in `$retainKeys`.
 *
 * A field the schema does not know is only an error when its values differ.
 * The result shares nothing with the inputs, which are only read: what it takes from `modified`
 * is copied where it is taken, so that the (much larger) unchanged rest is never copied.
 *
 * The inputs are checked as they are read (see `src/json/notJson.ts`): every value of both is read,
 * copied or checked on the way, whatever the options keep. `depth` is the nesting of the two
 * maps in their documents (the root is 1).
 */
export function diffMaps(original: JsonObject, modified: JsonObject, schema: PatchSchema, options: DiffOptions, path: string, depth: number): JsonObject {
  // One object on both sides (an unchanged part shared by both documents): nothing to look up.
  const same = original === modified;
  checkJsonContainer(original, depth);
  if (!same) checkJsonContainer(modified, depth);
  // Made at the first change: most maps of a diff have none.
  let patch: JsonObject | undefined;
  let retainKeys: string[] | undefined;
  if (same) {
    // `for…in` lists own keys first, in `Object.keys` order, without allocating their list.
    for (const key in modified) {
      if (!hasOwnProperty.call(modified, key)) continue;
      const value = modified[key];
      if (value === undefined) continue;
      if (options.buildRetainKeysDirective && value !== null) (retainKeys ??= []).push(key);
      const change = diffMember(key, value, value, schema, options, path, depth);
      if (change !== undefined) patch = withChange(patch, key, change);
    }
  } else {
    const keys = Object.keys(modified);
    const originalKeys = Object.keys(original);
    // Both maps list the same keys in the same order (the usual case): every lookup in `original`
    // finds an own member, and it has no key `modified` lacks.
    const aligned = sameKeys(keys, originalKeys);
    let unset = false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const modifiedValue = modified[key];
      if (modifiedValue === undefined) {
        unset = true;
        continue;
      }
      if (options.buildRetainKeysDirective && modifiedValue !== null) (retainKeys ??= []).push(key);
      // `getOwn`, written out: its lookups here stay apart from those of every other caller.
      const originalValue = aligned || hasOwnProperty.call(original, key) ? original[key] : undefined;
      const change = diffMember(key, originalValue, modifiedValue, schema, options, path, depth);
      if (change !== undefined) patch = withChange(patch, key, change);
    }
    // Keys `modified` lacks, or holds as `undefined`: with aligned keys, only the latter.
    if (!aligned || unset) {
      for (const key of originalKeys) {
        const originalValue = original[key];
        if (originalValue === undefined || (hasOwnProperty.call(modified, key) && modified[key] !== undefined)) continue;
        checkJsonAt(originalValue, depth + 1);
        if (!options.ignoreDeletions) store((patch ??= {}), key, null);
      }
    }
  }
  // "Insert the retainKeysList iff there are values present in the retainKeysList and either of the
  // following is true: the patch is not empty; there are additional field in original that need to be cleared"
  if (retainKeys !== undefined && ((patch !== undefined && hasOwnKeys(patch)) || hasExtraNonNullKey(original, modified))) {
    sortLessOrEqual(retainKeys, (key) => key);
    (patch ??= {})[retainKeysDirective] = retainKeys;
  }
  return patch ?? noChange;
}

/**
 * What {@link diffMaps} returns for two maps without a difference: one frozen empty object, not a
 * new one each time. Callers keep a map's patch only when it has keys; the public functions hand
 * their caller a new object instead ({@link ownPatch}).
 */
export const noChange: JsonObject = Object.freeze({});

/** A patch of {@link diffMaps} the caller may keep and change: never {@link noChange} itself. */
export function ownPatch(patch: JsonObject): JsonObject {
  return patch === noChange ? {} : patch;
}

/** `setOwn` with a store of this module's own: the patch's stores stay apart from every other caller's. */
function store(patch: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') setOwn(patch, key, value);
  else patch[key] = value;
}

/** What a merge list adds to its map's patch: up to three keys (see {@link withChange}). */
class ListChange {
  constructor(readonly lists: ListDiff) {}
}

/**
 * The change of one key of two maps: the value for the patch, the lists of a merge list, or
 * `undefined` for none. `originalValue` is `undefined` when `original` lacks the key.
 */
function diffMember(
  key: string,
  originalValue: JsonValue | undefined,
  modifiedValue: JsonValue,
  schema: PatchSchema,
  options: DiffOptions,
  path: string,
  depth: number,
): JsonValue | ListChange | undefined {
  if (originalValue === undefined) return addition(modifiedValue, options, depth + 1);
  if (key === directiveMarker) {
    if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') {
      fail('UNKNOWN_PATCH_TYPE', `invalid value for special key: ${directiveMarker}`, childPath(path, key));
    }
    return originalValue !== modifiedValue ? modifiedValue : undefined;
  }
  if (typeof originalValue !== 'object' || originalValue === null) {
    // Scalars, the most common values, need no path: it is only built for what can fail.
    if (!isJsonScalar(originalValue)) notJson();
    if (typeof modifiedValue === 'object' && modifiedValue !== null) return addition(modifiedValue, options, depth + 1);
    if (!isJsonScalar(modifiedValue)) notJson();
    return originalValue !== modifiedValue && !options.ignoreChangesAndAdditions ? modifiedValue : undefined;
  }
  if (!sameGoKind(originalValue, modifiedValue)) {
    checkJsonAt(originalValue, depth + 1);
    return addition(modifiedValue, options, depth + 1);
  }
  if (Array.isArray(originalValue)) {
    const lists = diffListField(key, originalValue, modifiedValue as JsonValue[], schema, options, childPath(path, key), depth + 1);
    if (lists === undefined || Array.isArray(lists)) return lists;
    return lists.patch.length + lists.deletions.length + lists.order.length > 0 ? new ListChange(lists) : undefined;
  }
  return diffMapField(key, originalValue, modifiedValue as JsonObject, schema, options, childPath(path, key), depth + 1);
}

/** `patch` (made if need be) with the change of `key`. */
function withChange(patch: JsonObject | undefined, key: string, change: JsonValue | ListChange): JsonObject {
  const target = patch ?? {};
  if (!(change instanceof ListChange)) {
    store(target, key, change);
    return target;
  }
  const { lists } = change;
  if (lists.patch.length > 0) store(target, key, lists.patch);
  if (lists.deletions.length > 0) target[`${deleteFromPrimitiveListPrefix}/${key}`] = lists.deletions;
  if (lists.order.length > 0) target[`${setElementOrderPrefix}/${key}`] = lists.order;
  return target;
}

/** A value `original` lacks (or holds with another type): a copy for the patch, unless only deletions are kept. */
function addition(value: JsonValue, options: DiffOptions, depth: number): JsonValue | undefined {
  if (!options.ignoreChangesAndAdditions) return cloneJsonChecking(value, depth);
  checkJsonAt(value, depth);
  return undefined;
}

/** Go's `handleMapDiff`: the map's patch, or `undefined` for none. */
function diffMapField(key: string, original: JsonObject, modified: JsonObject, schema: PatchSchema, options: DiffOptions, path: string, depth: number): JsonValue | undefined {
  const field = schema.field(key);
  if (field === undefined) {
    // "If the values are identical, this doesn't matter, no patch is needed"
    if (jsonEqualChecking(original, modified, depth)) return undefined;
    fail('UNKNOWN_FIELD', `unable to find api field ${JSON.stringify(key)} in ${schema.name}`, path);
  }
  const { retainKeys, strategy } = splitStrategies(field.meta, path);
  if (strategy === 'replace') {
    checkJsonAt(original, depth);
    return addition(modified, options, depth);
  }
  const nested = diffMaps(original, modified, field.schema, options.forField(retainKeys), path, depth);
  return hasOwnKeys(nested) ? nested : undefined;
}

/**
 * Go's `handleSliceDiff`: what the list adds to the patch: the whole list (an array) when it is
 * not merged, the three parallel lists of a merge list, or `undefined` for nothing.
 */
function diffListField(key: string, original: JsonValue[], modified: JsonValue[], schema: PatchSchema, options: DiffOptions, path: string, depth: number): JsonValue[] | ListDiff | undefined {
  const field = schema.field(key);
  if (field === undefined) {
    if (jsonEqualChecking(original, modified, depth)) return undefined;
    fail('UNKNOWN_FIELD', `unable to find api field ${JSON.stringify(key)} in ${schema.name}`, path);
  }
  const { retainKeys, strategy } = splitStrategies(field.meta, path);
  if (strategy !== 'merge') return replaceIfChanged(original, modified, options, depth);
  return diffLists(original, modified, field.schema.items(), field.meta.patchMergeKey ?? '', options.forField(retainKeys), path, depth, diffMaps);
}

/** A list that is not merged: a copy, sent whole, when it changed. */
function replaceIfChanged(original: JsonValue[], modified: JsonValue[], options: DiffOptions, depth: number): JsonValue[] | undefined {
  if (options.ignoreChangesAndAdditions) {
    checkJsonAt(original, depth);
    checkJsonAt(modified, depth);
    return undefined;
  }
  if (jsonEqualChecking(original, modified, depth)) return undefined;
  checkJsonAt(original, depth);
  return cloneJsonChecking(modified, depth) as JsonValue[];
}

/** Go's `hasAdditionalNewField`: `original` has a non-null key that `modified` lacks. */
function hasExtraNonNullKey(original: JsonObject, modified: JsonObject): boolean {
  return jsonKeys(original).some((key) => original[key] !== null && getOwn(modified, key) === undefined);
}
