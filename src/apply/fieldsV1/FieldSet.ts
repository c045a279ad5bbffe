import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import type { JsonInput, JsonObject, JsonValue } from '../../json/JsonValue.js';
import { decodeFieldsV1 } from './decodeFieldsV1.js';
import { encodeFieldsV1, serializeFieldsV1 } from './encodeFieldsV1.js';
import { formatFieldPath } from './formatFieldPath.js';
import { jsonPointersOf, type FieldPointer } from './jsonPointersOf.js';
import type { FieldPath, PathElement } from './PathElement.js';
import { serializePathElement } from './pathElementKey.js';
import { Builder, walk } from './setTrie.js';
import {
  differenceNodes,
  intersectNodes,
  leafNodes,
  nodesEqual,
  nodeSize,
  recursiveDifferenceNodes,
  unionNodes,
  type SetEntry,
  findEntry,
  type SetNode,
} from './setNode.js';

// Set in FieldSet's static block: the apply engine reads and builds tries without copying.
let nodeOfSet: (set: FieldSet) => SetNode;
let setOfNode: (node: SetNode) => FieldSet;

/**
 * A set of field paths: what one `managedFields[]` entry owns, read from and written to its
 * `fieldsV1` exactly as the API server does (structured-merge-diff's `fieldpath.Set`).
 *
 * A value: no method changes the set, operations return new sets (sharing unchanged subtrees).
 * Union, intersection and difference walk both sets once, in the server's sort order, so they
 * and the encoding are linear in the sets' sizes.
 *
 * @example
 * ```ts
 * const owned = FieldSet.fromFieldsV1(deployment.metadata.managedFields[0].fieldsV1);
 * owned.has([{ kind: 'field', name: 'spec' }, { kind: 'field', name: 'replicas' }]); // → true
 * owned.toString(); // '.metadata.labels.app\n.spec.replicas\n…', as in the server's conflict messages
 * owned.toFieldsV1(); // the same object, key for key and in the same order
 * ```
 * @public
 */
export class FieldSet {
  /** The empty set. */
  static readonly EMPTY: FieldSet = new FieldSet([]);

  static {
    nodeOfSet = (set) => set.#node;
    setOfNode = (node) => (node.length === 0 ? FieldSet.EMPTY : new FieldSet(node));
  }

  readonly #node: SetNode;
  #size: number | undefined;

  private constructor(node: SetNode) {
    this.#node = node;
  }

  /**
   * Reads a `managedFields[].fieldsV1` object (`Set.FromJSON`). Each key is a path element: `f:`
   * a field, `k:` an associative-list element by its key fields as JSON, `v:` a set element by
   * value as JSON, `i:` a list element by index; `.` says the node itself is in the set beside
   * its children; a leaf is `{}`. A value that is not an object, a key of no known kind or
   * invalid JSON after `k:` or `v:` throws {@link InvalidDocumentError} (code `INVALID_DOCUMENT`)
   * whose `path` is the JSON Pointer of the offending key in `fieldsV1`.
   *
   * @example
   * ```ts
   * FieldSet.fromFieldsV1({ 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {} } } } }).size; // → 2
   * ```
   */
  static fromFieldsV1(fieldsV1: unknown): FieldSet {
    return new FieldSet(decodeFieldsV1(fieldsV1));
  }

