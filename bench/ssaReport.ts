/**
 * The server-side apply section of docs/benchmarks.md (measured by bench/serverSideApply.ts): the
 * typical Deployment's calls, long lists and maps, and how time per element grows with them.
 */
import { formatOutcome, formatRatio, formatUs } from './format.js';
import { timeOf, type BenchResults, type Outcome } from './results.js';
import { ssaSizes, type SsaListResult, type SsaSeries } from './serverSideApply.js';

const seriesTitles: Readonly<Record<SsaSeries, (size: number) => string>> = {
  env: (size) => `Deployment, env list of ${size.toLocaleString('en')}`,
  configmap: (size) => `ConfigMap with ${size.toLocaleString('en')} keys`,
};

export function ssaSection(results: BenchResults): string {
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

