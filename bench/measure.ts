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

export interface SampleOptions {
  /** Samples to take even when the budget is spent. Default: 3. */
  readonly minimum?: number;
  /**
   * Collect the garbage left by what ran before (another contender, say) first, where the process
   * can, so that each contender pays for the collection of its own garbage and not of its
   * neighbours'. For large inputs only: a forced collection also drops the hidden classes that
   * only short-lived objects had, and V8 then throws away the optimized code that refers to them
   * ("weak objects" deoptimizations, about a hundred per input's process). A turn of calls lasting
   * microseconds then starts unoptimized and is compiled again, into whichever state that lands in:
   * forced before every turn, it made kubepatch's ratios on a manifest move by up to 2.8× from one
   * process to the next (semantic diff on the StatefulSet: 5.1× to 13.2× the floor, against 4.6× to
   * 4.7× without). A process that never forces a collection keeps its code. After the collection
   * the calls are run untimed for a third of the budget (at least one batch), because the first
   * calls after it are slow: on the MergeItem list of 10,000, strategic merge patch create took 30
   * to 60 ms for about 40 ms, then 14 to 20 ms. A large input has few samples, and in three
   * processes its median was 20.7 to 28.8 ms with those calls timed, 17.9 to 18.2 ms without.
   * Default: `false`.
   */
  readonly collectGarbageFirst?: boolean;
}

/** Adds samples (milliseconds per call, `calls` calls each) to `into` until `budgetMs` has passed. */
export function sample(run: () => unknown, calls: number, budgetMs: number, into: number[], options: SampleOptions = {}): void {
  const minimum = options.minimum ?? 3;
  if (options.collectGarbageFirst === true && collectGarbage !== undefined) {
    collectGarbage();
    const warming = performance.now();
    do for (let i = 0; i < calls; i++) run();
    while (performance.now() - warming < budgetMs / 3);
  }
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

/**
 * The time of a call on an input that is not large: the fastest fifth of its samples (the 20th
 * percentile). The machine has slow spells (fast-json-patch alone, timed in 10 ms windows, runs
 * 1.8 times slower for 50 to 500 ms at a time), and they only ever add time: the median of a
 * contender's samples then depends on how much of its turn a spell covered, and two contenders
 * sampled one after the other are divided by each other with different shares of it. The fastest
 * fifth stays on the undisturbed cost as long as a fifth of the samples are undisturbed (a
 * sample, at least 1 ms of calls, takes in the scavenges its calls cause as often as the median
 * would). Large inputs keep the median: their calls take milliseconds, and the collections a
 * call causes are part of its cost.
 */
export function fastestFifth(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * 0.2)]!;
}
