import { sliceStable } from './goSort.js';

/** A list sorted by {@link sortByRank}. */
export interface RankSorted<T> {
  readonly items: readonly T[];
  /** Every rank was known and no two were equal: the result does not depend on the input order. */
  readonly exact: boolean;
}

/**
 * `sort.SliceStable` with `normalizeSliceOrder`'s comparator on precomputed ranks (positions in
 * the order list, `-1` for an element missing from it): "less" when either rank is `-1`, else
 * when the first rank is lower.
 *
 * When every rank is known the comparator is a strict weak order, and every stable sort gives
 * the same result: a list already in order is returned as it is (`items` itself), another is
 * sorted by counting, in linear time. Only a missing rank makes the result depend on Go's exact
 * sequence of comparisons, and then the port of Go's algorithm runs (on indexes, so that each
 * comparison reads two numbers).
 */
export function sortByRank<T>(items: readonly T[], ranks: readonly number[]): RankSorted<T> {
  let max = -1;
  let increasing = true;
  for (const rank of ranks) {
    if (rank < 0) return { items: goSliceStable(items, ranks), exact: false };
    if (rank > max) max = rank;
    else increasing = false;
  }
  if (increasing) return { items, exact: true };
  // starts[r + 1] counts rank r; after the prefix sums starts[r] is where rank r begins.
  const starts = new Int32Array(max + 2);
  let exact = true;
  for (const rank of ranks) if (++starts[rank + 1]! > 1) exact = false;
  for (let r = 1; r < starts.length; r++) starts[r]! += starts[r - 1]!;
  const sorted = new Array<T>(items.length);
  ranks.forEach((rank, i) => (sorted[starts[rank]!++] = items[i]!));
  return { items: sorted, exact };
}

function goSliceStable<T>(items: readonly T[], ranks: readonly number[]): T[] {
  const indexes = Array.from(ranks.keys());
  sliceStable(indexes, (a, b) => {
    const ra = ranks[a]!;
    const rb = ranks[b]!;
    return ra >= 0 && rb >= 0 ? ra < rb : true;
  });
  return indexes.map((index) => items[index]!);
}
