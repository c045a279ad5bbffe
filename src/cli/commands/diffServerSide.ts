import type { ApplyConflict } from '../../errors/ApplyConflictError.js';
import { readCrdFiles as readCrds } from '../readCrdFiles.js';
import type { JsonObject } from '../../json/JsonValue.js';
import { formatChanges } from '../../semantic/formatChanges.js';
import { isRealChange } from '../../semantic/isRealChange.js';
import type { SemanticChange } from '../../semantic/SemanticChange.js';
import { serverSideDiff } from '../../semantic/serverSideDiff.js';
import { CliError, explainFailure, usageError } from '../CliError.js';
import type { CliIo } from '../Command.js';
import { pairObjects, readObjects, type KubeObject } from '../kubeObjects.js';
import { oneOf, parseCommandArgs } from '../parseCommandArgs.js';
import { describeSource } from '../readDocuments.js';
import { render, wantsColor } from '../render.js';

/** The `--help` of `kubepatch diff --server-side`. */
export const SERVER_SIDE_DIFF_HELP = `Usage: kubepatch diff --server-side --manager NAME [options] LIVE DESIRED

Argo CD's Server-Side Diff, offline: what a server-side apply of DESIRED by the field
manager NAME would store (forced, as Argo CD forces it; kube-apiserver 1.33's rules),
compared with LIVE as the API server sees it. LIVE holds the objects as the server
returns them, with their managedFields (kubectl get -o yaml --show-managed-fields);
DESIRED the manifests. Objects are matched by apiVersion, kind, namespace and name; one
only in DESIRED is created, one only in LIVE shows as removed. Either may be -.
The manifest is first normalized as Argo CD does before its dry run (through its Go
struct, creationTimestamp removed, a Secret's stringData folded into data). Fields the
apply takes from other managers are listed on standard error ("takes ... from ...").

Exit status: 0 no difference, 1 differences, 2 trouble.

Options:
      --server-side             this mode (without it: kubepatch diff OLD NEW)
      --manager NAME            the field manager; Argo CD's is argocd-controller; required
      --crd FILE                the CustomResourceDefinition of a custom kind (repeatable;
                                a file may hold several); built-in kinds need none
  -o, --output text|json|yaml  output format (default: text, coloured on a terminal);
                                json and yaml give { changes, conflicts } per object
      --equivalent             also show differences that normalize away (≈)
      --no-color               no ANSI colours (also NO_COLOR=1)
  -h, --help                   this help

Example:
  kubectl get deployment web -o yaml --show-managed-fields > live.yaml
  kubepatch diff --server-side --manager argocd-controller live.yaml web.yaml
  # Deployment shop/web
  #   spec.template.spec.containers[name=app]
  #     ~ image: app:1 → app:2
`;

const OPTIONS = {
  'server-side': { type: 'boolean' },
  manager: { type: 'string' },
  crd: { type: 'string', multiple: true },
  output: { type: 'string', short: 'o' },
  equivalent: { type: 'boolean' },
} as const;

/** One object's outcome, as `-o json|yaml` prints it. */
interface ObjectOutcome {
  changes: SemanticChange[];
  conflicts: ApplyConflict[];
}

/** `kubepatch diff --server-side --manager NAME LIVE DESIRED`: the predicted changes, with diff's exit codes. */
export async function runServerSideDiff(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals, help, noColor } = parseCommandArgs('diff', args, OPTIONS, ['LIVE', 'DESIRED']);
  if (help) return io.out(SERVER_SIDE_DIFF_HELP), 0;
  const output = oneOf('diff', 'output', values.output, ['text', 'json', 'yaml'], 'text');
  const manager = values.manager;
  if (manager === undefined || manager === '') throw usageError('diff', '--server-side needs --manager NAME (the field manager; Argo CD\'s is argocd-controller)');
  const [liveArg, desiredArg] = positionals as [string, string];
  if (liveArg === '-' && desiredArg === '-') throw usageError('diff', 'LIVE and DESIRED cannot both be standard input');
  const crds = await readCrds(values.crd ?? [], io);
  const { pairs, onlyOld, onlyNew } = pairObjects(await readObjects(liveArg, io), await readObjects(desiredArg, io), false);

  const byObject: Record<string, ObjectOutcome> = {};
  let different = onlyOld.length > 0;
  const diffOne = (live: JsonObject | null, desired: KubeObject) => {
    const where = `${describeSource(desired)} ${desired.label}`;
    const result = explainFailure(where, () => serverSideDiff(live, desired.object, { manager, ...(crds.length === 0 ? {} : { crds }) }));
    if (result.changes.some(isRealChange)) different = true;
    const shown = values.equivalent === true ? result.changes : result.changes.filter(isRealChange);
    for (const c of result.conflicts) io.err(`kubepatch diff: ${desired.label}: takes ${c.serverPath} from "${c.manager}" (${c.operation})\n`);
    if (shown.length > 0 || result.conflicts.length > 0) byObject[desired.label] = { changes: [...shown], conflicts: [...result.conflicts] };
  };
  for (const pair of pairs) diffOne(pair.old.object, pair.new);
  for (const made of onlyNew) diffOne(null, made);
  for (const gone of onlyOld) byObject[gone.label] = { changes: [{ path: '(object)', pointer: '', kind: 'removed', from: gone.object }], conflicts: [] };

  if (output === 'text') {
    const changes: Record<string, SemanticChange[]> = {};
    for (const [label, outcome] of Object.entries(byObject)) if (outcome.changes.length > 0) changes[label] = outcome.changes;
    const text = formatChanges(changes, { color: wantsColor(io, noColor) });
    if (text !== '') io.out(text.endsWith('\n') ? text : `${text}\n`);
  } else io.out(render(byObject, output));
  return different ? 1 : 0;
}

const shown = (arg: string) => (arg === '-' ? '<stdin>' : arg);

