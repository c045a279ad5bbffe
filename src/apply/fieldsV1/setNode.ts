import { comparePathElements } from './compareGoValues.js';
import type { PathElement } from './PathElement.js';

/**
 * One child of a `fieldsV1` node: its path element, its serialized key, whether the path to it is
 * in the set (`member`: a leaf `{}`, or `.` beside children) and its own children, never empty.
 * @internal
 */
export interface SetEntry {
  readonly element: PathElement;
  readonly key: string;
  readonly member: boolean;
  readonly children: SetNode | undefined;
}

/**
 * A node of the trie: its entries sorted by `PathElement.Less`, no two equal. structured-merge-diff
 * keeps `Members` and `Children` in two sorted lists; one list of entries that may be both is the
 * same set, and every operation below is one merge walk of sorted lists, linear in their sizes.
 * @internal
 */
export type SetNode = readonly SetEntry[];

/**
 * Walks two sorted nodes in step, as the Go set operations do, calling `both` for elements in
 * both, `left`/`right` for the others; each returns the entry to keep or `undefined`.
 */
function mergeWalk(
  a: SetNode,
  b: SetNode,
  both: (x: SetEntry, y: SetEntry) => SetEntry | undefined,
  left: ((x: SetEntry) => SetEntry | undefined) | undefined,
  right: ((y: SetEntry) => SetEntry | undefined) | undefined,
): SetNode {
  const out: SetEntry[] = [];
  let i = 0;
  let j = 0;
  const keep = (entry: SetEntry | undefined) => {
    if (entry !== undefined) out.push(entry);
  };
  while (i < a.length && j < b.length) {
    const c = comparePathElements(a[i]!.element, b[j]!.element);
    if (c < 0) {
      if (left) keep(left(a[i]!));
      i++;
    } else if (c > 0) {
      if (right) keep(right(b[j]!));
      j++;
    } else {
      keep(both(a[i]!, b[j]!));
      i++;
      j++;
    }
  }
  if (left) for (; i < a.length; i++) keep(left(a[i]!));
  if (right) for (; j < b.length; j++) keep(right(b[j]!));
  return out;
}

const same = (entry: SetEntry) => entry;

/** An entry, or `undefined` when it would hold nothing ("We aren't permitted to add nodes with no elements"). */
function entry(from: SetEntry, member: boolean, children: SetNode | undefined): SetEntry | undefined {
  const kept = children !== undefined && children.length > 0 ? children : undefined;
  if (!member && kept === undefined) return undefined;
  if (member === from.member && kept === from.children) return from;
  return { element: from.element, key: from.key, member, children: kept };
}

/** `Set.Union`: elements in either. @internal */
export function unionNodes(a: SetNode, b: SetNode): SetNode {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return mergeWalk(
    a,
    b,
    (x, y) => entry(x, x.member || y.member, x.children && y.children ? unionNodes(x.children, y.children) : (x.children ?? y.children)),
    same,
    same,
  );
}

/** `Set.Intersection`: elements in both. @internal */
export function intersectNodes(a: SetNode, b: SetNode): SetNode {
  return mergeWalk(
    a,
    b,
    (x, y) => entry(x, x.member && y.member, x.children && y.children ? intersectNodes(x.children, y.children) : undefined),
    undefined,
    undefined,
  );
}

/**
 * `Set.Difference`: "for leaf fields, this acts like a regular set difference operation"; a path
 * goes only when it is itself in `b`. Go's comment adds "child - parent = {empty set}", but its
 * code keeps `.a.b` in `{.a.b} - {.a}`, and so does this. @internal
 */
export function differenceNodes(a: SetNode, b: SetNode): SetNode {
  if (b.length === 0) return a;
  return mergeWalk(
    a,
    b,
    (x, y) => entry(x, x.member && !y.member, x.children && y.children ? differenceNodes(x.children, y.children) : x.children),
    same,
    undefined,
  );
}

/** `Set.RecursiveDifference`: "removes every field **and its children** from s that is contained in s2". @internal */
export function recursiveDifferenceNodes(a: SetNode, b: SetNode): SetNode {
  if (b.length === 0) return a;
  return mergeWalk(
    a,
    b,
    (x, y) => (y.member ? undefined : entry(x, x.member, x.children && y.children ? recursiveDifferenceNodes(x.children, y.children) : x.children)),
    same,
    undefined,
  );
}

/** `Set.Leaves`: the members without children in the set. @internal */
export function leafNodes(a: SetNode): SetNode {
  const out: SetEntry[] = [];
  for (const x of a) {
    const kept = entry(x, x.member && x.children === undefined, x.children && leafNodes(x.children));
    if (kept !== undefined) out.push(kept);
  }
  return out;
}

/** `Set.Equals`. @internal */
export function nodesEqual(a: SetNode, b: SetNode): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.member !== y.member || comparePathElements(x.element, y.element) !== 0) return false;
    if (x.children === undefined || y.children === undefined ? x.children !== y.children : !nodesEqual(x.children, y.children)) return false;
  }
  return true;
}

/** `Set.Size`: the number of member paths. @internal */
export function nodeSize(a: SetNode): number {
  let size = 0;
  for (const x of a) size += (x.member ? 1 : 0) + (x.children ? nodeSize(x.children) : 0);
  return size;
}

/**
 * Sorts entries read in any order and merges equal ones (Go's `Insert` and `Descend` when a key
 * comes out of order or twice, as `i:3` and `i:03` do). @internal
 */
export function normalizeEntries(entries: SetEntry[]): SetNode {
  let sorted = true;
  for (let i = 1; i < entries.length && sorted; i++) sorted = comparePathElements(entries[i - 1]!.element, entries[i]!.element) < 0;
  if (sorted) return entries;
  const ordered = entries.slice().sort((x, y) => comparePathElements(x.element, y.element));
  const out: SetEntry[] = [];
  for (const next of ordered) {
    const last = out[out.length - 1];
    if (last !== undefined && comparePathElements(last.element, next.element) === 0) {
      out[out.length - 1] = unionNodes([last], [{ ...next, element: last.element, key: last.key }])[0]!;
    } else out.push(next);
  }
  return out;
}

/** The entry of `element` in a sorted node (binary search), if any. @internal */
export function findEntry(node: SetNode | undefined, element: PathElement): SetEntry | undefined {
  if (node === undefined) return undefined;
  let low = 0;
  let high = node.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const c = comparePathElements(node[middle]!.element, element);
    if (c === 0) return node[middle];
    if (c < 0) low = middle + 1;
    else high = middle;
  }
  return undefined;
}
