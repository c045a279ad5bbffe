import { cloneJson } from '../../json/cloneJson.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, jsonKeys, setOwn } from '../../json/ownProperty.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { childPath, deleteFromPrimitiveListPrefix, directiveMarker, fail, retainKeysDirective, setElementOrderPrefix, splitStrategies } from './directives.js';
import { diffLists } from './diffLists.js';
import { forField, type DiffOptions } from './diffOptions.js';
import { sameGoKind } from './goValues.js';
import { sortLessOrEqual } from './goSort.js';

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
 */
export function diffMaps(original: JsonObject, modified: JsonObject, schema: PatchSchema, options: DiffOptions, path: string): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: string[] = [];
  for (const key of jsonKeys(modified)) {
    const modifiedValue = modified[key] as JsonValue;
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    const originalValue = getOwn(original, key);
    if (originalValue === undefined) {
      if (!options.ignoreChangesAndAdditions) setOwn(patch, key, cloneJson(modifiedValue));
      continue;
    }
    if (key === directiveMarker) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') {
        fail('UNKNOWN_PATCH_TYPE', `invalid value for special key: ${directiveMarker}`, childPath(path, key));
      }
      if (originalValue !== modifiedValue) patch[directiveMarker] = modifiedValue;
      continue;
    }
    if (!sameGoKind(originalValue, modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) setOwn(patch, key, cloneJson(modifiedValue));
      continue;
    }
    // Scalars, the most common values, need no path: it is only built for what can fail.
    if (typeof originalValue !== 'object' || originalValue === null) replaceIfChanged(key, originalValue, modifiedValue, patch, options);
    else if (Array.isArray(originalValue)) diffListField(key, originalValue, modifiedValue as JsonValue[], patch, schema, options, childPath(path, key));
    else diffMapField(key, originalValue, modifiedValue as JsonObject, patch, schema, options, childPath(path, key));
  }
  if (!options.ignoreDeletions) {
    for (const key of jsonKeys(original)) if (getOwn(modified, key) === undefined) setOwn(patch, key, null);
  }
  // "Insert the retainKeysList iff there are values present in the retainKeysList and either of the
  // following is true: the patch is not empty; there are additional field in original that need to be cleared"
  if (retainKeys.length > 0 && (jsonKeys(patch).length > 0 || hasExtraNonNullKey(original, modified))) {
    sortLessOrEqual(retainKeys, (key) => key);
    patch[retainKeysDirective] = retainKeys;
  }
  return patch;
}

/** Go's `handleMapDiff`. */
function diffMapField(key: string, original: JsonObject, modified: JsonObject, patch: JsonObject, schema: PatchSchema, options: DiffOptions, path: string): void {
  const field = schema.field(key);
  if (field === undefined) {
    // "If the values are identical, this doesn't matter, no patch is needed"
    if (jsonEqual(original, modified)) return;
    fail('UNKNOWN_FIELD', `unable to find api field ${JSON.stringify(key)} in ${schema.name}`, path);
  }
  const { retainKeys, strategy } = splitStrategies(field.meta, path);
  if (strategy === 'replace') {
    if (!options.ignoreChangesAndAdditions) setOwn(patch, key, cloneJson(modified));
    return;
  }
  const nested = diffMaps(original, modified, field.schema, forField(options, retainKeys), path);
  if (jsonKeys(nested).length > 0) setOwn(patch, key, nested);
}

/** Go's `handleSliceDiff`. */
function diffListField(key: string, original: JsonValue[], modified: JsonValue[], patch: JsonObject, schema: PatchSchema, options: DiffOptions, path: string): void {
  const field = schema.field(key);
  if (field === undefined) {
    if (jsonEqual(original, modified)) return;
    fail('UNKNOWN_FIELD', `unable to find api field ${JSON.stringify(key)} in ${schema.name}`, path);
  }
  const { retainKeys, strategy } = splitStrategies(field.meta, path);
  if (strategy !== 'merge') {
    replaceIfChanged(key, original, modified, patch, options);
    return;
  }
  const lists = diffLists(original, modified, field.schema.items(), field.meta.patchMergeKey ?? '', forField(options, retainKeys), path, diffMaps);
  if (lists.patch.length > 0) setOwn(patch, key, lists.patch);
  if (lists.deletions.length > 0) patch[`${deleteFromPrimitiveListPrefix}/${key}`] = lists.deletions;
  if (lists.order.length > 0) patch[`${setElementOrderPrefix}/${key}`] = lists.order;
}

function replaceIfChanged(key: string, original: JsonValue, modified: JsonValue, patch: JsonObject, options: DiffOptions): void {
  if (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified)) setOwn(patch, key, cloneJson(modified));
}

/** Go's `hasAdditionalNewField`: `original` has a non-null key that `modified` lacks. */
function hasExtraNonNullKey(original: JsonObject, modified: JsonObject): boolean {
  return jsonKeys(original).some((key) => original[key] !== null && getOwn(modified, key) === undefined);
}

