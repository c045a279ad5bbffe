import { isRealChange } from '../../semantic/isRealChange.js';
import type { SemanticChange } from '../../semantic/SemanticChange.js';
import type { IgnoreRule, SemanticNormalizeOptions } from '../../semantic/SemanticDiffOptions.js';
import { formatChanges } from '../../semantic/formatChanges.js';
import { semanticDiff } from '../../semantic/semanticDiff.js';
import { explainFailure, usageError } from '../CliError.js';
import type { Command } from '../Command.js';
import { pairObjects, readObjects } from '../kubeObjects.js';
import { oneOf, parseCommandArgs } from '../parseCommandArgs.js';
import { describeSource } from '../readDocuments.js';
import { render, wantsColor } from '../render.js';
import { explainObject, formatExplained, readArgoSettings, readCrdFiles, type ExplainedObject } from './diffExplain.js';

const HELP = `Usage: kubepatch diff [options] OLD NEW

Shows how NEW differs from OLD the way the API server sees it: quantities by value
(1000m = 1), empty values equal to absent ones, server defaults, status and other
server-managed fields ignored, list elements matched by key (containers by name).
OLD and NEW are JSON or YAML files (several documents allowed), directories, or -
for standard input; objects are matched by apiVersion, kind, namespace and name.

Exit status: 0 no difference, 1 differences, 2 trouble, so it works as kubectl's
external diff program: KUBECTL_EXTERNAL_DIFF="kubepatch diff" kubectl diff -f app.yaml

"Why is it out of sync": with --explain, every path that differs is listed as a real
difference, as equal because of a normalization (quantity, empty-equals-absent, default,
crd-default, string-data, webhook-written), or as ignored by a rule (its source and
index: an --ignore option, the defaults, the Argo CD Application or argocd-cm).
OLD is then the live object (kubectl get -o yaml), NEW the manifest.

Options:
  -o, --output text|json|yaml  output format (default: text, coloured on a terminal)
      --ignore RULE            leave out a field, by JSON Pointer (/spec/replicas) or
                               path pattern (spec.template.metadata.annotations.*);
                               KIND:RULE for one kind only; repeatable
      --no-normalize LIST      turn normalizations off, comma-separated: quantity,
                               empty-equals-absent, defaults, ignored-fields,
                               string-data, webhook-written (or all)
      --equivalent             also show differences that normalize away (≈)
      --explain                say for every path why it differs or not (-o json: the
                               same report for machines)
      --argocd-app FILE        honour an Argo CD Application's spec.ignoreDifferences
      --argocd-cm FILE         honour the argocd-cm ConfigMap (resource.customizations.
                               ignoreDifferences.*, resource.compareoptions)
      --crd FILE               a CustomResourceDefinition: its schema and defaults for
                               its custom resources (repeatable)
      --no-color               no ANSI colours (also NO_COLOR=1)
  -h, --help                   this help

Example:
  kubepatch diff examples/rollouts/rollout.v1.yaml examples/rollouts/rollout.v2-image.yaml
  # spec.template.spec.containers[name=storefront]
  #   ~ image: ghcr.io/example/storefront:2.7.0 → ghcr.io/example/storefront:2.8.0
  kubepatch diff --explain --argocd-app app.yaml live.yaml manifest.yaml
  # Deployment shop/web: in sync (4 explained)
  #   metadata.annotations["deployment.kubernetes.io/revision"]: equal because the cluster writes it, not the manifest [webhook-written] ("3" ≡ (absent))
  #   spec.replicas: ignored by application spec.ignoreDifferences[1] jsonPointers: /spec/replicas
  #   spec.template.spec.containers[name=web].resources.limits.cpu: equal because it is the same quantity [quantity] (500m ≡ "0.5")
  #   status: ignored by argocd-cm resource.compareoptions[0] ignoreResourceStatusField: all
`;

const NORMALIZATIONS: Record<string, keyof SemanticNormalizeOptions> = {
  quantity: 'quantity',
  'empty-equals-absent': 'emptyEqualsAbsent',
  defaults: 'defaults',
  'ignored-fields': 'ignoredFields',
  'string-data': 'stringData',
  'webhook-written': 'webhookWritten',
};

