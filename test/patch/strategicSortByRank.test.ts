import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { sliceStable } from '../../src/patch/strategic/goSort.js';
import { sortByRank } from '../../src/patch/strategic/sortByRank.js';

/** What `normalizeSliceOrder` did before ranks were precomputed: Go's algorithm on the items. */
function goOrder(ranks: readonly number[]): number[] {
  const items = Array.from(ranks.keys());
  sliceStable(items, (a, b) => (ranks[a]! >= 0 && ranks[b]! >= 0 ? ranks[a]! < ranks[b]! : true));
  return items;
}

// Few distinct ranks, so that ties (duplicate merge keys) are common; lengths past Go's blocks of 20.
const ranks = (min: number) => fc.array(fc.integer({ min, max: 6 }), { maxLength: 70 });
const sortedRanks = ranks(0).map((values) => [...values].sort((a, b) => a - b));

describe('sortByRank: the order sort.SliceStable gives with normalizeSliceOrder\'s comparator', () => {
  test.prop([fc.oneof(ranks(-1), ranks(0), sortedRanks)], { numRuns: 2000 })('same permutation as Go\'s algorithm', (list) => {
    const items = Array.from(list.keys());
    const sorted = sortByRank(items, list);
    expect(sorted.items).toEqual(goOrder(list));
    expect(sorted.exact).toBe(list.every((rank) => rank >= 0) && new Set(list).size === list.length);
  });

  test.prop([fc.uniqueArray(fc.nat(80), { maxLength: 70 })])('exact when every rank is known and distinct', (list) => {
    const sorted = sortByRank(Array.from(list.keys()), list);
    expect(sorted.exact).toBe(true);
    expect(sorted.items.map((index) => list[index])).toEqual([...list].sort((a, b) => a - b));
  });
});
