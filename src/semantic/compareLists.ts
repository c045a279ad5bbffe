import type { JsonObject, JsonPrimitive, JsonValue } from '../json/JsonValue.js';
import { isJsonObject, setOwn } from '../json/ownProperty.js';
import { MAX_DEPTH } from '../json/assertJsonValue.js';
import { listKeys } from '../patch/json-patch/diffKeyedList.js';
import { NOT_JSON } from '../json/notJson.js';
import type { PatchSchema } from '../schema/PatchSchema.js';
import { elementIds, keyFields } from './listElementKeys.js';
import { IgnoreState } from './IgnoreState.js';
import type { QuietPair } from './quietPair.js';
import type { SemanticChange } from './SemanticChange.js';
import type { SemanticWalker } from './SemanticWalker.js';
import type { SideDefaults } from './SideDefaults.js';
import type { WalkNode } from './WalkNode.js';

/** The key fields of `element` as an object, for `reordered` and `duplicate-key` values. */
function keyObject(element: JsonValue, keys: readonly string[]): JsonObject {
  const object: JsonObject = {};
  for (const [name, value] of keyFields(element as JsonObject, keys)) setOwn(object, name, value);
  return object;
}

function keyObjects(list: readonly JsonValue[], keys: readonly string[]): JsonObject[] {
  const objects = new Array<JsonObject>(list.length);
  for (let i = 0; i < list.length; i++) objects[i] = keyObject(list[i]!, keys);
  return objects;
}

/**
 * Where each key occurs in a list, or `undefined` when a key occurs more than once, each repeat
 * then reported as `duplicate-key`. Kubernetes requires the keys of a list map to be unique
 * (server-side apply refuses duplicates), yet objects with duplicate `env` names exist (Argo CD
 * #18402, #20979): they are reported here.
 */
function indexKeys(
  walker: SemanticWalker, list: WalkNode, items: PatchSchema | undefined,
  elements: readonly JsonValue[], keys: readonly string[], ids: readonly JsonPrimitive[], side: 'from' | 'to', out: SemanticChange[],
): Map<JsonPrimitive, number> | undefined {
  const index = new Map<JsonPrimitive, number>();
  let found = false;
  for (let i = 0; i < ids.length; i++) {
    const size = index.size;
    // A repeat leaves the size as it was (and the map, returned only without repeats, wrong).
    if (index.set(ids[i]!, i).size !== size) continue;
    found = true;
    const element = elements[i] as JsonObject;
    const node = list.element(i, element, side === 'from' ? i : undefined, side === 'to' ? i : undefined, items);
    const key = keyObject(element, keys);
    walker.emit(out, node, 'duplicate-key', side === 'from' ? key : undefined, side === 'to' ? key : undefined, undefined, undefined, true);
  }
  return found ? undefined : index;
}

/**
 * Compares two lists. A list with keys (`listKeys`: the list-map keys, else the merge key) is
 * matched by key: a `reordered` entry when the shared elements are in another order, then the
 * changes inside each matched element, the added elements and the removed ones, each at a keyed
 * path (`containers[name=app]`). With a duplicate key on either side, `duplicate-key` entries and a
 * positional comparison instead. Other lists compare by position when their lengths agree, and
 * as one `changed` value when they do not (no guess at which elements were inserted).
 * @internal
 */
export function compareLists(walker: SemanticWalker, listA: JsonValue[], listB: JsonValue[], node: WalkNode, out: SemanticChange[]): void {
  const { schemas, from, to } = walker.settings;
  if (walker.settings.checks === true) {
    checkList(listA, node.depth);
    checkList(listB, node.depth);
  }
  const items = schemas.items(node.schema);
  const keys = listKeys(node.meta);
  // Key fields the defaults may fill (a port's `protocol`) are read once every element has its defaults.
  let fillFirst = false;
  if (keys !== undefined) for (const key of keys) fillFirst ||= from.mayFill(items, key) || to.mayFill(items, key);
  const a = new Elements(listA, items, from, fillFirst);
  const b = new Elements(listB, items, to, fillFirst);
  const idsA = keys && elementIds(a.keyed, keys);
  const idsB = keys && elementIds(b.keyed, keys);
  const quiet = node.ignore === IgnoreState.NONE ? walker.settings.quiet : undefined;
  if (keys && idsA && idsB) {
    const indexA = indexKeys(walker, node, items, a.keyed, keys, idsA, 'from', out);
    if (indexA === undefined) indexKeys(walker, node, items, b.keyed, keys, idsB, 'to', out);
    else {
      const matched = matchKeys(walker, node, items, b.keyed, keys, idsB, indexA, out);
      if (matched !== undefined) return compareKeyed(walker, a, b, keys, matched, node, items, quiet, out);
    }
  }
  if (listA.length !== listB.length) return walker.emit(out, node, 'changed', listA, listB);
  for (let i = 0; i < listA.length; i++) {
    if (quiet?.quiet(listA[i]!, listB[i]!, items, undefined, node.depth + 1)) continue;
    walker.member(a.at(i), b.at(i), node.element(i, undefined, i, i, items), out);
  }
}

