import { longestIncreasingByFirst } from './longestIncreasing.js';

/**
 * One step of an edit script that turns sequence `a` into sequence `b`: keep `a[i]` as `b[j]`,
 * delete `a[i]`, or insert `b[j]`. Steps come in order of both sequences. A step is one number,
 * since scripts are long and read once: {@link keepStep}, `2i + 1` to delete `a[i]`, `2j + 2` to
 * insert `b[j]`; read one with {@link deletedIndex} and {@link insertedIndex}.
 */
export type EditStep = number;

/** Keep the next element: which one follows from the steps before. */
export const keepStep = 0;

function deleteStep(i: number): EditStep {
  return 2 * i + 1;
}

function insertStep(j: number): EditStep {
  return 2 * j + 2;
}

/** The index in `a` a deleting step deletes, or -1 for another step. */
export function deletedIndex(step: EditStep): number {
  return (step & 1) === 1 ? step >> 1 : -1;
}

/** The index in `b` an inserting step inserts, or -1 for another step. */
export function insertedIndex(step: EditStep): number {
  return step !== 0 && (step & 1) === 0 ? (step >> 1) - 1 : -1;
}

/** Gaps up to this many cells (n × m) get an exact, smallest edit script. */
const exactMatchLimit = 4096;

/**
 * The table of {@link smallestEditScript}, made once: its (n + 1) × (m + 1) cells, with n × m at
 * most {@link exactMatchLimit} and neither side empty, always fit. Every cell is
 * written before it is read, so what a previous call left there does not matter.
 */
const costTable = new Uint16Array(2 * exactMatchLimit + 2);

/**
 * Matches two sequences of element ids (equal ids = equal elements; ids are non-negative integers
 * below the length of both together, as {@link diffListByPosition} numbers them) in near-linear
 * time, the way patience diff does:
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
export function matchSequences(a: ArrayLike<number>, b: ArrayLike<number>): EditStep[] {
  const steps: EditStep[] = [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    steps.push(keepStep);
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
    steps.push(keepStep);
    i = anchorI + 1;
    j = anchorJ + 1;
  }
  matchGap(a, b, i, endA, j, endB, steps);
  for (let k = endA; k < a.length; k++) steps.push(keepStep);
  return steps;
}

/** Pairs (i, j) of ids unique on both sides, longest subsequence increasing in both. */
function uniqueAnchors(a: ArrayLike<number>, b: ArrayLike<number>, start: number, endA: number, endB: number): Array<readonly [number, number]> {
  // Ids are small numbers (see matchSequences), so tables indexed by id stand in for maps.
  let maxId = 0;
  for (let i = start; i < endA; i++) maxId = Math.max(maxId, a[i]!);
  for (let j = start; j < endB; j++) maxId = Math.max(maxId, b[j]!);
  const countA = new Uint8Array(maxId + 1); // 0, 1 or 2 (more than once)
  const countB = new Uint8Array(maxId + 1);
  const positionA = new Int32Array(maxId + 1);
  for (let i = start; i < endA; i++) {
    const id = a[i]!;
    if (countA[id]! < 2) countA[id]!++;
    positionA[id] = i;
  }
  for (let j = start; j < endB; j++) {
    const id = b[j]!;
    if (countB[id]! < 2) countB[id]!++;
  }
  const pairs: Array<[number, number]> = [];
  for (let j = start; j < endB; j++) {
    const id = b[j]!;
    if (countB[id] === 1 && countA[id] === 1) pairs.push([positionA[id]!, j]);
  }
  return longestIncreasingByFirst(pairs);
}

function matchGap(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  startA: number,
  endA: number,
  startB: number,
  endB: number,
  steps: EditStep[],
): void {
  let i = startA;
  let j = startB;
  while (i < endA && j < endB && a[i] === b[j]) {
    steps.push(keepStep);
    i++;
    j++;
  }
  let tailA = endA;
  let tailB = endB;
  while (tailA > i && tailB > j && a[tailA - 1] === b[tailB - 1]) {
    tailA--;
    tailB--;
  }
  if ((tailA - i) * (tailB - j) <= exactMatchLimit) smallestEditScript(a, b, i, tailA, j, tailB, steps);
  else matchByPosition(i, tailA, j, tailB, steps);
  for (let k = tailA; k < endA; k++) steps.push(keepStep);
}

