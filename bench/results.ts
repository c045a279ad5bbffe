import type { ApimachineryResults } from './apimachinery.js';
import type { BenchInput } from './inputs.js';
import type { SsaResults } from './serverSideApply.js';
import type { TaskId } from './tasks.js';
import type { YamlInputResult } from './yamlInput.js';

/** What became of one contender on one input. */
export type Outcome =
  /** Median milliseconds per call, measured in the input's process beside the other contenders. */
  | { readonly kind: 'timed'; readonly ms: number }
  /** Too slow to sample: one call, made after a first (checked) one. */
  | { readonly kind: 'single-run'; readonly ms: number }
  /** Ran out of memory, hit the time limit or threw. */
  | { readonly kind: 'failed'; readonly reason: string }
  /** Skipped because a smaller input of the same series already failed or was too slow. */
  | { readonly kind: 'not-run'; readonly reason: string };

export interface CaseResult {
  readonly inputId: string;
  readonly taskId: TaskId;
  readonly contender: string;
  readonly isKubepatch: boolean;
  outcome: Outcome;
  /** What is wrong with the output, when the check found something. */
  wrong?: string;
  /** Bytes of the patch as JSON, for tasks that create one. */
  patchBytes?: number;
  /** Peak heap of one call, measured in a child process for large inputs. */
  peak?: PeakMemory | undefined;
}

/** The most heap one call had in use at once, above what was in use before it. */
export interface PeakMemory {
  readonly bytes: number;
  /** The call was stopped (time or memory limit) before it ended: `bytes` is a lower bound. */
  readonly atLeast: boolean;
}

/** The cost of one full deep comparison of a document of the input's size. */
export interface FloorResult {
  readonly inputId: string;
  readonly fastDeepEqualMs: number;
  /** Not measured on the large inputs, where it needs seconds per call. */
  readonly deepEqualStrictMs: number | undefined;
}

/** An input without its documents, for the report. */
export type InputSummary = Omit<BenchInput, 'before' | 'after' | 'schema'>;

export interface BenchResults {
  readonly inputs: readonly InputSummary[];
  readonly cases: CaseResult[];
  readonly floors: FloorResult[];
  /** Server-side apply (`--only=ssa`); absent when this run did not measure it. */
  readonly serverSideApply?: SsaResults;
  /** The CLI reading a large YAML file beside kubectl (`--only=yaml-input`), or why it was not measured; absent when this run did not try. */
  readonly yamlInput?: YamlInputResult | string;
  /** Go's apimachinery beside kubepatch (bench/apimachinery.ts), or why Go was left out; absent when this run had no input for Go. */
  readonly apimachinery?: ApimachineryResults | string;
  readonly versions: Readonly<Record<string, string>>;
  readonly machine: string;
  readonly elapsedMs: number;
}

export function timeOf(outcome: Outcome | undefined): number | undefined {
  if (outcome === undefined) return undefined;
  return outcome.kind === 'timed' || outcome.kind === 'single-run' ? outcome.ms : undefined;
}
