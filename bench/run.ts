/**
 * `npm run bench`: times every task's contenders side by side on the same inputs, each input in a
 * child process of its own (bench/measureInput.ts), probes peak memory of the large cases in a
 * child process each, and writes docs/benchmarks.md with docs/benchmarks.svg.
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
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inputBuilders } from './inputs.js';
import { renderChart } from './chart.js';
import type { GoComparison } from './apimachinery.js';
import { prepareGoPeer, type GoPeer } from './goPeer.js';
import { markedSectionIds, renderMarkedSection, replaceMarkedSections, type MarkedSectionId } from './markedSections.js';
import { measureInputInChild, type InputReply } from './measureInput.js';
import { mergeReplies } from './mergeReplies.js';
import { renderReport } from './report.js';
import type { BenchResults, CaseResult, FloorResult, InputSummary } from './results.js';
import { measureServerSideApply } from './serverSideApply.js';
import { benchSettings } from './settings.js';
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

const settings = benchSettings(quick);
/** One input's child process: its tasks, and Go's comparison, which alone may take up to `goTimeoutMs`. */
const inputTimeoutMs = settings.goTimeoutMs + 600_000;

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
  const built = build();
  const goReads = built.goType !== undefined;
  if (!measured && !goReads) continue;
  // Go's program is built (or found cached) at the first input Go can read.
  if (goPeer === undefined && goReads) {
    goPeer = await prepareGoPeer((line) => console.log(line));
    if (typeof goPeer === 'string') console.log(`Go's apimachinery left out: ${goPeer}`);
  }
  // The first process also gives the input to Go; a small input is measured again in more processes.
  const request = { inputId, settings, measured, stopped: [...stopped] };
  const replies = [measureInputInChild({ ...request, ...(goPeer !== undefined && typeof goPeer !== 'string' ? { goPeer } : {}) }, inputTimeoutMs)];
  const processes = measured && !built.large ? settings.processesPerSmallInput : 1;
  for (let i = 1; i < processes; i++) replies.push(measureInputInChild(request, inputTimeoutMs));
  const failure = replies.find((reply): reply is string => typeof reply === 'string');
  if (failure !== undefined) {
    console.error(`${inputId}: not measured: ${failure}`);
    process.exitCode = 1;
    continue;
  }
  const reply = mergeReplies(replies as InputReply[]);
  for (const [key, reason] of reply.stopped) stopped.set(key, reason);
  if (measured) {
    inputs.push(reply.summary);
    cases.push(...reply.cases);
    if (reply.floor !== undefined) floorResults.push(reply.floor);
  }
  if (reply.go !== undefined) {
    goInputs.push(reply.summary);
    goRows.push(...reply.go.rows);
    goVersions ??= reply.go.versions;
    const differing = reply.go.rows.filter((row) => row.agreement !== 'same').map((row) => `${row.taskId}: ${row.agreement}${row.wrong ? ` (${row.wrong})` : ''}`);
    const took = `${(reply.go.ms / 1000).toFixed(1)} s`;
    console.log(`${inputId}: Go ${reply.go.failure ?? 'and kubepatch compared'} in ${took}${differing.length > 0 ? `; outputs not the same: ${differing.join(', ')}` : ''}`);
  } else if (!measured) continue;
  console.log(`${inputId}: done (${elapsed()})`);
}

const serverSideApply = selected('ssa')
  ? measureServerSideApply({ rounds: settings.rounds, roundBudgetMs: settings.roundBudgetMs, slowCallMs: settings.ssaSlowCallMs }, (line) => console.log(`${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`))
  : undefined;
const yamlInput = selected('yaml-input') ? measureYamlInput(quick) : undefined;
if (yamlInput !== undefined) console.log(describeYamlInput(yamlInput));

const apimachinery =
  typeof goPeer === 'string' ? goPeer : goPeer === undefined ? undefined : { go: goVersions?.go ?? 'go', apimachinery: goVersions?.apimachinery ?? '', inputs: goInputs, rows: goRows, slowCallMs: settings.slowCallMs };
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
  writeFileSync(pageFile, renderReport(results, { chartFile: 'benchmarks.svg', probeLimits: { heapGb: settings.probeHeapMb / 1024, seconds: settings.probeTimeoutMs / 1000, slowSeconds: settings.slowCallMs / 1000 } }));
}
console.log(`wrote ${fileURLToPath(pageFile)}${sectionsOnly ? ` (sections ${only.join(', ')})` : ''} in ${(results.elapsedMs / 1000).toFixed(0)} s`);

function versionsOf(packages: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    packages.map((name) => [name, (JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version]),
  );
}
