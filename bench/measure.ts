/**
 * Timing: the median time per call over several rounds. Calls are batched so that each sample
 * lasts at least a millisecond, which keeps the timer's resolution out of sub-microsecond results.
 */

const minimumSampleMs = 1;

/** Calls per sample so that one sample takes about {@link minimumSampleMs}. */
export function batchSize(run: () => unknown): number {
  let calls = 1;
  for (;;) {
    const started = performance.now();
    for (let i = 0; i < calls; i++) run();
    const elapsed = performance.now() - started;
    if (elapsed >= minimumSampleMs || calls >= 1 << 20) return calls;
    calls = elapsed <= 0 ? calls * 16 : Math.min(calls * 16, Math.ceil((calls * minimumSampleMs * 1.2) / elapsed));
  }
}

/** `gc()` when the process has it (`node --expose-gc`, as bench/measureInput.ts runs). */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

/**
 * Adds samples (milliseconds per call) to `into` until `budgetMs` has passed, at least `minimum`.
 * Where it can, it first collects the garbage left by what ran before (another contender, say),
 * so that each contender pays for the collection of its own garbage and not of its neighbours'.
 */
export function sample(run: () => unknown, calls: number, budgetMs: number, into: number[], minimum = 3): void {
  collectGarbage?.();
  const started = performance.now();
  let taken = 0;
  while (taken < minimum || performance.now() - started < budgetMs) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) run();
    into.push((performance.now() - t) / calls);
    taken++;
  }
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
