// The bench's estimators: the fastest fifth of the samples for inputs that are not large.
import { describe, expect, it } from 'vitest';
import { fastestFifth, median } from '../../bench/measure.js';

describe('fastestFifth', () => {
  it('is the 20th percentile of the samples, whatever their order', () => {
    expect(fastestFifth([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toBe(2);
    expect(fastestFifth([4])).toBe(4);
    expect(fastestFifth([3, 1])).toBe(1);
  });

  it('stays on the undisturbed time when a slow spell covers most samples, where the median does not', () => {
    // 30 samples of 1.0 ms, 70 of a spell running 1.8 times slower.
    const samples = [...Array.from({ length: 30 }, () => 1), ...Array.from({ length: 70 }, () => 1.8)];
    expect(fastestFifth(samples)).toBe(1);
    expect(median(samples)).toBe(1.8);
  });

  it('leaves its argument as it was', () => {
    const samples = Object.freeze([3, 2, 1]);
    expect(fastestFifth(samples)).toBe(1);
    expect(samples).toEqual([3, 2, 1]);
  });
});
