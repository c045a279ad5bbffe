/**
 * Child process of `npm run bench`: measures one input, in a process of its own, so that no input's
 * heap, garbage or compiled code is left over for the next one. Within the process, each task's
 * contenders and the floor are timed side by side in rounds, as before; what differs from run to
 * run is then the machine, not the history of the process (which, with every input in one
 * process, moved kubepatch's times by up to a half between runs of the same code).
 *
 * It reads a {@link InputRequest} as JSON on stdin and writes an {@link InputReply} as JSON on the
 * last line of stdout; progress goes to stderr. The large cases' memory probes are children of
 * this process (bench/memoryProbe.ts).
 *
 * Usage (from run.ts): node <tsx loader> bench/measureInput.ts < request.json
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareWithGo, type GoComparison } from './apimachinery.js';
import { peakFromGcTrace } from './gcTrace.js';
import type { GoPeer } from './goPeer.js';
import { buildInput, type BenchInput } from './inputs.js';
import { batchSize, fastestFifth, median, sample } from './measure.js';
import type { CaseResult, FloorResult, InputSummary, PeakMemory } from './results.js';
import type { BenchSettings } from './settings.js';
import { floors, tasks, type Contender, type Task } from './tasks.js';

export interface InputRequest {
  readonly inputId: string;
  readonly settings: BenchSettings;
  /** Time the tasks (else only Go's comparison, for `--only=apimachinery`). */
  readonly measured: boolean;
  /** Go's program, when the input has a Go type and Go is in this run. */
  readonly goPeer?: GoPeer;
  /** Contenders that failed or were too slow on a smaller input of a series: `${series}/${task}/${name}` → reason. */
  readonly stopped: readonly (readonly [string, string])[];
}

export interface InputReply {
  readonly summary: InputSummary;
  readonly cases: readonly CaseResult[];
  readonly floor?: FloorResult;
  readonly go?: { readonly rows: readonly GoComparison[]; readonly versions?: { go: string; apimachinery: string }; readonly failure?: string; readonly ms: number };
  /** Series stopped at this input. */
  readonly stopped: readonly (readonly [string, string])[];
}

/** The floor of one input (fast-deep-equal): sampled in every round of every task of the input, beside the contenders. */
interface FloorSampler {
  readonly run: () => unknown;
  readonly calls: number;
  readonly samples: number[];
}

export function measureInput(request: InputRequest): InputReply {
  const { settings } = request;
  const input = buildInput(request.inputId);
  const { before: _before, after: _after, schema: _schema, ...summary } = input;
  const stopped = new Map(request.stopped);
  const newlyStopped: [string, string][] = [];
  const cases: CaseResult[] = [];
  let floorResult: FloorResult | undefined;
  if (request.measured) {
    const floor = startFloor(input);
    for (const task of tasks) if (input.tasks === undefined || input.tasks.includes(task.id)) measureTask(task, input, floor);
    floorResult = finishFloor(input, floor);
  }
  let go: InputReply['go'];
  if (request.goPeer !== undefined && input.goType !== undefined) {
    const started = performance.now();
    const { rows, reply } = compareWithGo(input, request.goPeer, settings);
    go = {
      rows,
      ms: performance.now() - started,
      ...(typeof reply === 'string' ? { failure: reply } : { versions: { go: reply.go, apimachinery: reply.apimachinery } }),
    };
  }
  return { summary, cases, ...(floorResult === undefined ? {} : { floor: floorResult }), ...(go === undefined ? {} : { go }), stopped: newlyStopped };

  function startFloor(measured: BenchInput): FloorSampler {
    const run = floors['fast-deep-equal'](measured);
    return { run, calls: batchSize(run), samples: [] };
  }

  /**
   * The floor is sampled in the same rounds as the tasks' contenders, so that drift (heat, GC)
   * hits the floor and what is divided by it alike.
   */
  function finishFloor(measured: BenchInput, floor: FloorSampler): FloorResult {
    // An input whose tasks were all skipped still gets its floor.
    if (floor.samples.length === 0) sample(floor.run, floor.calls, settings.roundBudgetMs, floor.samples, { collectGarbageFirst: measured.large });
    // deep-equal needs seconds per call on the large inputs; it is shown for reference only.
    let deepEqualStrictMs: number | undefined;
    if (!measured.large) {
      const run = floors['deep-equal (strict)'](measured);
      const samples: number[] = [];
      sample(run, batchSize(run), settings.roundBudgetMs, samples);
      deepEqualStrictMs = fastestFifth(samples);
    }
    return { inputId: measured.id, fastDeepEqualMs: timeOfSamples(measured, floor.samples), deepEqualStrictMs };
  }

  function stop(seriesKey: string | undefined, reason: string): void {
    if (seriesKey === undefined) return;
    stopped.set(seriesKey, reason);
    newlyStopped.push([seriesKey, reason]);
  }

  function measureTask(task: Task, measured: BenchInput, floor: FloorSampler): void {
    const timed: Array<{ result: CaseResult; run: () => unknown; calls: number; samples: number[] }> = [];
    for (const contender of task.contenders) {
      const result: CaseResult = { inputId: measured.id, taskId: task.id, contender: contender.name, isKubepatch: contender.library === 'kubepatch', outcome: { kind: 'not-run', reason: '' } };
      cases.push(result);
      const seriesKey = measured.series && `${measured.series}/${task.id}/${contender.name}`;
      const stopReason = seriesKey && stopped.get(seriesKey);
      if (stopReason) {
        result.outcome = { kind: 'not-run', reason: stopReason };
        continue;
      }
      if (measured.large) {
        const probe = probeMemory(measured, task, contender, settings);
        result.peak = probe.peak;
        if (probe.failure !== undefined) {
          result.outcome = { kind: 'failed', reason: probe.failure };
          stop(seriesKey, `${probe.failure} at ${measured.size?.toLocaleString('en')}`);
          continue;
        }
        if (probe.ms! > settings.slowCallMs) {
          // Too slow to sample: one call after the checked one, and the series stops here.
          const run = checkOutput(task, measured, contender, result);
          if (run === undefined) continue;
          const callStarted = performance.now();
          run();
          result.outcome = { kind: 'single-run', ms: performance.now() - callStarted };
          stop(seriesKey, `one call took ${(result.outcome.ms / 1000).toFixed(1)} s at ${measured.size?.toLocaleString('en')}`);
          continue;
        }
      }
      const run = checkOutput(task, measured, contender, result);
      if (run === undefined) continue;
      timed.push({ result, run, calls: batchSize(run), samples: [] });
    }
    const turn = { minimum: 1, collectGarbageFirst: measured.large };
    for (let round = 0; round < settings.rounds; round++) {
      for (const entry of timed) sample(entry.run, entry.calls, settings.roundBudgetMs, entry.samples, turn);
      if (timed.length > 0) sample(floor.run, floor.calls, settings.roundBudgetMs * settings.floorShareOfRound, floor.samples, turn);
    }
    for (const entry of timed) entry.result.outcome = { kind: 'timed', ms: timeOfSamples(measured, entry.samples) };
  }
}

