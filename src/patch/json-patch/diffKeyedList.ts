import { cloneJson } from '../../json/cloneJson.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import { escapePointerToken } from '../../json/pointer.js';
import type { PatchMeta } from '../../schema/SchemaTable.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import type { JsonPatchOperation } from './JsonPatchOperation.js';
import { serverSafeTests } from './serverSafeTests.js';
import type { JsonDiffContext } from './JsonDiffContext.js';
import { FenwickTree } from './FenwickTree.js';
import { longestIncreasingByFirst } from './longestIncreasing.js';

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
 * fails instead of changing the wrong element. Indices are those of the list as the operations
 * before have left it.
 *
 * Moves are as few as possible: the longest run of elements already in the same relative order
 * on both sides stays put, and every other surviving element is moved once, straight to its place.
 * Time is O(n log n).
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

  // Removals first, front to back; survivors are then numbered in old order.
  const survivors: JsonObject[] = [];
  const survivorOf = new Map<string, number>();
  from.forEach((element, i) => {
    const key = fromKeys[i]!;
    if (wanted.has(key)) {
      survivorOf.set(key, survivors.length);
      survivors.push(element as JsonObject);
    } else {
      const elementPath = `${path}/${survivors.length}`;
      context.operations.push(...keyTests(element as JsonObject, keys, elementPath, context), { op: 'remove', path: elementPath });
    }
  });

  const plan = planSlots(toKeys.map((key) => survivorOf.get(key) ?? -1), survivors.length);
  const occupied = new FenwickTree(plan.initiallyOccupied);
  to.forEach((target, j) => {
    const survivor = plan.survivorAt[j]!;
    if (survivor < 0) {
      const slot = plan.finalSlot[j]!;
      context.operations.push({ op: 'add', path: `${path}/${occupied.countBefore(slot)}`, value: cloneJson(target) });
      occupied.add(slot, 1);
      return;
    }
    const existing = survivors[survivor]!;
    let slot = plan.initialSlot[survivor]!;
    if (plan.finalSlot[j]! >= 0) {
      const fromPath = `${path}/${occupied.countBefore(slot)}`;
      occupied.add(slot, -1);
      slot = plan.finalSlot[j]!;
      context.operations.push(...keyTests(existing, keys, fromPath, context), { op: 'move', from: fromPath, path: `${path}/${occupied.countBefore(slot)}` });
      occupied.add(slot, 1);
    }
    if (jsonEqual(existing, target)) return;
    const elementPath = `${path}/${occupied.countBefore(slot)}`;
    context.operations.push(...keyTests(existing, keys, elementPath, context));
    context.diffValues(existing, target, elementPath, { schema: itemSchema, meta: { patchStrategies: [] } });
  });
  return true;
}

/**
 * Where each element sits, as positions ("slots") in one fixed order, so that an element's index
 * at any moment is the number of occupied slots before its own. Every survivor starts in its
 * initial slot, in old order. Survivors in the longest run already in new order stay there; the
 * others, and the new elements, each get a final slot just before the next staying element in new
 * order (or at the end), so that once all are placed the occupied slots read in new order.
 */
interface SlotPlan {
  /** By target index: the survivor it matches, or -1 for a new element. */
  readonly survivorAt: readonly number[];
  /** By survivor: its initial slot. */
  readonly initialSlot: Int32Array;
  /** By target index: its final slot, or -1 for a survivor that stays put. */
  readonly finalSlot: Int32Array;
  /** By slot: 1 for the initial slots, 0 for the final ones. */
  readonly initiallyOccupied: Uint8Array;
}

function planSlots(survivorAt: readonly number[], survivorCount: number): SlotPlan {
  const pairs: Array<readonly [number, number]> = [];
  survivorAt.forEach((survivor, j) => {
    if (survivor >= 0) pairs.push([survivor, j]);
  });
  const staying = longestIncreasingByFirst(pairs);
  const finalSlot = new Int32Array(survivorAt.length).fill(-1);
  const initialSlot = new Int32Array(survivorCount);
  const initiallyOccupied = new Uint8Array(survivorCount + survivorAt.length - staying.length);
  let slot = 0;
  let j = 0; // next target to place before a staying element
  let survivor = 0; // next survivor to give its initial slot
  for (const [stayingSurvivor, stayingTarget] of [...staying, [survivorCount, survivorAt.length] as const]) {
    for (; survivor < stayingSurvivor; survivor++) {
      initialSlot[survivor] = slot;
      initiallyOccupied[slot++] = 1;
    }
    for (; j < stayingTarget; j++) finalSlot[j] = slot++;
    if (stayingSurvivor < survivorCount) {
      initialSlot[survivor++] = slot;
      initiallyOccupied[slot++] = 1;
      j++;
    }
  }
  return { survivorAt, initialSlot, finalSlot, initiallyOccupied };
}

/** One identity string per element, or `undefined` when the list cannot be keyed. */
function keysOf(list: readonly JsonValue[], keys: readonly string[]): string[] | undefined {
  const result: string[] = [];
  const seen = new Set<string>();
  for (const element of list) {
    if (!isJsonObject(element)) return undefined;
    const identity = keys.length === 1 ? scalarIdentity(getOwn(element, keys[0]!)) : compoundIdentity(element, keys);
    if (identity === undefined || seen.has(identity)) return undefined;
    seen.add(identity);
    result.push(identity);
  }
  return result;
}

/**
 * The identity of a single key's value (the common case, `name`), without building JSON: strings
 * and other scalars are told apart by a prefix, so `"1"` and `1` stay different keys.
 */
function scalarIdentity(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return `s${value}`;
  if (value === undefined || (typeof value === 'object' && value !== null)) return undefined;
  return `v${String(value)}`;
}

function compoundIdentity(element: JsonObject, keys: readonly string[]): string | undefined {
  const values = keys.map((key) => getOwn(element, key));
  if (values.every((value) => value === undefined) || values.some((value) => typeof value === 'object' && value !== null)) return undefined;
  return JSON.stringify(values.map((value) => (value === undefined ? { absent: true } : value)));
}

function keyTests(element: JsonObject, keys: readonly string[], elementPath: string, context: JsonDiffContext): JsonPatchOperation[] {
  const tests: JsonPatchOperation[] = [];
  for (const key of keys) {
    const value = getOwn(element, key);
    if (value === undefined) continue;
    const path = `${elementPath}/${escapePointerToken(key)}`;
    tests.push(...(context.semantics === 'kubernetes' ? serverSafeTests(path, value) : [{ op: 'test' as const, path, value }]));
  }
  return tests;
}
