import { cloneJsonChecking } from '../../json/cloneJsonChecking.js';
import { jsonEqualChecking } from '../../json/jsonEqualChecking.js';
import type { JsonObject } from '../../json/JsonValue.js';
import { checkJsonAt } from '../../json/notJson.js';
import { getOwn } from '../../json/ownProperty.js';
import { escapePointerToken } from '../../json/pointer.js';
import type { PatchMeta } from '../../schema/SchemaTable.js';
import type { PatchSchema, SchemaField } from '../../schema/PatchSchema.js';
import { serverSafeTests } from './serverSafeTests.js';
import type { JsonDiffContext } from './JsonDiffContext.js';
import { FenwickTree } from './FenwickTree.js';
import { longestIncreasingByFirst } from './longestIncreasing.js';
import { allDifferent, IdentityIndex, listIdentities } from './listIdentities.js';

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
 *
 * `equalStart`, when the caller compared lists of the same length element by element first: the
 * number of equal (and checked) elements at the start, the pair after them known to differ.
 */
export function diffKeyedList(
  from: readonly unknown[],
  to: readonly unknown[],
  keys: readonly string[],
  itemSchema: PatchSchema,
  depth: number,
  context: JsonDiffContext,
  equalStart?: number,
): boolean {
  const fromKeys = listIdentities(from, keys);
  const toKeys = fromKeys && listIdentities(to, keys);
  if (fromKeys === undefined || toKeys === undefined) return false;
  const edits = new ElementEdits(from, keys, itemSchema, depth + 1, context, equalStart);

  // The usual change leaves the keys in the same order and only adds or only removes elements
  // in one run: the same operations as the general plan below, without its sets and maps. A key
  // repeated in either list makes the list unkeyed; here the shorter list's keys are among the
  // longer one's, so only the longer one needs checking.
  const shared = commonEnds(fromKeys, toKeys);
  if (shared.prefix + shared.suffix === from.length) {
    if (!allDifferent(toKeys)) return false;
    // Only additions: every element's index is its index in `to`.
    const added = to.length - from.length;
    for (let j = 0; j < to.length; j++) {
      if (j < shared.prefix) edits.update(from[j] as JsonObject, to[j], j, j);
      else if (j < shared.prefix + added) edits.add(to[j], j);
      else edits.update(from[j - added] as JsonObject, to[j], j, j);
    }
    return true;
  }
  if (shared.prefix + shared.suffix === to.length) {
    if (!allDifferent(fromKeys)) return false;
    // Only removals: each one at the index the first removed element had.
    const removed = from.length - to.length;
    for (let i = shared.prefix; i < shared.prefix + removed; i++) edits.remove(from[i] as JsonObject, shared.prefix);
    for (let j = 0; j < to.length; j++) edits.update(from[j < shared.prefix ? j : j + removed] as JsonObject, to[j], j, j);
    return true;
  }

  const targetOf = IdentityIndex.of(toKeys)?.positionsOf(fromKeys);
  if (targetOf === undefined) return false;

  // Removals first, front to back; survivors are then numbered in old order.
  const survivors: JsonObject[] = [];
  const survivorAt: number[] = [];
  for (let j = 0; j < to.length; j++) survivorAt.push(-1);
  for (let i = 0; i < from.length; i++) {
    const element = from[i] as JsonObject;
    const target = targetOf[i]!;
    if (target >= 0) {
      survivorAt[target] = survivors.length;
      survivors.push(element);
    } else {
      edits.remove(element, survivors.length);
    }
  }

  if (keepsOrder(survivorAt)) {
    // No survivor moves: every element's index is then its index in `to`.
    for (let j = 0; j < to.length; j++) {
      const survivor = survivorAt[j]!;
      if (survivor < 0) edits.add(to[j], j);
      else edits.update(survivors[survivor]!, to[j], j, j);
    }
    return true;
  }
  const plan = planSlots(survivorAt, survivors.length);
  const occupied = new FenwickTree(plan.initiallyOccupied);
  for (let j = 0; j < to.length; j++) {
    const target = to[j];
    const survivor = plan.survivorAt[j]!;
    if (survivor < 0) {
      const slot = plan.finalSlot[j]!;
      edits.add(target, occupied.countBefore(slot));
      occupied.add(slot, 1);
      continue;
    }
    const existing = survivors[survivor]!;
    let slot = plan.initialSlot[survivor]!;
    if (plan.finalSlot[j]! >= 0) {
      const fromPath = `${edits.listPath}/${occupied.countBefore(slot)}`;
      occupied.add(slot, -1);
      slot = plan.finalSlot[j]!;
      pushKeyTests(existing, keys, fromPath, context);
      context.operations.push({ op: 'move', from: fromPath, path: `${edits.listPath}/${occupied.countBefore(slot)}` });
      occupied.add(slot, 1);
    }
    edits.update(existing, target, occupied.countBefore(slot), j);
  }
  return true;
}