/** A time per call from its samples: the median on large inputs, else the fastest fifth (see {@link fastestFifth}). */
function timeOfSamples(input: BenchInput, samples: readonly number[]): number {
  return input.large ? median(samples) : fastestFifth(samples);
}

/** Runs the contender once in this process, checks its output and records the patch size. */
function checkOutput(task: Task, input: BenchInput, contender: Contender, result: CaseResult): (() => unknown) | undefined {
  try {
    const run = contender.prepare(input);
    const output = run();
    result.wrong = task.check(input, output);
    if (task.createsPatch) result.patchBytes = Buffer.byteLength(JSON.stringify(output ?? {}));
    return run;
  } catch (error) {
    result.outcome = { kind: 'failed', reason: `threw ${(error as Error).name}: ${(error as Error).message.split('\n')[0]}` };
    return undefined;
  }
}

interface ProbeResult {
  readonly ms?: number;
  readonly peak?: PeakMemory;
  readonly failure?: string;
}

/**
 * One call in a child process: its peak heap (from V8's GC trace; young generation kept at 1 MB
 * so that uncollected short-lived garbage adds little) and its duration, or why it failed.
 */
function probeMemory(input: BenchInput, task: Task, contender: Contender, settings: BenchSettings): ProbeResult {
  const probe = fileURLToPath(new URL('memoryProbe.ts', import.meta.url));
  const flags = ['--expose-gc', '--trace-gc', '--max-semi-space-size=1', `--max-old-space-size=${settings.probeHeapMb}`];
  const child = spawnSync(process.execPath, [...process.execArgv, ...flags, probe, input.id, task.id, contender.name], {
    encoding: 'utf8',
    timeout: settings.probeTimeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  const peak = peakFromGcTrace(child.stdout ?? '');
  if (child.error !== undefined && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    return { peak: peak && { ...peak, atLeast: true }, failure: `did not finish in ${settings.probeTimeoutMs / 1000} s` };
  }
  if (child.status !== 0) {
    const outOfMemory = /heap out of memory|Allocation failed/i.test(child.stderr);
    const failure = outOfMemory ? `ran out of memory (${settings.probeHeapMb / 1024} GB heap)` : `failed: ${child.stderr.trim().split('\n').slice(-1)[0] ?? `exit ${child.status}`}`;
    return { peak: peak && { ...peak, atLeast: true }, failure };
  }
  // V8 may print a collection of its own after the probe's line, so look for the line itself.
  const line = child.stdout.split('\n').reverse().find((text) => text.startsWith('{"ms":'));
  if (line === undefined) return { peak, failure: 'failed: the probe printed no result' };
  return { ms: (JSON.parse(line) as { ms: number }).ms, peak };
}

/**
 * Runs {@link measureInput} in a child process (this file), and returns its reply, or why there is
 * none. The child gets this process's flags (the tsx loader) unless told others, and writes
 * progress to stderr.
 */
export function measureInputInChild(request: InputRequest, timeoutMs: number, execArgv: readonly string[] = process.execArgv): InputReply | string {
  // `--expose-gc`: bench/measure.ts collects the garbage left by one contender before sampling the next.
  const child = spawnSync(process.execPath, [...execArgv, '--expose-gc', fileURLToPath(import.meta.url)], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'inherit'],
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error !== undefined) return `the child process failed: ${child.error.message}`;
  const line = child.stdout.trimEnd().split('\n').at(-1);
  if (child.status !== 0 || line === undefined || !line.startsWith('{')) return `the child process exited with ${child.status ?? child.signal}`;
  return JSON.parse(line) as InputReply;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reply = measureInput(JSON.parse(readFileSync(0, 'utf8')) as InputRequest);
  process.stdout.write(`${JSON.stringify(reply)}\n`);
}
