import type { JsonObject } from '../json/JsonValue.js';
import { CliError } from './CliError.js';
import type { CliIo } from './Command.js';
import { readObjects } from './kubeObjects.js';

const shown = (arg: string) => (arg === '-' ? '<stdin>' : arg);

/** The CustomResourceDefinitions of the `--crd` files (a `kind: List` gives its items). */
export async function readCrdFiles(files: readonly string[], io: CliIo): Promise<JsonObject[]> {
  const crds: JsonObject[] = [];
  for (const file of files) {
    const objects = (await readObjects(file, io)).filter((object) => object.object.kind === 'CustomResourceDefinition');
    if (objects.length === 0) throw new CliError(`${shown(file)}: --crd expects CustomResourceDefinitions, found none`);
    crds.push(...objects.map((object) => object.object));
  }
  return crds;
}
