/**
 * `npm run bench`: times every task's contenders side by side in this process on the same inputs,
 * probes peak memory of the large cases in a child process each, and writes docs/benchmarks.md
 * with docs/benchmarks.svg.
 *
 * Every input that has a Go type (bench/inputs.ts `goType`) is also given to Go's apimachinery
 * (bench/apimachinery.ts), through go/cmd/apimachinery-bench, built on the first run and cached
 * (bench/goPeer.ts). Without Go the page says so and leaves Go out.
 *
 * Options: `--quick` (short timing budgets, for trying the script out), `--only=<id>,<id>` (some
 * inputs only, see bench/inputs.ts and bench/mergeItemInputs.ts; `ssa` is server-side apply,
 * bench/serverSideApply.ts, `yaml-input` the CLI reading a large YAML file, bench/yamlInput.ts,
 * and `apimachinery` the comparison with Go on every input Go can read, without the other tasks),
 * `--out=<folder>` (where the page and the chart go; default docs/).
 *
 * A run of only `apimachinery`, `ssa` and/or `yaml-input` replaces those sections in the existing
 * page (between their marker comments) and leaves the rest of the page and the chart as they are;
 * any other run writes the whole page and the chart.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inputBuilders, type BenchInput } from './inputs.js';
import { batchSize, median, sample } from './measure.js';
import { peakFromGcTrace } from './gcTrace.js';
import { renderChart } from './chart.js';
import { compareWithGo, type GoComparison } from './apimachinery.js';
import { prepareGoPeer, type GoPeer } from './goPeer.js';
import { markedSectionIds, renderMarkedSection, replaceMarkedSections, type MarkedSectionId } from './markedSections.js';
import { renderReport } from './report.js';
import type { BenchResults, CaseResult, FloorResult, InputSummary, PeakMemory } from './results.js';
import { measureServerSideApply } from './serverSideApply.js';
import { floors, tasks, type Contender, type Task } from './tasks.js';
import { describeYamlInput, measureYamlInput } from './yamlInput.js';

const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const outArgument = process.argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length);
// `--out` is relative to the folder the command was typed in (npm runs scripts from the package
// root and keeps that folder in INIT_CWD); the default is the repository's docs/.
const outFolder = outArgument === undefined ? new URL('../docs/', import.meta.url) : pathToFileURL(`${resolve(process.env.INIT_CWD ?? '.', outArgument)}/`);

/** `--only` names inputs (bench/inputs.ts) and the sections measured apart from them. */
const sectionIds: readonly string[] = markedSectionIds;
const unknown = only?.filter((id) => !inputBuilders.has(id) && !sectionIds.includes(id)) ?? [];
if (unknown.length > 0) {
  console.error(`--only: no input or section ${unknown.map((id) => JSON.stringify(id)).join(', ')}; known: ${[...inputBuilders.keys(), ...sectionIds].join(', ')}`);
  process.exit(2);
}
const selected = (id: string) => only === undefined || only.includes(id);
/** Only marked sections selected: they replace their part of the existing page. */
const sectionsOnly = only !== undefined && only.every((id) => sectionIds.includes(id));

/** Timing: rounds over all contenders of a task, so that drift (heat, GC) hits them alike. */
const rounds = 3;
const roundBudgetMs = quick ? 20 : 120;
/** Share of a round's budget the floor is sampled for: it is sampled in the rounds of every task. */
const floorShareOfRound = 0.25;
/** A call slower than this (in its probe) is timed once, and larger sizes of its series are skipped. */
const slowCallMs = 2_000;
/** Server-side apply's cases are few, so calls up to this long are still sampled (a few calls each). */
const ssaSlowCallMs = 10_000;
/** Probe limits: a child that needs longer or more heap than this is reported as failing. */
const probeTimeoutMs = 20_000;
const probeHeapMb = 4_096;
/** One Go process answers all four tasks of one input; a 10,000-element list takes it about a minute. */
const goTimeoutMs = 600_000;

const started = performance.now();
const cases: CaseResult[] = [];
const floorResults: FloorResult[] = [];
const inputs: InputSummary[] = [];
/** Contenders that failed or were too slow on a smaller input of a series: `${series}/${task}/${name}` → reason. */
const stopped = new Map<string, string>();

/** Go's apimachinery: the built program (prepared at the first input Go is given), or why there is none. */
let goPeer: GoPeer | string | undefined;
const goInputs: InputSummary[] = [];
const goRows: GoComparison[] = [];
let goVersions: { go: string; apimachinery: string } | undefined;
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

