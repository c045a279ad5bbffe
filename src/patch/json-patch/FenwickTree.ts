/**
 * Counts per position with O(log n) update and prefix sum (a binary indexed tree), so that the
 * index of an element in a list that keeps changing can be found without shifting an array.
 */
export class FenwickTree {
  readonly #tree: Int32Array;

  /** A tree over `counts.length` positions, starting with those counts; built in O(n). */
  constructor(counts: ArrayLike<number>) {
    const tree = new Int32Array(counts.length + 1);
    for (let i = 1; i <= counts.length; i++) {
      tree[i]! += counts[i - 1]!;
      const parent = i + (i & -i);
      if (parent <= counts.length) tree[parent]! += tree[i]!;
    }
    this.#tree = tree;
  }

  /** Adds `delta` to the count at `position`. */
  add(position: number, delta: number): void {
    for (let i = position + 1; i < this.#tree.length; i += i & -i) this.#tree[i]! += delta;
  }

  /** The sum of the counts at positions before `position`. */
  countBefore(position: number): number {
    let sum = 0;
    for (let i = position; i > 0; i -= i & -i) sum += this.#tree[i]!;
    return sum;
  }
}
