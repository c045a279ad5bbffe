import { fieldOwnersOf } from '../../apply/fieldOwners.js';
import { explainFailure } from '../CliError.js';
import type { Command } from '../Command.js';
import { isObject, readObjects, type KubeObject } from '../kubeObjects.js';
import { oneOf, parseCommandArgs } from '../parseCommandArgs.js';
import { describeSource } from '../readDocuments.js';
import { render } from '../render.js';
import { formatOwnersTable } from './ownersTable.js';

const HELP = `Usage: kubepatch owners [options] FILE

Who owns each field of a live object, from its metadata.managedFields (server-side
apply's field ownership): one row per field with every manager that owns it, co-owners
included (two managers that applied the same value both own it), as
manager (Apply), manager (Update apps/v1) or manager (Update apps/v1, status).
FILE holds objects as the API server returns them:
  kubectl get deployment web -o yaml --show-managed-fields > web.yaml
Several objects: one table each, under a # Kind namespace/name line.
Exit 0, or 2 on trouble (a managedFields entry the API server would not accept).

Options:
      --all                    also the fields that have owned fields under them
                               (.metadata.labels beside .metadata.labels.app)
      --manager NAME           only the fields of this field manager, and only its
                               entries as owners
  -o, --output text|json|yaml  output format (default: text); json/yaml: a list of
                               { object, source, fields }, each field
                               { path, serverPath, pointer, owners }
      --no-color               no ANSI colours (this output has none)
  -h, --help                   this help

Example:
  kubepatch owners web.yaml
  # # Deployment shop/web
  # FIELD                 OWNERS
  # .metadata.labels.app  deployer (Apply), kubectl-create (Update apps/v1)
  # .spec.replicas        deployer (Apply), ci (Apply)
`;

/** `kubepatch owners FILE`: the owners of each field, from `metadata.managedFields`. */
export const ownersCommand: Command = {
  name: 'owners',
  summary: 'who owns each field of a live object (server-side apply managedFields)',
  help: HELP,
  async run(args, io) {
    const { values, positionals, help } = parseCommandArgs(
      'owners',
      args,
      { all: { type: 'boolean' }, manager: { type: 'string' }, output: { type: 'string', short: 'o' } },
      ['FILE'],
    );
    if (help) return io.out(HELP), 0;
    const output = oneOf('owners', 'output', values.output, ['text', 'json', 'yaml'], 'text');
    const manager = values.manager;
    const which = values.all === true ? 'paths' : 'leaves';
    const objects = await readObjects(positionals[0] as string, io);
    const results = objects.map((object) => ({
      object,
      fields: explainFailure(`${describeSource(object)} ${object.label}`, () => fieldOwnersOf(object.object, manager === undefined ? {} : { manager }, which)),
    }));
    if (output !== 'text') {
      io.out(render(results.map(({ object, fields }) => ({ object: object.label, source: describeSource(object), fields })), output));
      return 0;
    }
    io.out(
      results
        .map(({ object, fields }) => `# ${object.label}\n${fields.length > 0 ? formatOwnersTable(fields) : `${nothing(object, manager)}\n`}`)
        .join('\n'),
    );
    return 0;
  },
};

/** Why an object has no rows: no managedFields (kubectl hides them by default), or none of the manager. */
function nothing(object: KubeObject, manager: string | undefined): string {
  const metadata = object.object.metadata;
  const entries = isObject(metadata) ? metadata.managedFields : undefined;
  if (!Array.isArray(entries) || entries.length === 0) {
    return 'No managedFields: read the object from the API server with them (kubectl get -o yaml --show-managed-fields).';
  }
  return manager === undefined ? 'No field is owned.' : `No field is owned by ${JSON.stringify(manager)}.`;
}
