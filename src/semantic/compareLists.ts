import type { JsonObject, JsonPrimitive, JsonValue } from '../json/JsonValue.js';
import { setOwn } from '../json/ownProperty.js';
import { listKeys } from '../patch/json-patch/diffKeyedList.js';
import type { PatchSchema } from '../schema/PatchSchema.js';
import { elementIds, keyFields } from './listElementKeys.js';
import type { SemanticChange } from './SemanticChange.js';
import type { SemanticWalker } from './SemanticWalker.js';
import type { WalkNode } from './WalkNode.js';

/** The key fields of `element` as an object, for `reordered` and `duplicate-key` values. */
function keyObject(element: JsonValue, keys: readonly string[]): JsonObject {
  const object: JsonObject = {};
  for (const [name, value] of keyFields(element as JsonObject, keys)) setOwn(object, name, value);
  return object;
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
    walker.emit(out, node, 'duplicate-key', side === 'from' ? key : undefined, side === 'to' ? key : undefined);
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
export function compareLists(walker: SemanticWalker, a: JsonValue[], b: JsonValue[], node: WalkNode, out: SemanticChange[]): void {
  const items = walker.settings.schemas.items(node.schema);
  const keys = listKeys(node.meta);
  const idsA = keys && elementIds(a, keys);
  const idsB = keys && elementIds(b, keys);
  if (keys && idsA && idsB) {
    const indexA = indexKeys(walker, node, items, a, keys, idsA, 'from', out);
    const indexB = indexKeys(walker, node, items, b, keys, idsB, 'to', out);
    if (indexA && indexB) return compareKeyed(walker, a, b, keys, indexA, idsB, node, items, out);
  }
  if (a.length !== b.length) return walker.emit(out, node, 'changed', a, b);
  for (let i = 0; i < a.length; i++) walker.member(a[i], b[i], node.element(i, undefined, i, i, items), out);
}

/** Compares two keyed lists whose keys are unique; `indexA` gives the position of each key in `a`. */
function compareKeyed(
  walker: SemanticWalker, a: JsonValue[], b: JsonValue[], keys: readonly string[],
  indexA: ReadonlyMap<JsonPrimitive, number>, idsB: readonly JsonPrimitive[],
  node: WalkNode, items: PatchSchema | undefined, out: SemanticChange[],
): void {
  // Where each element of `b` is in `a` (-1: added), and whether the shared ones kept their order.
  const fromA = new Int32Array(b.length);
  const kept = new Uint8Array(a.length);
  let last = -1;
  let inOrder = true;
  for (let j = 0; j < b.length; j++) {
    const i = indexA.get(idsB[j]!) ?? -1;
    fromA[j] = i;
    if (i < 0) continue;
    kept[i] = 1;
    if (i < last) inOrder = false;
    last = i;
  }
  if (!inOrder) walker.emit(out, node, 'reordered', a.map((element) => keyObject(element, keys)), b.map((element) => keyObject(element, keys)));
  for (let j = 0; j < b.length; j++) {
    const i = fromA[j]!;
    walker.member(i < 0 ? undefined : a[i], b[j], node.element(j, b[j] as JsonObject, i < 0 ? undefined : i, j, items), out);
  }
  for (let i = 0; i < a.length; i++) {
    if (kept[i] === 0) walker.member(a[i], undefined, node.element(i, a[i] as JsonObject, i, undefined, items), out);
  }
}
