import { longestIncreasingByFirst } from './longestIncreasing.js';

/**
 * One step of an edit script that turns sequence `a` into sequence `b`: keep `a[i]` as `b[j]`,
 * delete `a[i]`, or insert `b[j]`. Steps come in order of both sequences.
 */
export type EditStep =
  | { readonly kind: 'keep'; readonly i: number; readonly j: number }
  | { readonly kind: 'delete'; readonly i: number }
  | { readonly kind: 'insert'; readonly j: number };

/** Gaps up to this many cells (n × m) get an exact, smallest edit script. */
const exactMatchLimit = 4096;

/**
 * Matches two sequences of element ids (equal ids = equal elements) in near-linear time, the way
 * patience diff does:
 *
 * 1. the common prefix and suffix are kept; what remains, if small, is matched exactly;
 * 2. otherwise ids that occur exactly once in each remaining side are anchors; the longest run of anchors in
 *    the same order on both sides (longest increasing subsequence, O(n log n)) is kept;
 * 3. each gap between anchors is trimmed again and matched exactly (fewest inserts, deletes and
 *    in-place changes) when small, or element by element when large.
 *
 * The result is always a valid edit script. It is minimal when the differing middle is small;
 * for long lists with scattered changes it is close to minimal when elements are mostly distinct.
 * Time stays O(n log n) plus at most {@link exactMatchLimit} cells per gap between anchors,
 * unlike a full Levenshtein matrix over the whole lists (O(n·m)).
 */
export function matchSequences(a: readonly number[], b: readonly number[]): EditStep[] {
  const steps: EditStep[] = [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    steps.push({ kind: 'keep', i: start, j: start });
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  let i = start;
  let j = start;
  const small = (endA - start) * (endB - start) <= exactMatchLimit;
  for (const [anchorI, anchorJ] of small ? [] : uniqueAnchors(a, b, start, endA, endB)) {
    matchGap(a, b, i, anchorI, j, anchorJ, steps);
    steps.push({ kind: 'keep', i: anchorI, j: anchorJ });
    i = anchorI + 1;
    j = anchorJ + 1;
  }
  matchGap(a, b, i, endA, j, endB, steps);
  for (let k = 0; endA + k < a.length; k++) steps.push({ kind: 'keep', i: endA + k, j: endB + k });
  return steps;
}

/** Pairs (i, j) of ids unique on both sides, longest subsequence increasing in both. */
function uniqueAnchors(a: readonly number[], b: readonly number[], start: number, endA: number, endB: number): Array<readonly [number, number]> {
  const countA = new Map<number, number>();
  const positionA = new Map<number, number>();
  for (let i = start; i < endA; i++) {
    countA.set(a[i]!, (countA.get(a[i]!) ?? 0) + 1);
    positionA.set(a[i]!, i);
  }
  const countB = new Map<number, number>();
  for (let j = start; j < endB; j++) countB.set(b[j]!, (countB.get(b[j]!) ?? 0) + 1);
  const pairs: Array<[number, number]> = [];
  for (let j = start; j < endB; j++) {
    const id = b[j]!;
    if (countB.get(id) === 1 && countA.get(id) === 1) pairs.push([positionA.get(id)!, j]);
  }
  return longestIncreasingByFirst(pairs);
}

function matchGap(
  a: readonly number[],
  b: readonly number[],
  startA: number,
  endA: number,
  startB: number,
  endB: number,
  steps: EditStep[],
): void {
  let i = startA;
  let j = startB;
  while (i < endA && j < endB && a[i] === b[j]) steps.push({ kind: 'keep', i: i++, j: j++ });
  let tailA = endA;
  let tailB = endB;
  while (tailA > i && tailB > j && a[tailA - 1] === b[tailB - 1]) {
    tailA--;
    tailB--;
  }
  if ((tailA - i) * (tailB - j) <= exactMatchLimit) smallestEditScript(a, b, i, tailA, j, tailB, steps);
  else matchByPosition(i, tailA, j, tailB, steps);
  for (let k = 0; tailA + k < endA; k++) steps.push({ kind: 'keep', i: tailA + k, j: tailB + k });
}

/** Deletions before insertions, so that a changed element becomes a delete/insert pair. */
function matchByPosition(i: number, endA: number, j: number, endB: number, steps: EditStep[]): void {
  for (; i < endA; i++) steps.push({ kind: 'delete', i });
  for (; j < endB; j++) steps.push({ kind: 'insert', j });
}

/**
 * Exact edit script for a small gap: the fewest keeps-free steps, where changing an element in
 * place (a delete paired with an insert) costs one, like a Levenshtein distance. Plain LCS would
 * prefer three inserts and three deletes around one kept element over three in-place changes.
 */
function smallestEditScript(
  a: readonly number[],
  b: readonly number[],
  startA: number,
  endA: number,
  startB: number,
  endB: number,
  steps: EditStep[],
): void {
  const n = endA - startA;
  const m = endB - startB;
  const width = m + 1;
  // cost[x * width + y] = edits needed to turn a[startA + x ..] into b[startB + y ..]
  const cost = new Uint16Array((n + 1) * width);
  for (let x = n; x >= 0; x--) {
    for (let y = m; y >= 0; y--) {
      if (x === n || y === m) {
        cost[x * width + y] = n - x + (m - y);
        continue;
      }
      const diagonal = cost[(x + 1) * width + y + 1]! + (a[startA + x] === b[startB + y] ? 0 : 1);
      cost[x * width + y] = Math.min(diagonal, cost[(x + 1) * width + y]! + 1, cost[x * width + y + 1]! + 1);
    }
  }
  let x = 0;
  let y = 0;
  while (x < n || y < m) {
    const here = cost[x * width + y]!;
    if (x < n && y < m && a[startA + x] === b[startB + y] && here === cost[(x + 1) * width + y + 1]) {
      steps.push({ kind: 'keep', i: startA + x++, j: startB + y++ });
    } else if (x < n && y < m && here === cost[(x + 1) * width + y + 1]! + 1) {
      steps.push({ kind: 'delete', i: startA + x++ }, { kind: 'insert', j: startB + y++ });
    } else if (x < n && here === cost[(x + 1) * width + y]! + 1) {
      steps.push({ kind: 'delete', i: startA + x++ });
    } else {
      steps.push({ kind: 'insert', j: startB + y++ });
    }
  }
}
