/**
 * The "Go's apimachinery" section of docs/benchmarks.md (measured by bench/apimachinery.ts): per
 * task, Go's time beside kubepatch's on objects and kubepatch's with JSON text in and out, the
 * ratios, and whether the two outputs agree.
 */
import { goTasks, type GoComparison, type GoTask } from './apimachinery.js';
import { formatMs, formatOutcome, formatRatio } from './format.js';
import { timeOf, type BenchResults } from './results.js';

const title = "## Go's apimachinery";

export function apimachinerySection(results: BenchResults): string {
  const measured = results.apimachinery;
  if (measured === undefined) return `${title}\n\nNot measured in this run (\`--only=apimachinery\` measures it).\n`;
  if (typeof measured === 'string') return `${title}\n\nNot measured in this run: ${measured}. Go 1.24 or later builds go/cmd/apimachinery-bench on the first run.\n`;
  const footnotes = new Set<string>();
  const tables = goTasks.map((task) => taskTable(task, measured.rows, measured.inputs, footnotes));
  const agreeing = measured.rows.filter((row) => row.agreement === 'same').length;
  return `${title}

Go's k8s.io/apimachinery ${measured.apimachinery} (${measured.go}), timed by go/cmd/apimachinery-bench on the same
documents in its own process. Go's functions take the documents as JSON bytes and return bytes, so
its times include reading and writing JSON, while kubepatch's functions take and return objects.
Both kubepatch times are shown: **kubepatch** is the call on objects, **kubepatch + JSON** the same
call with \`JSON.parse\` of every input and \`JSON.stringify\` of the output around it, the
like-for-like comparison with Go. The goals use the first, each library through its own API, as
issue #15 sets them. "× faster" is Go's time divided by kubepatch's.

Go reads the patch metadata from struct tags: k8s.io/api's Deployment, StatefulSet, Pod and
ConfigMap, and for the MergeItem lists a struct with the fields and tags of apimachinery's test type
\`MergeItem\`, which the kubepatch side mirrors with \`PatchSchema.fromTable\`
(\`bench/mergeItemInputs.ts\`). A MergeItem list of n is a root item whose \`mergingList\` (merged by
\`name\`) holds n items, each with a nested merge list, a map and a merged list of integers; 10% of
the items change in every part, 5% are removed, 5% added. The Argo Rollout is left out: go/ has no
Go type of it, and kubectl sends a custom resource a JSON merge patch. The three-way tasks' live
object is \`before\` with one change made on the server (an annotation; \`other\` on a MergeItem),
which the patch must keep; Go's \`overwrite\` is true, kubectl's default.

Go is timed as kubepatch is (calls batched to at least 1 ms per sample, samples for the same
budget, the median); a Go call longer than ${measured.slowCallMs / 1000} s is timed once. Every output is checked:
"same" means Go's output and kubepatch's are the same JSON, key order aside; "same result" that the
patches differ but each gives the expected document; "differs" that one of them does not. In this
run ${agreeing} of ${measured.rows.length} outputs are the same.

${tables.join('\n')}${[...footnotes].map((footnote) => `\n${footnote}`).join('')}${footnotes.size > 0 ? '\n' : ''}`;
}

function taskTable(task: GoTask, rows: readonly GoComparison[], inputs: ReadonlyArray<{ id: string; title: string }>, footnotes: Set<string>): string {
  const lines = inputs.flatMap((input) => {
    const row = rows.find((r) => r.inputId === input.id && r.taskId === task.id);
    if (row === undefined) return [];
    const go = timeOf(row.go);
    const faster = (ms: number | undefined) => (go === undefined || ms === undefined ? '—' : formatRatio(go / ms));
    const cells = [goCell(row, footnotes), formatOutcome(row.kubepatch, footnotes), formatOutcome(row.kubepatchBytes, footnotes)];
    return [`| ${input.title} | ${cells.join(' | ')} | ${faster(timeOf(row.kubepatch))} / ${faster(timeOf(row.kubepatchBytes))} | ${agreementCell(row, input.title, footnotes)} |`];
  });
  return `### ${task.title}

Go's \`${task.go}\` beside kubepatch's \`${task.kubepatch}\`.

| input | Go | kubepatch | kubepatch + JSON | × faster (kubepatch / + JSON) | output |
| --- | ---: | ---: | ---: | ---: | --- |
${lines.join('\n')}
`;
}

/** Go's time; a slow call is timed once, and that one is its first, checked call. */
function goCell(row: GoComparison, footnotes: Set<string>): string {
  if (row.go.kind !== 'single-run') return formatOutcome(row.go, footnotes);
  footnotes.add('² one call, the first (checked) one: too slow to sample.');
  return `${formatMs(row.go.ms)} ²`;
}

function agreementCell(row: GoComparison, inputTitle: string, footnotes: Set<string>): string {
  if (row.wrong !== undefined) footnotes.add(`⚠ ${inputTitle}, ${row.taskId}: ${row.wrong}.`);
  switch (row.agreement) {
    case 'same':
      return 'same';
    case 'same-result':
      return 'same result';
    case 'different':
      return 'differs ⚠';
    case 'unchecked':
      return row.wrong === undefined ? '—' : '— ⚠';
  }
}
