import type { JsonValue } from '../../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../../json/ownProperty.js';
import { clampIndex } from './jqIndex.js';
import { compareJq, describeJq, jqFail } from './jqValues.js';

/**
 * A concrete location in a value: member names and array indices.
 * @example
 * ```ts
 * const steps: ConcreteSteps = ['webhooks', 1, 'clientConfig'];
 * ```
 * @internal
 */
export type ConcreteSteps = (string | number)[];

interface Mark {
  marked: boolean;
  readonly children: Map<string | number, Mark>;
}

/**
 * The nodes gojq's `delpaths(paths)` deletes from `root` (func.go `delpaths`): every path is
 * first marked on the value as it is, so no deletion shifts another ("[0, 1, 2, 3] |
 * delpaths([[1], [2]])" is `[0, 3]`), then the marked nodes go. Per path element: a key on an
 * object (a missing key deletes nothing), a number on an array (truncated, negative counts from
 * the end, out of range deletes nothing), `{start, end}` a slice (the rest of the path then
 * indexes the slice); `null` on the way deletes nothing; a key on a non-object, a number or slice
 * on a non-array, or another element fails. Returns the concrete locations, deepest-last order
 * reversed so that deleting them one by one never shifts a later one.
 * @example
 * ```ts
 * deletionSteps([0, 1, 2, 3], [[1], [2]]); // [[2], [1]]
 * ```
 * @internal
 */
export function deletionSteps(root: JsonValue, paths: readonly JsonValue[]): ConcreteSteps[] {
  const trie: Mark = { marked: false, children: new Map() };
  for (const path of paths) {
    if (!Array.isArray(path)) jqFail(`delpaths: expected an array but got: ${describeJq(path)}`);
    mark(root, path, 0, trie, undefined);
  }
  const out: ConcreteSteps[] = [];
  collect(trie, [], out);
  return out.sort((a, b) => -compareJq(a, b));
}

/**
 * gojq's `delpaths` on a plain value: a new value without the deleted nodes; deleting `[]` gives `null`.
 * @example
 * ```ts
 * deletePaths([0, 1, 2, 3], [[1], [2]]); // [0, 3]
 * ```
 * @internal
 */
export function deletePaths(root: JsonValue, paths: readonly JsonValue[]): JsonValue {
  let result: JsonValue = structuredClone(root);
  for (const steps of deletionSteps(root, paths)) {
    if (steps.length === 0) return null;
    let parent: JsonValue = result;
    for (const step of steps.slice(0, -1)) parent = (parent as Record<string | number, JsonValue>)[step]!;
    const last = steps[steps.length - 1]!;
    if (typeof last === 'number') (parent as JsonValue[]).splice(last, 1);
    else delete (parent as Record<string, JsonValue>)[last];
  }
  return result;
}

function child(node: Mark, key: string | number): Mark {
  let found = node.children.get(key);
  if (found === undefined) {
    found = { marked: false, children: new Map() };
    node.children.set(key, found);
  }
  return found;
}

/** `view`: the part of an array a slice earlier in the path left (indices are relative to it). */
function mark(v: JsonValue, path: readonly JsonValue[], i: number, node: Mark, view: { offset: number; length: number } | undefined): void {
  if (node.marked) return;
  if (i === path.length) {
    node.marked = true;
    node.children.clear();
    return;
  }
  const element = path[i]!;
  if (typeof element === 'string') {
    if (v === null) return;
    if (!isJsonObject(v) || view !== undefined) jqFail(`expected an object but got: ${describeJq(view === undefined ? v : viewed(v, view))}`);
    const next = getOwn(v, element);
    if (next === undefined) return;
    mark(next, path, i + 1, child(node, element), undefined);
    return;
  }
  if (typeof element === 'number') {
    if (v === null) return;
    if (!Array.isArray(v)) jqFail(`expected an array but got: ${describeJq(v)}`);
    const { offset, length } = view ?? { offset: 0, length: v.length };
    const j = clampIndex(toInt(element), -1, length);
    if (j < 0 || j >= length) return;
    mark(v[offset + j]!, path, i + 1, child(node, offset + j), undefined);
    return;
  }
  if (isJsonObject(element)) {
    const start = getOwn(element, 'start');
    const end = getOwn(element, 'end');
    if (start === undefined || end === undefined) jqFail(`expected "start" and "end" for slicing but got: ${describeJq(element)}`);
    if (v === null) return;
    if (!Array.isArray(v)) jqFail(`expected an array but got: ${describeJq(v)}`);
    const { offset, length } = view ?? { offset: 0, length: v.length };
    const from = typeof start === 'number' ? clampIndex(toInt(start), 0, length) : 0;
    const to = typeof end === 'number' ? clampIndex(toInt(end), from, length) : length;
    if (from === to) return;
    if (i + 1 === path.length) {
      for (let k = from; k < to; k++) {
        const target = child(node, offset + k);
        target.marked = true;
        target.children.clear();
      }
      return;
    }
    mark(v, path, i + 1, node, { offset: offset + from, length: to - from });
    return;
  }
  if (Array.isArray(v)) jqFail(`expected a number for indexing an array but got: ${describeJq(element)}`);
  jqFail(`expected a string for object key but got: ${describeJq(element)}`);
}

function viewed(v: JsonValue, view: { offset: number; length: number }): JsonValue {
  return (v as JsonValue[]).slice(view.offset, view.offset + view.length);
}

/** Go's conversion of a float index to int: truncation, saturating. */
function toInt(n: number): number {
  if (Number.isNaN(n)) return 0;
  return Math.max(Number.MIN_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, Math.trunc(n)));
}

function collect(node: Mark, prefix: ConcreteSteps, out: ConcreteSteps[]): void {
  if (node.marked) {
    out.push(prefix);
    return;
  }
  for (const [key, next] of node.children) collect(next, [...prefix, key], out);
}