/** The operations on the elements of one keyed list; each element is checked as it is read (see diffValues). */
class ElementEdits {
  #elementField: SchemaField | undefined;

  constructor(
    readonly from: readonly unknown[],
    readonly keys: readonly string[],
    readonly itemSchema: PatchSchema,
    /** The nesting of the elements. */
    readonly depth: number,
    readonly context: JsonDiffContext,
    /** How many elements at the start are known equal, position by position, the next pair known to differ; see {@link diffKeyedList}. */
    readonly equalStart: number | undefined,
  ) {}

  /**
   * Diffs a survivor with its target (at `position` in `to`) at `index`, behind a `test` of its
   * key when they differ.
   */
  update(existing: JsonObject, target: unknown, index: number, position: number): void {
    const known = this.equalStart;
    if (known !== undefined && position <= known && this.from[position] === existing) {
      // Already compared (and checked) where they sit at the same place in both lists.
      if (position < known) return;
    } else if (jsonEqualChecking(existing, target, this.depth)) {
      return;
    }
    pushKeyTests(existing, this.keys, `${this.listPath}/${index}`, this.context);
    this.#elementField ??= { schema: this.itemSchema, meta: { patchStrategies: [] } };
    this.context.path.push(String(index));
    this.context.diffValues(existing, target, this.#elementField, this.depth);
    this.context.path.pop();
  }

  remove(element: JsonObject, index: number): void {
    checkJsonAt(element, this.depth);
    const elementPath = `${this.listPath}/${index}`;
    pushKeyTests(element, this.keys, elementPath, this.context);
    this.context.operations.push({ op: 'remove', path: elementPath });
  }

  add(target: unknown, index: number): void {
    this.context.operations.push({ op: 'add', path: `${this.listPath}/${index}`, value: cloneJsonChecking(target, this.depth) });
  }

  /** The pointer of the list (the walk is at the list between element operations). */
  get listPath(): string {
    return this.context.path.pointer();
  }
}

/** How many identities the two lists share at their start and, after that, at their end. */
function commonEnds(a: readonly unknown[], b: readonly unknown[]): { prefix: number; suffix: number } {
  const shorter = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

/**
 * True when the survivors appear in `to` in their old order, so that none moves. The plan of
 * {@link planSlots} then keeps every survivor in place and puts each element at its index in `to`.
 */
function keepsOrder(survivorAt: readonly number[]): boolean {
  let last = -1;
  for (const survivor of survivorAt) {
    if (survivor < 0) continue;
    if (survivor < last) return false;
    last = survivor;
  }
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

/** The `test`s of an element's key fields (its key values are scalars: see {@link listIdentities}). */
function pushKeyTests(element: JsonObject, keys: readonly string[], elementPath: string, context: JsonDiffContext): void {
  for (const key of keys) {
    const value = getOwn(element, key);
    if (value === undefined) continue;
    const path = `${elementPath}/${escapePointerToken(key)}`;
    if (context.semantics === 'kubernetes') context.operations.push(...serverSafeTests(path, value));
    else context.operations.push({ op: 'test', path, value });
  }
}
