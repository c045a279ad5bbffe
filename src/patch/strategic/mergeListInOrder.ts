import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { directiveMarker } from './directives.js';
import { inherits, memberOf } from './members.js';
import { indexKeys, type ScalarKey } from './keyIndex.js';
import { numberArray, type NumberArray } from './numberArray.js';
import { keep, type MergeElement, type MergeOptions } from './mergeOptions.js';

const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * A merge list of maps merged with its patch list and put in the order of its
 * `$setElementOrder` directive, in one pass over each list, for the usual case: the directive
 * names every element of the result (it lists the modified list the patch was made from), and
 * merge keys are strings, numbers or booleans, none repeated.
 *
 * Go's `mergePatchIntoOriginal` checks the patch list against the directive, merges the lists
 * (`$patch: delete` elements first, then each element into the one with its merge key, or
 * appended), sorts the result by its patch, then by the directive and the live list. With every
 * element named by the directive, only the directive decides, and the result is the merged
 * elements at the directive's places.
 *
 * Returns `undefined`, having changed nothing, whenever the case is not that one (an element
 * without a merge key, a repeated key, a `$patch: replace`, an element the directive does not
 * name, a patch list out of the directive's order, …): Go's way then runs from the start, and
 * throws Go's error where there is one. Once this starts merging elements it finishes; an error
 * merging two elements is the one Go's way meets first, since it merges the same pairs, in the
 * same order, after the same checks.
 */
export function mergeListInOrder(
  original: JsonValue[],
  patch: readonly JsonValue[],
  order: readonly JsonValue[],
  itemSchema: PatchSchema,
  mergeKey: string,
  options: MergeOptions,
  path: string,
  mergeElement: MergeElement,
): JsonValue[] | undefined {
  if (mergeKey === '' || original.length + patch.length === 0) return undefined;
  // The live elements' keys, first: live elements holding directives (the halves of a three-way
  // patch) are left to Go's way before any other work.
  const direct = !inherits(directiveMarker) && !inherits(mergeKey);
  const originalKeys = new Array<ScalarKey>(original.length);
  for (let i = 0; i < original.length; i++) {
    const element = original[i]!;
    if (!isJsonObject(element) || (direct ? element[directiveMarker] : getOwn(element, directiveMarker)) !== undefined) return undefined;
    const key = keyOf(element, mergeKey, direct);
    if (key === undefined) return undefined;
    originalKeys[i] = key;
  }
  // Where each key stands in the directive (an object of the patch, read as its JSON copy would be).
  const orderKeys = new Array<ScalarKey>(order.length);
  for (let i = 0; i < order.length; i++) {
    const entry = order[i]!;
    const key = isJsonObject(entry) ? scalarKey(memberOf(entry, mergeKey)) : undefined;
    if (key === undefined) return undefined;
    orderKeys[i] = key;
  }
  const placeOf = indexKeys(orderKeys);
  if (placeOf === undefined) return undefined;
  // The live elements by place; those the directive does not name must be deleted by the patch.
  const originalAt = numberArray(order.length, -1);
  const places = numberArray(original.length, -1);
  let unnamed: number[] | undefined;
  // The live list mostly has the directive's order: the place after the last one is tried first.
  let next = 0;
  for (let i = 0; i < original.length; i++) {
    const key = originalKeys[i]!;
    const at = next < orderKeys.length && orderKeys[next] === key ? next : placeOf(key);
    places[i] = at;
    if (at >= 0) next = at + 1;
    if (at < 0) {
      (unnamed ??= []).push(i);
      continue;
    }
    if (originalAt[at] !== -1) return undefined;
    originalAt[at] = i;
  }
  // The patch: deletions (by any key), then plain elements, named by the directive in its order.
  let deleted: Set<JsonValue> | undefined;
  const plain: JsonObject[] = [];
  const plainAt: number[] = [];
  let last = -1;
  for (const item of patch) {
    if (!isJsonObject(item)) return undefined;
    const { directive, key: itemKey } = directiveAndKey(item, mergeKey);
    if (directive !== undefined) {
      if (directive !== 'delete' || itemKey === undefined) return undefined;
      (deleted ??= new Set()).add(itemKey as JsonValue);
      continue;
    }
    const key = scalarKey(itemKey);
    const at = key === undefined ? -1 : placeOf(key);
    if (at < 0 || at <= last) return undefined;
    last = at;
    plain.push(item);
    plainAt.push(at);
  }
  for (const i of unnamed ?? []) if (!deleted?.has(originalKeys[i]!)) return undefined;

  // Go merges into the list without its deleted elements, and names an element by its index there.
  let removed: NumberArray | undefined;
  if (deleted !== undefined) {
    removed = numberArray(original.length, 0);
    for (let i = 0; i < original.length; i++) if (deleted.has(originalKeys[i]!)) removed[i] = 1;
  }
  const baseIndex = removed === undefined ? undefined : indexesWithout(removed);
  const result = new Array<JsonValue | undefined>(order.length);
  for (let i = 0; i < original.length; i++) if (removed === undefined || removed[i] === 0) result[places[i]!] = original[i];
  for (let k = 0; k < plain.length; k++) {
    const at = plainAt[k]!;
    const i = originalAt[at]!;
    if (i >= 0 && (removed === undefined || removed[i] === 0)) {
      result[at] = mergeElement(original[i] as JsonObject, plain[k]!, itemSchema, options, `${path}/${baseIndex === undefined ? i : baseIndex[i]}`);
    } else {
      result[at] = keep(plain[k]!, options);
    }
  }
  return compact(result);
}

/** The merge key of a live element (the engine's own copy) when it is a string, a number or a boolean; else `undefined`. */
function keyOf(element: JsonObject, mergeKey: string, direct: boolean): ScalarKey | undefined {
  return scalarKey(direct ? element[mergeKey] : getOwn(element, mergeKey));
}

function scalarKey(key: unknown): ScalarKey | undefined {
  const type = typeof key;
  return type === 'string' || type === 'number' || type === 'boolean' ? (key as ScalarKey) : undefined;
}

/** The `$patch` and the merge key of an element of the patch, read as its JSON copy would hold them, in one pass. */
function directiveAndKey(item: JsonObject, mergeKey: string): { directive: unknown; key: unknown } {
  let directive: unknown;
  let key: unknown;
  for (const own in item) {
    if (own === directiveMarker) directive = hasOwnProperty.call(item, own) ? item[own] : undefined;
    else if (own === mergeKey) key = hasOwnProperty.call(item, own) ? item[own] : undefined;
  }
  return { directive, key };
}

/** Each kept element's index among the kept ones. */
function indexesWithout(removed: NumberArray): NumberArray {
  const indexes = numberArray(removed.length, 0);
  let next = 0;
  for (let i = 0; i < removed.length; i++) indexes[i] = removed[i] === 0 ? next++ : -1;
  return indexes;
}

/** The filled places, in order. */
function compact(places: ReadonlyArray<JsonValue | undefined>): JsonValue[] {
  const list: JsonValue[] = [];
  for (const element of places) if (element !== undefined) list.push(element);
  return list;
}
