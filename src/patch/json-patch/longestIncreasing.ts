/**
 * The longest chain of `pairs` whose first members strictly increase, in O(n log n) (patience
 * sorting). Pairs arrive sorted by their second member, so the chain increases in both: the
 * elements of two sequences that are already in the same relative order on both sides.
 */
export function longestIncreasingByFirst(pairs: ReadonlyArray<readonly [number, number]>): Array<readonly [number, number]> {
  const tails: number[] = [];
  const previous = new Array<number>(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    const i = pairs[k]![0];
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pairs[tails[middle]!]![0] < i) low = middle + 1;
      else high = middle;
    }
    previous[k] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = k;
  }
  const chain: Array<readonly [number, number]> = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}
