/**
 * kubepatch beside Go's k8s.io/apimachinery on the same documents: strategic merge patch create,
 * apply and three-way, and JSON merge patch three-way. Go is timed in its own process
 * (bench/goPeer.ts) on bytes in and bytes out, as its API takes and gives them; kubepatch is timed
 * twice in this process, through its own API on objects, and with `JSON.parse` of the inputs and
 * `JSON.stringify` of the output around the call, which is what Go's numbers include.
 *
 * Every output is checked before its time counts: Go's and kubepatch's patches are compared (the
 * same JSON, key order aside), and where they differ each is applied to see whether it still gives
 * the expected document; an applied document must equal `after`.
 */
import equal from 'fast-deep-equal';
import {
  applyMergePatch,
  applyStrategicMergePatch,
  createStrategicMergePatch,
  createThreeWayMergePatch,
  createThreeWayStrategicMergePatch,
  type JsonObject,
  type JsonValue,
} from '../src/index.js';
import { runGoPeer, type GoPeer, type GoReply, type GoTaskId } from './goPeer.js';
import type { BenchInput } from './inputs.js';
import { batchSize, median, sample, type SampleOptions } from './measure.js';
import type { InputSummary, Outcome } from './results.js';

/**
 * How Go's output compares with kubepatch's: `same` (the same JSON, key order aside), `same-result`
 * (different patches that give the same document), `different` (see `wrong`), `unchecked` (Go did
 * not answer).
 */
export type Agreement = 'same' | 'same-result' | 'different' | 'unchecked';

/** One task on one input: Go's time beside kubepatch's two. */
export interface GoComparison {
  readonly inputId: string;
  readonly taskId: GoTaskId;
  readonly go: Outcome;
  readonly kubepatch: Outcome;
  /** kubepatch with `JSON.parse` of the inputs and `JSON.stringify` of the output, as Go takes and gives bytes. */
  readonly kubepatchBytes: Outcome;
  readonly agreement: Agreement;
  /** What is wrong with an output, when a check found something. */
  readonly wrong?: string;
}

export interface ApimachineryResults {
  /** The toolchain and the apimachinery release the program was built with. */
  readonly go: string;
  readonly apimachinery: string;
  /** The inputs Go was run on, in the report's order. */
  readonly inputs: InputSummary[];
  readonly rows: GoComparison[];
  /** A Go call longer than this was timed once. */
  readonly slowCallMs: number;
}

export interface GoTask {
  readonly id: GoTaskId;
  readonly title: string;
  /** Go's call, for the page. */
  readonly go: string;
  /** kubepatch's call, for the page. */
  readonly kubepatch: string;
}

export const goTasks: readonly GoTask[] = [
  { id: 'smp-create', title: 'Strategic merge patch: create', go: 'strategicpatch.CreateTwoWayMergePatch', kubepatch: 'createStrategicMergePatch' },
  { id: 'smp-apply', title: 'Strategic merge patch: apply', go: 'strategicpatch.StrategicMergePatch', kubepatch: 'applyStrategicMergePatch' },
  { id: 'smp-three-way', title: 'Strategic merge patch: three-way', go: 'strategicpatch.CreateThreeWayMergePatch', kubepatch: 'createThreeWayStrategicMergePatch' },
  { id: 'merge-three-way', title: 'JSON merge patch: three-way', go: 'jsonmergepatch.CreateThreeWayJSONMergePatch', kubepatch: 'createThreeWayMergePatch' },
];

/**
 * The live object of the three-way tasks: `document` with a change someone else made on the
 * server, which the patch must leave alone (an annotation on a Kubernetes object; `other` on a
 * MergeItem, whose documents carry no metadata). `liveOf(after)` is what applying the patch to
 * `liveOf(before)` must give.
 */
export function liveOf(document: JsonObject): JsonObject {
  const live = structuredClone(document) as JsonObject & { metadata?: { annotations?: Record<string, string> } };
  if (live.metadata === undefined) return { ...live, other: 'set on the server' };
  live.metadata.annotations = { ...live.metadata.annotations, 'example.com/set-on-the-server': 'yes' };
  return live;
}

export interface ComparisonTiming {
  readonly rounds: number;
  readonly roundBudgetMs: number;
  /** A Go call longer than this is timed once. */
  readonly slowCallMs: number;
  /** Limit of one Go process (all four tasks of one input). */
  readonly goTimeoutMs: number;
}

interface KubepatchCalls {
  /** One call on objects: made once, untimed, for the output to check and compare; then timed. */
  readonly objects: () => JsonValue;
  /** The same call with `JSON.parse` of the inputs and `JSON.stringify` of the output. */
  readonly bytes: () => unknown;
  /** `undefined` when an output (kubepatch's or Go's) is right, else what is wrong. */
  readonly check: (output: JsonValue) => string | undefined;
}

