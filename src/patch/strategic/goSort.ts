/**
 * Go's `sort.SliceStable` (insertion sort in blocks of 20, then `symMerge`), reproduced step by
 * step. Strategic merge patch sorts with a comparator that is not a strict order (it answers
 * "less" whenever an element is missing from the order list), so the result depends on the exact
 * sequence of comparisons and swaps; only the same algorithm gives the same order as Go.
 * Sorts `items` in place.
 */
export function sliceStable<T>(items: T[], less: (a: T, b: T) => boolean): void {
  const n = items.length;
  let blockSize = 20;
  let a = 0;
  let b = blockSize;
  while (b <= n) {
    insertionSort(items, a, b, less);
    a = b;
    b += blockSize;
  }
  insertionSort(items, a, n, less);
  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      symMerge(items, a, a + blockSize, b, less);
      a = b;
      b += 2 * blockSize;
    }
    const m = a + blockSize;
    if (m < n) symMerge(items, a, m, n, less);
    blockSize *= 2;
  }
}

/**
 * Go's `sort.Sort` as strategic merge patch uses it, with a "less or equal" comparator
 * (`sort.StringsAreSorted([]string{a, b})`). For up to 12 elements Go's pdqsort is a plain
 * insertion sort, reproduced exactly (equal elements end up reversed). Longer lists are sorted
 * stably instead: the order then matches Go for distinct keys, and may differ among duplicates.
 */
export function sortLessOrEqual<T>(items: T[], key: (item: T) => string): void {
  if (items.length <= 12) {
    insertionSort(items, 0, items.length, (x, y) => key(x) <= key(y));
    return;
  }
  const keyed = items.map((item, position) => ({ item, key: key(item), position }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.position - y.position));
  keyed.forEach((entry, i) => (items[i] = entry.item));
}

/**
 * The positions of `texts` in the order {@link sortLessOrEqual} sorts them: the same sort on
 * positions, for callers that already hold each item's text and would otherwise compute it at
 * every comparison.
 */
export function sortedPositions(texts: readonly string[]): number[] {
  const positions = new Array<number>(texts.length);
  for (let i = 0; i < texts.length; i++) positions[i] = i;
  if (texts.length <= 12) insertionSort(positions, 0, positions.length, (x, y) => texts[x]! <= texts[y]!);
  else positions.sort((x, y) => (texts[x]! < texts[y]! ? -1 : texts[x]! > texts[y]! ? 1 : x - y));
  return positions;
}

function insertionSort<T>(items: T[], a: number, b: number, less: (x: T, y: T) => boolean): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && less(items[j]!, items[j - 1]!); j--) swap(items, j, j - 1);
  }
}

function symMerge<T>(items: T[], a: number, m: number, b: number, less: (x: T, y: T) => boolean): void {
  if (m - a === 1) {
    let i = m;
    let j = b;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (less(items[h]!, items[a]!)) i = h + 1;
      else j = h;
    }
    for (let k = a; k < i - 1; k++) swap(items, k, k + 1);
    return;
  }
  if (b - m === 1) {
    let i = a;
    let j = m;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (!less(items[m]!, items[h]!)) i = h + 1;
      else j = h;
    }
    for (let k = m; k > i; k--) swap(items, k, k - 1);
    return;
  }
  const mid = (a + b) >>> 1;
  const n = mid + m;
  let start: number;
  let r: number;
  if (m > mid) {
    start = n - b;
    r = mid;
  } else {
    start = a;
    r = m;
  }
  const p = n - 1;
  while (start < r) {
    const c = (start + r) >>> 1;
    if (!less(items[p - c]!, items[c]!)) start = c + 1;
    else r = c;
  }
  const end = n - start;
  if (start < m && m < end) rotate(items, start, m, end);
  if (a < start && start < mid) symMerge(items, a, start, mid, less);
  if (mid < end && end < b) symMerge(items, mid, end, b, less);
}

function rotate<T>(items: T[], a: number, m: number, b: number): void {
  let i = m - a;
  let j = b - m;
  while (i !== j) {
    if (i > j) {
      swapRange(items, m - i, m, j);
      i -= j;
    } else {
      swapRange(items, m - i, m + j - i, i);
      j -= i;
    }
  }
  swapRange(items, m - i, m, i);
}

function swapRange<T>(items: T[], a: number, b: number, n: number): void {
  for (let i = 0; i < n; i++) swap(items, a + i, b + i);
}

function swap<T>(items: T[], i: number, j: number): void {
  const t = items[i]!;
  items[i] = items[j]!;
  items[j] = t;
}
