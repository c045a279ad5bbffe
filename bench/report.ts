/**
 * docs/benchmarks.md from one run's results: goals, chart, a time table and a memory table per
 * task, patch sizes, the floor, server-side apply, reading a large YAML file, and how it was
 * measured.
 *
 * The server-side apply and YAML sections sit between marker comments (`<!-- ssa:start -->` …
 * `<!-- ssa:end -->`), so that a run of those alone (`--only=ssa,yaml-input`) replaces them in the
 * existing page ({@link replaceMarkedSections}) instead of writing a page without the rest.
 */
import { casesOf, fastestPeer, floorOf, formatRatio, judgeGoals } from './goals.js';
import { timeOf, type BenchResults, type CaseResult, type Outcome } from './results.js';
import { ssaSizes, type SsaListResult, type SsaSeries } from './serverSideApply.js';
import { tasks, type Task, type TaskId } from './tasks.js';
import { withinGoal } from './yamlInput.js';

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
    patchSizeSection(results),
    floorSection(results),
    ...markedSectionIds.map((id) => renderMarkedSection(id, results)),
    methodSection(options.probeLimits),
  ];
  return sections.join('\n');
}

function header(results: BenchResults): string {
  const versions = Object.entries(results.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  return `# Benchmarks

kubepatch beside the JavaScript libraries people use for the same jobs today, on the same inputs in
the same process. This page and its chart are written by \`npm run bench\` (about
${Math.ceil(results.elapsedMs / 60_000)} minutes; never part of \`npm test\`); numbers are from one run on:

- ${results.machine}
- peers: ${versions}

Times are medians per call; "× peer" is kubepatch's time divided by the fastest peer's (below 1 means
kubepatch is faster) and "× floor" divides by one full deep comparison of a document of that size
(see [the floor](#the-floor)). Every output is checked: a created patch must turn \`before\` into
\`after\`, an applied one must give \`after\`.
`;
}

function goalsSection(results: BenchResults): string {
  const verdicts = judgeGoals(results);
  const rows = verdicts.map((v) => `| ${v.goal} | ${v.scope} | ${v.met === undefined ? '—' : v.met ? '✔ met' : '✘ **missed**'} | ${v.worst} |`);
  const missed = (goal: string, scope: string) => verdicts.some((v) => v.met === false && v.goal.startsWith(goal) && v.scope.startsWith(scope));
  const notes = missNotes.filter((note) => missed(note.goal, note.scope)).map((note) => `- ${note.text}`);
  return `## Goals

| goal | task | result | worst case |
| --- | --- | --- | --- |
${rows.join('\n')}
${notes.length > 0 ? `\nWhy the missed goals are missed:\n\n${notes.join('\n')}\n` : ''}`;
}

/** Why a goal is missed, shown only when this run misses it. */
const missNotes: ReadonlyArray<{ goal: string; scope: string; text: string }> = [
  {
    goal: 'at least as fast as the fastest peer',
    scope: 'JSON Patch: create',
    text: `JSON Patch create against fast-json-patch: fast-json-patch compares lists by index and checks
  nothing. kubepatch first checks that both documents are JSON (a full walk of each: cycles, depth,
  class instances), matches list elements by key or by content so that an insertion is one \`add\`
  rather than a rewrite of every later index (see the patch sizes), and copies every value it puts
  in the patch so that the patch shares nothing with its inputs. Those guarantees cost a small
  constant factor at every size; the keyed patch is the one to send to an API server.`,
  },
  {
    goal: 'at least as fast as the fastest peer',
    scope: 'Merge patch: create',
    text: `Merge patch create against json-merge-patch: json-merge-patch stops comparing a list at its first
  difference and puts \`after\`'s own list into the patch, so a changed list costs it nearly
  nothing whatever its length. kubepatch checks both documents and returns a patch that shares no
  object with them (changing the patch later cannot change \`after\`); its time stays about twice the
  floor.`,
  },
  {
    goal: 'at least as fast as the fastest peer',
    scope: 'JSON Patch: apply',
    text: `JSON Patch apply: every library copies the whole document (kubepatch so as not to change its
  input, the others because they were asked not to); where kubepatch is behind, it is by the cost of
  resolving each pointer strictly (own properties only, canonical indices).`,
  },
  {
    goal: 'within 3x of the deep-equal floor',
    scope: 'Strategic merge patch',
    text: `Strategic merge patch against the floor: besides comparing, it checks both documents, looks up
  the schema for every field, indexes merge lists by key, writes \`$setElementOrder\` directives that
  list every element's key, and copies what it puts in the patch; on long lists the directive alone
  is as large as the list.`,
  },
  {
    goal: 'within 3x of the deep-equal floor',
    scope: 'Semantic diff',
    text: `Semantic diff against the floor: it normalizes before comparing (quantities by value, server
  defaults, empty-equals-absent, ignored fields), matches keyed lists by key, and builds a
  Kubernetes-style path and a JSON Pointer for every change it reports.`,
  },
];

function taskSection(results: BenchResults, task: Task): string {
  const kubepatchNames = task.contenders.filter((c) => c.library === 'kubepatch').map((c) => c.name);
  const hasPeers = task.contenders.length > kubepatchNames.length;
  const ratioHeader = (what: string) => (kubepatchNames.length > 1 ? `${kubepatchNames.join(' / ')} ${what}` : what);
  const header = ['input', ...task.contenders.map((c) => c.name + (c.lists ? ` (${c.lists})` : '')), ...(hasPeers ? [ratioHeader('× peer')] : []), ratioHeader('× floor')];
  const footnotes = new Set<string>();
  const rows = results.inputs.map((input) => {
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
  const note = apimachineryNote(results, task.id);
  return `## ${task.title}

${table}
${[...footnotes].map((footnote) => `\n${footnote}`).join('')}${note ? `\n${note}\n` : ''}
${memoryTable(results, task)}`;
}

/** Go's apimachinery on the 10,000-element env list, as measured on these machines for issue #3. */
const goAt10k: Partial<Record<TaskId, string>> = { 'strategic-create': '2.6 s', 'strategic-apply': '15 s' };

function apimachineryNote(results: BenchResults, taskId: TaskId): string | undefined {
  const go = goAt10k[taskId];
  const ms = timeOf(casesOf(results, taskId, 'env-10000').find((c) => c.isKubepatch)?.outcome);
  if (go === undefined || ms === undefined) return undefined;
  return `For scale: Go's apimachinery needs about ${go} for the 10,000-element env list on these machines (its merge-list code scans the list once per element); kubepatch needs ${formatMs(ms)}.`;
}

function outcomeCell(result: CaseResult | undefined, footnotes: Set<string>): string {
  if (result === undefined) return '';
  const wrong = result.wrong === undefined ? '' : ' ⚠';
  if (result.wrong !== undefined) footnotes.add(`⚠ ${result.contender} on this input: ${result.wrong}.`);
  return formatOutcome(result.outcome, footnotes) + wrong;
}

function formatOutcome(outcome: Outcome, footnotes: Set<string>): string {
  switch (outcome.kind) {
    case 'timed':
      return formatMs(outcome.ms);
    case 'single-run':
      footnotes.add('¹ one call (after a first, checked one): too slow to sample.');
      return `${formatMs(outcome.ms)} ¹`;
    case 'failed':
      return `✕ ${outcome.reason}`;
    case 'not-run':
      return `— (${outcome.reason})`;
  }
}

function memoryTable(results: BenchResults, task: Task): string {
  const large = results.inputs.filter((input) => input.large);
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
  elements elsewhere.
- Each task runs its contenders side by side in one process, in three rounds, each contender
  sampled in every round (calls batched to at least 1 ms per sample); the table shows the median.
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

/** The sections a run of their own can replace in an existing page; also the `--only` ids that select them. */
export const markedSectionIds = ['ssa', 'yaml-input'] as const;
export type MarkedSectionId = (typeof markedSectionIds)[number];

const startMarker = (id: MarkedSectionId) => `<!-- ${id}:start -->`;
const endMarker = (id: MarkedSectionId) => `<!-- ${id}:end -->`;

/**
 * One marked section, markers included. `standalone`: it is written into a page whose other
 * sections come from another run, so it names its own machine.
 */
export function renderMarkedSection(id: MarkedSectionId, results: BenchResults, standalone = false): string {
  const body = id === 'ssa' ? ssaSection(results) : yamlInputSection(results);
  const origin = standalone ? `\n_Measured in a run of this section alone (\`--only=${id}\`) on ${results.machine}._\n` : '';
  return `${startMarker(id)}\n${body}${origin}\n${endMarker(id)}\n`;
}

/**
 * The page with each given section put in place of its marked one. A section the page has no
 * markers for goes before "How it is measured" (or at the end).
 */
export function replaceMarkedSections(page: string, sections: ReadonlyMap<MarkedSectionId, string>): string {
  let out = page;
  for (const [id, section] of sections) {
    const start = out.indexOf(startMarker(id));
    const end = out.indexOf(endMarker(id));
    if (start >= 0 && end > start) {
      const after = end + endMarker(id).length;
      out = out.slice(0, start) + section + out.slice(out[after] === '\n' ? after + 1 : after);
      continue;
    }
    const method = out.indexOf('\n## How it is measured');
    out = method >= 0 ? `${out.slice(0, method + 1)}${section}\n${out.slice(method + 1)}` : `${out.trimEnd()}\n\n${section}`;
  }
  return out;
}

const seriesTitles: Readonly<Record<SsaSeries, (size: number) => string>> = {
  env: (size) => `Deployment, env list of ${size.toLocaleString('en')}`,
  configmap: (size) => `ConfigMap with ${size.toLocaleString('en')} keys`,
};

function ssaSection(results: BenchResults): string {
  const ssa = results.serverSideApply;
  if (ssa === undefined) return `## Server-side apply\n\nNot measured in this run (\`--only=ssa\` measures it).\n`;
  const footnotes = new Set<string>();
  const cell = (outcome: Outcome, wrong: string | undefined, what: string) => {
    if (wrong !== undefined) footnotes.add(`⚠ ${what}: ${wrong}.`);
    return formatOutcome(outcome, footnotes) + (wrong === undefined ? '' : ' ⚠');
  };
  const deploymentRows = ssa.deployment.map((row) => `| ${row.title} | ${cell(row.outcome, row.wrong, row.title)} |`);
  const perElementUs = (row: SsaListResult, ...outcomes: Outcome[]) => {
    const times = outcomes.map(timeOf);
    return times.some((ms) => ms === undefined) ? undefined : (times.reduce((a, b) => a! + b!, 0)! * 1_000) / row.size;
  };
  const listRows = ssa.lists.map((row) => {
    const title = seriesTitles[row.series](row.size);
    const apply = perElementUs(row, row.apply);
    const codec = perElementUs(row, row.decode, row.encode);
    return `| ${title} | ${row.paths.toLocaleString('en')} | ${cell(row.apply, row.wrong, title)} | ${formatUs(apply)} | ${formatOutcome(row.decode, footnotes)} | ${formatOutcome(row.encode, footnotes)} | ${formatUs(codec)} |`;
  });
  const smallest = Math.min(...ssaSizes);
  const largest = Math.max(...ssaSizes);
  const linearity = (series: SsaSeries, per: (row: SsaListResult) => number | undefined) => {
    const at = (size: number) => {
      const row = ssa.lists.find((r) => r.series === series && r.size === size);
      return row && per(row);
    };
    const small = at(smallest);
    const large = at(largest);
    if (small === undefined || large === undefined) return '—';
    const ratio = large / small;
    return ratio > 2 ? `**${formatRatio(ratio)}**` : formatRatio(ratio);
  };
  const linearityRows = (['env', 'configmap'] as const).map(
    (series) =>
      `| ${series === 'env' ? 'Deployment, env list' : 'ConfigMap keys'} | ${linearity(series, (row) => perElementUs(row, row.apply))} | ${linearity(series, (row) => perElementUs(row, row.decode, row.encode))} |`,
  );
  return `## Server-side apply

\`serverSideApply\` and \`recordUpdate\` compute offline what the API server stores (the merged
object and its \`managedFields\`); each row is the median time of one call on objects built once
beforehand (\`bench/serverSideApply.ts\`), every output checked once before it is timed.

The typical Deployment has three containers (env, ports, probes, mounts), three volumes and four
labels; its manager's \`Apply\` entry holds ${ssa.deploymentPaths.toLocaleString('en')} paths, which the last four rows decode and encode.

| call | time |
| --- | ---: |
${deploymentRows.join('\n')}

Long lists and maps: a Deployment whose container has n env variables (an associative list keyed by
\`name\`) and a ConfigMap with n data keys, already applied by the same manager; the timed apply
changes 10% of the elements and drops 5%, which it removes from the object. The manager's resulting
entry (its paths in the second column) is then decoded (\`FieldSet.fromFieldsV1\`) and encoded
(\`serialize\`). Per element: divided by n.

| input | paths in the entry | apply | apply per element | FieldSet decode | encode | decode + encode per element |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${listRows.join('\n')}

Time per element at ${largest.toLocaleString('en')} elements divided by that at ${smallest.toLocaleString('en')} (1× is linear; bold: beyond the 2× the other tasks' goal allows):

| input | apply | FieldSet decode + encode |
| --- | ---: | ---: |
${linearityRows.join('\n')}
${[...footnotes].map((footnote) => `\n${footnote}`).join('')}${footnotes.size > 0 ? '\n' : ''}`;
}

function yamlInputSection(results: BenchResults): string {
  const title = '## Reading a large YAML file';
  const measured = results.yamlInput;
  if (measured === undefined) return `${title}\n\nNot measured in this run (\`--only=yaml-input\` measures it).\n`;
  if (typeof measured === 'string') return `${title}\n\nNot measured in this run: ${measured}.\n`;
  const { megabytes, kubepatch, kubectl, kubectlVersion } = measured;
  const ratio = (ours: number, theirs: number) => {
    const value = ours / theirs;
    return `${formatRatio(value)} ${value <= 2 ? '✔' : '✘'}`;
  };
  const seconds = (value: number) => `${value.toFixed(1)} s`;
  const megabytesOf = (value: number) => `${value.toFixed(0)} MB`;
  return `${title}

The CLI reading a ${megabytes} MB ConfigMap (plain, quoted and \`|\` block values), \`kubepatch diff big.yaml big.yaml\`
(run through tsx from the sources), beside \`kubectl patch --local -f big.yaml -p {} --type merge -o json\`${kubectlVersion ? ` (kubectl ${kubectlVersion})` : ''}:
each in a child process, wall time and peak resident memory from \`/usr/bin/time\` (\`bench/yamlInput.ts\`). The goal is
to stay within 2× of kubectl in both; this run is ${withinGoal(measured) ? '✔ within it' : '✘ **not within it**'}.

| | wall time | peak memory |
| --- | ---: | ---: |
| kubepatch diff | ${seconds(kubepatch.seconds)} | ${megabytesOf(kubepatch.peakMb)} |
| kubectl patch --local | ${seconds(kubectl.seconds)} | ${megabytesOf(kubectl.peakMb)} |
| kubepatch / kubectl (goal: ≤ 2×) | ${ratio(kubepatch.seconds, kubectl.seconds)} | ${ratio(kubepatch.peakMb, kubectl.peakMb)} |
`;
}

function formatUs(us: number | undefined): string {
  if (us === undefined) return '—';
  return `${us.toFixed(us >= 100 ? 0 : us >= 10 ? 1 : 2)} µs`;
}

function formatMs(ms: number): string {
  if (ms >= 1_000) return `${(ms / 1_000).toFixed(1)} s`;
  if (ms >= 1) return `${ms.toFixed(ms >= 100 ? 0 : 2)} ms`;
  return `${(ms * 1_000).toFixed(ms >= 0.1 ? 0 : 1)} µs`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(2)} GB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  if (bytes >= 1 << 10) return `${(bytes / (1 << 10)).toFixed(1)} kB`;
  return `${bytes} B`;
}
