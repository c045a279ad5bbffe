/**
 * The section of docs/benchmarks.md on the CLI reading a large YAML file beside kubectl (measured
 * by bench/yamlInput.ts).
 */
import { formatRatio } from './format.js';
import type { BenchResults } from './results.js';
import { withinGoal } from './yamlInput.js';

export function yamlInputSection(results: BenchResults): string {
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

