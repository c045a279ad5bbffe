import type { JsonValue } from '../../json/JsonValue.js';
import { applyJsonPatch } from '../../patch/json-patch/applyJsonPatch.js';
import type { JsonPatch } from '../../patch/json-patch/JsonPatchOperation.js';
import { applyMergePatch } from '../../patch/merge-patch/applyMergePatch.js';
import { applyStrategicMergePatch } from '../../patch/strategic/applyStrategicMergePatch.js';
import { patchTypeFor } from '../../schema/patchTypeFor.js';
import { CliError, explainFailure } from '../CliError.js';
import type { Command } from '../Command.js';
import { isObject, readObjects } from '../kubeObjects.js';
import { oneOf, parseCommandArgs } from '../parseCommandArgs.js';
import { describeSource, readDocuments } from '../readDocuments.js';
import { render } from '../render.js';
import { isServerSide, runServerSideApply } from './applyServerSide.js';
import { strategicSchema } from './strategicSchema.js';

const HELP = `Usage: kubepatch apply [options] DOC PATCH
       kubepatch apply --server-side --manager NAME [options] LIVE CONFIG

Applies PATCH to the object in DOC and prints the result, as the API server would.
DOC holds one object; PATCH one patch (JSON or YAML, - for standard input).
--type auto (the default): a JSON patch when PATCH is a list of operations, else a
strategic merge patch for built-in kinds and a JSON merge patch for custom resources.
With --server-side: a server-side apply of CONFIG to LIVE by the field manager NAME,
with managedFields and conflicts (kubepatch apply --server-side --help for its options).

Options:
  -t, --type auto|strategic|merge|json  patch format (default: auto)
  -o, --output yaml|json                output format (default: yaml)
      --server-side                     server-side apply: LIVE CONFIG (see above)
      --no-color                        no ANSI colours (this output has none)
  -h, --help                            this help

Example:
  echo '{"spec":{"replicas":6}}' | kubepatch apply examples/rollouts/rollout.v1.yaml -
  # apiVersion: argoproj.io/v1alpha1
  # kind: Rollout
  # … replicas: 6 …
`;

/** `kubepatch apply DOC PATCH`: the patched document. */
export const applyCommand: Command = {
  name: 'apply',
  summary: 'applies a patch to a document, or server-side applies, and prints the result',
  help: HELP,
  async run(args, io) {
    if (isServerSide(args)) return runServerSideApply(args, io);
    const { values, positionals, help } = parseCommandArgs(
      'apply',
      args,
      { type: { type: 'string', short: 't' }, output: { type: 'string', short: 'o' } },
      ['DOC', 'PATCH'],
    );
    if (help) return io.out(HELP), 0;
    const requested = oneOf('apply', 'type', values.type, ['auto', 'strategic', 'merge', 'json'], 'auto');
    const output = oneOf('apply', 'output', values.output, ['yaml', 'json'], 'yaml');
    const [docArg, patchArg] = positionals as [string, string];
    const objects = await readObjects(docArg, io);
    const target = objects[0];
    if (objects.length !== 1 || target === undefined) throw new CliError(`${docArg}: expected one object, found ${objects.length}`);
    const patches = await readDocuments(patchArg, io);
    const patchDoc = patches[0];
    if (patches.length !== 1 || patchDoc === undefined) throw new CliError(`${patchArg === '-' ? '<stdin>' : patchArg}: expected one patch document, found ${patches.length}`);
    const patch = patchDoc.value;

    const where = `${describeSource(patchDoc)} on ${target.label}`;
    const type = requested !== 'auto' ? requested : Array.isArray(patch) ? 'json' : explainFailure(where, () => patchTypeFor(target.object as never).type);
    if (type === 'json' && !Array.isArray(patch)) throw new CliError(`${describeSource(patchDoc)}: a JSON patch is a list of operations`);
    if (type !== 'json' && !isObject(patch)) throw new CliError(`${describeSource(patchDoc)}: a ${type} merge patch is an object`);
    const result: JsonValue = explainFailure(where, () => {
      if (type === 'json') return applyJsonPatch(target.object, patch as unknown as JsonPatch);
      if (type === 'merge') return applyMergePatch(target.object, patch);
      return applyStrategicMergePatch(target.object, isObject(patch) ? patch : {}, strategicSchema(target));
    });
    io.out(render(result, output));
    return 0;
  },
};
