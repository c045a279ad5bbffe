/** How long and how often `npm run bench` times things, shared by bench/run.ts and the child process of each input (bench/measureInput.ts). */
export interface BenchSettings {
  /** Rounds over all contenders of a task, so that drift (heat, GC) hits them alike. */
  readonly rounds: number;
  readonly roundBudgetMs: number;
  /** Share of a round's budget the floor is sampled for: it is sampled in the rounds of every task. */
  readonly floorShareOfRound: number;
  /** A call slower than this (in its probe) is timed once, and larger sizes of its series are skipped. */
  readonly slowCallMs: number;
  /** Server-side apply's cases are few, so calls up to this long are still sampled (a few calls each). */
  readonly ssaSlowCallMs: number;
  /** Probe limits: a child that needs longer or more heap than this is reported as failing. */
  readonly probeTimeoutMs: number;
  readonly probeHeapMb: number;
  /** One Go process answers all four tasks of one input; a 10,000-element list takes it about a minute. */
  readonly goTimeoutMs: number;
  /**
   * Processes each input that is not large is measured in (the median of their times is kept):
   * calls of a few microseconds compare differently from one process to the next (compiled code,
   * inlining), a spread larger than most goals' margins.
   */
  readonly processesPerSmallInput: number;
}

/** The settings of a full run, or of `--quick` (short budgets, for trying the script out). */
export function benchSettings(quick: boolean): BenchSettings {
  return {
    rounds: 3,
    roundBudgetMs: quick ? 20 : 120,
    floorShareOfRound: 0.25,
    slowCallMs: 2_000,
    ssaSlowCallMs: 10_000,
    probeTimeoutMs: 20_000,
    probeHeapMb: 4_096,
    goTimeoutMs: 600_000,
    processesPerSmallInput: quick ? 1 : 3,
  };
}
