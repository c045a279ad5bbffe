/**
 * docs/benchmarks.md from one run's results: goals, chart, a time table and a memory table per
 * task, Go's apimachinery beside kubepatch, patch sizes, the floor, server-side apply, reading a
 * large YAML file, and how it was measured.
 *
 * Go's apimachinery, server-side apply and the YAML sections sit between marker comments
 * (bench/markedSections.ts), so that a run of those alone (`--only=apimachinery,ssa,yaml-input`)
 * replaces them in the existing page instead of writing a page without the rest.
 */
import { formatBytes, formatMs, formatOutcome, formatRatio } from './format.js';
import { casesOf, fastestPeer, floorOf } from './goals.js';
import { goalsSection } from './goalsReport.js';
import { markedSectionIds, renderMarkedSection } from './markedSections.js';
import { timeOf, type BenchResults, type CaseResult, type InputSummary } from './results.js';
import { tasks, type Task } from './tasks.js';

export interface ReportOptions {
  /** The chart's file name, relative to the page. */
  readonly chartFile: string;
  readonly probeLimits: ProbeLimits;
}

export interface ProbeLimits {
  readonly heapGb: number;
  readonly seconds: number;
  readonly slowSeconds: number;
}

export function renderReport(results: BenchResults, options: ReportOptions): string {
  const sections = [
    header(results),
    goalsSection(results),
    `## Time per element as lists grow\n\n![Time per element against env list length, one panel per task](${options.chartFile})\n`,
    ...tasks.map((task) => taskSection(results, task)),
    renderMarkedSection('apimachinery', results),
    patchSizeSection(results),
    floorSection(results),
    ...markedSectionIds.filter((id) => id !== 'apimachinery').map((id) => renderMarkedSection(id, results)),
    methodSection(options.probeLimits),
  ];
  return sections.join('\n');
}