for (const [inputId, build] of inputBuilders) {
  const measured = selected(inputId);
  if (!measured && !selected('apimachinery')) continue;
  const input = build();
  const { before: _before, after: _after, schema: _schema, ...summary } = input;
  if (measured) {
    inputs.push(summary);
    const floor = startFloor(input);
    for (const task of tasks) if (input.tasks === undefined || input.tasks.includes(task.id)) measureTask(task, input, floor);
    floorResults.push(finishFloor(input, floor));
  }
  if (input.goType !== undefined) {
    if (goPeer === undefined) {
      goPeer = await prepareGoPeer((line) => console.log(line));
      if (typeof goPeer === 'string') console.log(`Go's apimachinery left out: ${goPeer}`);
    }
    if (typeof goPeer !== 'string') {
      const goStarted = performance.now();
      const { rows, reply } = compareWithGo(input, goPeer, { rounds, roundBudgetMs, slowCallMs, goTimeoutMs });
      goInputs.push(summary);
      goRows.push(...rows);
      if (typeof reply !== 'string') goVersions ??= { go: reply.go, apimachinery: reply.apimachinery };
      const differing = rows.filter((row) => row.agreement !== 'same').map((row) => `${row.taskId}: ${row.agreement}${row.wrong ? ` (${row.wrong})` : ''}`);
      const took = `${((performance.now() - goStarted) / 1000).toFixed(1)} s`;
      console.log(`${inputId}: Go ${typeof reply === 'string' ? reply : 'and kubepatch compared'} in ${took}${differing.length > 0 ? `; outputs not the same: ${differing.join(', ')}` : ''}`);
    }
  } else if (!measured) continue;
  console.log(`${inputId}: done (${elapsed()})`);
}

const serverSideApply = selected('ssa')
  ? measureServerSideApply({ rounds, roundBudgetMs, slowCallMs: ssaSlowCallMs }, (line) => console.log(`${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`))
  : undefined;
const yamlInput = selected('yaml-input') ? measureYamlInput(quick) : undefined;
if (yamlInput !== undefined) console.log(describeYamlInput(yamlInput));

const apimachinery =
  typeof goPeer === 'string' ? goPeer : goPeer === undefined ? undefined : { go: goVersions?.go ?? 'go', apimachinery: goVersions?.apimachinery ?? '', inputs: goInputs, rows: goRows, slowCallMs };
const results: BenchResults = {
  inputs,
  cases,
  floors: floorResults,
  ...(apimachinery === undefined ? {} : { apimachinery }),
  ...(serverSideApply === undefined ? {} : { serverSideApply }),
  ...(yamlInput === undefined ? {} : { yamlInput }),
  versions: versionsOf(['fast-json-patch', 'rfc6902', 'jsondiffpatch', 'json-merge-patch', 'fast-deep-equal', 'deep-equal']),
  machine: `Node ${process.version} on ${process.platform}/${process.arch}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
  elapsedMs: performance.now() - started,
};
mkdirSync(outFolder, { recursive: true });
const pageFile = new URL('benchmarks.md', outFolder);
if (sectionsOnly) {
  const sections = new Map(only.map((id) => [id as MarkedSectionId, renderMarkedSection(id as MarkedSectionId, results, true)]));
  const page = existsSync(pageFile)
    ? readFileSync(pageFile, 'utf8')
    : `# Benchmarks\n\nA partial run (\`--only=${only.join(',')}\`); \`npm run bench\` writes the whole page.\n`;
  writeFileSync(pageFile, replaceMarkedSections(page, sections));
} else {
  writeFileSync(new URL('benchmarks.svg', outFolder), renderChart(results));
  writeFileSync(pageFile, renderReport(results, { chartFile: 'benchmarks.svg', probeLimits: { heapGb: probeHeapMb / 1024, seconds: probeTimeoutMs / 1000, slowSeconds: slowCallMs / 1000 } }));
}
console.log(`wrote ${fileURLToPath(pageFile)}${sectionsOnly ? ` (sections ${only.join(', ')})` : ''} in ${(results.elapsedMs / 1000).toFixed(0)} s`);

/** The floor of one input (fast-deep-equal): sampled in every round of every task of the input, beside the contenders. */
interface FloorSampler {
  readonly run: () => unknown;
  readonly calls: number;
  readonly samples: number[];
}

function startFloor(input: BenchInput): FloorSampler {
  const run = floors['fast-deep-equal'](input);
  return { run, calls: batchSize(run), samples: [] };
}

