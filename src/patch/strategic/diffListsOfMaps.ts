import { cloneJson } from '../../json/cloneJson.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, setOwn } from '../../json/ownProperty.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { deleteDirective, directiveMarker, fail } from './directives.js';
import type { DiffElement, DiffOptions } from './diffOptions.js';
import { orderBy } from './elementOrder.js';
import { sortLessOrEqual } from './goSort.js';
import { formatGoValue } from './goValues.js';

interface Keyed {
  readonly item: JsonObject;
  readonly key: JsonValue;
  readonly text: string;
  /** Matched by an element of the other list (on the fast path). */
  taken: boolean;
}

/**
 * Go's `diffListsOfMaps`, then its `normalizeSliceOrder`: matched elements (by the `%v` text of
 * their merge key) are diffed recursively, the merge key put back into a non-empty element patch;
 * new elements are added whole; removed ones become `{<mergeKey>: value, $patch: delete}`.
 * Returns the changed and added elements in modified order, then the deletions.
 *
 * Go sorts both lists by that text and walks them side by side. When the texts are unique on
 * each side and every key is a scalar, elements pair up the same way through a `Map`, the
 * changes land in modified order whatever order they were found in, and only the deletions need
 * sorting. Errors, though, carry the element's position in Go's sorted list, so a diff that fails
 * on the fast path is done again Go's way to throw exactly Go's error.
 */
export function diffListsOfMaps(
  original: readonly JsonValue[],
  modified: readonly JsonValue[],
  itemSchema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
  path: string,
  diffElement: DiffElement,
): JsonValue[] {
  const before = keyedElements(original, mergeKey, path);
  const after = keyedElements(modified, mergeKey, path);
  try {
    const patch = diffByText(before, after, itemSchema, mergeKey, options, path, diffElement);
    if (patch !== undefined) return patch;
  } catch {
    // Go's walk below fails on the same element pair, or an earlier one, with Go's path.
  }
  return diffSorted(before, after, modified, itemSchema, mergeKey, options, path, diffElement);
}

/**
 * The fast path: each element of `after` finds the original element with its text, and marks it
 * taken. Gives up (`undefined`) at a repeated text, a non-scalar key or a `$patch: delete`
 * change, whose places depend on Go's sort.
 */
function diffByText(
  before: readonly Keyed[],
  after: readonly Keyed[],
  itemSchema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
  path: string,
  diffElement: DiffElement,
): JsonValue[] | undefined {
  const find = indexByText(before);
  if (find === undefined) return undefined;
  let added: Set<string> | undefined;
  const changes: JsonValue[] = [];
  for (let j = 0; j < after.length; j++) {
    const b = after[j]!;
    if (typeof b.key === 'object' && b.key !== null) return undefined;
    const i = find(b.text);
    if (i === undefined) {
      if (added?.has(b.text)) return undefined;
      (added ??= new Set()).add(b.text);
      if (options.ignoreChangesAndAdditions) continue;
      if (isDeletion(b.item)) return undefined;
      changes.push(cloneJson(b.item));
    } else {
      const a = before[i]!;
      if (a.taken) return undefined;
      a.taken = true;
      // The path is only read by errors, and an error sends the whole list down Go's walk.
      const nested = diffElement(a.item, b.item, itemSchema, options, `${path}/${j}`);
      if (!hasOwnKeys(nested)) continue;
      setOwn(nested, mergeKey, cloneJson(b.key));
      if (isDeletion(nested)) return undefined;
      changes.push(nested);
    }
  }
  if (options.ignoreDeletions) return changes;
  const removed = before.filter((a) => !a.taken);
  sortLessOrEqual(removed, (entry) => entry.text);
  for (const a of removed) changes.push(deleteDirective(mergeKey, a.key));
  return changes;
}

/** Lists this short are searched by a scan: cheaper than building a `Map`. */
const shortList = 8;

/** Finds an element's position by text; `undefined` when texts repeat or a key is not a scalar. */
function indexByText(before: readonly Keyed[]): ((text: string) => number | undefined) | undefined {
  if (before.some(({ key }) => typeof key === 'object' && key !== null)) return undefined;
  if (before.length <= shortList) {
    const texts = before.map(({ text }) => text);
    if (texts.some((text, i) => texts.indexOf(text) !== i)) return undefined;
    return (text) => {
      const i = texts.indexOf(text);
      return i < 0 ? undefined : i;
    };
  }
  const index = new Map<string, number>();
  before.forEach(({ text }, i) => index.set(text, i));
  return index.size === before.length ? (text) => index.get(text) : undefined;
}

/** Go's walk over both lists sorted by the text of their merge keys. */
function diffSorted(
  before: Keyed[],
  after: Keyed[],
  modified: readonly JsonValue[],
  itemSchema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
  path: string,
  diffElement: DiffElement,
): JsonValue[] {
  sortLessOrEqual(before, (entry) => entry.text);
  sortLessOrEqual(after, (entry) => entry.text);
  // Only this walk sees repeated keys (the fast path gives up on them), sorted side by side.
  if (options.report && (hasRepeatedText(before) || hasRepeatedText(after))) options.report.repeatedMergeKey = true;
  const changes: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const a = before[i];
    const b = after[j];
    if (a !== undefined && b !== undefined && a.text === b.text) {
      const nested = diffElement(a.item, b.item, itemSchema, options, `${path}/${j}`);
      if (hasOwnKeys(nested)) {
        setOwn(nested, mergeKey, cloneJson(b.key));
        changes.push(nested);
      }
      i++;
      j++;
    } else if (a === undefined || (b !== undefined && a.text > b.text)) {
      if (!options.ignoreChangesAndAdditions) changes.push(cloneJson(b!.item));
      j++;
    } else {
      if (!options.ignoreDeletions) deletions.push(deleteDirective(mergeKey, a.key));
      i++;
    }
  }
  return orderBy(changes, modified, mergeKey, 'map', path).concat(deletions);
}

/** Whether two neighbours of a list sorted by text have the same text. */
function hasRepeatedText(sorted: readonly Keyed[]): boolean {
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.text === sorted[i - 1]!.text) return true;
  return false;
}

/** Each element with its merge key and that key's `%v` text, in list order. */
function keyedElements(list: readonly JsonValue[], mergeKey: string, path: string): Keyed[] {
  return list.map((item): Keyed => {
    if (!isJsonObject(item)) return fail('MIXED_LIST_TYPES', 'expected a map in a merge list', path);
    const key = getOwn(item, mergeKey);
    if (key === undefined) return fail('MISSING_MERGE_KEY', `map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`, path);
    return { item, key, text: formatGoValue(key), taken: false };
  });
}

/** A change Go's `normalizeSliceOrder` moves to the end, in the order of its sorted walk. */
function isDeletion(change: JsonObject): boolean {
  return getOwn(change, directiveMarker) === 'delete';
}

/** Whether an element patch is not empty (without listing its keys). */
function hasOwnKeys(object: JsonObject): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return true;
  return false;
}