function header(results: BenchResults): string {
  const versions = Object.entries(results.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const go = typeof results.apimachinery === 'object' ? `\n- Go's k8s.io/apimachinery ${results.apimachinery.apimachinery}, built with ${results.apimachinery.go}` : '';
  return `# Benchmarks

kubepatch beside the JavaScript libraries people use for the same jobs today, on the same inputs in
the same process (a new one for each input), and beside Go's apimachinery, the code the API server and kubectl run (in a
process of its own: [Go's apimachinery](#gos-apimachinery)). This page and its chart are written by
\`npm run bench\` (about ${minutes(results.elapsedMs)}; never part of \`npm test\`); numbers are from one run on:

- ${results.machine}
- peers: ${versions}${go}

Times are per call: on large inputs the median of the samples, on the others their fastest fifth
(see [How it is measured](#how-it-is-measured)); "× peer" is kubepatch's time divided by the
fastest peer's (below 1 means kubepatch is faster) and "× floor" divides by one full deep
comparison of a document of that size (see [the floor](#the-floor)). Every output is checked: a
created patch must turn \`before\` into \`after\`, an applied one must give \`after\`.
`;
}

function minutes(ms: number): string {
  const count = Math.ceil(ms / 60_000);
  return `${count} minute${count === 1 ? '' : 's'}`;
}

function taskSection(results: BenchResults, task: Task): string {
  const kubepatchNames = task.contenders.filter((c) => c.library === 'kubepatch').map((c) => c.name);
  const hasPeers = task.contenders.length > kubepatchNames.length;
  const ratioHeader = (what: string) => (kubepatchNames.length > 1 ? `${kubepatchNames.join(' / ')} ${what}` : what);
  const header = ['input', ...task.contenders.map((c) => c.name + (c.lists ? ` (${c.lists})` : '')), ...(hasPeers ? [ratioHeader('× peer')] : []), ratioHeader('× floor')];
  const footnotes = new Set<string>();
  const rows = inputsOf(results, task).map((input) => {
    const cases = casesOf(results, task.id, input.id);
    const peer = fastestPeer(results, task.id, input.id);
    const floor = floorOf(results, input.id);
    const ratios = (divisor: number | undefined) =>
      kubepatchNames
        .map((name) => {
          const ms = timeOf(cases.find((c) => c.contender === name)?.outcome);
          return ms === undefined || divisor === undefined ? '—' : formatRatio(ms / divisor);
        })
        .join(' / ');
    const cells = task.contenders.map((contender) => outcomeCell(cases.find((c) => c.contender === contender.name), footnotes));
    return `| ${input.title} | ${cells.join(' | ')} |${hasPeers ? ` ${ratios(peer?.ms)} |` : ''} ${ratios(floor)} |`;
  });
  const table = [`| ${header.join(' | ')} |`, `| --- |${' ---: |'.repeat(header.length - 1)}`, ...rows].join('\n');
  return `## ${task.title}

${table}
${[...footnotes].map((footnote) => `\n${footnote}`).join('')}
${memoryTable(results, task)}`;
}

/** The inputs this run measured the task on (the MergeItem inputs have the strategic tasks only). */
function inputsOf(results: BenchResults, task: Task): InputSummary[] {
  return results.inputs.filter((input) => casesOf(results, task.id, input.id).length > 0);
}

function outcomeCell(result: CaseResult | undefined, footnotes: Set<string>): string {
  if (result === undefined) return '';
  const wrong = result.wrong === undefined ? '' : ' ⚠';
  if (result.wrong !== undefined) footnotes.add(`⚠ ${result.contender} on this input: ${result.wrong}.`);
  return formatOutcome(result.outcome, footnotes) + wrong;
}

function memoryTable(results: BenchResults, task: Task): string {
  const large = inputsOf(results, task).filter((input) => input.large);
  if (large.length === 0) return '';
  const rows = large.map((input) => {
    const cells = task.contenders.map((contender) => {
      const peak = casesOf(results, task.id, input.id).find((c) => c.contender === contender.name)?.peak;
      return peak === undefined ? '—' : `${peak.atLeast ? '≥ ' : ''}${formatBytes(peak.bytes)}`;
    });
    return `| ${input.title} | ${cells.join(' | ')} |`;
  });
  return `
Peak heap of one call (large inputs, a child process per case; ≥: stopped at the limit, so at least this much):

| input | ${task.contenders.map((c) => c.name).join(' | ')} |
| --- |${' ---: |'.repeat(task.contenders.length)}
${rows.join('\n')}
`;
}

function patchSizeSection(results: BenchResults): string {
  const creating = tasks.filter((task) => task.createsPatch);
  const columns = creating.flatMap((task) => task.contenders.map((c) => ({ task, name: c.name, label: `${shortTask(task)}: ${c.name}` })));
  const rows = results.inputs.map((input) => {
    const cells = columns.map(({ task, name }) => {
      const bytes = casesOf(results, task.id, input.id).find((c) => c.contender === name)?.patchBytes;
      return bytes === undefined ? '—' : formatBytes(bytes);
    });
    return `| ${input.title} | ${cells.join(' | ')} |`;
  });
  return `## Patch size

Bytes of the patch as JSON, for the same change. A keyed patch names the elements it changes; an
index-based one (fast-json-patch) rewrites every element after the first insertion or removal.
kubepatch's keyed JSON Patch (\`+ schema\`) is larger than the content-matched one because it puts a
\`test\` of the key before every operation on an existing element, so that it fails instead of
changing the wrong element when the list has changed since it was read.

| input | ${columns.map((c) => c.label).join(' | ')} |
| --- |${' ---: |'.repeat(columns.length)}
${rows.join('\n')}
`;
}

function shortTask(task: Task): string {
  return task.id === 'json-patch-create' ? 'JSON Patch' : task.id === 'merge-patch-create' ? 'merge' : 'strategic';
}

function floorSection(results: BenchResults): string {
  const rows = results.floors.map((floor) => {
    const title = results.inputs.find((input) => input.id === floor.inputId)?.title ?? floor.inputId;
    return `| ${title} | ${formatMs(floor.fastDeepEqualMs)} | ${floor.deepEqualStrictMs === undefined ? '— (seconds per call; not timed)' : formatMs(floor.deepEqualStrictMs)} |`;
  });
  return `## The floor

A diff cannot cost less than one comparison of the two documents. Comparing \`before\` with
\`after\` would stop at the first difference, so the floor compares \`before\` with a separate deep
copy of itself: one comparison that visits every value. It uses fast-deep-equal, the fastest strict
comparison of the usual ones; the \`deep-equal\` package in strict mode, which kubepatch's tests use
as their oracle, is shown beside it and is far slower, so ratios to it would flatter kubepatch.

| input | fast-deep-equal (floor) | deep-equal (strict) |
| --- | ---: | ---: |
${rows.join('\n')}
`;
}

function methodSection(probeLimits: ProbeLimits): string {
  return `## How it is measured

- Inputs come from fixed seeds (\`bench/inputs.ts\`): the lists change by 5% changed, 5% removed and
  5% added elements (at least one of each), at random places; the reorder case moves 5% of the
  elements elsewhere. The MergeItem lists (\`bench/mergeItemInputs.ts\`), measured with the strategic
  tasks and Go only, change 10% of their items and remove and add 5% each.
- Go's apimachinery runs in a process of its own, go/cmd/apimachinery-bench, built from the Go
  module go/ on the first run and cached in \`~/.cache/kubepatch/go-tools/\` (without Go, the page says
  so and leaves Go out); it is given the same documents as JSON and times itself the same way
  ([Go's apimachinery](#gos-apimachinery)).
- Each input is measured in a child process of its own (\`bench/measureInput.ts\`), so that no
  input's heap, garbage or compiled code is left for the next: with all inputs in one process, the
  same code's times moved by up to a half from one run to the next. Calls of a few microseconds
  still compare differently from one process to the next (in four processes of the same code,
  kubepatch's JSON Patch create on the Pod took 0.50 to 1.01 times fast-json-patch's time), so each
  input that is not large is measured in three processes and the table shows the median of their
  times.
- Each task runs its contenders side by side in that process, in three rounds, each contender
  sampled in every round (calls batched to at least 1 ms per sample). On large inputs the table
  shows the median of the samples; on the others, their fastest fifth (the 20th percentile). The
  machine has slow spells that only add time (fast-json-patch alone, timed in 10 ms windows, runs
  1.8 times slower for 50 to 500 ms at a time): the median of calls of microseconds then depends
  on how much of a contender's turn a spell covered, and contenders timed one after the other are
  divided by each other with different shares of it. The fastest fifth stays on the undisturbed
  cost while a fifth of the samples are undisturbed. On large inputs, where calls take
  milliseconds, the collections a call causes are part of its cost, so the median is kept there.
  On large inputs, the process collects the garbage left by what ran before (\`gc()\`) before each
  contender's turn, so that a contender's samples include the collection of its own garbage and
  not its neighbours', then runs the calls untimed for a third of the turn: the first calls after
  a forced collection are slow (strategic merge patch create on the MergeItem list of 10,000: 30
  to 60 ms for about 40 ms, then 14 to 20 ms). Other inputs are not collected so: a forced
  collection also makes V8 throw away optimized code (it drops the hidden classes only
  short-lived objects had), so every turn of calls lasting microseconds started over in
  unoptimized code, and its ratios moved by up to 2.8× from one process to the next. The floor is
  sampled in every round of every task of its input too, beside the contenders, so that drift in
  the process (heat, what ran before) weighs on both sides of a ratio.
- No contender may change its inputs: rfc6902 and json-merge-patch, which patch in place, get a
  JSON round-trip copy of the document inside the timed call (the fastest deep copy of plain JSON,
  and what fast-json-patch does itself with \`mutateDocument: false\`). The apply tasks apply the
  same patch with every library: the one kubepatch creates without a schema.
- jsondiffpatch matches list elements by \`name\` (or \`containerPort\`) through its \`objectHash\`
  option, detects moves, and its JSON Patch formatter turns the delta into operations; both steps
  are timed.
- Peak memory is measured for the large inputs in a child process per case (\`bench/memoryProbe.ts\`):
  one call between forced collections, with V8's \`--trace-gc\` reporting the heap in use at every
  collection; the peak is the highest level the heap reached during the call above the level just
  before it. The young generation is kept at 1 MB there, so short-lived garbage adds at most about
  that much. The child has a ${probeLimits.heapGb} GB heap and ${probeLimits.seconds} s; a case that fails there is reported as
  such (with the heap it had reached, marked ≥), and one whose call takes more than ${probeLimits.slowSeconds} s is timed
  once instead of sampled. Either way the larger inputs of its series are skipped.
`;
}

