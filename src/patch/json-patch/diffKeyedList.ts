import { cloneJson } from '../../json/cloneJson.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import { escapePointerToken } from '../../json/pointer.js';
import type { PatchMeta } from '../../schema/SchemaTable.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import type { JsonPatchOperation } from './JsonPatchOperation.js';
import type { JsonDiffContext } from './JsonDiffContext.js';

/**
 * The fields that identify an element of a list, from its schema: the server-side-apply
 * `listMapKeys` of a `listType: map` list (ports: `containerPort`, `protocol`), else the strategic
 * merge key (containers: `name`). `undefined` for lists without keys.
 */
export function listKeys(meta: PatchMeta | undefined): readonly string[] | undefined {
  if (meta === undefined) return undefined;
  if (meta.listType === 'map' && meta.listMapKeys && meta.listMapKeys.length > 0) return meta.listMapKeys;
  return meta.patchStrategies.includes('merge') && meta.patchMergeKey ? [meta.patchMergeKey] : undefined;
}

/**
 * Diffs a keyed list by key instead of by position, so that the patch says which element it
 * means: elements whose key is gone are removed, elements that moved are moved, new ones added,
 * and matched elements are patched inside. Every operation on an existing element is preceded by
 * a `test` of its key fields, so applying the patch to a list whose elements have shifted since
 * fails instead of changing the wrong element.
 *
 * Returns `false`, having emitted nothing, when the elements cannot be keyed (not objects, no key
 * field at all, or a key repeated), so the caller can fall back to a positional diff.
 */
export function diffKeyedList(
  from: readonly JsonValue[],
  to: readonly JsonValue[],
  path: string,
  keys: readonly string[],
  itemSchema: PatchSchema,
  context: JsonDiffContext,
): boolean {
  const fromKeys = keysOf(from, keys);
  const toKeys = keysOf(to, keys);
  if (fromKeys === undefined || toKeys === undefined) return false;
  const wanted = new Set(toKeys);

  // The list as the operations so far have left it, by key.
  const current: string[] = [];
  const elements = new Map<string, JsonObject>();
  let index = 0;
  from.forEach((element, i) => {
    const key = fromKeys[i]!;
    if (wanted.has(key)) {
      current.push(key);
      elements.set(key, element as JsonObject);
      index++;
    } else {
      context.operations.push(...keyTests(element as JsonObject, keys, `${path}/${index}`), { op: 'remove', path: `${path}/${index}` });
    }
  });

  const positions = new Map(current.map((key, i) => [key, i]));
  to.forEach((target, j) => {
    const key = toKeys[j]!;
    const elementPath = `${path}/${j}`;
    const existing = elements.get(key);
    if (existing === undefined) {
      context.operations.push({ op: 'add', path: elementPath, value: cloneJson(target) });
      current.splice(j, 0, key);
      reindex(current, positions, j);
      return;
    }
    const at = positions.get(key)!;
    if (at !== j) {
      context.operations.push(...keyTests(existing, keys, `${path}/${at}`), { op: 'move', from: `${path}/${at}`, path: elementPath });
      current.splice(at, 1);
      current.splice(j, 0, key);
      reindex(current, positions, Math.min(at, j));
    }
    if (jsonEqual(existing, target)) return;
    const before = context.operations.length;
    context.diffValues(existing, target, elementPath, { schema: itemSchema, meta: { patchStrategies: [] } });
    context.operations.splice(before, 0, ...keyTests(existing, keys, elementPath));
  });
  return true;
}

/** One identity string per element, or `undefined` when the list cannot be keyed. */
function keysOf(list: readonly JsonValue[], keys: readonly string[]): string[] | undefined {
  const result: string[] = [];
  const seen = new Set<string>();
  for (const element of list) {
    if (!isJsonObject(element)) return undefined;
    const values = keys.map((key) => getOwn(element, key));
    if (values.every((value) => value === undefined) || values.some((value) => typeof value === 'object' && value !== null)) return undefined;
    const identity = JSON.stringify(values.map((value) => (value === undefined ? { absent: true } : value)));
    if (seen.has(identity)) return undefined;
    seen.add(identity);
    result.push(identity);
  }
  return result;
}

function keyTests(element: JsonObject, keys: readonly string[], elementPath: string): JsonPatchOperation[] {
  const tests: JsonPatchOperation[] = [];
  for (const key of keys) {
    const value = getOwn(element, key);
    if (value !== undefined) tests.push({ op: 'test', path: `${elementPath}/${escapePointerToken(key)}`, value });
  }
  return tests;
}

function reindex(current: readonly string[], positions: Map<string, number>, from: number): void {
  for (let i = from; i < current.length; i++) positions.set(current[i]!, i);
}
