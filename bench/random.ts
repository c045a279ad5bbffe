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

/**
 * The standard change of the issue: 5% of the elements changed, 5% removed and 5% followed by a
 * new element (each at least one, so that short lists change too), at seeded random places; the
 * rest are kept.
 */
export function elementFates(count: number, seed: number): ElementFate[] {
  const next = seededRandom(seed);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const each = Math.max(1, Math.round(count * 0.05));
  const fates = new Array<ElementFate>(count).fill('kept');
  order.slice(0, each).forEach((i) => (fates[i] = 'changed'));
  order.slice(each, 2 * each).forEach((i) => (fates[i] = 'removed'));
  order.slice(2 * each, 3 * each).forEach((i) => (fates[i] = 'followed-by-new'));
  return fates;
}
