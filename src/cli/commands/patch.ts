import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { createJsonPatch } from '../../patch/json-patch/createJsonPatch.js';
import { createMergePatch } from '../../patch/merge-patch/createMergePatch.js';
import { createThreeWayMergePatch } from '../../patch/merge-patch/createThreeWayMergePatch.js';
import { requireKeyUnchanged, requireMetadataKeyUnchanged } from '../../patch/merge-patch/preconditions.js';
import { createStrategicMergePatch } from '../../patch/strategic/createStrategicMergePatch.js';
import { createThreeWayStrategicMergePatch } from '../../patch/strategic/createThreeWayStrategicMergePatch.js';
import { PATCH_CONTENT_TYPES } from '../../schema/PatchType.js';
import { patchTypeFor } from '../../schema/patchTypeFor.js';
import { explainFailure, usageError } from '../CliError.js';
import type { Command } from '../Command.js';
import { pairObjects, readObjects, type KubeObject } from '../kubeObjects.js';
import { oneOf, parseCommandArgs } from '../parseCommandArgs.js';
import { describeSource } from '../readDocuments.js';
import { render } from '../render.js';
import { strategicSchema } from './strategicSchema.js';

const HELP = `Usage: kubepatch patch [options] OLD NEW

Prints the patch that turns OLD into NEW, and the Content-Type to send it with.
--type auto (the default) chooses as kubectl apply does: a strategic merge patch for
built-in kinds, a JSON merge patch for custom resources such as an Argo Rollout.

With --three-way LIVE, prints what kubectl apply sends: OLD is the last-applied
configuration, NEW the new manifest, LIVE the live object (kubectl get -o yaml).
Fields you applied before and dropped are deleted; fields others set are kept.
For custom resources the JSON merge patch must not change apiVersion, kind or
metadata.name (kubectl's preconditions).

Options:
  -t, --type auto|strategic|merge|json  patch format (default: auto)
      --three-way LIVE                  the three-way patch of kubectl apply
  -o, --output text|json|yaml           text (default): a Content-Type line and the
                                        patch as JSON, per object; json/yaml: a list
                                        of { object, type, contentType, patch }
      --no-color                        no ANSI colours (this output has none)
  -h, --help                            this help

Example:
  kubepatch patch examples/rollouts/rollout.v1.yaml examples/rollouts/rollout.v2-image.yaml
  # Rollout shop/storefront
  # Content-Type: application/merge-patch+json
  # {"spec":{"template":{"spec":{"containers":[…]}}}}
`;

type ChosenType = 'strategic' | 'merge' | 'json';

/** `kubepatch patch OLD NEW`: the patch to send, two-way or kubectl apply's three-way. */
export const patchCommand: Command = {
  name: 'patch',
  summary: 'the patch kubectl apply or a controller should send, with its Content-Type',
  help: HELP,
  async run(args, io) {
    const { values, positionals, help } = parseCommandArgs(
      'patch',
      args,
      { type: { type: 'string', short: 't' }, 'three-way': { type: 'string' }, output: { type: 'string', short: 'o' } },
      ['OLD', 'NEW'],
    );
    if (help) return io.out(HELP), 0;
    const requested = oneOf('patch', 'type', values.type, ['auto', 'strategic', 'merge', 'json'], 'auto');
    const output = oneOf('patch', 'output', values.output, ['text', 'json', 'yaml'], 'text');
    const liveArg = values['three-way'];
    if (liveArg !== undefined && requested === 'json') throw usageError('patch', '--three-way computes a strategic or merge patch, not a JSON patch');
    const [oldArg, newArg] = positionals as [string, string];
    const { pairs } = pairObjects(await readObjects(oldArg, io), await readObjects(newArg, io), true);
    const live = liveArg === undefined ? undefined : pairObjects(await readObjects(liveArg, io), pairs.map((p) => p.new), true);

    const results = pairs.map((pair) => {
      const current = live?.pairs.find((p) => p.new === pair.new)?.old;
      const type: ChosenType = requested === 'auto' ? explainFailure(where(pair.new), () => patchTypeFor(pair.new.object as never).type) : requested;
      const patch = explainFailure(where(pair.new), () => computePatch(type, pair.old, pair.new, current));
      return { object: pair.new.label, type, contentType: PATCH_CONTENT_TYPES[type], patch };
    });

    if (output !== 'text') return io.out(render(results, output)), 0;
    for (const result of results) {
      io.out(`# ${result.object}\nContent-Type: ${result.contentType}\n${JSON.stringify(result.patch)}\n`);
    }
    return 0;
  },
};

function where(object: KubeObject): string {
  return `${describeSource(object)} ${object.label}`;
}

/** The patch of `type` from `old` to `desired`; three-way when `live` is given (then `old` is the last-applied configuration). */
function computePatch(type: ChosenType, old: KubeObject, desired: KubeObject, live: KubeObject | undefined): JsonValue {
  if (type === 'json') return createJsonPatch(old.object, desired.object) as unknown as JsonValue;
  if (type === 'strategic') {
    const schema = strategicSchema(desired);
    if (live === undefined) return createStrategicMergePatch(old.object, desired.object, schema);
    return createThreeWayStrategicMergePatch(old.object, desired.object, live.object, schema);
  }
  if (live === undefined) return createMergePatch(old.object, desired.object);
  const preconditions = [requireKeyUnchanged('apiVersion'), requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name')];
  return createThreeWayMergePatch(old.object, desired.object, live.object, { preconditions }) satisfies JsonObject;
}