  /**
   * Reads `fieldsV1` from its JSON text; see {@link FieldSet.fromFieldsV1}. Text that is not JSON
   * throws {@link InvalidDocumentError} with path `""`.
   *
   * @example
   * ```ts
   * FieldSet.parse('{"f:data":{"f:key":{}}}').toString(); // → '.data.key'
   * ```
   */
  static parse(text: string): FieldSet {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InvalidDocumentError(`fieldsV1 text is not JSON: ${(error as Error).message}`, { path: '', input: 'fieldsV1' });
    }
    return FieldSet.fromFieldsV1(value);
  }

  /**
   * The set of the given paths (`fieldpath.NewSet`). Parents are not added: the set of
   * `.spec.replicas` does not hold `.spec`. The empty path (the whole object) is ignored, as in Go.
   *
   * @example
   * ```ts
   * FieldSet.fromPaths([[{ kind: 'field', name: 'data' }, { kind: 'field', name: 'key' }]]).toFieldsV1();
   * // → { 'f:data': { 'f:key': {} } }
   * ```
   */
  static fromPaths(paths: Iterable<FieldPath>): FieldSet {
    const root = new Builder();
    for (const path of paths) {
      let node = root;
      for (let i = 0; i < path.length; i++) {
        const element = path[i]!;
        const key = serializePathElement(element);
        let child = node.children.get(key);
        if (child === undefined) {
          child = new Builder(element, key);
          node.children.set(key, child);
        }
        if (i === path.length - 1) child.member = true;
        node = child;
      }
    }
    return new FieldSet(root.build());
  }

  /**
   * The `fieldsV1` object the API server writes for this set, its keys in the server's order:
   * path elements sorted as structured-merge-diff's `PathElement.Less` sorts them (field names
   * by their bytes; then keys `k:`, field by field; then values `v:`, numbers before strings
   * before booleans; then indexes `i:` by number), and `.` first in a node that is in the set and has children.
   * `JSON.stringify` of it equals `JSON.stringify` of the server's `fieldsV1` for a built-in kind.
   *
   * @example
   * ```ts
   * FieldSet.parse('{"f:b":{},"f:a":{"f:x":{},".":{}}}').toFieldsV1(); // → { 'f:a': { '.': {}, 'f:x': {} }, 'f:b': {} }
   * ```
   */
  toFieldsV1(): JsonObject {
    return encodeFieldsV1(this.#node);
  }

  /**
   * `JSON.stringify(set)` gives the `fieldsV1` object ({@link FieldSet.toFieldsV1}).
   *
   * @example
   * ```ts
   * JSON.stringify({ fieldsV1: set }); // '{"fieldsV1":{"f:data":{…}}}'
   * ```
   */
  toJSON(): JsonObject {
    return this.toFieldsV1();
  }

  /**
   * The exact bytes structured-merge-diff's `Set.ToJSON` writes, which the API server stores:
   * compact JSON in {@link FieldSet.toFieldsV1}'s order, values inside `k:` and `v:` escaped as
   * Go's `encoding/json` escapes them (`<` as `\u003c`). Linear in the size of the set.
   *
   * @example
   * ```ts
   * FieldSet.parse('{"f:data":{"f:b":{},"f:a":{}}}').serialize(); // → '{"f:data":{"f:a":{},"f:b":{}}}'
   * ```
   */
  serialize(): string {
    return serializeFieldsV1(this.#node);
  }

  /**
   * The number of paths in the set (`Set.Size`): leaves and the `.` members, not the
   * intermediate nodes.
   *
   * @example
   * ```ts
   * FieldSet.parse('{"f:spec":{"f:replicas":{}}}').size; // → 1
   * ```
   */
  get size(): number {
    this.#size ??= nodeSize(this.#node);
    return this.#size;
  }

  /**
   * True when the set holds no path (`Set.Empty`).
   *
   * @example
   * ```ts
   * FieldSet.EMPTY.isEmpty(); // → true
   * ```
   */
  isEmpty(): boolean {
    return this.#node.length === 0;
  }

  /**
   * True when `path` itself is in the set (`Set.Has`); a parent of a member is not.
   *
   * @example
   * ```ts
   * FieldSet.parse('{"f:spec":{"f:replicas":{}}}').has([{ kind: 'field', name: 'spec' }]); // → false
   * ```
   */
  has(path: FieldPath): boolean {
    let node = this.#node;
    for (let i = 0; i < path.length; i++) {
      const entry = findEntry(node, path[i]!);
      if (entry === undefined) return false;
      if (i === path.length - 1) return entry.member;
      if (entry.children === undefined) return false;
      node = entry.children;
    }
    return false;
  }

  /**
   * This set and `path` (a new set; this one is unchanged).
   *
   * @example
   * ```ts
   * FieldSet.EMPTY.with([{ kind: 'field', name: 'data' }]).toString(); // → '.data'
   * ```
   */
  with(path: FieldPath): FieldSet {
    return this.union(FieldSet.fromPaths([path]));
  }

  /**
   * The paths in either set (`Set.Union`).
   *
   * @example
   * ```ts
   * a.union(b).has(pathOnlyInB); // → true
   * ```
   */
  union(other: FieldSet): FieldSet {
    return new FieldSet(unionNodes(this.#node, other.#node));
  }

  /**
   * The paths in both sets (`Set.Intersection`).
   *
   * @example
   * ```ts
   * a.intersection(b).isEmpty(); // true when no field is owned by both
   * ```
   */
  intersection(other: FieldSet): FieldSet {
    return new FieldSet(intersectNodes(this.#node, other.#node));
  }

  /**
   * The paths of this set that are not in `other` (`Set.Difference`): a path goes only when it is
   * itself in `other`; `{.a.b}` minus `{.a}` is `{.a.b}`.
   *
   * @example
   * ```ts
   * a.difference(a).isEmpty(); // → true
   * ```
   */
  difference(other: FieldSet): FieldSet {
    return new FieldSet(differenceNodes(this.#node, other.#node));
  }

  /**
   * The paths of this set that neither are in `other` nor lie under a path of `other`
   * (`Set.RecursiveDifference`): `{.a.b}` minus `{.a}` is empty.
   *
   * @example
   * ```ts
   * FieldSet.parse('{"f:a":{"f:b":{}}}').recursiveDifference(FieldSet.parse('{"f:a":{}}')).isEmpty(); // → true
   * ```
   */
  recursiveDifference(other: FieldSet): FieldSet {
    return new FieldSet(recursiveDifferenceNodes(this.#node, other.#node));
  }

  /**
   * True when both sets hold the same paths (`Set.Equals`).
   *
   * @example
   * ```ts
   * FieldSet.parse('{"f:b":{},"f:a":{}}').equals(FieldSet.parse('{"f:a":{},"f:b":{}}')); // → true
   * ```
   */
  equals(other: FieldSet): boolean {
    return nodesEqual(this.#node, other.#node);
  }

  /**
   * The paths of the set that have no path of the set under them (`Set.Leaves`).
   *
   * @example
   * ```ts
   * FieldSet.parse('{"f:a":{".":{},"f:b":{}}}').leaves().toString(); // → '.a.b'
   * ```
   */
  leaves(): FieldSet {
    return new FieldSet(leafNodes(this.#node));
  }

  /**
   * The paths under `element`, without it (`Set.WithPrefix`).
   *
   * @example
   * ```ts
   * FieldSet.parse('{"f:spec":{"f:replicas":{}}}').withPrefix({ kind: 'field', name: 'spec' }).toString(); // → '.replicas'
   * ```
   */
  withPrefix(element: PathElement): FieldSet {
    return new FieldSet(findEntry(this.#node, element)?.children ?? []);
  }

  /**
   * Every path of the set, in `Set.Iterate`'s order (preorder: a node's members, then its children).
   *
   * @example
   * ```ts
   * [...FieldSet.parse('{"f:a":{".":{},"f:b":{}}}').paths()].map(formatFieldPath); // → ['.a', '.a.b']
   * ```
   */
  *paths(): IterableIterator<FieldPath> {
    for (const item of walk(this.#node, [])) if (item.entry.member) yield item.path;
  }

  /**
   * The paths of the set with no path of the set under them, in {@link FieldSet.paths}' order.
   *
   * @example
   * ```ts
   * [...FieldSet.parse('{"f:a":{".":{},"f:b":{}}}').leafPaths()].map(formatFieldPath); // → ['.a.b']
   * ```
   */
  *leafPaths(): IterableIterator<FieldPath> {
    for (const item of walk(this.#node, [])) if (item.entry.member && item.entry.children === undefined) yield item.path;
  }

  /**
   * The paths that have paths of the set under them (the trie's inner nodes, whether or not they
   * are themselves in the set), in {@link FieldSet.paths}' order.
   *
   * @example
   * ```ts
   * [...FieldSet.parse('{"f:spec":{"f:replicas":{}}}').prefixPaths()].map(formatFieldPath); // → ['.spec']
   * ```
   */
  *prefixPaths(): IterableIterator<FieldPath> {
    for (const item of walk(this.#node, [])) if (item.entry.children !== undefined) yield item.path;
  }

  /**
   * The paths of the set in the server's words (`Set.String`): one {@link formatFieldPath} a
   * line, in {@link FieldSet.paths}' order, as in `.spec.template.spec.containers[name="app"].image`.
   *
   * @example
   * ```ts
   * FieldSet.parse('{"f:metadata":{"f:labels":{"f:app":{}}}}').toString(); // → '.metadata.labels.app'
   * ```
   */
  toString(): string {
    return Array.from(this.paths(), formatFieldPath).join('\n');
  }

  /**
   * Where each path lies in `object` (the object these fields are managed in), as JSON Pointers:
   * `k:` and `v:` elements resolve to the index of the list element they name. `which` chooses
   * the paths: `'paths'` (all, the default), `'leaves'` or `'prefixes'`, in their order; a path
   * the object lacks has `pointer: undefined`. Linear in the sizes of the set and the object.
   *
   * @example
   * ```ts
   * const pod = { spec: { containers: [{ name: 'init' }, { name: 'app', image: 'app:1' }] } };
   * FieldSet.parse('{"f:spec":{"f:containers":{"k:{\\"name\\":\\"app\\"}":{"f:image":{}}}}}').toJsonPointers(pod);
   * // → [{ path: [...], serverPath: '.spec.containers[name="app"].image', pointer: '/spec/containers/1/image' }]
   * ```
   */
  toJsonPointers(object: JsonInput, which: 'paths' | 'leaves' | 'prefixes' = 'paths'): FieldPointer[] {
    return jsonPointersOf(this.#node, object as JsonValue, which);
  }
}

/** The trie of a set, for the apply engine's walks, which build and read sets node by node. @internal */
export function setNode(set: FieldSet): SetNode {
  return nodeOfSet(set);
}

/** A set of a sorted trie (entries in `PathElement.Less` order, none empty). @internal */
export function fieldSetOfNode(node: SetNode): FieldSet {
  return setOfNode(node);
}