/** `kubepatch diff OLD NEW`: the semantic diff, with diff(1)'s exit codes. */
export const diffCommand: Command = {
  name: 'diff',
  summary: 'the semantic difference of two manifests (exit 1 when they differ)',
  help: HELP,
  async run(args, io) {
    if (args.includes('--server-side')) return (await import('./diffServerSide.js')).runServerSideDiff(args, io);
    const { values, positionals, help, noColor } = parseCommandArgs(
      'diff',
      args,
      {
        output: { type: 'string', short: 'o' },
        ignore: { type: 'string', multiple: true },
        'no-normalize': { type: 'string', multiple: true },
        equivalent: { type: 'boolean' },
        explain: { type: 'boolean' },
        'argocd-app': { type: 'string' },
        'argocd-cm': { type: 'string' },
        crd: { type: 'string', multiple: true },
      },
      ['OLD', 'NEW'],
    );
    if (help) return io.out(HELP), 0;
    const output = oneOf('diff', 'output', values.output, ['text', 'json', 'yaml'], 'text');
    const argocd = await readArgoSettings(values['argocd-app'], values['argocd-cm'], io);
    const crds = await readCrdFiles(values.crd ?? [], io);
    const options = {
      ignore: ignoreRules(values.ignore ?? []), normalize: normalizeOptions(values['no-normalize'] ?? []),
      ...(argocd === undefined ? {} : { argocd }), ...(crds.length === 0 ? {} : { crds }),
    };
    const [oldArg, newArg] = positionals as [string, string];
    const { pairs, onlyOld, onlyNew } = pairObjects(await readObjects(oldArg, io), await readObjects(newArg, io), false);

    const byObject: Record<string, SemanticChange[]> = {};
    const explained: ExplainedObject[] = [];
    let different = onlyOld.length > 0 || onlyNew.length > 0;
    for (const pair of pairs) {
      const where = `${describeSource(pair.new)} ${pair.new.label}`;
      const changes = explainFailure(where, () => semanticDiff(pair.old.object, pair.new.object, options));
      if (changes.some(isRealChange)) different = true;
      if (values.explain === true) explained.push(explainObject(pair.new.label, changes));
      const shown = values.equivalent === true ? changes : changes.filter(isRealChange);
      if (shown.length > 0) byObject[pair.new.label] = [...shown];
    }
    for (const gone of onlyOld) byObject[gone.label] = [{ path: '(object)', pointer: '', kind: 'removed', from: gone.object }];
    for (const made of onlyNew) byObject[made.label] = [{ path: '(object)', pointer: '', kind: 'added', to: made.object }];

    if (values.explain === true) {
      for (const gone of onlyOld) explained.push(explainObject(gone.label, byObject[gone.label]!));
      for (const made of onlyNew) explained.push(explainObject(made.label, byObject[made.label]!));
      io.out(output === 'text' ? formatExplained(explained) : render(explained, output));
      return different ? 1 : 0;
    }
    if (output === 'text') {
      const text = formatChanges(byObject, { color: wantsColor(io, noColor) });
      if (text !== '') io.out(text.endsWith('\n') ? text : `${text}\n`);
    }
    else io.out(render(byObject, output));
    return different ? 1 : 0;
  },
};

function ignoreRules(rules: readonly string[]): IgnoreRule[] {
  return rules.map((rule) => {
    const match = /^([A-Z][A-Za-z0-9]*):(.+)$/.exec(rule);
    return match === null ? rule : { kind: match[1] as string, path: match[2] as string };
  });
}

function normalizeOptions(lists: readonly string[]): SemanticNormalizeOptions {
  const off: { -readonly [K in keyof SemanticNormalizeOptions]: boolean } = {};
  for (const name of lists.flatMap((list) => list.split(',')).map((s) => s.trim()).filter((s) => s !== '')) {
    if (name === 'all') {
      for (const key of Object.values(NORMALIZATIONS)) off[key] = false;
      continue;
    }
    const key = NORMALIZATIONS[name];
    if (key === undefined) throw usageError('diff', `--no-normalize: unknown normalization ${JSON.stringify(name)} (one of ${Object.keys(NORMALIZATIONS).join(', ')}, all)`);
    off[key] = false;
  }
  return off;
}
