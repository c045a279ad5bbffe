import type { JsonValue } from '../../json/JsonValue.js';
import { isJsonObject } from '../../json/ownProperty.js';
import { escapePointerToken } from '../../json/pointer.js';
import { formatFieldPath } from './formatFieldPath.js';
import type { FieldPath, PathElement } from './PathElement.js';
import { serializePathElement } from './pathElementKey.js';
import type { SetNode } from './setNode.js';

/**
 * A path of a {@link FieldSet} and where it lies in an object.
 *
 * @example
 * ```ts
 * const found: FieldPointer = { path: [{ kind: 'field', name: 'data' }], serverPath: '.data', pointer: '/data' };
 * ```
 * @public
 */
export interface FieldPointer {
  /** The path, element by element. */
  readonly path: FieldPath;
  /** The path in the server's words ({@link formatFieldPath}). */
  readonly serverPath: string;
  /** The JSON Pointer of the field in the object, `undefined` when the object has no such field. */
  readonly pointer: string | undefined;
}

/**
 * The pointers of a set's paths in `object`, walking the set and the object together. A list is
 * indexed once per kind of element looked up in it (by the serialized key of each element), so a
 * set of 10,000 list elements resolves in linear time. First match wins, as a list has one
 * element per key.
 * @internal
 */
export function jsonPointersOf(node: SetNode, object: JsonValue, which: 'paths' | 'leaves' | 'prefixes'): FieldPointer[] {
  const out: FieldPointer[] = [];
  visit(node, object, '', [], which, out);
  return out;
}

function visit(
  node: SetNode,
  value: JsonValue | undefined,
  pointer: string | undefined,
  prefix: FieldPath,
  which: 'paths' | 'leaves' | 'prefixes',
  out: FieldPointer[],
): void {
  const index = new ListIndex(value);
  const located = node.map((entry) => {
    const step = pointer === undefined ? undefined : locate(value, entry.element, index);
    return {
      path: [...prefix, entry.element] as FieldPath,
      pointer: step === undefined ? undefined : `${pointer}/${escapePointerToken(step.token)}`,
      value: step?.value,
    };
  });
  const push = (at: (typeof located)[number]) => out.push({ path: at.path, serverPath: formatFieldPath(at.path), pointer: at.pointer });
  node.forEach((entry, i) => {
    const wanted =
      which === 'paths' ? entry.member : which === 'leaves' ? entry.member && entry.children === undefined : entry.member && entry.children !== undefined;
    if (wanted) push(located[i]!);
  });
  node.forEach((entry, i) => {
    if (entry.children === undefined) return;
    if (which === 'prefixes' && !entry.member) push(located[i]!);
    visit(entry.children, located[i]!.value, located[i]!.pointer, located[i]!.path, which, out);
  });
}

function locate(value: JsonValue | undefined, element: PathElement, index: ListIndex): { token: string; value: JsonValue } | undefined {
  if (element.kind === 'field') {
    if (!isJsonObject(value) || !Object.prototype.hasOwnProperty.call(value, element.name)) return undefined;
    return { token: element.name, value: value[element.name]! };
  }
  if (!Array.isArray(value)) return undefined;
  const at = element.kind === 'index' ? (element.index >= 0 && element.index < value.length ? element.index : undefined) : index.find(element);
  return at === undefined ? undefined : { token: String(at), value: value[at]! };
}

/** The elements of one list by the serialized key they would have, built lazily per set of key names. */
class ListIndex {
  readonly #byNames = new Map<string, Map<string, number>>();
  constructor(readonly list: JsonValue | undefined) {}

  find(element: PathElement & { kind: 'key' | 'value' }): number | undefined {
    const names = element.kind === 'value' ? undefined : element.fields.map((field) => field.name);
    const signature = names === undefined ? 'v' : JSON.stringify(names);
    let map = this.#byNames.get(signature);
    if (map === undefined) {
      map = new Map();
      const list = Array.isArray(this.list) ? this.list : [];
      list.forEach((item, i) => {
        const key = keyOf(item, names);
        if (key !== undefined && !map!.has(key)) map!.set(key, i);
      });
      this.#byNames.set(signature, map);
    }
    return map.get(serializePathElement(element));
  }
}

function keyOf(item: JsonValue, names: readonly string[] | undefined): string | undefined {
  if (names === undefined) return serializePathElement({ kind: 'value', value: item });
  if (!isJsonObject(item) || !names.every((name) => Object.prototype.hasOwnProperty.call(item, name))) return undefined;
  return serializePathElement({ kind: 'key', fields: names.map((name) => ({ name, value: item[name]! })) });
}