/** Go and kubepatch on one input (which has a `goType`): one row per task. */
export function compareWithGo(input: BenchInput, peer: GoPeer, timing: ComparisonTiming): { rows: GoComparison[]; reply: GoReply | string } {
  const current = liveOf(input.before);
  const calls = kubepatchCalls(input, current, liveOf(input.after));
  const reply = runGoPeer(
    peer,
    {
      type: input.goType!,
      original: input.before,
      modified: input.after,
      current,
      tasks: goTasks.map((task) => task.id),
      budgetMs: timing.rounds * timing.roundBudgetMs,
      slowMs: timing.slowCallMs,
    },
    timing.goTimeoutMs,
  );
  // kubepatch's first call of each task, checked; a task that throws is reported, not timed.
  const first = new Map<GoTaskId, { output: JsonValue } | { error: string }>();
  for (const task of goTasks) {
    try {
      first.set(task.id, { output: calls[task.id].objects() });
    } catch (error) {
      first.set(task.id, { error: `threw ${(error as Error).name}: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  const own = timeKubepatch(calls, goTasks.filter((task) => 'output' in first.get(task.id)!).map((task) => task.id), timing, { minimum: 1, collectGarbageFirst: input.large });
  const rows = goTasks.map((task): GoComparison => {
    const mine = first.get(task.id)!;
    const failed = (reason: string): Outcome => ({ kind: 'failed', reason });
    const base = {
      inputId: input.id,
      taskId: task.id,
      kubepatch: 'error' in mine ? failed(mine.error) : own.get(task.id)!.objects,
      kubepatchBytes: 'error' in mine ? failed(mine.error) : own.get(task.id)!.bytes,
    };
    const ownWrong = 'output' in mine ? calls[task.id].check(mine.output) : undefined;
    const answer = typeof reply === 'string' ? undefined : reply.results[task.id];
    if (typeof reply === 'string' || answer === undefined || answer.error !== undefined || answer.output === undefined) {
      const reason = typeof reply === 'string' ? reply : `threw: ${(answer?.error ?? 'no answer').split('\n')[0]}`;
      return { ...base, go: failed(reason), agreement: 'unchecked', ...(ownWrong ? { wrong: `kubepatch: ${ownWrong}` } : {}) };
    }
    const ms = answer.nsPerCall / 1e6;
    const go: Outcome = answer.single ? { kind: 'single-run', ms } : { kind: 'timed', ms };
    const goWrong = calls[task.id].check(answer.output);
    const same = 'output' in mine && equal(answer.output, mine.output);
    const agreement: Agreement = same ? 'same' : goWrong === undefined && ownWrong === undefined && 'output' in mine ? 'same-result' : 'different';
    const wrong = [ownWrong && `kubepatch: ${ownWrong}`, goWrong && `Go: ${goWrong}`].filter(Boolean).join('; ');
    return { ...base, go, agreement, ...(wrong ? { wrong } : {}) };
  });
  return { rows, reply };
}

/** kubepatch's call for each task, on objects and on bytes, with the check of an output. */
function kubepatchCalls(input: BenchInput, current: JsonObject, expectedLive: JsonObject): Record<GoTaskId, KubepatchCalls> {
  const { before, after, schema } = input;
  const [beforeText, afterText, currentText] = [before, after, current].map((document) => JSON.stringify(document)) as [string, string, string];
  const parse = (text: string) => JSON.parse(text) as JsonObject;
  const gives = (expected: JsonObject, what: string, apply: () => JsonValue): string | undefined => {
    try {
      return equal(apply(), expected) ? undefined : `${what} differs from the expected document`;
    } catch (error) {
      return `${what} failed: ${(error as Error).message.split('\n')[0]}`;
    }
  };
  // The apply task applies kubepatch's own two-way patch, made on first use (it may throw).
  let twoWay: { patch: JsonObject; text: string } | undefined;
  const patch = () => {
    if (twoWay === undefined) {
      const made = createStrategicMergePatch(before, after, schema);
      twoWay = { patch: made, text: JSON.stringify(made) };
    }
    return twoWay;
  };
  return {
    'smp-create': {
      objects: () => createStrategicMergePatch(before, after, schema),
      bytes: () => JSON.stringify(createStrategicMergePatch(parse(beforeText), parse(afterText), schema)),
      check: (made) => gives(after, 'applying the patch to before', () => applyStrategicMergePatch(before, made as JsonObject, schema)),
    },
    'smp-apply': {
      objects: () => applyStrategicMergePatch(before, patch().patch, schema),
      bytes: () => JSON.stringify(applyStrategicMergePatch(parse(beforeText), parse(patch().text), schema)),
      check: (document) => (equal(document, after) ? undefined : 'the patched document differs from after'),
    },
    'smp-three-way': {
      objects: () => createThreeWayStrategicMergePatch(before, after, current, schema),
      bytes: () => JSON.stringify(createThreeWayStrategicMergePatch(parse(beforeText), parse(afterText), parse(currentText), schema)),
      check: (made) => gives(expectedLive, 'applying the patch to the live object', () => applyStrategicMergePatch(current, made as JsonObject, schema)),
    },
    'merge-three-way': {
      objects: () => createThreeWayMergePatch(before, after, current),
      bytes: () => JSON.stringify(createThreeWayMergePatch(parse(beforeText), parse(afterText), parse(currentText))),
      check: (made) => gives(expectedLive, 'applying the patch to the live object', () => applyMergePatch(current, made)),
    },
  };
}

/** kubepatch's two ways of each task, timed side by side in rounds, as bench/measureInput.ts times a task's contenders (each `turn` sampled so). */
function timeKubepatch(calls: Record<GoTaskId, KubepatchCalls>, taskIds: readonly GoTaskId[], timing: ComparisonTiming, turn: SampleOptions): Map<GoTaskId, { objects: Outcome; bytes: Outcome }> {
  const entries = taskIds.flatMap((taskId) =>
    (['objects', 'bytes'] as const).map((way) => {
      const run = calls[taskId][way];
      return { taskId, way, run, calls: batchSize(run), samples: [] as number[] };
    }),
  );
  for (let round = 0; round < timing.rounds; round++) {
    for (const entry of entries) sample(entry.run, entry.calls, timing.roundBudgetMs, entry.samples, turn);
  }
  const outcome = (taskId: GoTaskId, way: 'objects' | 'bytes'): Outcome => ({ kind: 'timed', ms: median(entries.find((e) => e.taskId === taskId && e.way === way)!.samples) });
  return new Map(taskIds.map((taskId) => [taskId, { objects: outcome(taskId, 'objects'), bytes: outcome(taskId, 'bytes') }]));
}
