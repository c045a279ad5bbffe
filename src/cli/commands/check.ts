import type { ArgoRolloutsVersion } from '../../rollout/ArgoRolloutsVersion.js';
import { explainFailure } from '../CliError.js';
import type { Command } from '../Command.js';
import { pairObjects, readObjects } from '../kubeObjects.js';
import { oneOf, parseCommandArgs } from '../parseCommandArgs.js';
import { describeSource } from '../readDocuments.js';
import { render } from '../render.js';
import { findCheckProblems, type CheckProblem } from './checkProblems.js';

const HELP = `Usage: kubepatch check [options] OLD NEW

A CI gate for an update from OLD to NEW. Prints one line per problem,
OBJECT at PATH[, PATH…]: MESSAGE, and exits 1 when there is any:
  - a change to an immutable field, in the API server's words (a Deployment's or
    a Rollout's selector, a Job's template, a Service's clusterIP, …);
  - a risky Argo Rollout change: a selector change, a strategy change (canary ↔
    blueGreen), a pod template change on a Rollout with no steps to stop at.
Fields refused with one message (a StatefulSet's serviceName and
volumeClaimTemplates) are one problem with several paths.
Objects only in one input are not checked. Exit 0 when all is well, 2 on trouble.

Options:
      --argo-version 1.8|1.9   the Argo Rollouts release in the cluster (default: 1.9)
  -o, --output text|json|yaml  output format (default: text); json/yaml: a list of
                               { object, source, type, reaction?, paths, message },
                               [] when all is well
      --no-color               no ANSI colours (this output has none)
  -h, --help                   this help

Example:
  kubepatch check examples/rollouts/rollout.v1.yaml examples/rollouts/rollout.v2-selector.yaml
  # Rollout shop/storefront at spec.selector: spec.selector: Invalid value: "object": .spec.selector is immutable
`;

/** `kubepatch check OLD NEW`: immutable-field violations and risky Rollout changes. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'immutable-field changes and risky Rollout changes (exit 1 when any)',
  help: HELP,
  async run(args, io) {
    const { values, positionals, help } = parseCommandArgs(
      'check',
      args,
      { 'argo-version': { type: 'string' }, output: { type: 'string', short: 'o' } },
      ['OLD', 'NEW'],
    );
    if (help) return io.out(HELP), 0;
    const argoVersion = oneOf<ArgoRolloutsVersion>('check', 'argo-version', values['argo-version'], ['1.8', '1.9'], '1.9');
    const output = oneOf('check', 'output', values.output, ['text', 'json', 'yaml'], 'text');
    const [oldArg, newArg] = positionals as [string, string];
    const { pairs } = pairObjects(await readObjects(oldArg, io), await readObjects(newArg, io), false);
    const problems = pairs.flatMap((pair) =>
      explainFailure(`${describeSource(pair.new)} ${pair.new.label}`, () => findCheckProblems(pair.old, pair.new, argoVersion)),
    );
    if (output !== 'text') io.out(render(problems, output));
    else for (const problem of problems) io.out(`${formatProblem(problem)}\n`);
    return problems.length > 0 ? 1 : 0;
  },
};

/** `OBJECT at PATH, PATH: MESSAGE` (a Rollout risk: `MESSAGE` is `reaction: explanation`). */
function formatProblem(problem: CheckProblem): string {
  const at = problem.paths.length === 0 ? '' : ` at ${problem.paths.join(', ')}`;
  const message = problem.reaction === undefined ? problem.message : `${problem.reaction}: ${problem.message}`;
  return `${problem.object}${at}: ${message}`;
}
