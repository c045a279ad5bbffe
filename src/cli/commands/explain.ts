import type { ArgoRolloutsVersion } from '../../rollout/ArgoRolloutsVersion.js';
import { diffRollout } from '../../rollout/diffRollout.js';
import type { RolloutChangeReport } from '../../rollout/RolloutChangeReport.js';
import { explainFailure } from '../CliError.js';
import type { Command } from '../Command.js';
import { pairObjects, readObjects } from '../kubeObjects.js';
import { oneOf, parseCommandArgs } from '../parseCommandArgs.js';
import { describeSource } from '../readDocuments.js';
import { render } from '../render.js';
import { isRollout } from './isRollout.js';

const HELP = `Usage: kubepatch explain [options] OLD NEW

For an Argo Rollout, says what the controller will do when OLD is updated to NEW:
a new revision, a steps reset, a scale only, a refused selector change, … with the
risk of each (none, low, medium, high) and the paths that cause it.

Options:
      --argo-version 1.8|1.9   the Argo Rollouts release in the cluster (default: 1.9)
  -o, --output text|json|yaml  output format (default: text); json/yaml: a list of
                               { object, risk, reactions }
      --no-color               no ANSI colours (this output has none)
  -h, --help                   this help

With no Rollout in both inputs there is nothing to explain: it says so (json/yaml:
an empty list) and exits 0.

Example:
  kubepatch explain examples/rollouts/rollout.v1.yaml examples/rollouts/rollout.v2-selector.yaml
  # Rollout shop/storefront: risk high
  #   selector-change (high) at spec.selector.matchLabels["app.kubernetes.io/part-of"]
  #     spec.selector changes: with the v1.9+ CRD the API server rejects the update …
`;

/** `kubepatch explain OLD NEW`: the report of {@link diffRollout} for each Rollout. */
export const explainCommand: Command = {
  name: 'explain',
  summary: "what Argo Rollouts' controller will do with a Rollout change",
  help: HELP,
  async run(args, io) {
    const { values, positionals, help } = parseCommandArgs(
      'explain',
      args,
      { 'argo-version': { type: 'string' }, output: { type: 'string', short: 'o' } },
      ['OLD', 'NEW'],
    );
    if (help) return io.out(HELP), 0;
    const argoVersion = oneOf<ArgoRolloutsVersion>('explain', 'argo-version', values['argo-version'], ['1.8', '1.9'], '1.9');
    const output = oneOf('explain', 'output', values.output, ['text', 'json', 'yaml'], 'text');
    const [oldArg, newArg] = positionals as [string, string];
    const rollouts = pairObjects(await readObjects(oldArg, io), await readObjects(newArg, io), false).pairs.filter((p) => isRollout(p.new.object));
    if (rollouts.length === 0 && output === 'text') {
      const [oldName, newName] = [oldArg, newArg].map((arg) => (arg === '-' ? '<stdin>' : arg));
      io.out(`Nothing to explain: no Argo Rollout (argoproj.io Rollout) is in both ${oldName} and ${newName}.\n`);
      return 0;
    }
    const reports = rollouts.map((pair) => ({
      object: pair.new.label,
      report: explainFailure(`${describeSource(pair.new)} ${pair.new.label}`, () => diffRollout(pair.old.object, pair.new.object, { argoVersion })),
    }));
    if (output !== 'text') {
      io.out(render(reports.map(({ object, report }) => ({ object, risk: report.risk, reactions: report.reactions })), output));
    } else {
      for (const { object, report } of reports) io.out(formatReport(object, report));
    }
    return 0;
  },
};

function formatReport(object: string, report: RolloutChangeReport): string {
  const lines = [`${object}: risk ${report.risk}`];
  for (const entry of report.reactions) {
    lines.push(`  ${entry.reaction} (${entry.risk})${entry.paths.length > 0 ? ` at ${entry.paths.join(', ')}` : ''}`);
    lines.push(`    ${entry.explanation}`);
  }
  return `${lines.join('\n')}\n`;
}
