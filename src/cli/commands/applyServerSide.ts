import { serverSideApply } from '../../apply/serverSideApply.js';
import { readCrdFiles as readCrds } from '../readCrdFiles.js';
import type { ServerSideApplyOptions } from '../../apply/ServerSideApplyOptions.js';
import type { ApplyConflictError } from '../../errors/ApplyConflictError.js';
import { isKubepatchError } from '../../errors/isKubepatchError.js';
import type { JsonObject } from '../../json/JsonValue.js';
import { CliError, explainFailure, usageError } from '../CliError.js';
import type { CliIo } from '../Command.js';
import { isObject, readObjects, type KubeObject } from '../kubeObjects.js';
import { oneOf, parseCommandArgs } from '../parseCommandArgs.js';
import { describeSource } from '../readDocuments.js';
import { render } from '../render.js';

/** The `--help` of `kubepatch apply --server-side`. */
export const SERVER_SIDE_HELP = `Usage: kubepatch apply --server-side --manager NAME [options] LIVE CONFIG

Server-side apply, offline, as kube-apiserver 1.33 does it: CONFIG (one object) applied
by the field manager NAME to the object in LIVE; prints the object the server would store,
metadata.managedFields included. LIVE holds the object as the API server returns it, with
its managedFields (kubectl get -o yaml --show-managed-fields), or no object at all (an
empty file: the apply creates it). Either may be - for standard input.
Fields NAME applied before and CONFIG leaves out are removed unless another manager owns
them. Fields of CONFIG with other values that another manager owns are conflicts: the
server's message on standard error and exit 1, unless --force-conflicts.
Exit 0 when applied, 1 on conflicts, 2 on trouble.

Options:
      --server-side             server-side apply (without it: kubepatch apply DOC PATCH)
      --manager NAME            the field manager (fieldManager); required
      --force-conflicts         take the fields other managers own instead of failing
      --subresource status      apply through the status subresource
      --crd FILE                the CustomResourceDefinition of a custom kind (repeatable;
                                a file may hold several); built-in kinds need none
  -o, --output yaml|json        output format (default: yaml)
      --no-color                no ANSI colours (this output has none)
  -h, --help                    this help

Example:
  kubectl get deployment web -o yaml --show-managed-fields > live.yaml
  kubepatch apply --server-side --manager deployer live.yaml web.yaml
  # apiVersion: apps/v1
  # kind: Deployment
  # metadata: … managedFields: - manager: deployer, operation: Apply …
`;

const OPTIONS = {
  'server-side': { type: 'boolean' },
  manager: { type: 'string' },
  'force-conflicts': { type: 'boolean' },
  subresource: { type: 'string' },
  crd: { type: 'string', multiple: true },
  output: { type: 'string', short: 'o' },
} as const;

/** The options only a server-side apply takes. */
const SERVER_SIDE_ONLY = ['--manager', '--force-conflicts', '--subresource', '--crd'];

/**
 * Whether `kubepatch apply ARGS` is a server-side apply: `--server-side` before any `--`. Throws a
 * usage error when an option of server-side apply comes without it.
 */
export function isServerSide(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  if (options.includes('--server-side')) return true;
  const stray = options.find((arg) => SERVER_SIDE_ONLY.some((name) => arg === name || arg.startsWith(`${name}=`)));
  if (stray !== undefined) throw usageError('apply', `${stray.split('=')[0]!} goes with --server-side`);
  return false;
}

/** `kubepatch apply --server-side --manager NAME LIVE CONFIG`: the stored object, or the conflicts. */
export async function runServerSideApply(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseCommandArgs('apply', args, OPTIONS, ['LIVE', 'CONFIG']);
  if (help) return io.out(SERVER_SIDE_HELP), 0;
  const output = oneOf('apply', 'output', values.output, ['yaml', 'json'], 'yaml');
  const manager = values.manager;
  if (manager === undefined || manager === '') throw usageError('apply', '--server-side needs --manager NAME (the field manager)');
  if (values.subresource === '') throw usageError('apply', '--subresource must name a subresource (status)');
  const [liveArg, configArg] = positionals as [string, string];
  if (liveArg === '-' && configArg === '-') throw usageError('apply', 'LIVE and CONFIG cannot both be standard input');
  const crds = await readCrds(values.crd ?? [], io);
  const configs = await readObjects(configArg, io);
  const config = configs[0];
  if (configs.length !== 1 || config === undefined) throw new CliError(`${shown(configArg)}: expected one object, found ${configs.length}`);
  const lives = await readObjects(liveArg, io);
  if (lives.length > 1) throw new CliError(`${shown(liveArg)}: expected one object (or none, to create it), found ${lives.length}`);
  const live = lives[0];
  if (live !== undefined) checkSameObject(live, config);

  const where = `${describeSource(config)} ${config.label}`;
  const options: ServerSideApplyOptions = {
    manager,
    ...(values['force-conflicts'] === true ? { force: true } : {}),
    ...(values.subresource === undefined ? {} : { subresource: values.subresource }),
    ...(crds.length === 0 ? {} : { crds }),
  };
  const outcome = explainFailure(where, () => applyOrConflict(live?.object ?? null, config.object, options));
  if ('conflict' in outcome) {
    io.err(`kubepatch apply: ${outcome.conflict.message}\n`);
    return 1;
  }
  io.out(render(outcome.object, output));
  return 0;
}

/** The stored object, or the conflicts the apply stops at (other errors are thrown). */
function applyOrConflict(live: JsonObject | null, config: JsonObject, options: ServerSideApplyOptions): { object: JsonObject } | { conflict: ApplyConflictError } {
  try {
    return { object: serverSideApply(live, config, options).object };
  } catch (error) {
    if (isKubepatchError(error, 'APPLY_CONFLICT')) return { conflict: error };
    throw error;
  }
}

const shown = (arg: string) => (arg === '-' ? '<stdin>' : arg);


/** LIVE must be the object CONFIG names: the same kind and name, and namespace when CONFIG has one. */
function checkSameObject(live: KubeObject, config: KubeObject): void {
  const identity = (object: JsonObject) => {
    const metadata = isObject(object.metadata) ? object.metadata : {};
    return { kind: object.kind, name: metadata.name ?? metadata.generateName, namespace: metadata.namespace };
  };
  const l = identity(live.object);
  const c = identity(config.object);
  if (l.kind === c.kind && l.name === c.name && (c.namespace === undefined || c.namespace === l.namespace)) return;
  throw new CliError(`${describeSource(config)}: ${config.label} is not the object of ${describeSource(live)} (${live.label})`);
}
