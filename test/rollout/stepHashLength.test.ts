// How long a canary steps hash is, as docs/rollout-steps-hash.md states it. The hash is
// rand.SafeEncodeString(fmt.Sprint(fnv32a)): one character per decimal digit of a uint32. So its
// length is the number of digits of a value spread evenly over [0, 2^32): 10 digits for values
// from 10^9 up, 9 for [10^8, 10^9), and so on, never more than 10.
import { stepHash } from 'kubepatch';
import { describe, expect, it } from 'vitest';
import { safeEncodeString } from '../../src/rollout/safeEncodeString.js';

const TWO_32 = 2 ** 32;

/** The share of uint32 values with `digits` decimal digits (0 counts as one digit). */
function digitShare(digits: number): number {
  const low = digits === 1 ? 0 : 10 ** (digits - 1);
  const high = Math.min(10 ** digits, TWO_32);
  return Math.max(0, high - low) / TWO_32;
}

/** mulberry32: a small seeded generator, so the sample is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / TWO_32;
  };
}

/** Random canary step lists of 3 to 10 steps (setWeight, pause, setCanaryScale, analysis). */
function randomStepLists(seed: number, count: number): unknown[][] {
  const random = seeded(seed);
  const int = (n: number) => Math.floor(random() * n);
  const units = ['s', 'm', 'h'];
  const step = (): unknown => {
    switch (int(5)) {
      case 0:
        return { setWeight: int(101) };
      case 1:
        return { pause: { duration: `${1 + int(3600)}${units[int(3)]}` } };
      case 2:
        return { pause: int(2) === 0 ? {} : { duration: 1 + int(3600) } };
      case 3:
        return { setCanaryScale: { weight: int(101) } };
      default:
        return { analysis: { templates: [{ templateName: `t${int(1000)}` }] } };
    }
  };
  return Array.from({ length: count }, () => Array.from({ length: 3 + int(8) }, step));
}

/** How many hashes of each length the seeded sample gives. */
function lengthCounts(seed: number, count: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const steps of randomStepLists(seed, count)) {
    const length = stepHash({ spec: { strategy: { canary: { steps } } } } as never).length;
    counts.set(length, (counts.get(length) ?? 0) + 1);
  }
  return counts;
}

describe('the length of a canary steps hash', () => {
  it('is the number of decimal digits of the FNV-1a hash: one character per digit', () => {
    const cases: [number, number][] = [
      [0, 1],
      [9, 1],
      [10, 2],
      [99_999_999, 8],
      [100_000_000, 9],
      [999_999_999, 9],
      [1_000_000_000, 10],
      [TWO_32 - 1, 10],
    ];
    for (const [value, digits] of cases) expect(safeEncodeString(String(value))).toHaveLength(digits);
  });

  it('has these exact probabilities for a hash spread evenly over the uint32 values', () => {
    expect(digitShare(10)).toBeCloseTo(0.767169, 6); // (2^32 - 10^9) / 2^32
    expect(digitShare(9)).toBeCloseTo(0.209548, 6); // 9 * 10^8 / 2^32
    expect(digitShare(8)).toBeCloseTo(0.0209548, 7); // 9 * 10^7 / 2^32
    expect(digitShare(7)).toBeCloseTo(0.00209548, 8);
    expect(digitShare(11)).toBe(0);
    const belowNine = [1, 2, 3, 4, 5, 6, 7, 8].reduce((sum, digits) => sum + digitShare(digits), 0);
    expect(belowNine).toBeCloseTo(10 ** 8 / TWO_32, 12); // every value below 10^8: 2.33%
    expect(belowNine + digitShare(9) + digitShare(10)).toBeCloseTo(1, 12);
  });

  it('matches them on 10,000 seeded random step lists: about 2.3% are shorter than 9 characters', () => {
    const count = 10_000;
    const counts = lengthCounts(20_251_207, count);
    // this seed's sample, pinned
    expect(Object.fromEntries(counts)).toEqual(SAMPLE_COUNTS);
    expect(Math.max(...counts.keys())).toBe(10);
    // and each length within 4.5 standard deviations of the count the probabilities predict
    for (const digits of [10, 9, 8, 7]) {
      const p = digitShare(digits);
      const expected = count * p;
      const deviation = Math.sqrt(count * p * (1 - p));
      expect(Math.abs((counts.get(digits) ?? 0) - expected), `${digits} characters`).toBeLessThan(4.5 * deviation);
    }
  }, 60_000);
});

/** What `lengthCounts(20_251_207, 10_000)` gives. */
const SAMPLE_COUNTS = { 10: 7647, 9: 2128, 8: 207, 7: 17, 6: 1 };
