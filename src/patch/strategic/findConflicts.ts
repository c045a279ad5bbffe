import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../../json/ownProperty.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { childPath, directiveMarker, fail, retainKeysDirective, splitStrategies } from './directives.js';
import { elementKind } from './elementOrder.js';
import { formatGoValue, goKind } from './goValues.js';
import { sortLessOrEqual } from './goSort.js';
import { lookupField } from './lookupField.js';

/**
 * Go's `MergingMapsHaveConflicts`, listing every conflicting path instead of stopping at the first:
 *
 * - maps conflict where one has a `$patch` directive and the other does not, or a different one;
 *   with the `replace` strategy their keys are not compared;
 * - merge lists of scalars never conflict; merge lists of maps are compared element by element,
 *   matched by the `%s` text of their merge key;
 * - other lists conflict when their lengths differ, else element by element (scalars sorted first);
 * - scalars conflict when they differ.
 */
export function findConflicts(left: JsonObject, right: JsonObject, schema: PatchSchema): string[] {
  const conflicts: string[] = [];
  fieldConflicts(left, right, schema, '', '', '', conflicts);
  return conflicts;
}

function fieldConflicts(left: JsonValue, right: JsonValue, schema: PatchSchema, strategy: string, mergeKey: string, path: string, conflicts: string[]): void {
  if (isJsonObject(left)) {
    if (!isJsonObject(right)) return void conflicts.push(path);
    const leftMarker = getOwn(left, directiveMarker);
    const rightMarker = getOwn(right, directiveMarker);
    if ((leftMarker !== undefined || rightMarker !== undefined) && leftMarker !== rightMarker) return void conflicts.push(path);
    if (strategy === 'replace') return;
    mapConflicts(left, right, schema, path, conflicts);
  } else if (Array.isArray(left)) {
    if (!Array.isArray(right)) return void conflicts.push(path);
    listConflicts(left, right, schema, strategy, mergeKey, path, conflicts);
  } else if (left !== right) {
    conflicts.push(path);
  }
}

function mapConflicts(left: JsonObject, right: JsonObject, schema: PatchSchema, path: string, conflicts: string[]): void {
  for (const key of jsonKeys(left)) {
    if (key === directiveMarker || key === retainKeysDirective) continue;
    const rightValue = getOwn(right, key);
    if (rightValue === undefined) continue;
    const leftValue = left[key] as JsonValue;
    const keyPath = childPath(path, key);
    let fieldSchema = schema;
    let strategy = '';
    let mergeKey = '';
    if (isJsonObject(leftValue) || Array.isArray(leftValue)) {
      const field = lookupField(schema, key, keyPath);
      fieldSchema = Array.isArray(leftValue) ? field.schema.items() : field.schema;
      strategy = splitStrategies(field.meta, keyPath).strategy;
      mergeKey = field.meta.patchMergeKey ?? '';
    }
    fieldConflicts(leftValue, rightValue, fieldSchema, strategy, mergeKey, keyPath, conflicts);
  }
}

function listConflicts(left: JsonValue[], right: JsonValue[], itemSchema: PatchSchema, strategy: string, mergeKey: string, path: string, conflicts: string[]): void {
  const kind = elementKind(path, left, right);
  if (kind === undefined) fail('MIXED_LIST_TYPES', 'no elements in any of the given slices', path);
  if (strategy === 'merge') {
    if (kind !== 'map') return;
    const leftByKey = byMergeKey(left, mergeKey, path);
    const rightByKey = byMergeKey(right, mergeKey, path);
    for (const [key, value] of leftByKey) {
      const other = rightByKey.get(key);
      if (other !== undefined) fieldConflicts(value, other, itemSchema, '', '', childPath(path, key), conflicts);
    }
    return;
  }
  if (left.length !== right.length) return void conflicts.push(path);
  let a = left;
  let b = right;
  if (kind !== 'map') {
    a = [...new Set(left)];
    b = [...new Set(right)];
    sortLessOrEqual(a, formatGoValue);
    sortLessOrEqual(b, formatGoValue);
  }
  a.forEach((item, i) => fieldConflicts(item, b[i] as JsonValue, itemSchema, '', '', childPath(path, i), conflicts));
}

/** Go's `sliceOfMapsToMapOfMaps`: later elements win for a repeated key. */
function byMergeKey(list: readonly JsonValue[], mergeKey: string, path: string): Map<string, JsonValue> {
  const map = new Map<string, JsonValue>();
  for (const item of list) {
    if (!isJsonObject(item)) fail('MIXED_LIST_TYPES', 'invalid element type in merging list', path);
    const key = getOwn(item, mergeKey);
    if (key === undefined) fail('MISSING_MERGE_KEY', `cannot find merge key \`${mergeKey}\` in merging list element: ${JSON.stringify(item)}`, path);
    // fmt.Sprintf("%s", v): a string is itself, anything else carries its Go type.
    map.set(typeof key === 'string' ? key : `%!s(${goKind(key as JsonValue)}=${formatGoValue(key)})`, item);
  }
  return map;
}
