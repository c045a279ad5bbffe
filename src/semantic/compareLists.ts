import type { JsonObject, JsonPrimitive, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, setOwn } from '../json/ownProperty.js';
import { listKeys } from '../patch/json-patch/diffKeyedList.js';
import type { PathSegment } from './kubernetesPath.js';
import type { SemanticChange } from './SemanticChange.js';
import type { SemanticWalker, WalkNode } from './SemanticWalker.js';

/** The key of one element: its key fields in order (absent ones left out), and an identity string. */
interface ElementKey {
  readonly fields: readonly (readonly [string, JsonPrimitive])[];
  readonly id: string;
}

/**
 * The keys of the elements of a keyed list, or `undefined` when they cannot be keyed: an element
 * is not an object, lacks the first key field, or holds an object or list in a key field.
 * (Only the first key field must be there: `protocol`, the second key of `ports`, may be left out
 * and defaulted.)
 */
function elementKeys(list: readonly JsonValue[], keys: readonly string[]): ElementKey[] | undefined {
  const out: ElementKey[] = [];
  for (const element of list) {
    if (!isJsonObject(element) || getOwn(element, keys[0]!) === undefined) return undefined;
    const fields: [string, JsonPrimitive][] = [];
    for (const key of keys) {
      const value = getOwn(element, key);
      if (value === undefined) continue;
      if (typeof value === 'object' && value !== null) return undefined;
      fields.push([key, value]);
    }
    out.push({ fields, id: JSON.stringify(keys.map((key) => getOwn(element, key) ?? null)) });
  }
  return out;
}

function keyObject(key: ElementKey): JsonObject {
  const object: JsonObject = {};
  for (const [name, value] of key.fields) setOwn(object, name, value);
  return object;
}

function elementNode(list: WalkNode, segment: PathSegment, from: number | undefined, to: number | undefined): WalkNode {
  return {
    segments: [...list.segments, segment],
    from: from === undefined ? list.from : [...list.from, String(from)],
    to: to === undefined ? list.to : [...list.to, String(to)],
    schema: list.schema?.items(),
    parent: list.schema,
    key: '',
    meta: undefined,
  };
}

/**
 * Reports each key that occurs more than once in a list, at its second and later occurrences.
 * Kubernetes requires the keys of a list map to be unique (server-side apply refuses duplicates),
 * yet objects with duplicate `env` names exist (Argo CD #18402, #20979): they are reported here.
 */
function reportDuplicates(walker: SemanticWalker, list: WalkNode, keys: readonly ElementKey[], side: 'from' | 'to', out: SemanticChange[]): boolean {
  const seen = new Set<string>();
  let found = false;
  keys.forEach((key, i) => {
    if (!seen.has(key.id)) return void seen.add(key.id);
    found = true;
    const node = elementNode(list, { type: 'key', keys: key.fields, index: i }, side === 'from' ? i : undefined, side === 'to' ? i : undefined);
    walker.emit(out, node, 'duplicate-key', side === 'from' ? keyObject(key) : undefined, side === 'to' ? keyObject(key) : undefined);
  });
  return found;
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
  const keys = listKeys(node.meta);
  const keysA = keys && elementKeys(a, keys);
  const keysB = keys && elementKeys(b, keys);
  if (keysA && keysB) {
    const dupA = reportDuplicates(walker, node, keysA, 'from', out);
    const dupB = reportDuplicates(walker, node, keysB, 'to', out);
    if (!dupA && !dupB) return compareKeyed(walker, a, b, keysA, keysB, node, out);
  }
  if (a.length !== b.length) return walker.emit(out, node, 'changed', a, b);
  a.forEach((element, i) => walker.member(element, b[i], elementNode(node, { type: 'index', index: i }, i, i), out));
}

function compareKeyed(
  walker: SemanticWalker, a: JsonValue[], b: JsonValue[],
  keysA: readonly ElementKey[], keysB: readonly ElementKey[], node: WalkNode, out: SemanticChange[],
): void {
  const indexA = new Map(keysA.map((key, i) => [key.id, i]));
  const idsB = new Set(keysB.map((key) => key.id));
  const sharedA = keysA.filter((key) => idsB.has(key.id)).map((key) => key.id);
  const sharedB = keysB.filter((key) => indexA.has(key.id)).map((key) => key.id);
  if (sharedA.some((id, i) => id !== sharedB[i])) {
    walker.emit(out, node, 'reordered', keysA.map(keyObject), keysB.map(keyObject));
  }
  keysB.forEach((key, j) => {
    const i = indexA.get(key.id);
    walker.member(i === undefined ? undefined : a[i], b[j], elementNode(node, { type: 'key', keys: key.fields, index: j }, i, j), out);
  });
  keysA.forEach((key, i) => {
    if (idsB.has(key.id)) return;
    walker.member(a[i], undefined, elementNode(node, { type: 'key', keys: key.fields, index: i }, i, undefined), out);
  });
}