/** Deletions before insertions, so that a changed element becomes a delete/insert pair. */
function matchByPosition(i: number, endA: number, j: number, endB: number, steps: EditStep[]): void {
  for (; i < endA; i++) steps.push(deleteStep(i));
  for (; j < endB; j++) steps.push(insertStep(j));
}

/**
 * Exact edit script for a small gap: the fewest keeps-free steps, where changing an element in
 * place (a delete paired with an insert) costs one, like a Levenshtein distance. Plain LCS would
 * prefer three inserts and three deletes around one kept element over three in-place changes.
 *
 * The table of costs is filled only in a band of diagonals around the corner-to-corner one
 * (Ukkonen's cut-off): a cell further out than the distance allows lies on no cheapest script,
 * so it is never read as a cheapest step, and cells just outside the band hold a cost too high to
 * be taken. The band starts narrow (one diagonal either side) and is widened once when the
 * distance it finds is more than it can vouch for; the steps are those of the whole table.
 */
function smallestEditScript(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  startA: number,
  endA: number,
  startB: number,
  endB: number,
  steps: EditStep[],
): void {
  const n = endA - startA;
  const m = endB - startB;
  if (n === 0 || m === 0) {
    // Nothing to choose: what the table would say, without it.
    for (let i = startA; i < endA; i++) steps.push(deleteStep(i));
    for (let j = startB; j < endB; j++) steps.push(insertStep(j));
    return;
  }
  const width = m + 1;
  const cost = costTable;
  const skew = Math.abs(n - m);
  let spread = 1;
  for (;;) {
    const distance = fillBand(a, b, startA, startB, n, m, spread);
    // Every cell of a cheapest script is within `skew + 2 * spread + 1` diagonals' reach.
    if (distance <= skew + 2 * spread + 1) break;
    spread = Math.ceil((distance - skew - 1) / 2);
  }
  let x = 0;
  let y = 0;
  while (x < n || y < m) {
    const here = cost[x * width + y]!;
    if (x < n && y < m && a[startA + x] === b[startB + y] && here === cost[(x + 1) * width + y + 1]) {
      steps.push(keepStep);
      x++;
      y++;
    } else if (x < n && y < m && here === cost[(x + 1) * width + y + 1]! + 1) {
      steps.push(deleteStep(startA + x++), insertStep(startB + y++));
    } else if (x < n && here === cost[(x + 1) * width + y]! + 1) {
      steps.push(deleteStep(startA + x++));
    } else {
      steps.push(insertStep(startB + y++));
    }
  }
}

/** A cost higher than any script's, for the cells just outside the band. */
const outside = 0x7fff;

/**
 * Fills `costTable` (rows of `m + 1`) with the cost of turning `a[startA + x ..]` into
 * `b[startB + y ..]` for the cells whose diagonal `x - y` is at most `spread` beyond the range
 * between 0 and `n - m`, and {@link outside} just beyond them; returns the cost at the start.
 */
function fillBand(a: ArrayLike<number>, b: ArrayLike<number>, startA: number, startB: number, n: number, m: number, spread: number): number {
  const width = m + 1;
  const cost = costTable;
  const lowest = Math.min(0, n - m) - spread;
  const highest = Math.max(0, n - m) + spread;
  // The last row and column: only deletions, or only insertions, remain.
  for (let y = 0; y <= m; y++) cost[n * width + y] = m - y;
  for (let x = 0; x < n; x++) cost[x * width + m] = n - x;
  for (let x = n - 1; x >= 0; x--) {
    const row = x * width;
    const below = row + width;
    const first = Math.max(0, x - highest);
    const last = Math.min(m - 1, x - lowest);
    if (last + 1 < m) cost[row + last + 1] = outside;
    if (first > 0) cost[row + first - 1] = outside;
    const id = a[startA + x];
    for (let y = last; y >= first; y--) {
      const diagonal = cost[below + y + 1]! + (id === b[startB + y] ? 0 : 1);
      const down = cost[below + y]! + 1;
      const right = cost[row + y + 1]! + 1;
      cost[row + y] = diagonal < down ? (diagonal < right ? diagonal : right) : down < right ? down : right;
    }
  }
  return cost[0]!;
}
