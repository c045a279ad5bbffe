import { comparePathElements } from './fieldsV1/compareGoValues.js';
import { FieldSet } from './fieldsV1/FieldSet.js';
import type { FieldPath } from './fieldsV1/PathElement.js';

/**
 * Compares two paths in structured-merge-diff's `Set.Iterate` order, the order of
 * {@link FieldSet.paths}: a preorder walk of the trie in which a node lists its member children
 * first (sorted by `PathElement.Less`), then the subtree of each child with children (sorted the
 * same way). So where two paths part, the one that ends there comes first; otherwise the elements
 * decide; a path comes before the paths under it. Zero only for equal paths.
 *
 * @example
 * ```ts
 * const f = (name: string) => ({ kind: 'field', name }) as const;
 * compareIterateOrder([f('b')], [f('a'), f('x')]); // → -1: `.b` is a member of the root, `.a.x` under it
 * ```
 * @internal
 */
export function compareIterateOrder(a: FieldPath, b: FieldPath): number {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    const c = comparePathElements(a[i]!, b[i]!);
    if (c === 0) continue;
    const aEnds = a.length === i + 1;
    const bEnds = b.length === i + 1;
    if (aEnds !== bEnds) return aEnds ? -1 : 1;
    return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/**
 * One path of the union of several sets and the indexes (ascending) of the sets that hold it.
 *
 * @example
 * ```ts
 * const merged: MergedPath = { path: [{ kind: 'field', name: 'data' }], holders: [0, 2] };
 * ```
 * @internal
 */
export interface MergedPath {
  readonly path: FieldPath;
  readonly holders: readonly number[];
}

interface Cursor {
  readonly index: number;
  readonly paths: Iterator<FieldPath>;
  head: FieldPath;
}

/**
 * Every path of the union of `sets` with the sets that hold it, in `Set.Iterate` order: a k-way
 * merge of the sets' own sorted iterations (a binary heap of one cursor per set), so each path of
 * each set is read once; the cost is the sum of the sets' sizes times the path depth and log k.
 *
 * @example
 * ```ts
 * [...mergePaths([FieldSet.parse('{"f:a":{}}'), FieldSet.parse('{"f:a":{},"f:b":{}}')])];
 * // → [{ path: [.a], holders: [0, 1] }, { path: [.b], holders: [1] }]
 * ```
 * @internal
 */
export function* mergePaths(sets: readonly FieldSet[]): Generator<MergedPath> {
  const heap: Cursor[] = [];
  sets.forEach((set, index) => {
    const paths = set.paths();
    const first = paths.next();
    if (first.done !== true) push(heap, { index, paths, head: first.value });
  });
  while (heap.length > 0) {
    const top = heap[0]!;
    const path = top.head;
    const holders: number[] = [];
    // Ties are broken by set index, so equal heads leave the heap in ascending index order.
    while (heap.length > 0 && compareIterateOrder(heap[0]!.head, path) === 0) {
      const cursor = heap[0]!;
      holders.push(cursor.index);
      const next = cursor.paths.next();
      if (next.done === true) pop(heap);
      else {
        cursor.head = next.value;
        siftDown(heap, 0);
      }
    }
    yield { path, holders };
  }
}

/**
 * The union of `sets`, merged pairwise in a balanced tree so that each path takes part in
 * log k unions, not k.
 *
 * @example
 * ```ts
 * unionOfAll([FieldSet.parse('{"f:a":{}}'), FieldSet.parse('{"f:b":{}}')]).toString(); // → '.a\n.b'
 * ```
 * @internal
 */
export function unionOfAll(sets: readonly FieldSet[]): FieldSet {
  if (sets.length === 0) return FieldSet.EMPTY;
  let level = sets;
  while (level.length > 1) {
    const next: FieldSet[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? level[i]!.union(level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}

function before(a: Cursor, b: Cursor): boolean {
  const c = compareIterateOrder(a.head, b.head);
  return c < 0 || (c === 0 && a.index < b.index);
}

function push(heap: Cursor[], cursor: Cursor): void {
  heap.push(cursor);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function pop(heap: Cursor[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  heap[0] = last;
  siftDown(heap, 0);
}

function siftDown(heap: Cursor[], from: number): void {
  let i = from;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
    if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
    i = smallest;
  }
}
