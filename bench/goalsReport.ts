/**
 * The goals section of docs/benchmarks.md: the verdicts of bench/goals.ts and, for each missed
 * goal, every case that misses it with what its ratio compares. The notes are generated from the
 * run's numbers or state what a ratio measures; they never explain a miss by how the engines work
 * today, which changes while the page stays.
 */
import { judgeGoals, type Verdict } from './goals.js';
import type { BenchResults } from './results.js';

export function goalsSection(results: BenchResults): string {
  const verdicts = judgeGoals(results);
  const rows = verdicts.map((v) => `| ${v.goal} | ${v.scope} | ${v.met === undefined ? '—' : v.met ? '✔ met' : '✘ **missed**'} | ${v.worst} |`);
  const notes = verdicts.filter((v) => v.met === false).map((v) => `- ${v.scope}, ${v.goal}: ${listed(v.misses)}.${contextOf(v, results)}`);
  return `## Goals

The verdicts of this one run. Runs of the same code on the same machine (2 shared cores) differ:
a ratio within about a fifth of its limit has come out on either side of it from one run to the
next, so such a verdict says "close to the limit" rather than "met" or "missed" for good.

| goal | task | result | worst case |
| --- | --- | --- | --- |
${rows.join('\n')}
${notes.length > 0 ? `\nWhere the missed goals are missed (the cases beyond the limit, worst first):\n\n${notes.join('\n')}\n` : ''}`;
}

/** The worst misses, and how many more there are. */
function listed(misses: readonly string[], shown = 6): string {
  const more = misses.length - shown;
  return more > 1 ? `${misses.slice(0, shown).join('; ')}; and ${more} more` : misses.join('; ');
}

/** What the ratio of a goal compares, said once per missed goal. */
function contextOf(verdict: Verdict, results: BenchResults): string {
  const { goal } = verdict;
  if (goal.includes("Go's apimachinery")) {
    return ` The ratio is Go's time over kubepatch's, each through its own API (Go on bytes, kubepatch on objects); [Go's apimachinery](#gos-apimachinery) also has kubepatch with \`JSON.parse\` and \`JSON.stringify\` around the call.`;
  }
  if (goal.includes('fast-json-patch')) {
    return ' The ratio is kubepatch\'s time over fast-json-patch\'s; fast-json-patch matches list elements by index (its patches are compared in [Patch size](#patch-size)).';
  }
  if (goal.includes('floor')) return ' The ratio is the time of one call over one deep comparison of a document of that size ([the floor](#the-floor)).';
  if (goal.includes('kubectl')) {
    const measured = results.yamlInput;
    if (measured === undefined || typeof measured === 'string') return '';
    const { kubepatch, kubectl } = measured;
    return ` kubepatch: ${kubepatch.seconds.toFixed(1)} s and ${kubepatch.peakMb.toFixed(0)} MB; kubectl: ${kubectl.seconds.toFixed(1)} s and ${kubectl.peakMb.toFixed(0)} MB ([Reading a large YAML file](#reading-a-large-yaml-file)).`;
  }
  if (goal.startsWith('time per element')) return ' The ratio is the time per element at 10,000 elements over that at 1,000 (1× is linear).';
  return " The ratio is kubepatch's time over the peer's.";
}