/**
 * The elements of one side's list as the walk compares them: each with its own defaults, filled in
 * when the walk gets to it (or all at once, when the defaults may fill a key field), and as they
 * are, for {@link QuietPair} to see that two need no comparison.
 */
class Elements {
  /** The elements with their defaults, when filled all at once. */
  private readonly filled: JsonValue[] | undefined;

  constructor(
    readonly raw: JsonValue[],
    private readonly items: PatchSchema | undefined,
    private readonly side: SideDefaults,
    fillAll: boolean,
  ) {
    this.filled = fillAll ? withDefaults(raw, items, side) : undefined;
  }

  /** The elements whose key fields name them: with their defaults where those may change a key. */
  get keyed(): JsonValue[] {
    return this.filled ?? this.raw;
  }

  /** Element `i` with its defaults. */
  at(i: number): JsonValue {
    if (this.filled !== undefined) return this.filled[i]!;
    const element = this.raw[i]!;
    return isJsonObject(element) ? this.side.object(element, this.items) : element;
  }
}

/** Throws `NOT_JSON` for a list nested too deep or with a hole (`undefined`): the elements themselves are checked as they are compared. */
function checkList(list: readonly JsonValue[], depth: number): void {
  if (depth > MAX_DEPTH) throw NOT_JSON;
  for (let i = 0; i < list.length; i++) if (list[i] === undefined) throw NOT_JSON;
}

/** The elements of `list` with their own defaults filled in: `list` itself when none gets one. */
function withDefaults(list: JsonValue[], items: PatchSchema | undefined, side: SideDefaults): JsonValue[] {
  let copy: JsonValue[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const element = list[i]!;
    if (!isJsonObject(element)) continue;
    const filled = side.object(element, items);
    if (filled !== element) (copy ??= list.slice())[i] = filled;
  }
  return copy ?? list;
}

/** Where each element of the new list is in the old one (-1: added), and which old elements are kept. */
interface Matched {
  readonly fromA: Int32Array;
  readonly kept: Uint8Array;
}

/**
 * What {@link indexKeys} does for the new list (its repeats reported as `duplicate-key`, in its
 * order), and at the same time where each of its keys is in the old list (`indexA`): one lookup
 * per element instead of an index of its own. `undefined` when a key repeats.
 */
function matchKeys(
  walker: SemanticWalker, list: WalkNode, items: PatchSchema | undefined, elements: readonly JsonValue[], keys: readonly string[],
  ids: readonly JsonPrimitive[], indexA: ReadonlyMap<JsonPrimitive, number>, out: SemanticChange[],
): Matched | undefined {
  const fromA = new Int32Array(ids.length);
  const kept = new Uint8Array(indexA.size);
  let added: Set<JsonPrimitive> | undefined;
  let repeated = false;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    const i = indexA.get(id);
    let repeat: boolean;
    if (i !== undefined) {
      repeat = kept[i] === 1;
      kept[i] = 1;
      fromA[j] = i;
    } else {
      repeat = added?.has(id) ?? false;
      (added ??= new Set()).add(id);
      fromA[j] = -1;
    }
    if (!repeat) continue;
    repeated = true;
    const element = elements[j] as JsonObject;
    walker.emit(out, list.element(j, element, undefined, j, items), 'duplicate-key', undefined, keyObject(element, keys), undefined, undefined, true);
  }
  return repeated ? undefined : { fromA, kept };
}

/** Compares two keyed lists whose keys are unique, matched by {@link matchKeys}. */
function compareKeyed(
  walker: SemanticWalker, a: Elements, b: Elements, keys: readonly string[], { fromA, kept }: Matched,
  node: WalkNode, items: PatchSchema | undefined, quiet: QuietPair | undefined, out: SemanticChange[],
): void {
  const lengthA = a.raw.length;
  const lengthB = b.raw.length;
  // Whether the shared elements kept their order.
  let last = -1;
  let inOrder = true;
  for (let j = 0; j < lengthB && inOrder; j++) {
    const i = fromA[j]!;
    if (i < 0) continue;
    if (i < last) inOrder = false;
    last = i;
  }
  if (!inOrder) walker.emit(out, node, 'reordered', keyObjects(a.keyed, keys), keyObjects(b.keyed, keys), undefined, undefined, true);
  for (let j = 0; j < lengthB; j++) {
    const i = fromA[j]!;
    if (i >= 0 && quiet?.quiet(a.raw[i]!, b.raw[j]!, items, undefined, node.depth + 1)) continue;
    walker.member(i < 0 ? undefined : a.at(i), b.at(j), node.element(j, b.keyed[j] as JsonObject, i < 0 ? undefined : i, j, items), out);
  }
  for (let i = 0; i < lengthA; i++) {
    if (kept[i] === 0) walker.member(a.at(i), undefined, node.element(i, a.keyed[i] as JsonObject, i, undefined, items), out);
  }
}
