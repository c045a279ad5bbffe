/**
 * Deterministic pseudo-random numbers (mulberry32): the same seed gives the same inputs on every
 * machine and every run, so two runs of the benchmark measure the same documents.
 */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What happens to one element of a list or map under the benchmark's standard change. */
export type ElementFate = 'kept' | 'changed' | 'removed' | 'followed-by-new';

/** The share of a list's elements that each fate gets; the rest are kept. */
export interface ChangeRates {
  readonly changed: number;
  readonly removed: number;
  readonly added: number;
}

/** The standard change: 5% of the elements changed, 5% removed, 5% added. */
export const standardRates: ChangeRates = { changed: 0.05, removed: 0.05, added: 0.05 };

/**
 * The fate of every element under a change of `rates` (by default the standard one): each fate
 * goes to its share of the elements (at least one, so that short lists change too), at seeded
 * random places; the rest are kept.
 */
export function elementFates(count: number, seed: number, rates: ChangeRates = standardRates): ElementFate[] {
  const next = seededRandom(seed);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const share = (rate: number) => Math.max(1, Math.round(count * rate));
  const fates = new Array<ElementFate>(count).fill('kept');
  let start = 0;
  for (const [fate, rate] of [['changed', rates.changed], ['removed', rates.removed], ['followed-by-new', rates.added]] as const) {
    const end = start + share(rate);
    order.slice(start, end).forEach((i) => (fates[i] = fate));
    start = end;
  }
  return fates;
}
