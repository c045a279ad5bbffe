// Compact reports of findings, each with what replays it, and a summary by class.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shownOutcome } from './engine.js';
import type { Counts, Finding, StepRecord } from './runner.js';

/** The environment that replays one sequence exactly (same seed, same index). */
export const replayEnv = (seed: number, sequence: number): string => `KUBEPATCH_SSA_SEED=${seed} KUBEPATCH_SSA_ONLY=${sequence}`;

const oneLine = (value: unknown): string => JSON.stringify(value) ?? 'null';

/**
 * One finding: where, the replay, the request, the differences and, `full`, the live object
 * before and both answers.
 */
export function formatFinding(seed: number, finding: Finding, full = true): string {
  const r: StepRecord = finding.record;
  const op = r.op;
  const lines = [
    `── seed ${seed} sequence ${r.sequence} step ${r.step} (${r.target}): ${op.kind} by ${op.manager}${op.force ? ' (force)' : ''}${op.subresource ? ` /${op.subresource}` : ''} — replay: ${replayEnv(seed, r.sequence)}`,
    `   edits: ${op.edits.join('; ') || '(none)'}`,
    `   request: ${op.request.method} ${op.request.path} ${op.request.contentType} ${oneLine(op.request.body)}`,
  ];
  if (full) lines.push(`   live before: ${oneLine(r.liveBefore)}`, `   server: ${r.server.statusCode} ${oneLine(r.server.body)}`, `   engine: ${oneLine(shownOutcome(r.engine))}`);
  lines.push('   differences (server | engine):');
  for (const d of finding.differences) lines.push(`     ${d.where}: ${d.server} | ${d.engine}`);
  return lines.join('\n');
}

/** The classes of the findings, most frequent first: count, class, and the first finding's place. */
export function summarize(findings: readonly Finding[]): string {
  const classes = new Map<string, { count: number; first: Finding }>();
  for (const finding of findings) {
    for (const kind of new Set(finding.differences.map((d) => d.kind))) {
      const known = classes.get(kind);
      if (known) known.count++;
      else classes.set(kind, { count: 1, first: finding });
    }
  }
  return [...classes.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([kind, { count, first }]) => `${String(count).padStart(5)}  ${kind}  (first: sequence ${first.record.sequence} step ${first.record.step}, ${first.record.target})`)
    .join('\n');
}

/**
 * The failure message of a list of findings: how many, their classes, the first finding of each
 * class in short and the very first in full (every finding goes in full to a file in the temp
 * directory, named here).
 */
export function failureReport(seed: number, title: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const file = join(tmpdir(), `kubepatch-ssa-sequences-${seed}-${title.replace(/\W+/g, '-')}.txt`);
  writeFileSync(file, findings.map((f) => formatFinding(seed, f)).join('\n\n'));
  const firstOfClass = new Map<string, Finding>();
  for (const f of findings) for (const d of f.differences) if (!firstOfClass.has(d.kind)) firstOfClass.set(d.kind, f);
  const examples = [...new Set(firstOfClass.values())].slice(0, 12).map((f) => formatFinding(seed, f, false));
  return [`${findings.length} ${title} (seed ${seed}; all of them in full in ${file}), by class:`, summarize(findings), '', ...examples, '', 'The first in full:', formatFinding(seed, findings[0]!)].join('\n');
}

export function formatCounts(seed: number, counts: Counts): string {
  const rate = counts.unforcedApplies === 0 ? 0 : (100 * counts.conflicts) / counts.unforcedApplies;
  return [
    `server-side apply sequences, seed ${seed}`,
    `  sequences ${counts.sequences}, steps ${counts.steps} (creates ${counts.creates})`,
    `  applies ${counts.applies} (forced ${counts.forcedApplies}, unforced ${counts.unforcedApplies}; conflicts ${counts.conflicts} = ${rate.toFixed(1)}% of unforced; removals ${counts.removals})`,
    `  updates: PUT ${counts.puts}, merge patch ${counts.mergePatches}, managedFields reset ${counts.managedFieldsResets}`,
    `  kubectl applies over a client-side apply's last-applied annotation: ${counts.kubectlApplies}`,
    `  status writes: apply ${counts.statusApplies} (conflicts ${counts.statusConflicts}), PUT ${counts.statusPuts}`,
    `  steps compared with the engine: ${counts.engineCompared}`,
    `  sequences by target: ${Object.entries(counts.byTarget).map(([t, n]) => `${t} ${n}`).join(', ')}`,
  ].join('\n');
}