/**
 * The floor is sampled in the same rounds as the tasks' contenders, so that drift (heat, GC, the
 * state of a process that has run many cases) hits the floor and what is divided by it alike.
 */
function finishFloor(input: BenchInput, floor: FloorSampler): FloorResult {
  // An input whose tasks were all skipped still gets its floor.
  if (floor.samples.length === 0) sample(floor.run, floor.calls, roundBudgetMs, floor.samples);
  // deep-equal needs seconds per call on the large inputs; it is shown for reference only.
  let deepEqualStrictMs: number | undefined;
  if (!input.large) {
    const run = floors['deep-equal (strict)'](input);
    const samples: number[] = [];
    sample(run, batchSize(run), roundBudgetMs, samples);
    deepEqualStrictMs = median(samples);
  }
  return { inputId: input.id, fastDeepEqualMs: median(floor.samples), deepEqualStrictMs };
}

function measureTask(task: Task, input: BenchInput, floor: FloorSampler): void {
  const timed: Array<{ result: CaseResult; run: () => unknown; calls: number; samples: number[] }> = [];
  for (const contender of task.contenders) {
    const result: CaseResult = { inputId: input.id, taskId: task.id, contender: contender.name, isKubepatch: contender.library === 'kubepatch', outcome: { kind: 'not-run', reason: '' } };
    cases.push(result);
    const seriesKey = input.series && `${input.series}/${task.id}/${contender.name}`;
    const stopReason = seriesKey && stopped.get(seriesKey);
    if (stopReason) {
      result.outcome = { kind: 'not-run', reason: stopReason };
      continue;
    }
    if (input.large) {
      const probe = probeMemory(input, task, contender);
      result.peak = probe.peak;
      if (probe.failure !== undefined) {
        result.outcome = { kind: 'failed', reason: probe.failure };
        if (seriesKey) stopped.set(seriesKey, `${probe.failure} at ${input.size?.toLocaleString('en')}`);
        continue;
      }
      if (probe.ms! > slowCallMs) {
        // Too slow to sample: one call after the checked one, and the series stops here.
        const run = checkOutput(task, input, contender, result);
        if (run === undefined) continue;
        const callStarted = performance.now();
        run();
        result.outcome = { kind: 'single-run', ms: performance.now() - callStarted };
        if (seriesKey) stopped.set(seriesKey, `one call took ${(result.outcome.ms / 1000).toFixed(1)} s at ${input.size?.toLocaleString('en')}`);
        continue;
      }
    }
    const run = checkOutput(task, input, contender, result);
    if (run === undefined) continue;
    timed.push({ result, run, calls: batchSize(run), samples: [] });
  }
  for (let round = 0; round < rounds; round++) {
    for (const entry of timed) sample(entry.run, entry.calls, roundBudgetMs, entry.samples, 1);
    if (timed.length > 0) sample(floor.run, floor.calls, roundBudgetMs * floorShareOfRound, floor.samples, 1);
  }
  for (const entry of timed) entry.result.outcome = { kind: 'timed', ms: median(entry.samples) };
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
function probeMemory(input: BenchInput, task: Task, contender: Contender): ProbeResult {
  const probe = fileURLToPath(new URL('memoryProbe.ts', import.meta.url));
  const flags = ['--expose-gc', '--trace-gc', '--max-semi-space-size=1', `--max-old-space-size=${probeHeapMb}`];
  const child = spawnSync(process.execPath, [...process.execArgv, ...flags, probe, input.id, task.id, contender.name], {
    encoding: 'utf8',
    timeout: probeTimeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  const peak = peakFromGcTrace(child.stdout ?? '');
  if (child.error !== undefined && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    return { peak: peak && { ...peak, atLeast: true }, failure: `did not finish in ${probeTimeoutMs / 1000} s` };
  }
  if (child.status !== 0) {
    const outOfMemory = /heap out of memory|Allocation failed/i.test(child.stderr);
    const failure = outOfMemory ? `ran out of memory (${probeHeapMb / 1024} GB heap)` : `failed: ${child.stderr.trim().split('\n').slice(-1)[0] ?? `exit ${child.status}`}`;
    return { peak: peak && { ...peak, atLeast: true }, failure };
  }
  // V8 may print a collection of its own after the probe's line, so look for the line itself.
  const line = child.stdout.split('\n').reverse().find((text) => text.startsWith('{"ms":'));
  if (line === undefined) return { peak, failure: 'failed: the probe printed no result' };
  return { ms: (JSON.parse(line) as { ms: number }).ms, peak };
}

function versionsOf(packages: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    packages.map((name) => [name, (JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version]),
  );
}
