import { findImmutableFieldChanges } from '../../metadata/findImmutableFieldChanges.js';
import { diffRollout } from '../../rollout/diffRollout.js';
import type { ArgoRolloutsVersion } from '../../rollout/ArgoRolloutsVersion.js';
import { explainFailure } from '../CliError.js';
import type { Command } from '../Command.js';
import { pairObjects, readObjects, type KubeObject } from '../kubeObjects.js';
import { oneOf, parseCommandArgs } from '../parseCommandArgs.js';
import { describeSource } from '../readDocuments.js';
import { isRollout } from './isRollout.js';

const HELP = `Usage: kubepatch check [options] OLD NEW

A CI gate for an update from OLD to NEW. Prints one line per problem, with the
object, the path and the message, and exits 1 when there is any:
  - a change to an immutable field, in the API server's words (a Deployment's or
    a Rollout's selector, a Job's template, a Service's clusterIP, …);
  - a risky Argo Rollout change: a selector change, a strategy change (canary ↔
    blueGreen), a pod template change on a Rollout with no steps to stop at.
Objects only in one input are not checked. Exit 0 when all is well, 2 on trouble.

Options:
      --argo-version 1.8|1.9  the Argo Rollouts release in the cluster (default: 1.9)
  -h, --help                  this help

Example:
  kubepatch check examples/rollouts/rollout.v1.yaml examples/rollouts/rollout.v2-selector.yaml
  # Rollout shop/storefront: spec.selector: Invalid value: "object": .spec.selector is immutable
`;

/** `kubepatch check OLD NEW`: immutable-field violations and risky Rollout changes. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'immutable-field changes and risky Rollout changes (exit 1 when any)',
  help: HELP,
  async run(args, io) {
    const { values, positionals, help } = parseCommandArgs('check', args, { 'argo-version': { type: 'string' } }, ['OLD', 'NEW']);
    if (help) return io.out(HELP), 0;
    const argoVersion = oneOf<ArgoRolloutsVersion>('check', 'argo-version', values['argo-version'], ['1.8', '1.9'], '1.9');
    const [oldArg, newArg] = positionals as [string, string];
    const { pairs } = pairObjects(await readObjects(oldArg, io), await readObjects(newArg, io), false);
    const problems = pairs.flatMap((pair) => explainFailure(`${describeSource(pair.new)} ${pair.new.label}`, () => problemsOf(pair.old, pair.new, argoVersion)));
    for (const problem of problems) io.out(`${problem}\n`);
    return problems.length > 0 ? 1 : 0;
  },
};

function problemsOf(old: KubeObject, desired: KubeObject, argoVersion: ArgoRolloutsVersion): string[] {
  const immutable = findImmutableFieldChanges(old.object, desired.object);
  const lines = immutable.map((change) => `${desired.label}: ${change.message}`);
  if (!isRollout(desired.object)) return lines;
  const reported = new Set(immutable.map((change) => change.field));
  for (const entry of diffRollout(old.object, desired.object, { argoVersion }).reactions) {
    const noSteps = entry.reaction === 'new-revision' && entry.explanation.includes('with no steps to stop at');
    if (entry.risk !== 'high' && !noSteps) continue;
    if (entry.reaction === 'selector-change' && reported.has('spec.selector')) continue;
    lines.push(`${desired.label}: ${entry.paths.join(', ')}: ${entry.reaction}: ${entry.explanation}`);
  }
  return lines;
}
